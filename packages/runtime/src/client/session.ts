// A running client script: a generator over the compiled module body that
// stops at every entity interaction. The script starts with a copy of the
// entity module's globals (as the CPython harness runs it) plus `client_id`.

import type { Module } from '@entflow/compiler';
import { parse } from '@entflow/compiler';
import { exc, makeException } from '../exceptions.ts';
import type { ClientOptions, ClientSession, ClientStep, Resumption } from '../host.ts';
import { toPyError } from '../interp/errors.ts';
import { Cell, Frame } from '../interp/frame.ts';
import { analyzeBody } from '../interp/scope.ts';
import { flushOutput } from '../output.ts';
import type { RuntimeProgram } from '../program.ts';
import { PyModule, type PyClass, type PyInstance, type Value } from '../values.ts';
import { ClientCompiler, type Gen } from './compileClient.ts';

// The parser's codes for CPython's SyntaxError subclasses (see the compiler's
// parser/syntaxErrors.ts); every other syntax code is a plain SyntaxError.
const SYNTAX_ERROR_CLASSES: Record<string, PyClass> = { E0002: exc.IndentationError, E0005: exc.TabError };

function parseClient(source: string | Module): { module: Module } | { error: PyInstance } {
  if (typeof source !== 'string') return { module: source };
  const result = parse(source, 'client.py');
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    const d = errors[0];
    // The message is the exception's str(), as CPython's "msg (file, line N)".
    const cls = SYNTAX_ERROR_CLASSES[d.code] ?? exc.SyntaxError;
    return { error: makeException(cls, `${d.message} (client.py, line ${d.line})`) };
  }
  return { module: result.module };
}

/**
 * Client-capable versions of the entity module's top-level functions. In
 * CPython a helper of the entities file runs as client code when the client
 * calls it, so it may call entities. These versions can, and they still read
 * and write the entity module's globals.
 */
function clientVersionsOfModuleFunctions(program: RuntimeProgram): Map<string, Value> {
  const out = new Map<string, Value>();
  const body = program.ir.moduleBody;
  if (!body.some((s) => s.kind === 'FunctionDef')) return out;
  const { scope, builder } = analyzeBody('module', body);
  const compiler = new ClientCompiler(program.env, builder);
  const frame = new Frame(new Array(scope.slotCount), null);
  for (const stmt of body) {
    if (stmt.kind !== 'FunctionDef') continue;
    try {
      out.set(stmt.name, compiler.functionDef(scope, stmt)(frame));
    } catch {
      // A decorator or default that fails here failed at load time too; keep the original.
    }
  }
  return out;
}

export function startClientSession(program: RuntimeProgram, source: string | Module, options: ClientOptions): ClientSession {
  const parsed = parseClient(source);
  let gen: Gen<unknown> | null = null;
  let finished: ClientStep | null = null;
  const budget = options.stepBudget ?? { remaining: program.limits.stepsPerRequest };
  const ctx = { print: options.print, stepBudget: budget };

  if ('error' in parsed) {
    finished = { kind: 'done', error: parsed.error };
  } else {
    const globals = new Map<string, Cell>();
    for (const [k, v] of program.globalValues()) globals.set(k, new Cell(v));
    for (const [name, fn] of clientVersionsOfModuleFunctions(program)) {
      const cell = globals.get(name);
      if (cell !== undefined && cell.v === program.env.globals.get(name)?.v) cell.v = fn;
    }
    globals.set('client_id', new Cell(options.clientId));
    globals.set('__name__', new Cell('__main__'));
    const modules = new Map(program.env.modules);
    modules.set('entities', new PyModule('entities', program.globalValues()));
    const env = { globals, builtins: program.env.builtins, modules };
    const body = parsed.module.body;
    const { scope, builder } = analyzeBody('module', body);
    try {
      const compiler = new ClientCompiler(env, builder);
      const run = compiler.genBlock(scope, body);
      const frame = new Frame(new Array(scope.slotCount), null);
      gen = (function* () { yield* run(frame); })();
    } catch (e) {
      finished = { kind: 'done', error: toPyError(e).exc };
    }
  }

  return {
    next(reply?: Resumption): ClientStep {
      if (finished !== null) return finished;
      budget.remaining = program.limits.stepsPerRequest;
      return program.withState(ctx, () => {
        let step: ClientStep;
        try {
          const r = gen!.next(reply);
          if (!r.done) return r.value;
          step = { kind: 'done', error: null };
        } catch (e) {
          step = { kind: 'done', error: toPyError(e).exc as Value };
        }
        flushOutput(options.print);
        finished = step;
        return step;
      });
    },
  };
}

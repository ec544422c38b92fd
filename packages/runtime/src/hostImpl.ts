// Implementation of the host API declared in host.ts.

import type { ProgramIR } from '@entflow/compiler';
import { copyAcrossBoundary, deepCopy } from './copy.ts';
import { exc, formatException, makeException, raise } from './exceptions.ts';
import type {
  ClientOptions, ClientSession, ClientSource, Continuation, ContinuationFrame, EntityState, ExecContext, LoadOptions,
  LoadResult, Outcome, Resumption,
} from './host.ts';
import { toPyError } from './interp/errors.ts';
import { Frame } from './interp/frame.ts';
import { flushOutput } from './output.ts';
import { formatExceptionHook, makeProgram, type RuntimeProgram } from './program.ts';
import { startClientSession } from './client/session.ts';
import { callValue } from './call.ts';
import { EntityInstance, EntityRef, PyBoundMethod, PyFunction, PyList, PyProperty, type PyInstance, type Value } from './values.ts';

formatExceptionHook.format = formatException;

export function loadProgram(ir: ProgramIR, options?: LoadOptions): LoadResult {
  const program = makeProgram(ir, options?.limits);
  const print = (line: string) => {
    program.moduleOutput.push(line);
    options?.print?.(line);
  };
  const budget = { remaining: program.limits.stepsPerRequest };
  const error = program.withState({ print, stepBudget: budget }, () => {
    const r = program.initialize();
    flushOutput(print);
    return r;
  });
  if (error !== null) return { error };
  return { program };
}

function raiseOutcome(e: unknown): Outcome {
  return { kind: 'raise', exception: copyAcrossBoundary(toPyError(e).exc) };
}

export function invokeMethod(
  program: RuntimeProgram, entity: EntityState, method: string, args: Value[], kwargs: [string, Value][], ctx: ExecContext,
): Outcome {
  return program.withState(ctx, () => {
    try {
      if (!program.hasMethod(entity.className, method)) {
        throw raise(exc.AttributeError, `'${entity.className}' object has no attribute '${method}'`);
      }
      const ex = program.newExecutor(entity, ctx, false);
      ex.pushCall(program.method(entity.className, method), args, kwargs.length ? kwargs : null);
      return ex.run(null);
    } catch (e) {
      return raiseOutcome(e);
    }
  });
}

export function resumeMethod(
  program: RuntimeProgram, entity: EntityState, continuation: Continuation, resumption: Resumption, ctx: ExecContext,
): Outcome {
  const target = continuation.constructing ?? entity;
  return program.withState(ctx, () => {
    try {
      const ex = program.newExecutor(target, ctx, continuation.constructing !== null);
      for (const cf of continuation.frames) {
        const m = program.method(continuation.className, cf.method);
        const frame = new Frame(cf.locals, program.methodFunction(m));
        frame.slots[m.selfSlot] = target;
        ex.stack.push({
          method: m,
          frame,
          block: cf.resumeBlock,
          resultSlot: cf.resultVar === null ? -1 : m.slotNames.indexOf(cf.resultVar),
          callBlock: cf.callBlock,
        });
      }
      return ex.run(resumption);
    } catch (e) {
      return raiseOutcome(e);
    }
  });
}

export function constructEntity(
  program: RuntimeProgram, className: string, args: Value[], kwargs: [string, Value][], ctx: ExecContext,
): Outcome {
  return program.withState(ctx, () => {
    try {
      program.entityIR(className);
      const entity = new EntityInstance(className, null, new Map());
      const ex = program.newExecutor(entity, ctx, true);
      if (!program.hasMethod(className, '__init__')) {
        if (args.length > 0 || kwargs.length > 0) throw raise(exc.TypeError, `${className}() takes no arguments`);
        const key = program.callKey(entity);
        entity.key = key;
        return { kind: 'constructed', entity };
      }
      ex.pushCall(program.method(className, '__init__'), args, kwargs.length ? kwargs : null);
      return ex.run(null);
    } catch (e) {
      return raiseOutcome(e);
    }
  });
}

export function readAttribute(program: RuntimeProgram, entity: EntityState, attr: string): Resumption {
  const v = entity.attrs.get(attr);
  if (v !== undefined) return { kind: 'value', value: copyAcrossBoundary(v) };
  // Not in the state: a class constant (copied like state) or a method,
  // bound to a reference so that calling it is a remote call.
  const found = program.classes.get(entity.className)?.lookup(attr);
  if (found instanceof PyFunction) return { kind: 'value', value: new PyBoundMethod(new EntityRef(entity.className, entity.key), found) };
  if (found !== undefined && !(found instanceof PyProperty) && !attr.startsWith('__')) return { kind: 'value', value: copyAcrossBoundary(found) };
  return { kind: 'exception', exception: makeException(exc.AttributeError, `'${entity.className}' object has no attribute '${attr}'`) };
}

export function evaluateInvariant(
  program: RuntimeProgram, name: string, entities: Map<string, EntityState[]>, ctx?: ExecContext,
): Resumption {
  const inv = program.ir.invariants.find((i) => i.name === name);
  const fn = program.env.globals.get(name)?.v;
  const context: ExecContext = ctx ?? { print: () => {}, stepBudget: { remaining: program.limits.stepsPerRequest } };
  return program.withState(context, () => {
    try {
      if (inv === undefined || fn === undefined) throw raise(exc.NameError, `invariant '${name}' is not defined`);
      const memo = new Map<unknown, unknown>();
      const args = inv.params.map((p) => new PyList((entities.get(p.className) ?? []).map((e) => deepCopy(e, memo) as Value)));
      return { kind: 'value', value: callValue(fn, args, null) };
    } catch (e) {
      return { kind: 'exception', exception: toPyError(e).exc };
    }
  });
}

export function frameVariables(program: RuntimeProgram, className: string, frame: ContinuationFrame): readonly string[] {
  return program.method(className, frame.method).slotNames;
}

export function startClient(program: RuntimeProgram, clientSource: ClientSource, options: ClientOptions): ClientSession {
  return startClientSession(program, clientSource, options);
}

export type { PyInstance };

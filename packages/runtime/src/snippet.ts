// Run a plain Python module (no entities): used by tests that compare the
// interpreter with CPython, and by tools that evaluate small snippets.

import { parse } from '@entflow/compiler';
import { formatException } from './exceptions.ts';
import { toPyError } from './interp/errors.ts';
import { Frame } from './interp/frame.ts';
import { analyzeBody } from './interp/scope.ts';
import { StmtCompiler } from './interp/compileStmt.ts';
import { DEFAULT_LIMITS, type RuntimeLimits } from './limits.ts';
import { flushOutput } from './output.ts';
import { makeProgram } from './program.ts';

export interface SnippetResult {
  output: string[];
  /** "ExcClass: message" of an uncaught exception, or null. */
  error: string | null;
}

export function runSnippet(source: string, limits?: Partial<RuntimeLimits>): SnippetResult {
  const parsed = parse(source, 'snippet.py');
  const syntax = parsed.diagnostics.find((d) => d.severity === 'error');
  if (syntax) return { output: [], error: `SyntaxError: ${syntax.message}` };
  const program = makeProgram({ irVersion: 1, moduleBody: [], entities: [], invariants: [], dataflow: { nodes: [], edges: [] } }, { ...DEFAULT_LIMITS, ...limits });
  const output: string[] = [];
  const print = (line: string) => { output.push(line); };
  const error = program.withState({ print, stepBudget: { remaining: program.limits.stepsPerRequest } }, () => {
    try {
      const { scope, builder } = analyzeBody('module', parsed.module.body);
      const body = new StmtCompiler(program.env, builder).block(scope, parsed.module.body);
      body(new Frame(new Array(scope.slotCount), null));
      return null;
    } catch (e) {
      return formatException(toPyError(e).exc);
    } finally {
      flushOutput(print);
    }
  });
  return { output, error };
}

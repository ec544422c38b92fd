// The whole compiler: source text to the program IR, or diagnostics. Never
// throws: a failure inside the compiler itself becomes an internal-error
// diagnostic naming what failed.

import { findContextErrors } from './checks/contextErrors.ts';
import { analyzeProgram } from './analysis/analyze.ts';
import { Code } from './analysis/codes.ts';
import { DiagnosticSink } from './analysis/diagnostics.ts';
import type { Diagnostic } from './diagnostic.ts';
import type { CompileResult } from './ir.ts';
import { validateIr } from './irValidate.ts';
import { parse } from './parse.ts';
import { buildProgramIR } from './split/program.ts';

/**
 * Compiles a file to the program IR. The diagnostics come in position order
 * (line, then column, stable for equal positions), except that the syntax
 * error CPython would report stays first.
 */
export function compile(source: string, fileName = '<input>'): CompileResult {
  const { ir, diagnostics, hasSyntaxErrors = false } = compileUnordered(source, fileName);
  return { ir, diagnostics: orderDiagnostics(diagnostics, hasSyntaxErrors) };
}

/**
 * Sorts diagnostics by line and column. Array.prototype.sort is stable, so
 * equal positions keep the order the stages reported them in. When the file
 * has syntax errors, parse() put the one CPython reports first, and that one
 * keeps its place.
 */
function orderDiagnostics(diagnostics: Diagnostic[], keepsFirst: boolean): Diagnostic[] {
  const first = keepsFirst ? diagnostics.slice(0, 1) : [];
  const rest = diagnostics.slice(first.length);
  rest.sort((a, b) => a.line - b.line || a.column - b.column);
  return [...first, ...rest];
}

function compileUnordered(source: string, fileName: string): CompileResult & { hasSyntaxErrors?: boolean } {
  try {
    const parsed = parse(source, fileName);
    if (parsed.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) {
      return { ir: null, diagnostics: parsed.diagnostics, hasSyntaxErrors: true };
    }
    const contextErrors = findContextErrors(parsed.module.body, source);
    if (contextErrors.length > 0) return { ir: null, diagnostics: [...parsed.diagnostics, ...contextErrors] };

    const analysis = analyzeProgram(parsed.module, source);
    const diagnostics = [...parsed.diagnostics, ...analysis.diagnostics];
    if (diagnostics.some((diagnostic) => diagnostic.severity === 'error')) return { ir: null, diagnostics };

    const sink = new DiagnosticSink(source);
    const ir = buildProgramIR(analysis.model, sink);
    diagnostics.push(...sink.diagnostics);
    if (ir === null) return { ir: null, diagnostics };

    const problems = validateIr(ir);
    if (problems.length > 0) {
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
      return { ir: null, diagnostics: [...diagnostics, internalError(source, `the generated IR is invalid: ${problems[0]}${more}`)] };
    }
    return { ir, diagnostics };
  } catch (error) {
    const reason = error instanceof RangeError ? 'the code is nested too deeply' : String(error instanceof Error ? error.message : error);
    return { ir: null, diagnostics: [internalError(source, reason)] };
  }
}

function internalError(source: string, reason: string) {
  const sink = new DiagnosticSink(source);
  sink.error(
    Code.internalError,
    `Internal compiler error: ${reason}. This is a bug in Entflow, not in your program; please report it with the program.`,
    { start: 0, end: Math.min(1, source.length) },
  );
  return sink.diagnostics[0]!;
}

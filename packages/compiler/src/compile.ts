// The whole compiler: source text to the program IR, or diagnostics. Never
// throws: a failure inside the compiler itself becomes an internal-error
// diagnostic naming what failed.

import { findContextErrors } from './checks/contextErrors.ts';
import { analyzeProgram } from './analysis/analyze.ts';
import { Code } from './analysis/codes.ts';
import { DiagnosticSink } from './analysis/diagnostics.ts';
import type { CompileResult } from './ir.ts';
import { validateIr } from './irValidate.ts';
import { parse } from './parse.ts';
import { buildProgramIR } from './split/program.ts';

export function compile(source: string, fileName = '<input>'): CompileResult {
  try {
    const parsed = parse(source, fileName);
    if (parsed.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) {
      return { ir: null, diagnostics: parsed.diagnostics };
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

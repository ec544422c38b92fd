// Construction and printing of diagnostics. Stages find problems as spans
// (UTF-16 offsets); line and column are added here from a line table.

import type { Span } from './ast.ts';
import type { Diagnostic, Severity } from './diagnostic.ts';
import type { LineTable } from './lineTable.ts';

/** Builds a Diagnostic for `span`, with 1-based lines and columns from `lineTable`. */
export function makeDiagnostic(
  lineTable: LineTable,
  code: string,
  message: string,
  span: Span,
  severity: Severity = 'error',
): Diagnostic {
  const start = lineTable.position(span.start);
  const end = lineTable.position(Math.max(span.start, span.end));
  return {
    code,
    severity,
    message,
    span: { start: span.start, end: Math.max(span.start, span.end) },
    line: start.line,
    column: start.column + 1,
    endLine: end.line,
    endColumn: end.column + 1,
  };
}

/** Formats a diagnostic as `FILE:LINE:COL: error CODE: message`. */
export function formatDiagnostic(fileName: string, diagnostic: Diagnostic): string {
  return `${fileName}:${diagnostic.line}:${diagnostic.column}: ${diagnostic.severity} ${diagnostic.code}: ${diagnostic.message}`;
}

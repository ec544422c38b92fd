// Diagnostics: every problem the compiler finds in user input becomes one of
// these instead of an exception. Codes are stable: tools and tests match them.

import type { Span } from './ast.ts';

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Stable code, for example `E0101`; see docs/language.md for the catalogue. */
  code: string;
  severity: Severity;
  /** One or two plain sentences: what is wrong and what to do. */
  message: string;
  /** UTF-16 offsets into the file's text; `end` is exclusive. */
  span: Span;
  /** 1-based line and column of `span.start` (column counts UTF-16 units, 1-based). */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

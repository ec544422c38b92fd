// Diagnostic codes of the tokenizer and the parser. Codes are stable because
// editors and tests match them. Messages follow CPython 3.11's wording, which
// Python programmers recognise.
//
// | Code  | CPython exception | Meaning                                              |
// |-------|-------------------|------------------------------------------------------|
// | E0001 | SyntaxError       | The token sequence matches no grammar rule.          |
// | E0002 | IndentationError  | Unexpected indent, missing indented block, or an     |
// |       |                   | unindent that matches no outer level.                |
// | E0003 | SyntaxError       | The tokenizer rejected the text: unterminated        |
// |       |                   | string, invalid character or number literal,         |
// |       |                   | unmatched or unclosed bracket.                       |
// | E0004 | SyntaxError       | Nesting deeper than a bound in limits.ts.            |
// | E0005 | TabError          | Tabs and spaces mixed inconsistently in indentation. |
// | E0006 | SyntaxError       | Invalid target of an assignment, `del`, `for`,       |
// |       |                   | `with` or comprehension.                             |
// | E0007 | SyntaxError       | Invalid string or bytes literal: bad escape, mixed   |
// |       |                   | bytes and str, non-ASCII bytes.                      |
// | E0008 | SyntaxError       | Invalid f-string: bad expression part, conversion,   |
// |       |                   | or braces.                                           |
// | E0009 | SyntaxError       | Invalid parameter or argument list.                  |
// | E0010 | SyntaxError       | A statement or expression where CPython's compiler   |
// |       |                   | rejects it: `return` or `yield` outside a function,  |
// |       |                   | `break` outside a loop (checks/contextErrors.ts).    |

export const SyntaxErrorCode = {
  InvalidSyntax: 'E0001',
  Indentation: 'E0002',
  Tokenizer: 'E0003',
  TooDeep: 'E0004',
  Tab: 'E0005',
  InvalidTarget: 'E0006',
  InvalidLiteral: 'E0007',
  InvalidFString: 'E0008',
  InvalidArguments: 'E0009',
  OutsideContext: 'E0010',
  TooManyErrors: 'E0011',
} as const;

export type SyntaxErrorCode = (typeof SyntaxErrorCode)[keyof typeof SyntaxErrorCode];

/**
 * Stage that found a syntax error. CPython reports one error per file and
 * picks it by origin (see orderSyntaxIssues in parse.ts), so the origin is
 * kept until the diagnostics are ordered.
 */
export type IssueOrigin =
  /** CPython rejects the whole source before tokenizing it (null bytes). */
  | 'source'
  /**
   * The tokenizer raised a SyntaxError in CPython (unterminated string,
   * invalid character or literal, bracket mismatch). Found anywhere in the
   * file, it replaces a parser error.
   */
  | 'tokenizer'
  /**
   * The tokenizer only set an error state in CPython (bad unindent, TabError,
   * bad line continuation). It counts only when met before the parser error.
   */
  | 'tokenizerState'
  /** A bracket still open at the end of the file. */
  | 'unclosed'
  /** The parser rejected the tokens. */
  | 'parser';

/** A syntax error before its offsets are turned into lines and columns. */
export interface SyntaxIssue {
  code: SyntaxErrorCode;
  message: string;
  start: number;
  end: number;
  origin: IssueOrigin;
  /** For parser errors: start of the furthest token the parser had looked at. */
  reach?: number;
}

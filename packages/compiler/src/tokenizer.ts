// Tokenizer of the entity language, following CPython 3.11's tokenizer.
// INDENT and DEDENT come from indentation columns, with tabs advancing to
// multiples of 8 and a second count at tab width 1 to detect TabError. Lines
// join implicitly inside brackets and explicitly after a backslash; blank and
// comment-only lines are ignored. Unlike CPython it does not stop at the
// first error but reports it and goes on, so the parser can report more.

import type { Span } from './ast.ts';
import { BRACKET_DEPTH_MAX, DIAGNOSTICS_MAX, INDENT_DEPTH_MAX } from './limits.ts';
import { LineTable } from './lineTable.ts';
import { isAsciiIdentifierPart, isAsciiIdentifierStart, isDigit } from './parser/characters.ts';
import { NumberScanner } from './parser/numberScanner.ts';
import { isPrintable } from './parser/printable.ts';
import { SyntaxErrorCode, type SyntaxIssue } from './parser/syntaxErrors.ts';
import { KEYWORDS, TokenKind, type Token } from './token.ts';

export interface TokenizeOptions {
  /** First offset to tokenize; defaults to 0. */
  start?: number;
  /** Offset where tokenizing stops; defaults to the source length. */
  end?: number;
  /**
   * Tokenize as the inside of a bracket pair: newlines are ignored and no
   * NEWLINE, INDENT or DEDENT is produced. Used for f-string expressions,
   * which CPython parses as if wrapped in parentheses.
   */
  isBracketed?: boolean;
}

export interface TokenizeResult {
  /** Tokens in order, ending with one EndOfFile token. */
  tokens: Token[];
  /** Spans of comments, `#` included, newline excluded. */
  comments: Span[];
  issues: SyntaxIssue[];
}

/** String token value marking a literal that has no closing quote. */
export const UNTERMINATED_STRING = 'unterminated';

/** Returns the tokens of `source` (or of a range of it) with the errors found. */
export function tokenize(source: string, options: TokenizeOptions = {}): TokenizeResult {
  const tokenizer = new Tokenizer(source, options);
  tokenizer.run();
  return { tokens: tokenizer.tokens, comments: tokenizer.comments, issues: tokenizer.issues };
}

const CHAR_TAB = 9;
const CHAR_LF = 10;
const CHAR_FF = 12;
const CHAR_CR = 13;
const CHAR_SPACE = 32;
const CHAR_HASH = 35;
const CHAR_BACKSLASH = 92;

const STRING_PREFIXES = new Set(['r', 'u', 'b', 'f', 'br', 'rb', 'fr', 'rf']);
const BRACKET_CLOSERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const BRACKET_KINDS: Record<string, TokenKind> = {
  '(': TokenKind.LeftParen, '[': TokenKind.LeftBracket, '{': TokenKind.LeftBrace,
  ')': TokenKind.RightParen, ']': TokenKind.RightBracket, '}': TokenKind.RightBrace,
};

// NOTE: identifier characters come from the JavaScript engine's Unicode
// data, which is newer than CPython 3.11's (Unicode 14.0): a letter assigned
// since then is a valid name here and an invalid character in CPython.
const ID_START = /^\p{XID_Start}$/u;
const ID_CONTINUE = /^\p{XID_Continue}$/u;

interface OpenBracket {
  char: string;
  start: number;
}

class Tokenizer {
  readonly tokens: Token[] = [];
  readonly comments: Span[] = [];
  readonly issues: SyntaxIssue[] = [];

  private readonly source: string;
  private readonly end: number;
  private readonly isBracketed: boolean;
  private pos: number;
  private lineTable: LineTable | null = null;

  // Indentation columns of the open blocks, with tab width 8 and with tab
  // width 1; a block whose columns disagree in order is a TabError.
  private readonly indents: number[] = [0];
  private readonly altIndents: number[] = [0];
  // False for a level pushed only to recover from a bad unindent, which must
  // not produce a DEDENT when popped.
  private readonly indentEmitted: boolean[] = [true];
  private readonly brackets: OpenBracket[] = [];
  private isAtLineStart = true;
  private lineHasTokens = false;
  private readonly numberScanner: NumberScanner;

  constructor(source: string, options: TokenizeOptions) {
    this.source = source;
    this.pos = options.start ?? 0;
    this.end = Math.min(options.end ?? source.length, source.length);
    this.isBracketed = options.isBracketed ?? false;
    this.numberScanner = new NumberScanner(source, this.end);
  }

  run(): void {
    // Every iteration consumes at least one character or leaves the loop.
    while (this.pos < this.end) {
      if (this.isAtLineStart) {
        this.isAtLineStart = false;
        if (this.brackets.length === 0 && !this.isBracketed) this.readIndentation();
        continue;
      }
      const code = this.source.charCodeAt(this.pos);
      if (code === CHAR_SPACE || code === CHAR_TAB || code === CHAR_FF) {
        this.pos++;
      } else if (code === CHAR_LF || code === CHAR_CR) {
        this.readNewline(code);
      } else if (code === CHAR_HASH) {
        this.readComment();
      } else if (code === CHAR_BACKSLASH) {
        this.readContinuation();
      } else {
        this.readToken(code);
      }
    }
    this.finish();
  }

  private finish(): void {
    const end = this.end;
    if (this.brackets.length > 0 && !this.isBracketed) {
      const open = this.brackets[this.brackets.length - 1]!;
      this.report(SyntaxErrorCode.Tokenizer, `'${open.char}' was never closed`, open.start, open.start + 1, 'unclosed');
    }
    if (!this.isBracketed) {
      if (this.lineHasTokens) this.push(TokenKind.Newline, end, end);
      for (let i = this.indents.length - 1; i > 0; i--) {
        if (this.indentEmitted[i]) this.push(TokenKind.Dedent, end, end);
      }
    }
    this.push(TokenKind.EndOfFile, end, end);
  }

  private push(kind: TokenKind, start: number, end: number, value = ''): void {
    this.tokens.push({ kind, start, end, value });
  }

  private report(
    code: SyntaxIssue['code'],
    message: string,
    start: number,
    end: number,
    origin: SyntaxIssue['origin'] = 'tokenizer',
  ): void {
    if (this.issues.length < DIAGNOSTICS_MAX) this.issues.push({ code, message, start, end, origin });
  }

  private lineOf(offset: number): number {
    this.lineTable ??= new LineTable(this.source);
    return this.lineTable.lineOf(offset);
  }

  // ------------------------------------------------------------ lines

  /** Measures the indentation of a new line and emits INDENT or DEDENT tokens. */
  private readIndentation(): void {
    const source = this.source;
    const lineStart = this.pos;
    let column = 0;
    let altColumn = 0;
    let pos = this.pos;
    while (pos < this.end) {
      const code = source.charCodeAt(pos);
      if (code === CHAR_SPACE) {
        column++;
        altColumn++;
      } else if (code === CHAR_TAB) {
        column = (Math.floor(column / 8) + 1) * 8;
        altColumn++;
      } else if (code === CHAR_FF) {
        column = 0;
        altColumn = 0;
      } else {
        break;
      }
      pos++;
    }
    this.pos = pos;

    // Blank and comment-only lines do not change the indentation.
    const next = pos < this.end ? source.charCodeAt(pos) : -1;
    if (next === -1 || next === CHAR_HASH || next === CHAR_LF || next === CHAR_CR) return;
    this.applyIndentation(column, altColumn, lineStart, pos);
  }

  private applyIndentation(column: number, altColumn: number, lineStart: number, textStart: number): void {
    const indents = this.indents;
    const top = indents[indents.length - 1]!;
    const altTop = this.altIndents[this.altIndents.length - 1]!;
    if (column === top) {
      if (altColumn !== altTop) this.reportTabError(lineStart, textStart);
      return;
    }
    if (column > top) {
      if (indents.length > INDENT_DEPTH_MAX) {
        this.report(SyntaxErrorCode.TooDeep, 'too many levels of indentation', textStart, textStart + 1, 'tokenizerState');
      }
      if (altColumn <= altTop) this.reportTabError(lineStart, textStart);
      indents.push(column);
      this.altIndents.push(altColumn);
      this.indentEmitted.push(true);
      this.push(TokenKind.Indent, lineStart, textStart);
      return;
    }
    while (indents.length > 1 && column < indents[indents.length - 1]!) {
      indents.pop();
      this.altIndents.pop();
      if (this.indentEmitted.pop()) this.push(TokenKind.Dedent, textStart, textStart);
    }
    if (column !== indents[indents.length - 1]!) {
      this.report(
        SyntaxErrorCode.Indentation,
        'unindent does not match any outer indentation level',
        textStart,
        textStart + 1,
        'tokenizerState',
      );
      // Recover by treating the odd column as a level of its own that emits
      // no DEDENT, so the following lines at this column parse normally.
      indents.push(column);
      this.altIndents.push(altColumn);
      this.indentEmitted.push(false);
    } else if (altColumn !== this.altIndents[this.altIndents.length - 1]!) {
      this.reportTabError(lineStart, textStart);
    }
  }

  /** Reports a TabError on the indentation of a line; CPython puts it at column 1. */
  private reportTabError(lineStart: number, textStart: number): void {
    this.report(SyntaxErrorCode.Tab, 'inconsistent use of tabs and spaces in indentation', lineStart, textStart, 'tokenizerState');
  }

  private readNewline(code: number): void {
    const start = this.pos;
    this.pos += code === CHAR_CR && this.source.charCodeAt(start + 1) === CHAR_LF ? 2 : 1;
    if (this.brackets.length > 0 || this.isBracketed) return;
    if (this.lineHasTokens) {
      this.push(TokenKind.Newline, start, this.pos);
      this.lineHasTokens = false;
    }
    this.isAtLineStart = true;
  }

  private readComment(): void {
    const start = this.pos;
    let pos = start;
    while (pos < this.end) {
      const code = this.source.charCodeAt(pos);
      if (code === CHAR_LF || code === CHAR_CR) break;
      pos++;
    }
    this.comments.push({ start, end: pos });
    this.pos = pos;
  }

  private readContinuation(): void {
    const start = this.pos;
    const next = start + 1 < this.end ? this.source.charCodeAt(start + 1) : -1;
    if (next === CHAR_LF) {
      this.pos += 2;
    } else if (next === CHAR_CR) {
      this.pos += this.source.charCodeAt(start + 2) === CHAR_LF ? 3 : 2;
    } else if (next === -1) {
      this.report(SyntaxErrorCode.Tokenizer, 'unexpected EOF while parsing', start, start + 1, 'tokenizerState');
      this.pos++;
    } else {
      this.report(
        SyntaxErrorCode.Tokenizer,
        'unexpected character after line continuation character',
        start,
        start + 1,
        'tokenizerState',
      );
      this.pos++;
    }
  }

  // ------------------------------------------------------------ tokens

  private readToken(code: number): void {
    this.lineHasTokens = true;
    if (isAsciiIdentifierStart(code) || code >= 128) {
      this.readNameOrString(code);
    } else if (isDigit(code) || (code === 46 && isDigit(this.charAt(this.pos + 1)))) {
      this.readNumber();
    } else if (code === 39 || code === 34) {
      this.readString(this.pos, this.pos);
    } else {
      this.readOperator(code);
    }
  }

  private charAt(offset: number): number {
    return offset < this.end ? this.source.charCodeAt(offset) : -1;
  }

  private readNameOrString(firstCode: number): void {
    const source = this.source;
    const start = this.pos;
    let pos = start;
    let isAscii = true;
    if (firstCode >= 128) {
      const codePoint = source.codePointAt(pos)!;
      const char = String.fromCodePoint(codePoint);
      if (!ID_START.test(char)) {
        this.reportInvalidCharacter(codePoint, start, start + char.length);
        this.pos = start + char.length;
        return;
      }
      isAscii = false;
      pos += char.length;
    } else {
      pos++;
    }

    while (pos < this.end) {
      const code = source.charCodeAt(pos);
      if (isAsciiIdentifierPart(code)) {
        pos++;
      } else if (code >= 128) {
        const char = String.fromCodePoint(source.codePointAt(pos)!);
        if (!ID_CONTINUE.test(char)) break;
        isAscii = false;
        pos += char.length;
      } else {
        break;
      }
    }

    const next = this.charAt(pos);
    if ((next === 39 || next === 34) && pos - start <= 2 && isAscii) {
      if (STRING_PREFIXES.has(source.slice(start, pos).toLowerCase())) {
        this.readString(start, pos);
        return;
      }
    }

    const raw = source.slice(start, pos);
    const name = isAscii ? raw : raw.normalize('NFKC');
    this.push(KEYWORDS.get(name) ?? TokenKind.Name, start, pos, name);
    this.pos = pos;
  }

  private reportInvalidCharacter(codePoint: number, start: number, end: number): void {
    const hex = codePoint.toString(16).toUpperCase().padStart(4, '0');
    const char = String.fromCodePoint(codePoint);
    const message = !isPrintable(codePoint)
      ? `invalid non-printable character U+${hex}`
      : `invalid character '${char}' (U+${hex})`;
    this.report(SyntaxErrorCode.Tokenizer, message, start, end);
  }

  /**
   * Reads a string literal whose prefix starts at `start` and whose opening
   * quote is at `quoteStart`. The token spans prefix and quotes; the parser
   * decodes the content.
   */
  private readString(start: number, quoteStart: number): void {
    const source = this.source;
    const quote = source.charCodeAt(quoteStart);
    const isTriple = this.charAt(quoteStart + 1) === quote && this.charAt(quoteStart + 2) === quote;
    let pos = quoteStart + (isTriple ? 3 : 1);

    while (pos < this.end) {
      const code = source.charCodeAt(pos);
      if (code === quote) {
        if (!isTriple) {
          this.finishString(start, pos + 1, '');
          return;
        }
        if (this.charAt(pos + 1) === quote && this.charAt(pos + 2) === quote) {
          this.finishString(start, pos + 3, '');
          return;
        }
        pos++;
      } else if (code === CHAR_BACKSLASH) {
        // A backslash keeps the next character (a quote or a newline) in the
        // literal, in raw strings too.
        const next = this.charAt(pos + 1);
        pos += next === CHAR_CR && this.charAt(pos + 2) === CHAR_LF ? 3 : 2;
      } else if ((code === CHAR_LF || code === CHAR_CR) && !isTriple) {
        this.report(
          SyntaxErrorCode.Tokenizer,
          `unterminated string literal (detected at line ${this.lineOf(pos)})`,
          start,
          pos,
        );
        this.finishString(start, pos, UNTERMINATED_STRING);
        return;
      } else {
        pos++;
      }
    }

    pos = Math.min(pos, this.end);
    const kind = isTriple ? 'triple-quoted string literal' : 'string literal';
    // CPython counts the line of the last character, not the empty line after a final newline.
    this.report(
      SyntaxErrorCode.Tokenizer,
      `unterminated ${kind} (detected at line ${this.lineOf(Math.max(quoteStart, pos - 1))})`,
      start,
      pos,
    );
    this.finishString(start, pos, UNTERMINATED_STRING);
  }

  private finishString(start: number, end: number, value: string): void {
    this.push(TokenKind.String, start, end, value);
    this.pos = end;
  }

  // ------------------------------------------------------------ numbers

  /**
   * Reads a number literal with the checks of CPython 3.11's tokenizer. On an
   * error the rest of the literal is skipped and the token still emitted, so
   * one bad literal gives one diagnostic.
   */
  private readNumber(): void {
    const start = this.pos;
    let pos = this.numberScanner.scan(start);
    const error = this.numberScanner.error;
    if (error !== null) {
      this.report(SyntaxErrorCode.Tokenizer, error.message, error.start, error.end);
      while (pos < this.end) {
        const code = this.source.charCodeAt(pos);
        if (!isAsciiIdentifierPart(code) && code !== 46) break;
        pos++;
      }
    }
    this.push(TokenKind.Number, start, pos);
    this.pos = pos;
  }

  // ------------------------------------------------------------ operators

  private readOperator(code: number): void {
    const start = this.pos;
    const next = this.charAt(start + 1);
    const third = this.charAt(start + 2);
    switch (code) {
      case 40: case 91: case 123:
        return this.openBracket(code, start);
      case 41: case 93: case 125:
        return this.closeBracket(code, start);
      case 58: // :
        return next === 61 ? this.emit(TokenKind.ColonEqual, start, 2) : this.emit(TokenKind.Colon, start, 1);
      case 44: return this.emit(TokenKind.Comma, start, 1);
      case 59: return this.emit(TokenKind.Semicolon, start, 1);
      case 126: return this.emit(TokenKind.Tilde, start, 1);
      case 46: // .
        return next === 46 && third === 46 ? this.emit(TokenKind.Ellipsis, start, 3) : this.emit(TokenKind.Dot, start, 1);
      case 43: return next === 61 ? this.emit(TokenKind.PlusEqual, start, 2) : this.emit(TokenKind.Plus, start, 1);
      case 45: // -
        if (next === 61) return this.emit(TokenKind.MinusEqual, start, 2);
        if (next === 62) return this.emit(TokenKind.Arrow, start, 2);
        return this.emit(TokenKind.Minus, start, 1);
      case 42: // *
        if (next === 42) return third === 61 ? this.emit(TokenKind.DoubleStarEqual, start, 3) : this.emit(TokenKind.DoubleStar, start, 2);
        return next === 61 ? this.emit(TokenKind.StarEqual, start, 2) : this.emit(TokenKind.Star, start, 1);
      case 47: // /
        if (next === 47) return third === 61 ? this.emit(TokenKind.DoubleSlashEqual, start, 3) : this.emit(TokenKind.DoubleSlash, start, 2);
        return next === 61 ? this.emit(TokenKind.SlashEqual, start, 2) : this.emit(TokenKind.Slash, start, 1);
      case 124: return next === 61 ? this.emit(TokenKind.VerticalBarEqual, start, 2) : this.emit(TokenKind.VerticalBar, start, 1);
      case 38: return next === 61 ? this.emit(TokenKind.AmpersandEqual, start, 2) : this.emit(TokenKind.Ampersand, start, 1);
      case 94: return next === 61 ? this.emit(TokenKind.CircumflexEqual, start, 2) : this.emit(TokenKind.Circumflex, start, 1);
      case 37: return next === 61 ? this.emit(TokenKind.PercentEqual, start, 2) : this.emit(TokenKind.Percent, start, 1);
      case 64: return next === 61 ? this.emit(TokenKind.AtEqual, start, 2) : this.emit(TokenKind.At, start, 1);
      case 61: return next === 61 ? this.emit(TokenKind.EqualEqual, start, 2) : this.emit(TokenKind.Equal, start, 1);
      case 33: return next === 61 ? this.emit(TokenKind.NotEqual, start, 2) : this.emit(TokenKind.Error, start, 1);
      case 60: // <
        if (next === 60) return third === 61 ? this.emit(TokenKind.LeftShiftEqual, start, 3) : this.emit(TokenKind.LeftShift, start, 2);
        return next === 61 ? this.emit(TokenKind.LessEqual, start, 2) : this.emit(TokenKind.Less, start, 1);
      case 62: // >
        if (next === 62) return third === 61 ? this.emit(TokenKind.RightShiftEqual, start, 3) : this.emit(TokenKind.RightShift, start, 2);
        return next === 61 ? this.emit(TokenKind.GreaterEqual, start, 2) : this.emit(TokenKind.Greater, start, 1);
      default:
        return this.readOtherCharacter(code, start);
    }
  }

  private emit(kind: TokenKind, start: number, length: number): void {
    this.push(kind, start, start + length);
    this.pos = start + length;
  }

  private readOtherCharacter(code: number, start: number): void {
    this.pos = start + 1;
    if (code === 0) {
      this.report(SyntaxErrorCode.Tokenizer, 'source code string cannot contain null bytes', start, start + 1, 'source');
      return;
    }
    if ((code < 32 && code !== CHAR_TAB) || code === 127) {
      this.reportInvalidCharacter(code, start, start + 1);
      return;
    }
    // `$`, `?` and the backquote start no token: CPython reports invalid syntax there.
    this.push(TokenKind.Error, start, start + 1);
  }

  private openBracket(code: number, start: number): void {
    const char = String.fromCharCode(code);
    if (this.brackets.length >= BRACKET_DEPTH_MAX) {
      this.report(SyntaxErrorCode.TooDeep, 'too many nested parentheses', start, start + 1);
    }
    this.brackets.push({ char, start });
    this.push(BRACKET_KINDS[char]!, start, start + 1);
    this.pos = start + 1;
  }

  private closeBracket(code: number, start: number): void {
    const char = String.fromCharCode(code);
    this.pos = start + 1;
    const open = this.brackets.pop();
    if (open === undefined) {
      this.report(SyntaxErrorCode.Tokenizer, `unmatched '${char}'`, start, start + 1);
      return;
    }
    const expected = BRACKET_CLOSERS[open.char]!;
    if (expected !== char) {
      const openLine = this.lineOf(open.start);
      const where = openLine === this.lineOf(start) ? '' : ` on line ${openLine}`;
      this.report(
        SyntaxErrorCode.Tokenizer,
        `closing parenthesis '${char}' does not match opening parenthesis '${open.char}'${where}`,
        start,
        start + 1,
      );
    }
    // A mismatched closer still closes the innermost bracket, so the parser
    // gets balanced brackets and reports no second error for the same spot.
    this.push(BRACKET_KINDS[expected]!, start, start + 1);
  }
}

// String literals: adjacent literal concatenation and f-strings, following
// CPython 3.11, where an f-string is one STRING token whose replacement
// fields are found by scanning its text and parsed as `(expression)`.
// Node positions copy CPython's: the Constant and FormattedValue parts of a
// JoinedStr span the whole concatenation, and a format spec spans the
// f-string token it belongs to.

import type { Constant, Expr, JoinedStr, Span } from '../ast.ts';
import { FSTRING_DEPTH_MAX } from '../limits.ts';
import { TokenKind, type Token } from '../token.ts';
import { tokenize, UNTERMINATED_STRING } from '../tokenizer.ts';
import { parseAtom } from './atoms.ts';
import { decodeBytesContent, decodeStringContent } from './literals.ts';
import { isParseAbort, Parser } from './parser.ts';
import { SyntaxErrorCode } from './syntaxErrors.ts';

interface StringPiece {
  isRaw: boolean;
  isBytes: boolean;
  isFormat: boolean;
  contentStart: number;
  contentEnd: number;
}

/** Splits a string token into its prefix flags and the offsets of its content. */
function splitStringToken(source: string, token: Token): StringPiece {
  let pos = token.start;
  let isRaw = false;
  let isBytes = false;
  let isFormat = false;
  for (;;) {
    const code = source.charCodeAt(pos) | 0x20;
    if (code === 114) isRaw = true;
    else if (code === 98) isBytes = true;
    else if (code === 102) isFormat = true;
    else if (code !== 117) break;
    pos++;
  }
  const quote = source.charCodeAt(pos);
  const quoteLength = source.charCodeAt(pos + 1) === quote && source.charCodeAt(pos + 2) === quote
    && token.end - pos >= (token.value === UNTERMINATED_STRING ? 3 : 6) ? 3 : 1;
  const contentStart = pos + quoteLength;
  const contentEnd = token.value === UNTERMINATED_STRING ? token.end : token.end - quoteLength;
  return { isRaw, isBytes, isFormat, contentStart, contentEnd: Math.max(contentStart, contentEnd) };
}

/** Literal text and replacement fields collected for one JoinedStr. */
interface JoinedParts {
  pendingText: string | null;
  values: Expr[];
  isFormat: boolean;
}

/** What every part of one concatenation shares. */
interface Concatenation {
  p: Parser;
  /** From the first token's start to the last token's end. */
  whole: Span;
  /** True when the first token starts with a lowercase `u`: its Constants get kind 'u'. */
  isUnicodeKind: boolean;
  /** Where errors inside the strings are reported: the end of the last token. */
  errorSpan: Span;
}

// strings: STRING+
export function parseStrings(p: Parser): Expr {
  const tokens: Token[] = [];
  while (p.at(TokenKind.String)) tokens.push(p.advance());
  const first = tokens[0]!;
  const last = tokens[tokens.length - 1]!;
  const concatenation: Concatenation = {
    p,
    whole: { start: first.start, end: last.end },
    isUnicodeKind: p.source.charCodeAt(first.start) === 117,
    // CPython reports errors found inside the literals just after the last one.
    errorSpan: { start: last.end, end: last.end },
  };

  const parts: JoinedParts = { pendingText: null, values: [], isFormat: false };
  let bytes: number[] | null = null;
  let isBytesMode = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const piece = splitStringToken(p.source, token);
    if (i > 0 && piece.isBytes !== isBytesMode) {
      p.fail('cannot mix bytes and nonbytes literals', concatenation.errorSpan, SyntaxErrorCode.InvalidLiteral);
    }
    isBytesMode = piece.isBytes;

    if (piece.isFormat) {
      const cursor = { pos: piece.contentStart };
      parseFStringParts(concatenation, parts, cursor, piece.contentEnd, piece.isRaw, 0, token);
    } else if (piece.isBytes) {
      const decoded = decodeBytesContent(p.source, piece.contentStart, piece.contentEnd, piece.isRaw);
      if (decoded.error !== null) p.report(decoded.error.message, decoded.error.start, decoded.error.end, SyntaxErrorCode.InvalidLiteral);
      bytes = bytes === null ? decoded.value : bytes.concat(decoded.value);
    } else {
      const decoded = decodeStringContent(p.source, piece.contentStart, piece.contentEnd, piece.isRaw);
      if (decoded.error !== null) p.report(decoded.error.message, decoded.error.start, decoded.error.end, SyntaxErrorCode.InvalidLiteral);
      appendText(parts, decoded.value);
    }
  }

  const { start, end } = concatenation.whole;
  if (isBytesMode) {
    return { kind: 'Constant', value: { kind: 'bytes', value: bytes ?? [] }, constKind: null, start, end };
  }
  return finishJoined(parts, concatenation.whole, concatenation.isUnicodeKind);
}

function appendText(parts: JoinedParts, text: string): void {
  if (text.length === 0) return;
  parts.pendingText = parts.pendingText === null ? text : parts.pendingText + text;
}

function makeText(text: string, span: Span, isUnicodeKind: boolean): Constant {
  return { kind: 'Constant', value: { kind: 'str', value: text }, constKind: isUnicodeKind ? 'u' : null, start: span.start, end: span.end };
}

function finishJoined(parts: JoinedParts, span: Span, isUnicodeKind: boolean): Expr {
  if (!parts.isFormat) return makeText(parts.pendingText ?? '', span, isUnicodeKind);
  if (parts.pendingText !== null) {
    parts.values.push(makeText(parts.pendingText, span, isUnicodeKind));
    parts.pendingText = null;
  }
  const joined: JoinedStr = { kind: 'JoinedStr', values: parts.values, start: span.start, end: span.end };
  return joined;
}

/**
 * Adds the literal text and replacement fields of f-string content from
 * `cursor.pos` to `end` to `parts`. At `level` 0 the content is a whole
 * f-string; at level 1 it is a format spec, which ends at its closing `}`.
 */
function parseFStringParts(
  concatenation: Concatenation,
  parts: JoinedParts,
  cursor: { pos: number },
  end: number,
  isRaw: boolean,
  level: number,
  token: Token,
): void {
  const { p } = concatenation;
  parts.isFormat = true;
  // Every iteration consumes a literal or a replacement field, or leaves.
  for (;;) {
    const before = cursor.pos;
    const isDoubledBrace = readFStringLiteral(concatenation, parts, cursor, end, isRaw, level);
    if (isDoubledBrace) continue;
    if (cursor.pos >= end || p.source.charCodeAt(cursor.pos) === 125) break;

    const field = readReplacementField(concatenation, cursor, end, isRaw, level, token);
    if (field.debugText !== null) appendText(parts, field.debugText);
    if (parts.pendingText !== null) {
      parts.values.push(makeText(parts.pendingText, concatenation.whole, concatenation.isUnicodeKind));
      parts.pendingText = null;
    }
    parts.values.push(field.value);
    if (cursor.pos <= before) break;
  }
  if (level !== 0 && (cursor.pos >= end || p.source.charCodeAt(cursor.pos) !== 125)) {
    p.fail("f-string: expecting '}'", concatenation.errorSpan, SyntaxErrorCode.InvalidFString);
  }
}

/**
 * Reads literal text up to the next replacement field or the end. Returns
 * true when it stopped after a doubled brace, which stands for one brace.
 */
function readFStringLiteral(
  concatenation: Concatenation,
  parts: JoinedParts,
  cursor: { pos: number },
  end: number,
  isRaw: boolean,
  level: number,
): boolean {
  const { p } = concatenation;
  const source = p.source;
  const literalStart = cursor.pos;
  let pos = cursor.pos;
  while (pos < end) {
    let code = source.charCodeAt(pos++);
    if (!isRaw && code === 92 && pos < end) {
      code = source.charCodeAt(pos++);
      if (code === 78) {
        // Skip the braces of a `\N{...}` escape.
        if (pos < end && source.charCodeAt(pos++) === 123) {
          while (pos < end && source.charCodeAt(pos++) !== 125) {
            // scanning to the closing brace
          }
        }
        continue;
      }
    }
    if (code === 123 || code === 125) {
      if (level === 0) {
        if (pos < end && source.charCodeAt(pos) === code) {
          appendDecoded(p, parts, literalStart, pos, isRaw);
          cursor.pos = pos + 1;
          return true;
        }
        if (code === 125) {
          cursor.pos = pos - 1;
          p.fail("f-string: single '}' is not allowed", concatenation.errorSpan, SyntaxErrorCode.InvalidFString);
        }
      }
      pos--;
      break;
    }
  }
  cursor.pos = pos;
  appendDecoded(p, parts, literalStart, pos, isRaw);
  return false;
}

function appendDecoded(p: Parser, parts: JoinedParts, start: number, end: number, isRaw: boolean): void {
  if (start >= end) return;
  const decoded = decodeStringContent(p.source, start, end, isRaw);
  if (decoded.error !== null) p.report(decoded.error.message, decoded.error.start, decoded.error.end, SyntaxErrorCode.InvalidLiteral);
  appendText(parts, decoded.value);
}

const CONVERSION_CODES = new Set([115, 114, 97]);

/**
 * Reads one replacement field `{expression[=][!conversion][:format_spec]}`
 * starting at the `{` under the cursor.
 */
function readReplacementField(
  concatenation: Concatenation,
  cursor: { pos: number },
  end: number,
  isRaw: boolean,
  level: number,
  token: Token,
): { value: Expr; debugText: string | null } {
  const { p, errorSpan } = concatenation;
  const source = p.source;
  const failField = (message: string): never => p.fail(message, errorSpan, SyntaxErrorCode.InvalidFString);

  if (level >= 2) failField('f-string: expressions nested too deeply');
  const expressionStart = cursor.pos + 1;
  const expressionEnd = findExpressionEnd(concatenation, expressionStart, end);
  let pos = expressionEnd;
  if (pos >= end) failField("f-string: expecting '}'");
  const expression = parseFieldExpression(concatenation, expressionStart, expressionEnd);

  let debugText: string | null = null;
  if (source.charCodeAt(pos) === 61) {
    pos++;
    while (pos < end && isPythonSpace(source.charCodeAt(pos))) pos++;
    if (pos >= end) failField("f-string: expecting '}'");
    debugText = source.slice(expressionStart, pos).replace(/\r\n?/g, '\n');
  }

  let conversion = -1;
  if (source.charCodeAt(pos) === 33) {
    pos++;
    if (pos >= end) failField("f-string: expecting '}'");
    conversion = source.charCodeAt(pos);
    pos++;
    if (!CONVERSION_CODES.has(conversion)) {
      failField("f-string: invalid conversion character: expected 's', 'r', or 'a'");
    }
  }

  let formatSpec: JoinedStr | null = null;
  if (pos < end && source.charCodeAt(pos) === 58) {
    pos++;
    if (pos >= end) failField("f-string: expecting '}'");
    const specCursor = { pos };
    const specParts: JoinedParts = { pendingText: null, values: [], isFormat: true };
    parseFStringParts(concatenation, specParts, specCursor, end, isRaw, level + 1, token);
    formatSpec = finishJoined(specParts, token, source.charCodeAt(token.start) === 117) as JoinedStr;
    pos = specCursor.pos;
  }

  if (pos >= end || source.charCodeAt(pos) !== 125) failField("f-string: expecting '}'");
  cursor.pos = pos + 1;
  if (debugText !== null && formatSpec === null && conversion === -1) conversion = 114;

  const { start, end: wholeEnd } = concatenation.whole;
  return {
    value: { kind: 'FormattedValue', value: expression, conversion, format_spec: formatSpec, start, end: wholeEnd },
    debugText,
  };
}

function isPythonSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

/**
 * Returns where the expression of a replacement field ends: at a `!`, `:`,
 * `=` or `}` outside brackets and nested strings, as CPython's
 * fstring_find_expr scans it.
 */
function findExpressionEnd(concatenation: Concatenation, start: number, end: number): number {
  const { p, errorSpan } = concatenation;
  const source = p.source;
  const failField = (message: string): never => p.fail(message, errorSpan, SyntaxErrorCode.InvalidFString);
  const brackets: number[] = [];
  let quote = 0;
  let isTripleQuote = false;
  let pos = start;

  while (pos < end) {
    const code = source.charCodeAt(pos);
    if (code === 92) failField('f-string expression part cannot include a backslash');
    if (quote !== 0) {
      if (code === quote) {
        if (!isTripleQuote) {
          quote = 0;
        } else if (pos + 2 < end && source.charCodeAt(pos + 1) === code && source.charCodeAt(pos + 2) === code) {
          pos += 2;
          quote = 0;
        }
      }
      pos++;
      continue;
    }
    if (code === 39 || code === 34) {
      isTripleQuote = pos + 2 < end && source.charCodeAt(pos + 1) === code && source.charCodeAt(pos + 2) === code;
      if (isTripleQuote) pos += 2;
      quote = code;
      pos++;
      continue;
    }
    if (code === 40 || code === 91 || code === 123) {
      if (brackets.length >= 200) failField('f-string: too many nested parenthesis');
      brackets.push(code);
      pos++;
      continue;
    }
    if (code === 35) failField("f-string expression part cannot include '#'");
    if (brackets.length === 0 && (code === 33 || code === 58 || code === 125 || code === 61 || code === 60 || code === 62)) {
      const next = pos + 1 < end ? source.charCodeAt(pos + 1) : -1;
      if (next === 61 && code !== 58 && code !== 125) {
        pos += 2;
        continue;
      }
      if (code === 60 || code === 62) {
        pos++;
        continue;
      }
      break;
    }
    if (code === 41 || code === 93 || code === 125) {
      const opening = brackets.pop();
      const char = String.fromCharCode(code);
      if (opening === undefined) failField(`f-string: unmatched '${char}'`);
      const expected = opening === 40 ? 41 : opening === 91 ? 93 : 125;
      if (expected !== code) {
        failField(`f-string: closing parenthesis '${char}' does not match opening parenthesis '${String.fromCharCode(opening!)}'`);
      }
    }
    pos++;
  }
  if (quote !== 0) failField('f-string: unterminated string');
  if (brackets.length > 0) failField(`f-string: unmatched '${String.fromCharCode(brackets[brackets.length - 1]!)}'`);
  return pos;
}

/**
 * Parses the expression of a replacement field. CPython 3.11 parses the text
 * wrapped in parentheses, with the `(` at the `{` and the `)` at the end of
 * the expression, so groups, tuples and generator expressions behave (and
 * are positioned) as if written in parentheses. Offsets stay those of the
 * whole source.
 */
function parseFieldExpression(concatenation: Concatenation, start: number, end: number): Expr {
  const { p, errorSpan } = concatenation;
  if (p.source.slice(start, end).trim() === '') {
    p.fail('f-string: empty expression not allowed', errorSpan, SyntaxErrorCode.InvalidFString);
  }
  if (p.fstringDepth >= FSTRING_DEPTH_MAX) {
    p.fail(`f-strings nested too deeply (more than ${FSTRING_DEPTH_MAX})`, errorSpan, SyntaxErrorCode.TooDeep);
  }

  const inner = tokenize(p.source, { start, end, isBracketed: true });
  const tokens: Token[] = [{ kind: TokenKind.LeftParen, start: start - 1, end: start, value: '' }];
  for (const token of inner.tokens) {
    if (token.kind !== TokenKind.EndOfFile) tokens.push(token);
  }
  tokens.push({ kind: TokenKind.RightParen, start: end, end: end + 1, value: '' });
  tokens.push({ kind: TokenKind.EndOfFile, start: end + 1, end: end + 1, value: '' });

  const issueCount = p.issues.length;
  for (const issue of inner.issues) p.report(`f-string: ${issue.message}`, issue.start, issue.end, SyntaxErrorCode.InvalidFString);
  if (p.issues.length > issueCount) throw p.abortSignal();

  const subParser = new Parser(p.source, tokens, p.issues);
  subParser.depth = p.depth;
  subParser.treeDepth = p.treeDepth;
  subParser.fstringDepth = p.fstringDepth + 1;
  try {
    const expression = parseAtom(subParser);
    if (!subParser.at(TokenKind.EndOfFile)) subParser.failAtCurrent();
    return expression;
  } catch (error) {
    if (isParseAbort(error)) {
      for (let i = issueCount; i < p.issues.length; i++) {
        const issue = p.issues[i]!;
        if (!issue.message.startsWith('f-string')) issue.message = `f-string: ${issue.message}`;
      }
    }
    throw error;
  }
}

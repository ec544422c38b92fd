// Unit tests of the tokenizer, and the round-trip property: the token texts,
// joined by the whitespace, comments and line continuations between them,
// give back the source.

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { OPERATOR_TEXT, TokenKind, type Token } from '../../src/token.ts';
import { tokenize } from '../../src/tokenizer.ts';
import { printProgram, programArb } from './programArbitraries.ts';

const SEED = Number(process.env.ENTFLOW_SEED ?? 20251204);

const KIND_NAMES = new Map<number, string>(Object.entries(TokenKind).map(([name, kind]) => [kind, name]));

/** Token kinds and texts, as `Kind:text` strings, for compact assertions. */
function describeTokens(source: string): string[] {
  return tokenize(source).tokens.map((token) => {
    const name = KIND_NAMES.get(token.kind)!;
    const text = source.slice(token.start, token.end);
    return text === '' || token.kind === TokenKind.Newline ? name : `${name}:${text}`;
  });
}

function kinds(source: string): string[] {
  return tokenize(source).tokens.map((token) => KIND_NAMES.get(token.kind)!);
}

function messages(source: string): string[] {
  return tokenize(source).issues.map((issue) => issue.message);
}

/** The text between tokens may hold only whitespace, comments and backslash continuations. */
const GAP = /^(?:[ \t\f\r\n]|\\\r?\n|\\\r|#[^\r\n]*)*$/;

function checkRoundTrip(source: string): void {
  const { tokens, comments } = tokenize(source);
  let rebuilt = '';
  let previousEnd = 0;
  for (const token of tokens) {
    expect(token.start, `token order in ${JSON.stringify(source)}`).toBeGreaterThanOrEqual(previousEnd);
    const gap = source.slice(previousEnd, token.start);
    expect(gap, `gap before offset ${token.start} in ${JSON.stringify(source)}`).toMatch(GAP);
    rebuilt += gap + source.slice(token.start, token.end);
    previousEnd = token.end;
  }
  rebuilt += source.slice(previousEnd);
  expect(rebuilt).toBe(source);
  expect(source.slice(previousEnd)).toMatch(GAP);
  for (const comment of comments) expect(source.slice(comment.start, comment.end)).toMatch(/^#[^\r\n]*$/);
}

describe('tokenizer', () => {
  test('simple statement kinds and texts', () => {
    expect(describeTokens('x = f(1, "a")\n')).toEqual([
      'Name:x', 'Equal:=', 'Name:f', 'LeftParen:(', 'Number:1', 'Comma:,', 'String:"a"', 'RightParen:)',
      'Newline', 'EndOfFile',
    ]);
  });

  test('keywords and soft keywords', () => {
    expect(kinds('if not x is None: pass')).toEqual(['If', 'Not', 'Name', 'Is', 'None', 'Colon', 'Pass', 'Newline', 'EndOfFile']);
    expect(kinds('match case _ type')).toEqual(['Name', 'Name', 'Name', 'Name', 'Newline', 'EndOfFile']);
  });

  test('operators use maximal munch', () => {
    for (const [kind, text] of OPERATOR_TEXT) {
      if ('([{'.includes(text) || ')]}'.includes(text)) continue;
      const { tokens, issues } = tokenize(`a ${text} b`);
      expect(issues, text).toEqual([]);
      expect(tokens[1]!.kind, text).toBe(kind);
      expect(tokens[1]!.end - tokens[1]!.start, text).toBe(text.length);
    }
    expect(describeTokens('a**=b//=c->d:=e...f')).toEqual([
      'Name:a', 'DoubleStarEqual:**=', 'Name:b', 'DoubleSlashEqual://=', 'Name:c', 'Arrow:->', 'Name:d',
      'ColonEqual::=', 'Name:e', 'Ellipsis:...', 'Name:f', 'Newline', 'EndOfFile',
    ]);
  });

  test('indent and dedent for nested blocks', () => {
    expect(kinds('if a:\n    if b:\n        c\nd\n')).toEqual([
      'If', 'Name', 'Colon', 'Newline', 'Indent', 'If', 'Name', 'Colon', 'Newline', 'Indent', 'Name', 'Newline',
      'Dedent', 'Dedent', 'Name', 'Newline', 'EndOfFile',
    ]);
  });

  test('dedents closed at end of file', () => {
    expect(kinds('if a:\n  if b:\n    c')).toEqual([
      'If', 'Name', 'Colon', 'Newline', 'Indent', 'If', 'Name', 'Colon', 'Newline', 'Indent', 'Name', 'Newline',
      'Dedent', 'Dedent', 'EndOfFile',
    ]);
  });

  test('tab counts to the next multiple of eight', () => {
    // A tab and eight spaces reach the same column. The count at tab width 1
    // differs, so CPython raises TabError.
    expect(messages('if a:\n\tb\n        c\n')).toEqual(['inconsistent use of tabs and spaces in indentation']);
    expect(messages('if a:\n\tb\n\tc\n')).toEqual([]);
    expect(messages('if a:\n    \tb\n    \tc\n')).toEqual([]);
  });

  test('unindent to an unknown level is an error', () => {
    expect(messages('if a:\n    b\n  c\n')).toEqual(['unindent does not match any outer indentation level']);
  });

  test('blank and comment lines keep indentation', () => {
    expect(kinds('if a:\n    b\n\n  # note\n\n    c\n')).toEqual([
      'If', 'Name', 'Colon', 'Newline', 'Indent', 'Name', 'Newline', 'Name', 'Newline', 'Dedent', 'EndOfFile',
    ]);
  });

  test('newlines inside brackets are ignored', () => {
    expect(kinds('x = (1,\n  2,\n\n    3)\n')).toEqual([
      'Name', 'Equal', 'LeftParen', 'Number', 'Comma', 'Number', 'Comma', 'Number', 'RightParen', 'Newline', 'EndOfFile',
    ]);
  });

  test('backslash joins lines', () => {
    expect(kinds('x = 1 + \\\n    2\n')).toEqual(['Name', 'Equal', 'Number', 'Plus', 'Number', 'Newline', 'EndOfFile']);
    expect(messages('x = 1 \\ 2\n')).toEqual(['unexpected character after line continuation character']);
  });

  test('CRLF and CR line endings', () => {
    expect(kinds('if a:\r\n    b\r\nc\r')).toEqual([
      'If', 'Name', 'Colon', 'Newline', 'Indent', 'Name', 'Newline', 'Dedent', 'Name', 'Newline', 'EndOfFile',
    ]);
  });

  test('string prefixes in any case', () => {
    for (const prefix of ['r', 'u', 'b', 'f', 'br', 'rb', 'fr', 'rf', 'R', 'U', 'B', 'F', 'bR', 'Rb', 'fR', 'RF']) {
      expect(describeTokens(`${prefix}'x'`), prefix).toEqual([`String:${prefix}'x'`, 'Newline', 'EndOfFile']);
    }
    expect(describeTokens("ur'x'")).toEqual(['Name:ur', "String:'x'", 'Newline', 'EndOfFile']);
  });

  test('string forms and escaped quotes', () => {
    expect(describeTokens(`'a\\'b' "c\\"d" '''e'f''' """g\n"h"""`)).toEqual([
      "String:'a\\'b'", 'String:"c\\"d"', "String:'''e'f'''", 'String:"""g\n"h"""', 'Newline', 'EndOfFile',
    ]);
    expect(describeTokens("r'\\''")).toEqual(["String:r'\\''", 'Newline', 'EndOfFile']);
    expect(describeTokens("'a\\\nb'")).toEqual(["String:'a\\\nb'", 'Newline', 'EndOfFile']);
  });

  test('unterminated strings name the line', () => {
    expect(messages("x = 'abc\ny = 1\n")).toEqual(['unterminated string literal (detected at line 1)']);
    expect(messages('x = """abc\ndef\n')).toEqual(['unterminated triple-quoted string literal (detected at line 2)']);
    expect(messages("x = 'a\\\nb\n")).toEqual(['unterminated string literal (detected at line 2)']);
  });

  test('number literal forms', () => {
    const numbers = ['0', '123', '1_000', '0x1F', '0X_ff', '0o17', '0b1010', '00', '0_0', '1.', '.5', '1e10', '1E-5',
      '1.5e+3', '1_0.0_1', '09.5', '00.5', '1j', '2.5J', '1e3j', '09j', '0e0', '0.0j'];
    for (const text of numbers) {
      expect(describeTokens(text), text).toEqual([`Number:${text}`, 'Newline', 'EndOfFile']);
      expect(messages(text), text).toEqual([]);
    }
    expect(describeTokens('1if x else 2')).toEqual(['Number:1', 'If:if', 'Name:x', 'Else:else', 'Number:2', 'Newline', 'EndOfFile']);
    expect(describeTokens('1.real')).toEqual(['Number:1.real', 'Newline', 'EndOfFile']);
  });

  test('number literal errors', () => {
    expect(messages('0777')).toEqual([
      'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers',
    ]);
    expect(messages('1_')).toEqual(['invalid decimal literal']);
    expect(messages('1__0')).toEqual(['invalid decimal literal']);
    expect(messages('1abc')).toEqual(['invalid decimal literal']);
    expect(messages('0x')).toEqual(['invalid hexadecimal literal']);
    expect(messages('0b102')).toEqual(["invalid digit '2' in binary literal"]);
    expect(messages('0o8')).toEqual(["invalid digit '8' in octal literal"]);
    expect(messages('1e+')).toEqual(['invalid decimal literal']);
    expect(messages('1jx')).toEqual(['invalid imaginary literal']);
  });

  test('identifiers are NFKC-normalised', () => {
    const { tokens } = tokenize('ｆｕｌｌ = café');
    expect(tokens[0]!.value).toBe('full');
    expect(tokens[2]!.value).toBe('café');
  });

  test('invalid characters', () => {
    expect(messages('x = €')).toEqual(["invalid character '€' (U+20AC)"]);
    expect(messages('x\u00a0= 1')).toEqual(['invalid non-printable character U+00A0']);
    expect(kinds('x = $')).toEqual(['Name', 'Equal', 'Error', 'Newline', 'EndOfFile']);
  });

  test('bracket errors', () => {
    expect(messages('x = 1)')).toEqual(["unmatched ')'"]);
    expect(messages('x = (1]')).toEqual(["closing parenthesis ']' does not match opening parenthesis '('"]);
    expect(messages('x = (1,\n2]')).toEqual(["closing parenthesis ']' does not match opening parenthesis '(' on line 1"]);
    expect(messages('x = [1, (2,')).toEqual(["'(' was never closed"]);
  });

  test('nesting and indentation bounds', () => {
    expect(messages(`${'('.repeat(201)}1${')'.repeat(201)}`)).toEqual(['too many nested parentheses']);
    expect(messages(`${'('.repeat(200)}1${')'.repeat(200)}`)).toEqual([]);
    let deep = '';
    for (let level = 0; level < 101; level++) deep += `${' '.repeat(level)}if x:\n`;
    deep += `${' '.repeat(101)}pass\n`;
    expect(messages(deep)).toContain('too many levels of indentation');
  });

  test('comments are collected', () => {
    const source = '# a\nx = 1  # b\n';
    expect(tokenize(source).comments.map((span) => source.slice(span.start, span.end))).toEqual(['# a', '# b']);
  });

  test('tokenize a range as bracketed text', () => {
    const source = 'f"{a +\n b}"';
    const { tokens } = tokenize(source, { start: 3, end: 9, isBracketed: true });
    expect(tokens.map((token: Token) => source.slice(token.start, token.end))).toEqual(['a', '+', 'b', '']);
  });

  test('round trip on examples', () => {
    const examples = [
      '', '\n', 'x', 'x = 1  # c\n', 'if a:\n\tb \\\n  + c\n', 'def f(\n  a,\n):\n    pass\n', "s = '''a\n#b'''\n",
      'x = (1 # c\n  )\n', '\f\nx\r\ny\r', 'f(*a, **b)', "b'\\x00' rb'\\\\'", 'lambda: (yield)',
    ];
    for (const source of examples) checkRoundTrip(source);
  });

  test('round trip on generated programs', () => {
    fc.assert(
      fc.property(programArb, (program) => {
        checkRoundTrip(printProgram(program));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  test('arbitrary text never breaks token order', () => {
    const alphabet = fc.constantFrom(
      'a', '1', ' ', '\t', '\n', '\r', '\\', "'", '"', '#', '(', ')', '[', ']', '{', '}', ':', '=', '.', 'e', 'x',
      '_', '0', 'j', 'f', 'r', 'b', '€', '😀', '\u00a0', '$', '!', '<', '>', '*', '/',
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 80 }).map((chars) => chars.join('')), (source) => {
        const { tokens } = tokenize(source);
        let previousEnd = 0;
        for (const token of tokens) {
          expect(token.start).toBeGreaterThanOrEqual(previousEnd);
          expect(token.end).toBeGreaterThanOrEqual(token.start);
          expect(token.end).toBeLessThanOrEqual(source.length);
          previousEnd = token.end;
        }
        expect(tokens[tokens.length - 1]!.kind).toBe(TokenKind.EndOfFile);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });
});

// Scanning of number literals with the checks of CPython 3.11's tokenizer:
// underscores only between digits, no leading zeros in decimal integers, and
// no name directly after a literal (except the keywords CPython 3.11 still
// accepts there). Used by the tokenizer.

import { isAsciiIdentifierPart, isDigit, isHexDigit } from './characters.ts';

export interface NumberError {
  message: string;
  start: number;
  end: number;
}

const RADIX_NAMES = { 2: 'binary', 8: 'octal', 16: 'hexadecimal' } as const;

function isRadixDigit(code: number, radix: 2 | 8 | 16): boolean {
  if (radix === 16) return isHexDigit(code);
  return code >= 48 && code < 48 + radix;
}

/**
 * Finds where a number literal ends. Each scan method returns the offset
 * where the literal ends; on a malformed literal it sets `error` and returns
 * the offset of the error.
 */
export class NumberScanner {
  /** The first error of the last scan, or null. */
  error: NumberError | null = null;

  private readonly source: string;
  private readonly end: number;

  constructor(source: string, end: number) {
    this.source = source;
    this.end = end;
  }

  private charAt(offset: number): number {
    return offset < this.end ? this.source.charCodeAt(offset) : -1;
  }

  /** Scans the literal starting at `start` (a digit, or a dot before a digit). */

  scan(start: number): number {
    this.error = null;
    const first = this.charAt(start);
    if (first === 46) return this.scanFraction(start + 1);
    if (first === 48) {
      const marker = this.charAt(start + 1) | 0x20;
      if (marker === 120) return this.scanRadix(start + 2, 16);
      if (marker === 111) return this.scanRadix(start + 2, 8);
      if (marker === 98) return this.scanRadix(start + 2, 2);
      return this.scanLeadingZero(start);
    }
    const tail = this.scanDecimalTail(start);
    if (this.error !== null) return tail;
    if (this.charAt(tail) === 46) return this.scanFraction(tail + 1);
    return this.scanExponentOrImaginary(tail);
  }

  private fail(message: string, offset: number): number {
    this.error ??= { message, start: offset, end: offset + 1 };
    return offset;
  }

  /** Scans digits with single underscores between them. */
  private scanDecimalTail(from: number): number {
    let pos = from;
    for (;;) {
      while (isDigit(this.charAt(pos))) pos++;
      if (this.charAt(pos) !== 95) return pos;
      if (!isDigit(this.charAt(pos + 1))) return this.fail('invalid decimal literal', pos + 1);
      pos++;
    }
  }

  private scanFraction(from: number): number {
    let pos = from;
    if (isDigit(this.charAt(pos))) {
      pos = this.scanDecimalTail(pos);
      if (this.error !== null) return pos;
    }
    return this.scanExponentOrImaginary(pos);
  }

  private scanExponentOrImaginary(from: number): number {
    let pos = from;
    const exponent = this.charAt(pos);
    if (exponent === 101 || exponent === 69) {
      let digits = pos + 1;
      const sign = this.charAt(digits);
      if (sign === 43 || sign === 45) {
        digits++;
        if (!isDigit(this.charAt(digits))) return this.fail('invalid decimal literal', digits);
      } else if (!isDigit(this.charAt(digits))) {
        // `1else`: the `e` starts the next token.
        return this.scanEndOfNumber(pos, 'decimal');
      }
      pos = this.scanDecimalTail(digits);
      if (this.error !== null) return pos;
    }
    const suffix = this.charAt(pos);
    if (suffix === 106 || suffix === 74) return this.scanEndOfNumber(pos + 1, 'imaginary');
    return this.scanEndOfNumber(pos, 'decimal');
  }

  /** Zeros, then maybe a float or an imaginary literal; `0777` is an error. */
  private scanLeadingZero(start: number): number {
    let pos = start + 1;
    for (;;) {
      if (this.charAt(pos) === 95) {
        if (!isDigit(this.charAt(pos + 1))) return this.fail('invalid decimal literal', pos + 1);
        pos++;
      }
      if (this.charAt(pos) !== 48) break;
      pos++;
    }
    const zerosEnd = pos;
    let hasNonZero = false;
    if (isDigit(this.charAt(pos))) {
      hasNonZero = true;
      pos = this.scanDecimalTail(pos);
      if (this.error !== null) return pos;
    }
    const next = this.charAt(pos);
    if (next === 46) return this.scanFraction(pos + 1);
    if (next === 101 || next === 69 || next === 106 || next === 74) return this.scanExponentOrImaginary(pos);
    if (hasNonZero) {
      this.error = {
        message: 'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers',
        start,
        end: zerosEnd,
      };
      return pos;
    }
    return this.scanEndOfNumber(pos, 'decimal');
  }

  private scanRadix(from: number, radix: 2 | 8 | 16): number {
    const kind = RADIX_NAMES[radix];
    let pos = from;
    do {
      if (this.charAt(pos) === 95) pos++;
      const code = this.charAt(pos);
      if (!isRadixDigit(code, radix)) {
        if (radix !== 16 && isDigit(code)) {
          return this.fail(`invalid digit '${String.fromCharCode(code)}' in ${kind} literal`, pos);
        }
        return this.fail(`invalid ${kind} literal`, pos);
      }
      while (isRadixDigit(this.charAt(pos), radix)) pos++;
    } while (this.charAt(pos) === 95);
    const code = this.charAt(pos);
    if (radix !== 16 && isDigit(code)) {
      return this.fail(`invalid digit '${String.fromCharCode(code)}' in ${kind} literal`, pos);
    }
    return this.scanEndOfNumber(pos, kind);
  }

  /** Rejects a literal that runs into a name, as in `1abc`. */
  private scanEndOfNumber(offset: number, kind: string): number {
    if (this.isKeywordAfterNumber(offset)) return offset;
    const code = this.charAt(offset);
    if (isAsciiIdentifierPart(code) || code >= 128) return this.fail(`invalid ${kind} literal`, offset);
    return offset;
  }

  /**
   * CPython 3.11 accepts a number followed directly by `and`, `else`, `for`,
   * `if`, `in`, `is`, `not` or `or` (with a warning), as in `1if x else 2`.
   */
  private isKeywordAfterNumber(offset: number): boolean {
    const source = this.source;
    const code = this.charAt(offset);
    if (code === 97) return source.startsWith('and', offset);
    if (code === 101) return source.startsWith('else', offset);
    if (code === 102) return source.startsWith('for', offset);
    if (code === 105) {
      const next = this.charAt(offset + 1);
      return next === 102 || next === 110 || next === 115;
    }
    if (code === 111) return source.startsWith('or', offset);
    if (code === 110) return source.startsWith('not', offset);
    return false;
  }
}

// Decoding of number literals and of the escapes in string and bytes
// literals, with CPython 3.11's rules. The tokenizer has already checked the
// shape of number literals; string escapes are checked here.

import type { ConstantValue } from '../ast.ts';
import { UNICODE_NAMES } from './unicodeNames.ts';

/** Returns the value of a number literal's source text. */
export function decodeNumber(text: string): ConstantValue {
  const digits = text.includes('_') ? text.replaceAll('_', '') : text;
  const last = digits.charCodeAt(digits.length - 1) | 0x20;
  if (last === 106) {
    const imag = Number(digits.slice(0, -1));
    return { kind: 'complex', imag: Number.isNaN(imag) ? 0 : imag };
  }
  const marker = digits.length > 1 && digits.charCodeAt(0) === 48 ? digits.charCodeAt(1) | 0x20 : 0;
  if (marker === 120 || marker === 111 || marker === 98) {
    try {
      return { kind: 'int', value: BigInt(digits).toString() };
    } catch {
      // The tokenizer already reported the malformed literal.
      return { kind: 'int', value: '0' };
    }
  }
  if (/[.eE]/.test(digits)) {
    const value = Number(digits);
    return { kind: 'float', value: Number.isNaN(value) ? 0 : value };
  }
  const trimmed = digits.replace(/^0+/, '');
  return { kind: 'int', value: /^\d+$/.test(trimmed) ? trimmed : '0' };
}

/** An error in a literal's escapes, at offsets into the source. */
export interface LiteralError {
  message: string;
  start: number;
  end: number;
}

/**
 * Decodes the text of a str literal between `start` and `end` of `source`.
 * Newlines (`\r\n`, `\r`) become `\n`, as CPython translates them before
 * tokenizing. Returns the value and the first error, if any.
 */
export function decodeStringContent(
  source: string,
  start: number,
  end: number,
  isRaw: boolean,
): { value: string; error: LiteralError | null } {
  let value = '';
  let error: LiteralError | null = null;
  let chunkStart = start;
  let pos = start;
  const fail = (message: string, at: number, to: number) => {
    error ??= { message: `(unicode error) 'unicodeescape' codec can't decode bytes in position ${at - start}-${to - start - 1}: ${message}`, start: at, end: to };
  };

  while (pos < end) {
    const code = source.charCodeAt(pos);
    if (code === 13) {
      value += source.slice(chunkStart, pos) + '\n';
      pos += source.charCodeAt(pos + 1) === 10 && pos + 1 < end ? 2 : 1;
      chunkStart = pos;
      continue;
    }
    if (code !== 92 || isRaw) {
      pos++;
      continue;
    }

    value += source.slice(chunkStart, pos);
    const escapeStart = pos;
    const next = pos + 1 < end ? source.charCodeAt(pos + 1) : -1;
    pos += 2;
    switch (next) {
      case 10: break; // backslash-newline continues the literal
      case 13:
        if (source.charCodeAt(pos) === 10 && pos < end) pos++;
        break;
      case 92: value += '\\'; break;
      case 39: value += "'"; break;
      case 34: value += '"'; break;
      case 97: value += '\x07'; break;
      case 98: value += '\b'; break;
      case 102: value += '\f'; break;
      case 110: value += '\n'; break;
      case 114: value += '\r'; break;
      case 116: value += '\t'; break;
      case 118: value += '\v'; break;
      case 120: case 117: case 85: {
        const length = next === 120 ? 2 : next === 117 ? 4 : 8;
        const hex = readHex(source, pos, Math.min(end, pos + length));
        if (hex.length < length) {
          const name = next === 120 ? '\\xXX' : next === 117 ? '\\uXXXX' : '\\UXXXXXXXX';
          fail(`truncated ${name} escape`, escapeStart, pos + hex.length);
          pos += hex.length;
          break;
        }
        const codePoint = parseInt(hex, 16);
        pos += length;
        if (codePoint > 0x10ffff) {
          fail('illegal Unicode character', escapeStart, pos);
          break;
        }
        // NOTE: a `\ud83d\ude00` pair of escapes becomes one character here,
        // as JavaScript strings cannot keep two lone surrogates apart; CPython
        // keeps two code points.
        value += String.fromCodePoint(codePoint);
        break;
      }
      case 78: {
        const named = decodeNamedEscape(source, pos, end);
        if (named.codePoint === null) {
          fail(named.message, escapeStart, named.end);
        } else {
          value += String.fromCodePoint(named.codePoint);
        }
        pos = named.end;
        break;
      }
      default:
        if (next >= 48 && next <= 55) {
          let octal = next - 48;
          let count = 1;
          while (count < 3 && pos < end && source.charCodeAt(pos) >= 48 && source.charCodeAt(pos) <= 55) {
            octal = octal * 8 + source.charCodeAt(pos) - 48;
            pos++;
            count++;
          }
          value += String.fromCodePoint(octal);
        } else if (next === -1) {
          value += '\\';
          pos = end;
        } else {
          // Unknown escapes keep their backslash (CPython only warns).
          pos = escapeStart + 1;
          value += '\\';
        }
    }
    chunkStart = pos;
  }
  value += source.slice(chunkStart, end);
  return { value, error };
}

function readHex(source: string, start: number, end: number): string {
  let pos = start;
  while (pos < end) {
    const code = source.charCodeAt(pos) | 0x20;
    if (!((code >= 48 && code <= 57) || (code >= 97 && code <= 102))) break;
    pos++;
  }
  return source.slice(start, pos);
}

function decodeNamedEscape(
  source: string,
  pos: number,
  end: number,
): { codePoint: number | null; end: number; message: string } {
  if (source.charCodeAt(pos) !== 123) return { codePoint: null, end: pos, message: 'malformed \\N character escape' };
  const close = source.indexOf('}', pos + 1);
  if (close < 0 || close >= end || close === pos + 1) {
    return { codePoint: null, end: Math.min(end, pos + 1), message: 'malformed \\N character escape' };
  }
  const name = source.slice(pos + 1, close).toUpperCase();
  const codePoint = UNICODE_NAMES.get(name);
  if (codePoint === undefined) {
    return {
      codePoint: null,
      end: close + 1,
      message: `unknown Unicode character name (Entflow knows only common names; write the character itself or a \\u escape)`,
    };
  }
  return { codePoint, end: close + 1, message: '' };
}

/**
 * Decodes the text of a bytes literal. Returns the byte values and the first
 * error, if any: a non-ASCII character or a bad `\x` escape.
 */
export function decodeBytesContent(
  source: string,
  start: number,
  end: number,
  isRaw: boolean,
): { value: number[]; error: LiteralError | null } {
  const value: number[] = [];
  let error: LiteralError | null = null;
  let pos = start;
  while (pos < end) {
    const code = source.charCodeAt(pos);
    if (code >= 128) {
      error ??= { message: 'bytes can only contain ASCII literal characters', start: pos, end: pos + 1 };
      pos++;
      continue;
    }
    if (code === 13) {
      value.push(10);
      pos += source.charCodeAt(pos + 1) === 10 && pos + 1 < end ? 2 : 1;
      continue;
    }
    if (code !== 92 || isRaw) {
      value.push(code);
      pos++;
      continue;
    }

    const escapeStart = pos;
    const next = pos + 1 < end ? source.charCodeAt(pos + 1) : -1;
    pos += 2;
    switch (next) {
      case 10: break;
      case 13:
        if (source.charCodeAt(pos) === 10 && pos < end) pos++;
        break;
      case 92: value.push(92); break;
      case 39: value.push(39); break;
      case 34: value.push(34); break;
      case 97: value.push(7); break;
      case 98: value.push(8); break;
      case 102: value.push(12); break;
      case 110: value.push(10); break;
      case 114: value.push(13); break;
      case 116: value.push(9); break;
      case 118: value.push(11); break;
      case 120: {
        const hex = readHex(source, pos, Math.min(end, pos + 2));
        if (hex.length < 2) {
          error ??= { message: `(value error) invalid \\x escape at position ${escapeStart - start}`, start: escapeStart, end: pos + hex.length };
          pos += hex.length;
          break;
        }
        value.push(parseInt(hex, 16));
        pos += 2;
        break;
      }
      default:
        if (next >= 48 && next <= 55) {
          let octal = next - 48;
          let count = 1;
          while (count < 3 && pos < end && source.charCodeAt(pos) >= 48 && source.charCodeAt(pos) <= 55) {
            octal = octal * 8 + source.charCodeAt(pos) - 48;
            pos++;
            count++;
          }
          value.push(octal & 0xff);
        } else if (next === -1) {
          value.push(92);
          pos = end;
        } else {
          value.push(92);
          pos = escapeStart + 1;
        }
    }
  }
  return { value, error };
}

// Python strings are sequences of code points; JS strings are UTF-16. These
// helpers take the plain UTF-16 path when a string has no surrogates (the
// common case) and convert to code point arrays otherwise.

const SURROGATE = /[\uD800-\uDFFF]/;

export function hasSurrogates(s: string): boolean {
  return SURROGATE.test(s);
}

export function codePoints(s: string): string[] {
  return Array.from(s);
}

export function strLen(s: string): number {
  if (s.length < 2 || !hasSurrogates(s)) return s.length;
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Code point at index i (already normalised to 0 <= i < len), as a one-character string. */
export function strAt(s: string, i: number): string {
  if (!hasSurrogates(s)) return s[i];
  return Array.from(s)[i];
}

/** Slice with start/stop already clamped, step 1. */
export function strSlice(s: string, start: number, stop: number): string {
  if (!hasSurrogates(s)) return s.slice(start, stop);
  return Array.from(s).slice(start, stop).join('');
}

/** Convert a UTF-16 index of `s` to a code point index. */
export function unitToCodePointIndex(s: string, unitIndex: number): number {
  if (unitIndex < 0 || !hasSurrogates(s)) return unitIndex;
  return strLen(s.slice(0, unitIndex));
}

/** Convert a code point index (0..len) to a UTF-16 index. */
export function codePointToUnitIndex(s: string, cpIndex: number): number {
  if (!hasSurrogates(s)) return cpIndex;
  let units = 0;
  let n = 0;
  for (const ch of s) {
    if (n === cpIndex) return units;
    units += ch.length;
    n++;
  }
  return units;
}

const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

export function isPrintableChar(ch: string): boolean {
  return ch === ' ' || !NON_PRINTABLE.test(ch);
}

const NEEDS_ESCAPE = /[\\'"\x00-\x1f\x7f-\uffff]/;

/** repr(str): single quotes unless the text contains ' and no ". */
export function strRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  if (!NEEDS_ESCAPE.test(s)) return quote + s + quote;
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp < 0x7f) out += ch;
    else if (isPrintableChar(ch)) out += ch;
    else if (cp <= 0xff) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp <= 0xffff) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += '\\U' + cp.toString(16).padStart(8, '0');
  }
  return out + quote;
}

// Methods of str. Indices are code points; the UTF-16 fast paths apply when
// a string has no surrogate pairs.

import { argCount, kwarg, onlyKwargs } from './call.ts';
import { exc, raise } from './exceptions.ts';
import { checkStringSize } from './arith.ts';
import { getIter } from './iteration.ts';
import { strFormat } from './percentFormat.ts';
import { codePointToUnitIndex, hasSurrogates, isPrintableChar, strLen, unitToCodePointIndex } from './strings.ts';
import { indexValue, sliceIndices } from './subscript.ts';
import { TITLE_CASE } from './titleCase.ts';
import { typeName } from './types.ts';
import { DONE, PyList, PySlice, PyTuple, type Kwargs, type Value } from './values.ts';

export type Method<T> = (self: T, args: Value[], kwargs: Kwargs) => Value;

const WHITESPACE = ' \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000';
const LINE_BREAKS = '\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029';

function isWs(ch: string): boolean {
  return WHITESPACE.includes(ch);
}

function strArg(v: Value, method: string, what = 'arg'): string {
  if (typeof v !== 'string') throw raise(exc.TypeError, `${method}() ${what} must be str, not ${typeName(v)}`);
  return v;
}

function optStr(args: Value[], i: number, method: string): string | null {
  const v = args[i];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw raise(exc.TypeError, `${method} arg must be None or str`);
  return v;
}

/** The [start, end) window of s given optional start/end arguments, as UTF-16 offsets. */
function window(s: string, startArg: Value | undefined, endArg: Value | undefined): [number, number] {
  const len = strLen(s);
  const slice = new PySlice(startArg ?? null, endArg ?? null, null);
  let [start, stop] = sliceIndices(slice, len);
  if (stop < start) stop = start;
  if (startArg !== undefined && startArg !== null) {
    const raw = indexValue(startArg)!;
    if (raw > len) return [-1, -1];
  }
  return [codePointToUnitIndex(s, start), codePointToUnitIndex(s, stop)];
}

function find(s: string, args: Value[], name: string, reverse: boolean): number {
  argCount(name, args, 1, 3);
  const sub = strArg(args[0], name, 'argument 1');
  const [a, b] = window(s, args[1], args[2]);
  if (a < 0 || b - a < sub.length) return -1;
  const region = s.slice(a, b);
  const i = reverse ? region.lastIndexOf(sub) : region.indexOf(sub);
  return i < 0 ? -1 : unitToCodePointIndex(s, a + i);
}

function split(s: string, args: Value[], kwargs: Kwargs, fromRight: boolean): Value {
  onlyKwargs(fromRight ? 'rsplit' : 'split', kwargs, ['sep', 'maxsplit']);
  const sep = args.length > 0 ? args[0] : kwarg(kwargs, 'sep') ?? null;
  const maxArg = args.length > 1 ? args[1] : kwarg(kwargs, 'maxsplit') ?? -1;
  let max = indexValue(maxArg) ?? -1;
  if (max < 0) max = Infinity;
  if (sep === null) {
    const words: string[] = [];
    if (!fromRight) {
      let i = 0;
      while (i < s.length) {
        while (i < s.length && isWs(s[i])) i++;
        if (i >= s.length) break;
        if (words.length >= max) {
          let rest = s.slice(i);
          let end = rest.length;
          while (end > 0 && isWs(rest[end - 1])) end--;
          rest = rest.slice(0, end);
          words.push(rest);
          break;
        }
        let j = i;
        while (j < s.length && !isWs(s[j])) j++;
        words.push(s.slice(i, j));
        i = j;
      }
      return new PyList(words);
    }
    let i = s.length;
    while (i > 0) {
      while (i > 0 && isWs(s[i - 1])) i--;
      if (i <= 0) break;
      if (words.length >= max) {
        let start = 0;
        while (start < i && isWs(s[start])) start++;
        words.push(s.slice(start, i));
        break;
      }
      let j = i;
      while (j > 0 && !isWs(s[j - 1])) j--;
      words.push(s.slice(j, i));
      i = j;
    }
    return new PyList(words.reverse());
  }
  const sepText = strArg(sep, fromRight ? 'rsplit' : 'split', 'argument 1');
  if (sepText === '') throw raise(exc.ValueError, 'empty separator');
  const parts = s.split(sepText);
  if (parts.length - 1 <= max) return new PyList(parts);
  if (!fromRight) {
    const head = parts.slice(0, max);
    head.push(parts.slice(max).join(sepText));
    return new PyList(head);
  }
  const tail = parts.slice(parts.length - max);
  return new PyList([parts.slice(0, parts.length - max).join(sepText), ...tail]);
}

function strip(s: string, args: Value[], left: boolean, right: boolean, name: string): string {
  argCount(name, args, 0, 1);
  const chars = optStr(args, 0, name);
  const set = chars === null ? null : new Set(Array.from(chars));
  const test = set === null ? isWs : (c: string) => set.has(c);
  const cps = hasSurrogates(s) ? Array.from(s) : null;
  const at = (i: number) => (cps ? cps[i] : s[i]);
  const n = cps ? cps.length : s.length;
  let a = 0;
  let b = n;
  if (left) while (a < b && test(at(a))) a++;
  if (right) while (b > a && test(at(b - 1))) b--;
  return cps ? cps.slice(a, b).join('') : s.slice(a, b);
}

function fillChar(args: Value[], i: number, name: string): string {
  const v = args[i];
  if (v === undefined) return ' ';
  if (typeof v !== 'string') throw raise(exc.TypeError, `${name}() argument 2 must be str, not ${typeName(v)}`);
  if (strLen(v) !== 1) throw raise(exc.TypeError, 'The fill character must be exactly one character long');
  return v;
}

function widthArg(v: Value): number {
  const w = indexValue(v);
  if (w === null) throw raise(exc.TypeError, `'${typeName(v)}' object cannot be interpreted as an integer`);
  if (w > 1e8) throw raise(exc.MemoryError, 'string too large');
  return w;
}

function isCased(ch: string): boolean {
  return ch.toLowerCase() !== ch.toUpperCase();
}

/** Map one character to its titlecase form, as CPython's full titlecase mapping. */
function toTitle(ch: string): string {
  return TITLE_CASE.get(ch.codePointAt(0)!) ?? ch.toUpperCase();
}

/**
 * Lowercase character `i` of `cps`. Capital sigma becomes final sigma at the
 * end of a word: after a cased letter and not before one, skipping
 * case-ignorable characters, as in CPython's lower().
 */
function toLowerAt(cps: string[], i: number): string {
  const ch = cps[i];
  if (ch !== '\u03a3') return ch.toLowerCase();
  const isWordEnd = (from: number, step: number) => {
    for (let j = from; j >= 0 && j < cps.length; j += step) {
      if (CASED.test(cps[j])) return true;
      if (!CASE_IGNORABLE.test(cps[j])) return false;
    }
    return false;
  };
  return isWordEnd(i - 1, -1) && !isWordEnd(i + 1, 1) ? '\u03c2' : '\u03c3';
}

const CASED = /^\p{Cased}$/u;
const CASE_IGNORABLE = /^\p{Case_Ignorable}$/u;
const UPPER_OR_TITLE = /^[\p{Uppercase}\p{Lt}]$/u;
const LOWER = /^\p{Lowercase}$/u;

/** Titlecase `s` as CPython's str.title(): title after an uncased character, lower after a cased one. */
function titleCase(s: string): string {
  const cps = Array.from(s);
  let out = '';
  let previousIsCased = false;
  for (let i = 0; i < cps.length; i++) {
    out += previousIsCased ? toLowerAt(cps, i) : toTitle(cps[i]);
    previousIsCased = CASED.test(cps[i]);
  }
  return out;
}

/** Test as CPython's str.istitle(): uppercase and titlecase letters only after uncased ones, lowercase only after cased ones. */
function isTitle(s: string): boolean {
  let cased = false;
  let previousIsCased = false;
  for (const ch of s) {
    if (UPPER_OR_TITLE.test(ch)) {
      if (previousIsCased) return false;
      previousIsCased = cased = true;
    } else if (LOWER.test(ch)) {
      if (!previousIsCased) return false;
      previousIsCased = cased = true;
    } else {
      previousIsCased = false;
    }
  }
  return cased;
}

function startsOrEnds(s: string, args: Value[], name: string, ends: boolean): boolean {
  argCount(name, args, 1, 3);
  const [a, b] = window(s, args[1], args[2]);
  if (a < 0) return false;
  const region = s.slice(a, b);
  const prefixes = args[0] instanceof PyTuple ? args[0].items : [args[0]];
  for (const p of prefixes) {
    if (typeof p !== 'string') {
      throw raise(exc.TypeError, `${name} first arg must be str or a tuple of str, not ${typeName(p)}`);
    }
    if (ends ? region.endsWith(p) : region.startsWith(p)) return true;
  }
  return false;
}

const all = (re: RegExp) => (s: string) => s.length > 0 && re.test(s);

export const strMethods: Record<string, Method<string>> = {
  upper: (s) => s.toUpperCase(),
  lower: (s) => s.toLowerCase(),
  casefold: (s) => s.toLowerCase(),
  swapcase: (s) => Array.from(s, (c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join(''),
  title: (s) => titleCase(s),
  capitalize: (s) => {
    const cps = Array.from(s);
    if (cps.length === 0) return '';
    const rest = cps.slice(1).join('');
    // Only a capital sigma needs the context of the whole string to lowercase.
    if (!rest.includes('\u03a3')) return toTitle(cps[0]) + rest.toLowerCase();
    return toTitle(cps[0]) + cps.slice(1).map((_, i) => toLowerAt(cps, i + 1)).join('');
  },
  strip: (s, a) => strip(s, a, true, true, 'strip'),
  lstrip: (s, a) => strip(s, a, true, false, 'lstrip'),
  rstrip: (s, a) => strip(s, a, false, true, 'rstrip'),
  split: (s, a, k) => split(s, a, k, false),
  rsplit: (s, a, k) => split(s, a, k, true),
  splitlines: (s, a, k) => {
    const keep = (a[0] ?? kwarg(k, 'keepends') ?? false) ? true : false;
    const lines: string[] = [];
    let start = 0;
    let i = 0;
    while (i < s.length) {
      const c = s[i];
      if (LINE_BREAKS.includes(c)) {
        const eol = c === '\r' && s[i + 1] === '\n' ? 2 : 1;
        lines.push(s.slice(start, keep ? i + eol : i));
        i += eol;
        start = i;
      } else {
        i++;
      }
    }
    if (start < s.length) lines.push(s.slice(start));
    return new PyList(lines);
  },
  join: (s, a) => {
    argCount('join', a, 1, 1);
    const it = getIter(a[0]);
    const parts: string[] = [];
    let total = 0;
    for (let x = it.next(), i = 0; x !== DONE; x = it.next(), i++) {
      if (typeof x !== 'string') throw raise(exc.TypeError, `sequence item ${i}: expected str instance, ${typeName(x)} found`);
      parts.push(x);
      total += x.length + s.length;
    }
    if (total > 4096) return checkStringSize(parts.join(s));
    return parts.join(s);
  },
  replace: (s, a) => {
    argCount('replace', a, 2, 3);
    const old = strArg(a[0], 'replace', 'argument 1');
    const repl = strArg(a[1], 'replace', 'argument 2');
    let count = a.length > 2 ? indexValue(a[2]) ?? -1 : -1;
    if (count < 0) count = Infinity;
    if (old === '') {
      const cps = Array.from(s);
      let out = '';
      let n = 0;
      for (let i = 0; i <= cps.length; i++) {
        if (n < count) { out += repl; n++; }
        if (i < cps.length) out += cps[i];
      }
      return checkStringSize(out);
    }
    if (count === Infinity) return checkStringSize(s.split(old).join(repl));
    const parts = s.split(old);
    if (parts.length - 1 <= count) return checkStringSize(parts.join(repl));
    return checkStringSize(parts.slice(0, count + 1).join(repl) + old + parts.slice(count + 1).join(old));
  },
  find: (s, a) => find(s, a, 'find', false),
  rfind: (s, a) => find(s, a, 'rfind', true),
  index: (s, a) => {
    const i = find(s, a, 'index', false);
    if (i < 0) throw raise(exc.ValueError, 'substring not found');
    return i;
  },
  rindex: (s, a) => {
    const i = find(s, a, 'rindex', true);
    if (i < 0) throw raise(exc.ValueError, 'substring not found');
    return i;
  },
  count: (s, a) => {
    argCount('count', a, 1, 3);
    const sub = strArg(a[0], 'count', 'argument 1');
    const [x, y] = window(s, a[1], a[2]);
    if (x < 0) return 0;
    const region = s.slice(x, y);
    if (sub === '') return strLen(region) + 1;
    return region.split(sub).length - 1;
  },
  startswith: (s, a) => startsOrEnds(s, a, 'startswith', false),
  endswith: (s, a) => startsOrEnds(s, a, 'endswith', true),
  isdigit: (s) => all(/^[\p{Nd}\u00b2\u00b3\u00b9\u2070-\u2079\u2080-\u2089]+$/u)(s),
  isdecimal: (s) => all(/^\p{Nd}+$/u)(s),
  isnumeric: (s) => all(/^\p{N}+$/u)(s),
  isalpha: (s) => all(/^\p{L}+$/u)(s),
  isalnum: (s) => all(/^[\p{L}\p{N}]+$/u)(s),
  isspace: (s) => s.length > 0 && Array.from(s).every(isWs),
  isupper: (s) => Array.from(s).some(isCased) && s === s.toUpperCase() && !/\p{Ll}/u.test(s),
  islower: (s) => Array.from(s).some(isCased) && s === s.toLowerCase() && !/\p{Lu}/u.test(s),
  istitle: (s) => isTitle(s),
  isidentifier: (s) => /^[\p{L}_][\p{L}\p{N}_]*$/u.test(s),
  isascii: (s) => /^[\x00-\x7f]*$/.test(s),
  isprintable: (s) => Array.from(s).every(isPrintableChar),
  zfill: (s, a) => {
    argCount('zfill', a, 1, 1);
    const w = widthArg(a[0]);
    const n = strLen(s);
    if (n >= w) return s;
    const sign = s[0] === '-' || s[0] === '+' ? s[0] : '';
    return sign + '0'.repeat(w - n) + s.slice(sign.length);
  },
  center: (s, a) => {
    argCount('center', a, 1, 2);
    const w = widthArg(a[0]);
    const fill = fillChar(a, 1, 'center');
    const marg = w - strLen(s);
    if (marg <= 0) return s;
    const left = Math.floor(marg / 2) + (marg & w & 1);
    return fill.repeat(left) + s + fill.repeat(marg - left);
  },
  ljust: (s, a) => {
    argCount('ljust', a, 1, 2);
    const w = widthArg(a[0]);
    return s + fillChar(a, 1, 'ljust').repeat(Math.max(0, w - strLen(s)));
  },
  rjust: (s, a) => {
    argCount('rjust', a, 1, 2);
    const w = widthArg(a[0]);
    return fillChar(a, 1, 'rjust').repeat(Math.max(0, w - strLen(s))) + s;
  },
  partition: (s, a) => {
    argCount('partition', a, 1, 1);
    const sep = strArg(a[0], 'partition', 'argument');
    if (sep === '') throw raise(exc.ValueError, 'empty separator');
    const i = s.indexOf(sep);
    return i < 0 ? new PyTuple([s, '', '']) : new PyTuple([s.slice(0, i), sep, s.slice(i + sep.length)]);
  },
  rpartition: (s, a) => {
    argCount('rpartition', a, 1, 1);
    const sep = strArg(a[0], 'rpartition', 'argument');
    if (sep === '') throw raise(exc.ValueError, 'empty separator');
    const i = s.lastIndexOf(sep);
    return i < 0 ? new PyTuple(['', '', s]) : new PyTuple([s.slice(0, i), sep, s.slice(i + sep.length)]);
  },
  removeprefix: (s, a) => {
    const p = strArg(a[0], 'removeprefix', 'argument');
    return p !== '' && s.startsWith(p) ? s.slice(p.length) : s;
  },
  removesuffix: (s, a) => {
    const p = strArg(a[0], 'removesuffix', 'argument');
    return p !== '' && s.endsWith(p) ? s.slice(0, s.length - p.length) : s;
  },
  expandtabs: (s, a) => {
    const size = a.length > 0 ? indexValue(a[0]) ?? 8 : 8;
    let out = '';
    let col = 0;
    for (const ch of s) {
      if (ch === '\t') {
        const n = size > 0 ? size - (col % size) : 0;
        out += ' '.repeat(n);
        col += n;
      } else {
        out += ch;
        col = ch === '\n' || ch === '\r' ? 0 : col + 1;
      }
    }
    return out;
  },
  format: (s, a, k) => strFormat(s, a, new Map(k ?? [])),
  format_map: (s, a) => {
    argCount('format_map', a, 1, 1);
    const m = a[0];
    const entries = new Map<string, Value>();
    if (m !== null && typeof m === 'object' && 'map' in m) {
      for (const e of (m as { map: Map<unknown, { key: Value; value: Value }> }).map.values()) {
        if (typeof e.key === 'string') entries.set(e.key, e.value);
      }
    }
    return strFormat(s, [], entries);
  },
};

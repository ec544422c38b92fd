// Constructors of the built-in types: int(), float(), str(), bool(), list(),
// tuple(), dict(), set(), frozenset(), range(), slice().

import { argCount, kwarg, noKwargs, onlyKwargs } from './call.ts';
import { truthy } from './compare.ts';
import { updateDict } from './containerMethods.ts';
import { exc, raise } from './exceptions.ts';
import { intToFloat, type Int } from './ints.ts';
import { dictSet, setFromIterable, toArray } from './iteration.ts';
import { pyRepr, pyStr } from './repr.ts';
import { rt } from './state.ts';
import { indexValue } from './subscript.ts';
import { T, typeName } from './types.ts';
import { callValue } from './call.ts';
import {
  PyBuiltin, PyDict, PyFloat, PyFunction, PyStaticMethod, PyInstance, PyList, PyRange, PySet, PySlice, PyTuple, normBig, type Value,
} from './values.ts';

const INT_RE = /^[+-]?(?:0|[1-9](?:_?\d)*|0(?:_?0)*)$/;

/** int(text, base) with CPython's accepted syntax (underscores between digits, whitespace around). */
export function parseIntText(text: string, base: number): Int {
  const s = text.trim();
  const fail = () => raise(exc.ValueError, `invalid literal for int() with base ${base}: ${pyRepr(text)}`);
  if (base === 10 || (base === 0 && !/^[+-]?0[xXoObB]/.test(s))) {
    if (base === 0 ? !INT_RE.test(s) : !/^[+-]?\d(?:_?\d)*$/.test(s)) throw fail();
    const digits = s.replace(/_/g, '');
    if (digits.replace(/^[+-]/, '').length > rt.limits.intMaxStrDigits) {
      throw raise(exc.ValueError, `Exceeds the limit (${rt.limits.intMaxStrDigits} digits) for integer string conversion: value has ${digits.replace(/^[+-]/, '').length} digits; use sys.set_int_max_str_digits() to increase the limit`);
    }
    return normBig(BigInt(digits));
  }
  let body = s;
  let neg = false;
  if (body[0] === '+' || body[0] === '-') {
    neg = body[0] === '-';
    body = body.slice(1);
  }
  let b = base;
  const prefix = body.slice(0, 2).toLowerCase();
  const prefixBase = prefix === '0x' ? 16 : prefix === '0o' ? 8 : prefix === '0b' ? 2 : 0;
  if (prefixBase && (b === 0 || b === prefixBase)) {
    b = prefixBase;
    body = body.slice(2);
    if (body.startsWith('_')) body = body.slice(1);
  }
  if (b < 2 || b > 36) throw fail();
  const digitClass = '0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, b);
  const re = new RegExp(`^[${digitClass}](?:_?[${digitClass}])*$`, 'i');
  if (!re.test(body)) throw fail();
  let v = 0n;
  const B = BigInt(b);
  for (const ch of body.replace(/_/g, '').toLowerCase()) v = v * B + BigInt(parseInt(ch, 36));
  return normBig(neg ? -v : v);
}

function floatToInt(f: number): Int {
  if (Number.isNaN(f)) throw raise(exc.ValueError, 'cannot convert float NaN to integer');
  if (!Number.isFinite(f)) throw raise(exc.OverflowError, 'cannot convert float infinity to integer');
  const t = Math.trunc(f);
  return Number.isSafeInteger(t) ? (t === 0 ? 0 : t) : normBig(BigInt(t));
}

function intConstruct(args: Value[], kwargs: [string, Value][] | null): Value {
  onlyKwargs('int', kwargs, ['base']);
  const baseArg = args.length > 1 ? args[1] : kwarg(kwargs, 'base');
  if (args.length === 0) return 0;
  argCount('int', args, 1, 2);
  const x = args[0];
  if (baseArg !== undefined) {
    if (typeof x !== 'string') throw raise(exc.TypeError, "int() can't convert non-string with explicit base");
    const base = indexValue(baseArg);
    if (base === null || (base !== 0 && (base < 2 || base > 36))) throw raise(exc.ValueError, 'int() base must be >= 2 and <= 36, or 0');
    return parseIntText(x, base);
  }
  if (typeof x === 'number' || typeof x === 'bigint') return x;
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (x instanceof PyFloat) return floatToInt(x.v);
  if (typeof x === 'string') return parseIntText(x, 10);
  if (x instanceof PyInstance) {
    for (const name of ['__int__', '__index__', '__trunc__']) {
      const m = x.cls.lookup(name);
      if (m instanceof PyFunction) return callValue(m, [x], null);
    }
  }
  throw raise(exc.TypeError, `int() argument must be a string, a bytes-like object or a real number, not '${typeName(x)}'`);
}

const FLOAT_RE = /^[+-]?(?:(?:\d(?:_?\d)*)?\.?\d(?:_?\d)*(?:[eE][+-]?\d(?:_?\d)*)?|\d(?:_?\d)*\.(?:[eE][+-]?\d(?:_?\d)*)?)$/;

export function parseFloatText(text: string): number {
  const s = text.trim();
  const lower = s.toLowerCase();
  const m = /^([+-]?)(inf|infinity|nan)$/.exec(lower);
  if (m) return m[2] === 'nan' ? NaN : m[1] === '-' ? -Infinity : Infinity;
  if (!FLOAT_RE.test(s)) throw raise(exc.ValueError, `could not convert string to float: ${pyRepr(text)}`);
  return Number(s.replace(/_/g, ''));
}

function floatConstruct(args: Value[], kwargs: [string, Value][] | null): Value {
  noKwargs('float', kwargs);
  argCount('float', args, 0, 1);
  if (args.length === 0) return new PyFloat(0);
  const x = args[0];
  if (x instanceof PyFloat) return x;
  if (typeof x === 'number' || typeof x === 'bigint') return new PyFloat(intToFloat(x));
  if (typeof x === 'boolean') return new PyFloat(x ? 1 : 0);
  if (typeof x === 'string') return new PyFloat(parseFloatText(x));
  if (x instanceof PyInstance) {
    const m = x.cls.lookup('__float__');
    if (m instanceof PyFunction) return callValue(m, [x], null);
  }
  throw raise(exc.TypeError, `float() argument must be a string or a real number, not '${typeName(x)}'`);
}

function rangeArg(v: Value): number {
  const i = indexValue(v);
  if (i === null) throw raise(exc.TypeError, `'${typeName(v)}' object cannot be interpreted as an integer`);
  if (typeof v === 'bigint') throw raise(exc.OverflowError, 'range() arguments beyond 2**53 are not supported');
  return i;
}

function rangeConstruct(args: Value[], kwargs: [string, Value][] | null): Value {
  noKwargs('range', kwargs);
  if (args.length === 0) throw raise(exc.TypeError, 'range expected at least 1 argument, got 0');
  if (args.length > 3) throw raise(exc.TypeError, `range expected at most 3 arguments, got ${args.length}`);
  if (args.length === 1) return new PyRange(0, rangeArg(args[0]), 1);
  const step = args.length === 3 ? rangeArg(args[2]) : 1;
  if (step === 0) throw raise(exc.ValueError, 'range() arg 3 must not be zero');
  return new PyRange(rangeArg(args[0]), rangeArg(args[1]), step);
}

function dictConstruct(args: Value[], kwargs: [string, Value][] | null): Value {
  const d = new PyDict();
  if (args.length > 1) throw raise(exc.TypeError, `dict expected at most 1 argument, got ${args.length}`);
  updateDict(d, args, kwargs, 'dict');
  return d;
}

function fromkeys(args: Value[]): Value {
  argCount('fromkeys', args, 1, 2);
  const d = new PyDict();
  const v = args.length > 1 ? args[1] : null;
  for (const k of toArray(args[0])) dictSet(d, k, v);
  return d;
}

/** Attach the constructors to the type objects (idempotent). */
export function constructBuiltinTypes(): void {
  T.int.construct = (_c, a, k) => intConstruct(a, k);
  T.bool.construct = (_c, a, k) => { noKwargs('bool', k); argCount('bool', a, 0, 1); return a.length ? truthy(a[0]) : false; };
  T.float.construct = (_c, a, k) => floatConstruct(a, k);
  T.str.construct = (_c, a, k) => {
    noKwargs('str', k);
    argCount('str', a, 0, 1);
    return a.length ? pyStr(a[0]) : '';
  };
  T.list.construct = (_c, a, k) => { noKwargs('list', k); argCount('list', a, 0, 1); return new PyList(a.length ? toArray(a[0]) : []); };
  T.tuple.construct = (_c, a, k) => {
    noKwargs('tuple', k);
    argCount('tuple', a, 0, 1);
    if (a.length && a[0] instanceof PyTuple) return a[0];
    return new PyTuple(a.length ? toArray(a[0]) : []);
  };
  T.dict.construct = (_c, a, k) => dictConstruct(a, k);
  T.dict.dict.set('fromkeys', new PyStaticMethod(new PyBuiltin('fromkeys', fromkeys)));
  T.set.construct = (_c, a, k) => { noKwargs('set', k); argCount('set', a, 0, 1); return a.length ? setFromIterable(a[0], false) : setFromIterable(new PyList([]), false); };
  T.frozenset.construct = (_c, a, k) => {
    noKwargs('frozenset', k);
    argCount('frozenset', a, 0, 1);
    if (a.length && a[0] instanceof PySet && a[0].frozen) return a[0];
    return setFromIterable(a.length ? a[0] : new PyList([]), true);
  };
  T.range.construct = (_c, a, k) => rangeConstruct(a, k);
  T.slice.construct = (_c, a) => {
    argCount('slice', a, 1, 3);
    return a.length === 1 ? new PySlice(null, a[0], null) : new PySlice(a[0], a[1], a[2] ?? null);
  };
}


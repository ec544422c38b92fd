// Python equality and hashing. `hashKey` maps a hashable value to a JS Map
// key so that Python-equal values (1, 1.0, True; equal tuples; references to
// one entity) share one key. `pyHash` is CPython's hash for numbers, tuples
// and None-free structures; str uses a fixed FNV-1a hash instead of CPython's
// per-process randomised SipHash.

import { callHook, exc, raise } from './exceptions.ts';
import { floatRepr } from './floatFormat.ts';
import { typeName } from './types.ts';
import {
  EntityInstance, EntityRef, PyDict, PyDictView, PyFloat, PyFunction, PyInstance, PyList, PyRange, PySet, PySlice, PyTuple,
  normBig, type Value,
} from './values.ts';

let nextObjectId = 1;
const objectIds = new WeakMap<object, number>();

function objectId(o: object): number {
  let id = objectIds.get(o);
  if (id === undefined) {
    id = nextObjectId++;
    objectIds.set(o, id);
  }
  return id;
}

/** Float value as an int if it is integral and finite, else null. */
export function floatAsInt(f: number): number | bigint | null {
  if (!Number.isInteger(f)) return null;
  return Number.isSafeInteger(f) ? (f === 0 ? 0 : f) : normBig(BigInt(f));
}

const COMPOSITE = '\u0001';

/** Map key for a hashable value; TypeError for unhashable ones. */
export function hashKey(v: Value): unknown {
  switch (typeof v) {
    case 'number': case 'bigint': return v;
    case 'string': return v.length > 0 && v.charCodeAt(0) === 1 ? COMPOSITE + v : v;
    case 'boolean': return v ? 1 : 0;
  }
  if (v === null) return null;
  if (v instanceof PyFloat) return floatAsInt(v.v) ?? v.v;
  if (v instanceof PyTuple || v instanceof EntityRef || v instanceof EntityInstance || (v instanceof PySet && v.frozen)) {
    return COMPOSITE + '(' + encode(v);
  }
  if (v instanceof PyList || v instanceof PyDict || v instanceof PySet || v instanceof PyDictView || v instanceof PySlice) {
    throw raise(exc.TypeError, `unhashable type: '${typeName(v)}'`);
  }
  if (v instanceof PyInstance) checkInstanceHashable(v);
  return v;
}

function checkInstanceHashable(v: PyInstance): void {
  if (v.cls.lookup('__eq__') instanceof PyFunction && !v.cls.lookup('__hash__')) {
    throw raise(exc.TypeError, `unhashable type: '${v.cls.name}'`);
  }
}

function encode(v: Value): string {
  switch (typeof v) {
    case 'number': case 'bigint': return 'i' + v + ';';
    case 'boolean': return v ? 'i1;' : 'i0;';
    case 'string': return 's' + v.length + ':' + v;
  }
  if (v === null) return 'N';
  if (v instanceof PyFloat) {
    const asInt = floatAsInt(v.v);
    return asInt !== null ? 'i' + asInt + ';' : 'f' + floatRepr(v.v) + ';';
  }
  if (v instanceof PyTuple) return '(' + v.items.map(encode).join('') + ')';
  if (v instanceof EntityRef || v instanceof EntityInstance) return 'E' + v.className.length + ':' + v.className + encode(v.key);
  if (v instanceof PySet && v.frozen) return '{' + v.table.keys().map(encode).sort().join('') + '}';
  if (v instanceof PyList || v instanceof PyDict || v instanceof PySet || v instanceof PyDictView) {
    throw raise(exc.TypeError, `unhashable type: '${typeName(v)}'`);
  }
  if (v instanceof PyInstance) checkInstanceHashable(v);
  return 'o' + objectId(v as object) + ';';
}

// ---------------------------------------------------------------- CPython hash

const MODULUS = (1n << 61n) - 1n;
const U64 = (1n << 64n) - 1n;
const XXPRIME_1 = 11400714785074694791n;
const XXPRIME_2 = 14029467366897019727n;
const XXPRIME_5 = 2870177450012600261n;

function hashInt(v: number | bigint): number | bigint {
  if (typeof v === 'number' && v >= 0 && v < 2 ** 52) return v;
  if (typeof v === 'number' && v < -1 && v > -(2 ** 52)) return v;
  const b = typeof v === 'bigint' ? v : BigInt(v);
  const a = b < 0n ? -b : b;
  let h = a % MODULUS;
  if (b < 0n) h = -h;
  if (h === -1n) h = -2n;
  return normBig(h);
}

function hashFloat(f: number): number | bigint {
  const asInt = floatAsInt(f);
  if (asInt !== null) return hashInt(asInt);
  if (Number.isNaN(f)) return 0;
  if (!Number.isFinite(f)) return f > 0 ? 314159 : -314159;
  let m = Math.abs(f);
  let e = 0;
  while (m >= 1) { m /= 2; e++; }
  while (m < 0.5) { m *= 2; e--; }
  let x = 0n;
  while (m !== 0) {
    x = ((x << 28n) & MODULUS) | (x >> 33n);
    m *= 268435456.0;
    e -= 28;
    const y = Math.floor(m);
    m -= y;
    x += BigInt(y);
    if (x >= MODULUS) x -= MODULUS;
  }
  const bits = 61;
  e = e >= 0 ? e % bits : bits - 1 - ((-1 - e) % bits);
  x = ((x << BigInt(e)) & MODULUS) | (x >> BigInt(bits - e));
  if (f < 0) x = -x;
  if (x === -1n) x = -2n;
  return normBig(x);
}

const M64 = (1n << 64n) - 1n;

function rotl(x: bigint, b: bigint): bigint {
  return ((x << b) | (x >> (64n - b))) & M64;
}

/** SipHash-1-3 with a zero key: CPython 3.11's str hash when PYTHONHASHSEED=0. */
function sipHash13(bytes: Uint8Array): bigint {
  let v0 = 0x736f6d6570736575n;
  let v1 = 0x646f72616e646f6dn;
  let v2 = 0x6c7967656e657261n;
  let v3 = 0x7465646279746573n;
  const round = () => {
    v0 = (v0 + v1) & M64; v1 = rotl(v1, 13n); v1 ^= v0; v0 = rotl(v0, 32n);
    v2 = (v2 + v3) & M64; v3 = rotl(v3, 16n); v3 ^= v2;
    v0 = (v0 + v3) & M64; v3 = rotl(v3, 21n); v3 ^= v0;
    v2 = (v2 + v1) & M64; v1 = rotl(v1, 17n); v1 ^= v2; v2 = rotl(v2, 32n);
  };
  const len = bytes.length;
  const full = len - (len % 8);
  for (let i = 0; i < full; i += 8) {
    let m = 0n;
    for (let j = 7; j >= 0; j--) m = (m << 8n) | BigInt(bytes[i + j]);
    v3 ^= m;
    round();
    v0 ^= m;
  }
  let b = (BigInt(len) << 56n) & M64;
  for (let j = len - 1; j >= full; j--) b |= BigInt(bytes[j]) << BigInt(8 * (j - full));
  v3 ^= b;
  round();
  v0 ^= b;
  v2 ^= 0xffn;
  round();
  round();
  round();
  return (v0 ^ v1 ^ v2 ^ v3) & M64;
}

const strHashCache = new Map<string, number | bigint>();

/** CPython's hash(str) under PYTHONHASHSEED=0: SipHash-1-3 over the string's internal (latin-1/UCS-2/UCS-4) bytes. */
function hashString(s: string): number | bigint {
  if (s.length === 0) return 0;
  const cached = strHashCache.get(s);
  if (cached !== undefined) return cached;
  const cps = Array.from(s, (c) => c.codePointAt(0)!);
  const max = cps.reduce((a, b) => Math.max(a, b), 0);
  const width = max < 256 ? 1 : max < 65536 ? 2 : 4;
  const bytes = new Uint8Array(cps.length * width);
  cps.forEach((cp, i) => {
    for (let k = 0; k < width; k++) bytes[i * width + k] = (cp >> (8 * k)) & 0xff;
  });
  let h = sipHash13(bytes);
  let signed = h >= 1n << 63n ? h - (1n << 64n) : h;
  if (signed === -1n) signed = -2n;
  h = signed;
  const result = normBig(h);
  if (strHashCache.size > 50_000) strHashCache.clear();
  strHashCache.set(s, result);
  return result;
}

function toUnsigned(h: number | bigint): bigint {
  const b = typeof h === 'bigint' ? h : BigInt(h);
  return b & U64;
}

function hashTuple(items: Value[]): number | bigint {
  let acc = XXPRIME_5;
  for (const item of items) {
    const lane = toUnsigned(pyHash(item));
    acc = (acc + lane * XXPRIME_2) & U64;
    acc = ((acc << 31n) | (acc >> 33n)) & U64;
    acc = (acc * XXPRIME_1) & U64;
  }
  acc = (acc + (BigInt(items.length) ^ (XXPRIME_5 ^ 3527539n))) & U64;
  if (acc === U64) return 1546275796;
  return normBig(acc >= 1n << 63n ? acc - (1n << 64n) : acc);
}

/** hash(v): CPython's value for ints, floats, bools and tuples of them; deterministic for the rest. */
export function pyHash(v: Value): number | bigint {
  switch (typeof v) {
    case 'number': case 'bigint': return hashInt(v);
    case 'boolean': return v ? 1 : 0;
    case 'string': return hashString(v);
  }
  if (v === null) return 0x5f3759;
  if (v instanceof PyFloat) return hashFloat(v.v);
  if (v instanceof PyTuple) return hashTuple(v.items);
  if (v instanceof EntityRef || v instanceof EntityInstance) return hashTuple([v.className, v.key]);
  if (v instanceof PySet && v.frozen) return hashFrozenset(v);
  if (v instanceof PyInstance) {
    const h = v.cls.lookup('__hash__');
    if (h instanceof PyFunction) {
      const r = callHook.call(h, [v], null);
      if (typeof r === 'number' || typeof r === 'bigint') return hashInt(r);
      throw raise(exc.TypeError, '__hash__ method should return an integer');
    }
  }
  hashKey(v);
  return objectId(v as object) * 16;
}

/** CPython 3.11's frozenset hash (Objects/setobject.c frozenset_hash). */
function hashFrozenset(v: PySet): number | bigint {
  const shuffle = (h: bigint) => (((h ^ 89869747n) ^ ((h << 16n) & M64)) * 3644798167n) & M64;
  let hash = 0n;
  for (const k of v.table.keys()) hash ^= shuffle(toUnsigned(pyHash(k)));
  if ((v.table.used & 1) !== 0) {
    // The dummy-free table has no entry with hash -1, so nothing more to fold.
  }
  hash ^= ((BigInt(v.table.used) + 1n) * 1927868237n) & M64;
  hash ^= (hash >> 11n) ^ (hash >> 25n);
  hash = (hash * 69069n + 907133923n) & M64;
  let signed = hash >= 1n << 63n ? hash - (1n << 64n) : hash;
  if (signed === -1n) signed = 590923713n;
  return normBig(signed);
}

// ---------------------------------------------------------------- equality

/** Compare two numbers (int/bool/float) exactly: -1, 0, 1, or NaN when unordered. */
export function numCompare(a: number | bigint | boolean | PyFloat, b: number | bigint | boolean | PyFloat): number {
  const x = typeof a === 'boolean' ? (a ? 1 : 0) : a;
  const y = typeof b === 'boolean' ? (b ? 1 : 0) : b;
  if (x instanceof PyFloat || y instanceof PyFloat) {
    const xf = x instanceof PyFloat ? x.v : x;
    const yf = y instanceof PyFloat ? y.v : y;
    if (typeof xf === 'number' && typeof yf === 'number') {
      if (Number.isNaN(xf) || Number.isNaN(yf)) return NaN;
      return xf < yf ? -1 : xf > yf ? 1 : 0;
    }
    return compareBigWithFloat(xf, yf);
  }
  return x < y ? -1 : x > y ? 1 : 0;
}

function compareBigWithFloat(a: number | bigint, b: number | bigint): number {
  if (typeof a === 'bigint') return -compareBigWithFloat(b, a);
  // a is a float, b a bigint.
  const f = a as number;
  const big = b as bigint;
  if (Number.isNaN(f)) return NaN;
  if (f === Infinity) return 1;
  if (f === -Infinity) return -1;
  const fi = BigInt(Math.floor(f));
  if (fi < big) return -1;
  if (fi > big) return 1;
  return Number.isInteger(f) ? 0 : 1;
}

function isNumber(v: Value): v is number | bigint | boolean | PyFloat {
  const t = typeof v;
  return t === 'number' || t === 'bigint' || t === 'boolean' || v instanceof PyFloat;
}

/** Python `==`. */
export function pyEq(a: Value, b: Value): boolean {
  if (a === b) return !(a instanceof PyFloat && Number.isNaN(a.v));
  const ta = typeof a;
  if (ta === 'string' || typeof b === 'string') return false;
  if (isNumber(a)) return isNumber(b) && numCompare(a, b) === 0;
  if (a === null || b === null) return false;
  if (a instanceof PyList) return b instanceof PyList && seqEq(a.items, b.items);
  if (a instanceof PyTuple) return b instanceof PyTuple && seqEq(a.items, b.items);
  if (a instanceof PyDict) return b instanceof PyDict && dictEq(a, b);
  if (a instanceof PySet) return b instanceof PySet && setEq(a, b);
  if (a instanceof EntityRef || a instanceof EntityInstance) {
    return (b instanceof EntityRef || b instanceof EntityInstance) && a.className === b.className && pyEq(a.key, b.key);
  }
  if (a instanceof PyRange) return b instanceof PyRange && rangeEq(a, b);
  if (a instanceof PyDictView && b instanceof PyDictView && a.kind === 'keys' && b.kind === 'keys') {
    return a.dict.map.size === b.dict.map.size && [...a.dict.map.keys()].every((k) => b.dict.map.has(k));
  }
  if (a instanceof PyInstance || b instanceof PyInstance) return userEq(a, b);
  return false;
}

function userEq(a: Value, b: Value): boolean {
  if (a instanceof PyInstance) {
    const m = a.cls.lookup('__eq__');
    if (m instanceof PyFunction) {
      const r = callHook.call(m, [a, b], null);
      if (!isNotImplemented(r)) return truthyHook.truthy(r);
    }
  }
  if (b instanceof PyInstance) {
    const m = b.cls.lookup('__eq__');
    if (m instanceof PyFunction) {
      const r = callHook.call(m, [b, a], null);
      if (!isNotImplemented(r)) return truthyHook.truthy(r);
    }
  }
  return a === b;
}

/** Set by builtins.ts: the NotImplemented singleton and truthiness. */
export const truthyHook = { truthy: (_v: Value): boolean => true, notImplemented: null as Value };

function isNotImplemented(v: Value): boolean {
  return truthyHook.notImplemented !== null && v === truthyHook.notImplemented;
}

/** Equality as containers use it: identity first (so a NaN finds itself). */
export function eqIdentityFirst(a: Value, b: Value): boolean {
  return a === b || pyEq(a, b);
}

function seqEq(a: Value[], b: Value[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!eqIdentityFirst(a[i], b[i])) return false;
  return true;
}

function dictEq(a: PyDict, b: PyDict): boolean {
  if (a.map.size !== b.map.size) return false;
  for (const [k, e] of a.map) {
    const other = b.map.get(k);
    if (other === undefined || !eqIdentityFirst(e.value, other.value)) return false;
  }
  return true;
}

function setEq(a: PySet, b: PySet): boolean {
  if (a.table.used !== b.table.used) return false;
  for (const k of a.table.keys()) if (!b.table.has(k)) return false;
  return true;
}

function rangeEq(a: PyRange, b: PyRange): boolean {
  const la = rangeLen(a);
  if (la !== rangeLen(b)) return false;
  if (la === 0) return true;
  if (a.start !== b.start) return false;
  return la === 1 || a.step === b.step;
}

export function rangeLen(r: PyRange): number {
  if (r.step > 0) return r.start < r.stop ? Math.floor((r.stop - r.start - 1) / r.step) + 1 : 0;
  return r.start > r.stop ? Math.floor((r.start - r.stop - 1) / -r.step) + 1 : 0;
}

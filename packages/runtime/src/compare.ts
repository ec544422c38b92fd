// Truthiness, ordering comparisons, membership and len().

import { callHook, exc, raise } from './exceptions.ts';
import { eqIdentityFirst, hashKey, numCompare, pyEq } from './hashing.ts';
import { getIter, rangeLength } from './iteration.ts';
import { hasSurrogates, strLen } from './strings.ts';
import { typeName } from './types.ts';
import {
  DONE, EntityInstance, EntityRef, PyDict, PyDictView, PyFloat, PyFunction, PyInstance, PyIter, PyList, PyRange, PySet,
  PyTuple, type Value,
} from './values.ts';

export const notImplemented = { value: null as Value };

export function truthy(v: Value): boolean {
  switch (typeof v) {
    case 'boolean': return v;
    case 'number': return v !== 0;
    case 'string': return v.length !== 0;
    case 'bigint': return true;
  }
  if (v === null) return false;
  if (v instanceof PyList || v instanceof PyTuple) return v.items.length !== 0;
  if (v instanceof PyFloat) return v.v !== 0;
  if (v instanceof PyDict) return v.map.size !== 0;
  if (v instanceof PySet) return v.table.used !== 0;
  if (v instanceof PyRange) return rangeLength(v) !== 0;
  if (v instanceof PyDictView) return v.dict.map.size !== 0;
  if (v instanceof PyInstance) {
    const b = v.cls.lookup('__bool__');
    if (b instanceof PyFunction) {
      const r = callHook.call(b, [v], null);
      if (typeof r !== 'boolean') throw raise(exc.TypeError, `__bool__ should return bool, returned ${typeName(r)}`);
      return r;
    }
    const l = v.cls.lookup('__len__');
    if (l instanceof PyFunction) return pyLen(v) !== 0;
  }
  return true;
}

export type CompareOp = '<' | '<=' | '>' | '>=';

const REFLECT: Record<CompareOp, CompareOp> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };
const DUNDER: Record<CompareOp, string> = { '<': '__lt__', '<=': '__le__', '>': '__gt__', '>=': '__ge__' };

function isNum(v: Value): v is number | bigint | boolean | PyFloat {
  const t = typeof v;
  return t === 'number' || t === 'bigint' || t === 'boolean' || v instanceof PyFloat;
}

function strCompare(a: string, b: string): number {
  if (a === b) return 0;
  if (hasSurrogates(a) || hasSurrogates(b)) {
    const x = Array.from(a, (c) => c.codePointAt(0)!);
    const y = Array.from(b, (c) => c.codePointAt(0)!);
    const n = Math.min(x.length, y.length);
    for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
    return x.length - y.length;
  }
  return a < b ? -1 : 1;
}

function applyOp(op: CompareOp, c: number): boolean {
  switch (op) {
    case '<': return c < 0;
    case '<=': return c <= 0;
    case '>': return c > 0;
    case '>=': return c >= 0;
  }
}

function seqCompare(op: CompareOp, a: Value[], b: Value[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (!eqIdentityFirst(a[i], b[i])) return compare(op, a[i], b[i]);
  }
  return applyOp(op, a.length - b.length);
}

function isSubset(a: PySet, b: PySet): boolean {
  if (a.table.used > b.table.used) return false;
  for (const k of a.table.keys()) if (!b.table.has(k)) return false;
  return true;
}

/** `a op b` for the ordering operators. */
export function compare(op: CompareOp, a: Value, b: Value): boolean {
  if (typeof a === 'number' && typeof b === 'number') return applyOp(op, a < b ? -1 : a > b ? 1 : 0);
  if (typeof a === 'string' && typeof b === 'string') return applyOp(op, strCompare(a, b));
  if (isNum(a) && isNum(b)) {
    const c = numCompare(a, b);
    return Number.isNaN(c) ? false : applyOp(op, c);
  }
  if (a instanceof PyList && b instanceof PyList) return seqCompare(op, a.items, b.items);
  if (a instanceof PyTuple && b instanceof PyTuple) return seqCompare(op, a.items, b.items);
  if (a instanceof PySet && b instanceof PySet) {
    switch (op) {
      case '<=': return isSubset(a, b);
      case '<': return a.table.used < b.table.used && isSubset(a, b);
      case '>=': return isSubset(b, a);
      case '>': return b.table.used < a.table.used && isSubset(b, a);
    }
  }
  if (a instanceof PyInstance) {
    const m = a.cls.lookup(DUNDER[op]);
    if (m instanceof PyFunction) {
      const r = callHook.call(m, [a, b], null);
      if (r !== notImplemented.value) return truthy(r);
    }
  }
  if (b instanceof PyInstance) {
    const m = b.cls.lookup(DUNDER[REFLECT[op]]);
    if (m instanceof PyFunction) {
      const r = callHook.call(m, [b, a], null);
      if (r !== notImplemented.value) return truthy(r);
    }
  }
  throw raise(exc.TypeError, `'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
}

export function lessThan(a: Value, b: Value): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  return compare('<', a, b);
}

/** `item in container`. */
export function contains(container: Value, item: Value): boolean {
  if (typeof container === 'string') {
    if (typeof item !== 'string') {
      throw raise(exc.TypeError, `'in <string>' requires string as left operand, not ${typeName(item)}`);
    }
    return container.includes(item);
  }
  if (container instanceof PyList || container instanceof PyTuple) {
    const items = container.items;
    for (let i = 0; i < items.length; i++) if (eqIdentityFirst(items[i], item)) return true;
    return false;
  }
  if (container instanceof PyDict) return container.map.has(hashKey(item));
  if (container instanceof PySet) return container.table.has(item);
  if (container instanceof PyRange) {
    if (typeof item !== 'number') {
      if (typeof item === 'boolean') return contains(container, item ? 1 : 0);
      if (!(item instanceof PyFloat)) return false;
    }
    const x = typeof item === 'number' ? item : (item as PyFloat).v;
    if (!Number.isInteger(x)) return false;
    const { start, stop, step } = container;
    if (step > 0 ? x < start || x >= stop : x > start || x <= stop) return false;
    return (x - start) % step === 0;
  }
  if (container instanceof PyDictView) {
    if (container.kind === 'keys') return container.dict.map.has(hashKey(item));
    if (container.kind === 'items') {
      if (!(item instanceof PyTuple) || item.items.length !== 2) return false;
      const e = container.dict.map.get(hashKey(item.items[0]));
      return e !== undefined && eqIdentityFirst(e.value, item.items[1]);
    }
    for (const e of container.dict.map.values()) if (eqIdentityFirst(e.value, item)) return true;
    return false;
  }
  if (container instanceof PyInstance) {
    const m = container.cls.lookup('__contains__');
    if (m instanceof PyFunction) return truthy(callHook.call(m, [container, item], null));
  }
  if (container instanceof PyIter || container instanceof PyInstance) {
    const it = getIter(container);
    for (let x = it.next(); x !== DONE; x = it.next()) if (eqIdentityFirst(x, item)) return true;
    return false;
  }
  throw raise(exc.TypeError, `argument of type '${typeName(container)}' is not iterable`);
}

export function pyLen(v: Value): number {
  if (typeof v === 'string') return strLen(v);
  if (v instanceof PyList || v instanceof PyTuple) return v.items.length;
  if (v instanceof PyDict) return v.map.size;
  if (v instanceof PySet) return v.table.used;
  if (v instanceof PyRange) return rangeLength(v);
  if (v instanceof PyDictView) return v.dict.map.size;
  if (v instanceof PyInstance) {
    const m = v.cls.lookup('__len__');
    if (m instanceof PyFunction) {
      const r = callHook.call(m, [v], null);
      if (typeof r !== 'number') throw raise(exc.TypeError, `'${typeName(r)}' object cannot be interpreted as an integer`);
      if (r < 0) throw raise(exc.ValueError, '__len__() should return >= 0');
      return r;
    }
  }
  throw raise(exc.TypeError, `object of type '${typeName(v)}' has no len()`);
}

/** `a is b`: identity, with value identity for the immutable scalars CPython caches or interns. */
export function isSame(a: Value, b: Value): boolean {
  if (a === b) return true;
  if ((a instanceof EntityRef || a instanceof EntityInstance) && (b instanceof EntityRef || b instanceof EntityInstance)) {
    return a.className === b.className && pyEq(a.key, b.key);
  }
  return false;
}

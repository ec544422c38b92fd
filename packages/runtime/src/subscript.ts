// Indexing and slicing: `obj[key]`, `obj[key] = v`, `del obj[key]`, with
// Python's negative indices, slice clamping, extended slices and error messages.

import { callHook, exc, raise, raiseWith } from './exceptions.ts';
import { checkSize, dictDelete, dictGet, dictSet, rangeLength, toArray } from './iteration.ts';
import { hasSurrogates, strLen } from './strings.ts';
import { typeName } from './types.ts';
import {
  PyDict, PyFunction, PyInstance, PyList, PyRange, PySlice, PyTuple, normBig, type Value,
} from './values.ts';

/** An index value as a JS number, or null if it is not an int. Huge ints clamp (they are out of range anyway). */
export function indexValue(v: Value): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') return v > 0n ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER;
  if (v instanceof PyInstance) {
    const m = v.cls.lookup('__index__');
    if (m instanceof PyFunction) return indexValue(callHook.call(m, [v], null));
  }
  return null;
}

/** slice.indices(length): [start, stop, step, count]. */
export function sliceIndices(s: PySlice, length: number): [number, number, number, number] {
  let step = 1;
  if (s.step !== null) {
    const st = indexValue(s.step);
    if (st === null) throw raise(exc.TypeError, 'slice indices must be integers or None or have an __index__ method');
    if (st === 0) throw raise(exc.ValueError, 'slice step cannot be zero');
    step = st;
  }
  const lowerDefault = step < 0 ? length - 1 : 0;
  const upperDefault = step < 0 ? -1 : length;
  const start = clampIndex(s.start, length, step, lowerDefault);
  const stop = clampIndex(s.stop, length, step, upperDefault);
  let count = 0;
  if (step > 0 ? start < stop : start > stop) {
    count = step > 0 ? Math.floor((stop - start - 1) / step) + 1 : Math.floor((start - stop - 1) / -step) + 1;
  }
  return [start, stop, step, count];
}

function clampIndex(v: Value, length: number, step: number, dflt: number): number {
  if (v === null) return dflt;
  let i = indexValue(v);
  if (i === null) throw raise(exc.TypeError, 'slice indices must be integers or None or have an __index__ method');
  if (i < 0) {
    i += length;
    if (i < 0) i = step < 0 ? -1 : 0;
  } else if (i >= length) {
    i = step < 0 ? length - 1 : length;
  }
  return i;
}

function sliceItems<T>(items: T[], s: PySlice): T[] {
  const [start, stop, step, count] = sliceIndices(s, items.length);
  if (step === 1) return items.slice(start, stop);
  const out = new Array<T>(count);
  for (let i = 0, j = start; i < count; i++, j += step) out[i] = items[j];
  return out;
}

function seqIndex(items: Value[], key: Value, what: string): number {
  const i = indexValue(key);
  if (i === null) throw raise(exc.TypeError, `${what} indices must be integers or slices, not ${typeName(key)}`);
  const j = i < 0 ? i + items.length : i;
  if (j < 0 || j >= items.length) throw raise(exc.IndexError, `${what} index out of range`);
  return j;
}

export function getItem(obj: Value, key: Value): Value {
  if (obj instanceof PyList) {
    if (typeof key === 'number') {
      const j = key < 0 ? key + obj.items.length : key;
      if (j >= 0 && j < obj.items.length) return obj.items[j];
      throw raise(exc.IndexError, 'list index out of range');
    }
    if (key instanceof PySlice) return new PyList(sliceItems(obj.items, key));
    return obj.items[seqIndex(obj.items, key, 'list')];
  }
  if (obj instanceof PyDict) {
    const v = dictGet(obj, key);
    if (v === undefined) throw raiseWith(exc.KeyError, [key]);
    return v;
  }
  if (obj instanceof PyTuple) {
    if (key instanceof PySlice) return new PyTuple(sliceItems(obj.items, key));
    return obj.items[seqIndex(obj.items, key, 'tuple')];
  }
  if (typeof obj === 'string') return strGetItem(obj, key);
  if (obj instanceof PyRange) return rangeGetItem(obj, key);
  if (obj instanceof PyInstance) {
    const m = obj.cls.lookup('__getitem__');
    if (m !== undefined) return callHook.call(m, [obj, key], null);
  }
  throw raise(exc.TypeError, `'${typeName(obj)}' object is not subscriptable`);
}

function strGetItem(s: string, key: Value): Value {
  const surrogates = hasSurrogates(s);
  if (key instanceof PySlice) {
    if (!surrogates) {
      const [start, stop, step, count] = sliceIndices(key, s.length);
      if (step === 1) return s.slice(start, stop);
      let out = '';
      for (let i = 0, j = start; i < count; i++, j += step) out += s[j];
      return out;
    }
    return sliceItems(Array.from(s), key).join('');
  }
  const i = indexValue(key);
  if (i === null) throw raise(exc.TypeError, `string indices must be integers, not '${typeName(key)}'`);
  const len = surrogates ? strLen(s) : s.length;
  const j = i < 0 ? i + len : i;
  if (j < 0 || j >= len) throw raise(exc.IndexError, 'string index out of range');
  return surrogates ? Array.from(s)[j] : s[j];
}

function rangeGetItem(r: PyRange, key: Value): Value {
  const len = rangeLength(r);
  if (key instanceof PySlice) {
    const [start, stop, step] = sliceIndices(key, len);
    return new PyRange(r.start + start * r.step, r.start + stop * r.step, r.step * step);
  }
  const i = indexValue(key);
  if (i === null) throw raise(exc.TypeError, `range indices must be integers or slices, not ${typeName(key)}`);
  const j = i < 0 ? i + len : i;
  if (j < 0 || j >= len) throw raise(exc.IndexError, 'range object index out of range');
  return normBig(BigInt(r.start) + BigInt(j) * BigInt(r.step));
}

export function setItem(obj: Value, key: Value, value: Value): void {
  if (obj instanceof PyList) {
    if (typeof key === 'number') {
      const j = key < 0 ? key + obj.items.length : key;
      if (j >= 0 && j < obj.items.length) {
        obj.items[j] = value;
        return;
      }
      throw raise(exc.IndexError, 'list assignment index out of range');
    }
    if (key instanceof PySlice) return setSlice(obj, key, value);
    const i = indexValue(key);
    if (i === null) throw raise(exc.TypeError, `list indices must be integers or slices, not ${typeName(key)}`);
    const j = i < 0 ? i + obj.items.length : i;
    if (j < 0 || j >= obj.items.length) throw raise(exc.IndexError, 'list assignment index out of range');
    obj.items[j] = value;
    return;
  }
  if (obj instanceof PyDict) {
    dictSet(obj, key, value);
    return;
  }
  if (obj instanceof PyInstance) {
    const m = obj.cls.lookup('__setitem__');
    if (m instanceof PyFunction) {
      callHook.call(m, [obj, key, value], null);
      return;
    }
  }
  throw raise(exc.TypeError, `'${typeName(obj)}' object does not support item assignment`);
}

function setSlice(list: PyList, s: PySlice, value: Value): void {
  const items = value === list ? list.items.slice() : toArray(value);
  const [start, stop, step, count] = sliceIndices(s, list.items.length);
  if (step === 1) {
    checkSize(list.items.length - Math.max(0, stop - start) + items.length);
    list.items.splice(start, Math.max(0, stop - start), ...items);
    return;
  }
  if (items.length !== count) {
    throw raise(exc.ValueError, `attempt to assign sequence of size ${items.length} to extended slice of size ${count}`);
  }
  for (let i = 0, j = start; i < count; i++, j += step) list.items[j] = items[i];
}

export function delItem(obj: Value, key: Value): void {
  if (obj instanceof PyList) {
    if (key instanceof PySlice) {
      const [start, stop, step, count] = sliceIndices(key, obj.items.length);
      if (step === 1) {
        obj.items.splice(start, Math.max(0, stop - start));
        return;
      }
      const drop = new Set<number>();
      for (let i = 0, j = start; i < count; i++, j += step) drop.add(j);
      obj.items = obj.items.filter((_, idx) => !drop.has(idx));
      return;
    }
    const i = indexValue(key);
    if (i === null) throw raise(exc.TypeError, `list indices must be integers or slices, not ${typeName(key)}`);
    const j = i < 0 ? i + obj.items.length : i;
    if (j < 0 || j >= obj.items.length) throw raise(exc.IndexError, 'list assignment index out of range');
    obj.items.splice(j, 1);
    return;
  }
  if (obj instanceof PyDict) {
    if (!dictDelete(obj, key)) throw raiseWith(exc.KeyError, [key]);
    return;
  }
  if (obj instanceof PyInstance) {
    const m = obj.cls.lookup('__delitem__');
    if (m instanceof PyFunction) {
      callHook.call(m, [obj, key], null);
      return;
    }
  }
  throw raise(exc.TypeError, `'${typeName(obj)}' object doesn't support item deletion`);
}

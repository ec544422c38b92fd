// The iterator protocol: `getIter` turns any iterable into a PyIter whose
// `next` returns DONE at the end; `toArray` materialises an iterable with
// fast paths for the built-in containers. Every materialising loop checks the
// step budget and the container size limit.

import { callHook, exc, PyError, raise } from './exceptions.ts';
import { hashKey } from './hashing.ts';
import { PySetTable } from './setTable.ts';
import { rt } from './state.ts';
import { strLen } from './strings.ts';
import { typeName } from './types.ts';
import {
  DONE, PyDict, PyDictView, PyFunction, PyInstance, PyIter, PyList, PyRange, PySet, PyTuple,
  type IterResult, type Value,
} from './values.ts';

export function stepOrFail(): void {
  if (--rt.budget.remaining < 0) throw stepLimitError();
}

export function stepLimitError(): PyError {
  return raise(exc.RuntimeError, `step limit exceeded: the request ran more than ${rt.limits.stepsPerRequest} steps (an endless loop?)`);
}

export function checkSize(n: number): void {
  if (n > rt.limits.containerItemsMax) {
    throw raise(exc.MemoryError, `container too large: ${n} items exceeds the limit of ${rt.limits.containerItemsMax}`);
  }
}

function listIter(source: PyList | PyTuple | string[], typeNameText: string, start = 0): PyIter {
  let i = start;
  const items = (): Value[] => (Array.isArray(source) ? source : source.items);
  const iter = new PyIter(() => {
    const a = items();
    return i < a.length ? a[i++] : DONE;
  }, typeNameText);
  iter.copyAt = (copyValue) => listIter(Array.isArray(source) ? source : copyValue(source) as PyList | PyTuple, typeNameText, i);
  return iter;
}

function dictIter(d: PyDict, pick: (k: Value, v: Value) => Value, name: string, skip = 0): PyIter {
  const it = d.map.values();
  for (let n = 0; n < skip; n++) it.next();
  let consumed = skip;
  const version = d.version;
  const size = d.map.size;
  const iter = new PyIter(() => {
    if (d.version !== version || d.map.size !== size) {
      throw raise(exc.RuntimeError, 'dictionary changed size during iteration');
    }
    const r = it.next();
    if (r.done) return DONE;
    consumed++;
    return pick(r.value.key, r.value.value);
  }, name);
  iter.copyAt = (copyValue) => dictIter(copyValue(d) as PyDict, pick, name, consumed);
  return iter;
}

function rangeIter(start: number, stop: number, step: number): PyIter {
  let cur = start;
  const iter = new PyIter(() => {
    if (step > 0 ? cur >= stop : cur <= stop) return DONE;
    const r = cur;
    cur += step;
    return r;
  }, 'range_iterator');
  iter.copyAt = () => rangeIter(cur, stop, step);
  return iter;
}

function setIter(set: PySet, keys: Value[], start: number): PyIter {
  const table = set.table;
  const size = table.used;
  let i = start;
  const iter = new PyIter(() => {
    if (table.used !== size) throw raise(exc.RuntimeError, 'Set changed size during iteration');
    return i < keys.length ? keys[i++] : DONE;
  }, 'set_iterator');
  iter.copyAt = (copyValue) => setIter(copyValue(set) as PySet, keys.map(copyValue), i);
  return iter;
}

export function getIter(v: Value): PyIter {
  if (v instanceof PyList) return listIter(v, 'list_iterator');
  if (v instanceof PyTuple) return listIter(v, 'tuple_iterator');
  if (typeof v === 'string') return listIter(Array.from(v), 'str_ascii_iterator');
  if (v instanceof PyIter) return v;
  if (v instanceof PyRange) return rangeIter(v.start, v.stop, v.step);
  if (v instanceof PyDict) return dictIter(v, (k) => k, 'dict_keyiterator');
  if (v instanceof PyDictView) {
    if (v.kind === 'keys') return dictIter(v.dict, (k) => k, 'dict_keyiterator');
    if (v.kind === 'values') return dictIter(v.dict, (_k, val) => val, 'dict_valueiterator');
    return dictIter(v.dict, (k, val) => new PyTuple([k, val]), 'dict_itemiterator');
  }
  if (v instanceof PySet) return setIter(v, v.table.keys(), 0);
  if (v instanceof PyInstance) {
    const m = v.cls.lookup('__iter__');
    if (m instanceof PyFunction) {
      const it = callHook.call(m, [v], null);
      if (it instanceof PyIter) return it;
      const next = it instanceof PyInstance ? it.cls.lookup('__next__') : undefined;
      if (next instanceof PyFunction) {
        return new PyIter(() => {
          try {
            return callHook.call(next, [it], null);
          } catch (e) {
            if (e instanceof PyError && e.exc.cls.isSubclassOf(exc.StopIteration)) return DONE;
            throw e;
          }
        }, v.cls.name);
      }
      throw raise(exc.TypeError, `iter() returned non-iterator of type '${typeName(it)}'`);
    }
  }
  throw raise(exc.TypeError, `'${typeName(v)}' object is not iterable`);
}

/** The items of an iterable as a fresh JS array (callers may keep it). */
export function toArray(v: Value): Value[] {
  if (v instanceof PyList || v instanceof PyTuple) return v.items.slice();
  if (typeof v === 'string') return Array.from(v);
  if (v instanceof PyRange) {
    const n = rangeLength(v);
    checkSize(n);
    const out = new Array<Value>(n);
    for (let i = 0, x = v.start; i < n; i++, x += v.step) out[i] = x;
    rt.budget.remaining -= n;
    if (rt.budget.remaining < 0) throw stepLimitError();
    return out;
  }
  if (v instanceof PyDict) return Array.from(v.map.values(), (e) => e.key);
  if (v instanceof PySet) return v.table.keys();
  const it = getIter(v);
  const out: Value[] = [];
  for (let x: IterResult = it.next(); x !== DONE; x = it.next()) {
    out.push(x);
    if (--rt.budget.remaining < 0) throw stepLimitError();
    if (out.length > rt.limits.containerItemsMax) checkSize(out.length);
  }
  return out;
}

export function rangeLength(r: PyRange): number {
  if (r.step > 0) return r.start < r.stop ? Math.floor((r.stop - r.start - 1) / r.step) + 1 : 0;
  return r.start > r.stop ? Math.floor((r.start - r.stop - 1) / -r.step) + 1 : 0;
}

// ---------------------------------------------------------------- dict and set helpers

export function dictGet(d: PyDict, key: Value): Value | undefined {
  const e = d.map.get(hashKey(key));
  return e === undefined ? undefined : e.value;
}

export function dictSet(d: PyDict, key: Value, value: Value): void {
  const k = hashKey(key);
  const e = d.map.get(k);
  if (e !== undefined) {
    e.value = value;
    return;
  }
  d.map.set(k, { key, value });
  d.version++;
  if (d.map.size > rt.limits.containerItemsMax) checkSize(d.map.size);
}

export function dictDelete(d: PyDict, key: Value): boolean {
  const deleted = d.map.delete(hashKey(key));
  if (deleted) d.version++;
  return deleted;
}

export function makeDict(pairs: [Value, Value][]): PyDict {
  const d = new PyDict();
  for (const [k, v] of pairs) dictSet(d, k, v);
  return d;
}

export function makeSet(items: Value[], frozen: boolean): PySet {
  const t = new PySetTable();
  for (const x of items) t.add(x);
  if (t.used > rt.limits.containerItemsMax) checkSize(t.used);
  return new PySet(t, frozen);
}

/** set(iterable) / frozenset(iterable), following CPython's set_update_internal. */
export function setFromIterable(v: Value, frozen: boolean): PySet {
  if (v instanceof PySet) return new PySet(v.table.copy(), frozen);
  const t = new PySetTable();
  if (v instanceof PyDict) {
    const n = v.map.size;
    if (n * 5 >= t.mask * 3) t.resize(n * 2);
    for (const e of v.map.values()) t.add(e.key);
    return new PySet(t, frozen);
  }
  for (const x of toArray(v)) t.add(x);
  return new PySet(t, frozen);
}

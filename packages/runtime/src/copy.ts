// Deep copies. `copyAcrossBoundary` is what a value undergoes when it crosses
// from one entity (or the client) to another, like Python's copy.deepcopy
// with entities kept as references. `deepCopy` also copies entity states,
// frames and continuations (plain objects, arrays, Maps, Cells), so a host
// can snapshot entity states and in-flight continuations together: pass one
// memo to keep aliasing between them.

import { Cell } from './interp/frame.ts';
import { Frame } from './interp/frame.ts';
import { PySetTable } from './setTable.ts';
import {
  EntityInstance, EntityRef, PyDict, PyDictView, PyInstance, PyIter, PyList, PySet, PyTuple, type Value,
} from './values.ts';

type Memo = Map<unknown, unknown>;

function copyAny(v: unknown, memo: Memo, boundary: boolean): unknown {
  if (v === null || typeof v !== 'object') return v;
  const seen = memo.get(v);
  if (seen !== undefined) return seen;
  if (v instanceof PyList) {
    const out = new PyList([]);
    memo.set(v, out);
    out.items = v.items.map((x) => copyAny(x, memo, boundary) as Value);
    return out;
  }
  if (v instanceof PyTuple) {
    const items = v.items.map((x) => copyAny(x, memo, boundary) as Value);
    const already = memo.get(v);
    if (already !== undefined) return already;
    const out = items.every((x, i) => x === v.items[i]) ? v : new PyTuple(items);
    memo.set(v, out);
    return out;
  }
  if (v instanceof PyDict) {
    const out = new PyDict();
    memo.set(v, out);
    for (const [k, e] of v.map) out.map.set(k, { key: copyAny(e.key, memo, boundary) as Value, value: copyAny(e.value, memo, boundary) as Value });
    return out;
  }
  if (v instanceof PySet) {
    const t = new PySetTable();
    const out = new PySet(t, v.frozen);
    memo.set(v, out);
    t.slots = v.table.slots.map((x) => (typeof x === 'symbol' ? x : copyAny(x, memo, boundary))) as typeof t.slots;
    t.hashes = v.table.hashes.slice();
    t.mask = v.table.mask;
    t.fill = v.table.fill;
    t.used = v.table.used;
    t.finger = v.table.finger;
    return out;
  }
  if (v instanceof EntityInstance) {
    if (boundary) return new EntityRef(v.className, v.key);
    const out = new EntityInstance(v.className, v.key, new Map());
    memo.set(v, out);
    for (const [k, x] of v.attrs) out.attrs.set(k, copyAny(x, memo, boundary) as Value);
    return out;
  }
  if (v instanceof PyInstance) {
    const out = new PyInstance(v.cls);
    memo.set(v, out);
    for (const [k, x] of v.attrs) out.attrs.set(k, copyAny(x, memo, boundary) as Value);
    return out;
  }
  if (v instanceof PyDictView) {
    const out = new PyDictView(copyAny(v.dict, memo, boundary) as PyDict, v.kind);
    memo.set(v, out);
    return out;
  }
  if (v instanceof Cell) {
    const out = new Cell(undefined);
    memo.set(v, out);
    out.v = copyAny(v.v, memo, boundary) as Value | undefined;
    return out;
  }
  if (v instanceof Frame) {
    const out = new Frame([], v.func);
    memo.set(v, out);
    out.slots = copyAny(v.slots, memo, boundary) as Frame['slots'];
    out.ret = copyAny(v.ret, memo, boundary) as Value;
    return out;
  }
  if (v instanceof PyIter && v.copyAt !== null && !boundary) {
    const out = v.copyAt((x) => copyAny(x, memo, boundary) as Value);
    memo.set(v, out);
    return out;
  }
  if (Array.isArray(v)) {
    const out: unknown[] = new Array(v.length);
    memo.set(v, out);
    for (let i = 0; i < v.length; i++) out[i] = copyAny(v[i], memo, boundary);
    return out;
  }
  if (v instanceof Map) {
    const out = new Map();
    memo.set(v, out);
    for (const [k, x] of v) out.set(k, copyAny(x, memo, boundary));
    return out;
  }
  if (Object.getPrototypeOf(v) === Object.prototype) {
    const out: Record<string, unknown> = {};
    memo.set(v, out);
    for (const k of Object.keys(v)) out[k] = copyAny((v as Record<string, unknown>)[k], memo, boundary);
    return out;
  }
  // Immutable or shared objects: PyFloat, EntityRef, ranges, slices, functions,
  // classes, builtins, modules, and iterators without `copyAt` (generators,
  // whose position cannot be copied).
  return v;
}

/** Deep copy of values, entity states, frames and continuations; `memo` keeps aliasing across calls. */
export function deepCopy<T>(value: T, memo: Map<unknown, unknown> = new Map()): T {
  return copyAny(value, memo, false) as T;
}

/** The copy a value undergoes when it crosses an entity boundary: entities become references. */
export function copyAcrossBoundary<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  return copyAny(value, new Map(), true) as T;
}

// Methods of list, tuple, dict and set.

import { argCount, kwarg, noKwargs, onlyKwargs } from './call.ts';
import { truthy } from './compare.ts';
import { exc, raise, raiseWith } from './exceptions.ts';
import { eqIdentityFirst, hashKey } from './hashing.ts';
import { checkSize, dictDelete, dictGet, dictSet, getIter, setFromIterable, toArray } from './iteration.ts';
import { dictUpdateHook, setOp } from './arith.ts';
import { pyRepr } from './repr.ts';
import { PySetTable } from './setTable.ts';
import { sortValues } from './sort.ts';
import type { Method } from './strMethods.ts';
import { indexValue, sliceIndices } from './subscript.ts';
import { typeName } from './types.ts';
import {
  DONE, PyDict, PyDictView, PyList, PySet, PySlice, PyTuple, type Value,
} from './values.ts';

function intArg(v: Value): number {
  const i = indexValue(v);
  if (i === null) throw raise(exc.TypeError, `'${typeName(v)}' object cannot be interpreted as an integer`);
  return i;
}

function seqIndex(items: Value[], args: Value[], what: string): number {
  argCount('index', args, 1, 3);
  const [start, stop] = sliceIndices(new PySlice(args[1] ?? null, args[2] ?? null, null), items.length);
  for (let i = start; i < stop; i++) if (eqIdentityFirst(items[i], args[0])) return i;
  throw raise(exc.ValueError, what === 'list' ? `${pyRepr(args[0])} is not in list` : 'tuple.index(x): x not in tuple');
}

function count(items: Value[], args: Value[]): number {
  argCount('count', args, 1, 1);
  let n = 0;
  for (const x of items) if (eqIdentityFirst(x, args[0])) n++;
  return n;
}

export const listMethods: Record<string, Method<PyList>> = {
  append: (l, a) => {
    if (a.length !== 1) argCount('list.append', a, 1, 1);
    l.items.push(a[0]);
    if (l.items.length > 1_000_000) checkSize(l.items.length);
    return null;
  },
  extend: (l, a) => {
    argCount('list.extend', a, 1, 1);
    const items = a[0] === l ? l.items.slice() : toArray(a[0]);
    checkSize(l.items.length + items.length);
    for (const x of items) l.items.push(x);
    return null;
  },
  insert: (l, a) => {
    argCount('insert', a, 2, 2);
    let i = intArg(a[0]);
    const n = l.items.length;
    if (i < 0) i = Math.max(0, i + n);
    if (i > n) i = n;
    l.items.splice(i, 0, a[1]);
    return null;
  },
  pop: (l, a) => {
    argCount('pop', a, 0, 1);
    if (l.items.length === 0) throw raise(exc.IndexError, 'pop from empty list');
    if (a.length === 0) return l.items.pop()!;
    let i = intArg(a[0]);
    if (i < 0) i += l.items.length;
    if (i < 0 || i >= l.items.length) throw raise(exc.IndexError, 'pop index out of range');
    return l.items.splice(i, 1)[0];
  },
  remove: (l, a) => {
    argCount('list.remove', a, 1, 1);
    for (let i = 0; i < l.items.length; i++) {
      if (eqIdentityFirst(l.items[i], a[0])) {
        l.items.splice(i, 1);
        return null;
      }
    }
    throw raise(exc.ValueError, 'list.remove(x): x not in list');
  },
  index: (l, a) => seqIndex(l.items, a, 'list'),
  count: (l, a) => count(l.items, a),
  sort: (l, a, k) => {
    if (a.length > 0) throw raise(exc.TypeError, 'sort() takes no positional arguments');
    onlyKwargs('sort', k, ['key', 'reverse']);
    sortValues(l.items, kwarg(k, 'key') ?? null, truthy(kwarg(k, 'reverse') ?? false));
    return null;
  },
  reverse: (l) => {
    l.items.reverse();
    return null;
  },
  copy: (l) => new PyList(l.items.slice()),
  clear: (l) => {
    l.items.length = 0;
    return null;
  },
};

export const tupleMethods: Record<string, Method<PyTuple>> = {
  index: (t, a) => seqIndex(t.items, a, 'tuple'),
  count: (t, a) => count(t.items, a),
};

function updateDict(d: PyDict, a: Value[], k: [string, Value][] | null, name: string): void {
  argCount(name, a, 0, 1);
  if (a.length === 1) {
    const src = a[0];
    if (src instanceof PyDict) {
      for (const e of Array.from(src.map.values())) dictSet(d, e.key, e.value);
    } else {
      const it = getIter(src);
      let i = 0;
      for (let x = it.next(); x !== DONE; x = it.next(), i++) {
        const pair = x instanceof PyTuple || x instanceof PyList ? x.items : typeof x === 'string' ? Array.from(x) : null;
        if (pair === null) {
          throw raise(exc.TypeError, `cannot convert dictionary update sequence element #${i} to a sequence`);
        }
        if (pair.length !== 2) {
          throw raise(exc.ValueError, `dictionary update sequence element #${i} has length ${pair.length}; 2 is required`);
        }
        dictSet(d, pair[0], pair[1]);
      }
    }
  }
  if (k !== null) for (const [key, v] of k) dictSet(d, key, v);
}

export { updateDict };

dictUpdateHook.update = (d, src) => updateDict(d, [src], null, 'update');

export const dictMethods: Record<string, Method<PyDict>> = {
  get: (d, a) => {
    argCount('get', a, 1, 2);
    const v = dictGet(d, a[0]);
    return v === undefined ? (a.length > 1 ? a[1] : null) : v;
  },
  keys: (d) => new PyDictView(d, 'keys'),
  values: (d) => new PyDictView(d, 'values'),
  items: (d) => new PyDictView(d, 'items'),
  pop: (d, a) => {
    argCount('pop', a, 1, 2);
    const k = hashKey(a[0]);
    const e = d.map.get(k);
    if (e === undefined) {
      if (a.length > 1) return a[1];
      throw raiseWith(exc.KeyError, [a[0]]);
    }
    d.map.delete(k);
    d.version++;
    return e.value;
  },
  setdefault: (d, a) => {
    argCount('setdefault', a, 1, 2);
    const v = dictGet(d, a[0]);
    if (v !== undefined) return v;
    const dflt = a.length > 1 ? a[1] : null;
    dictSet(d, a[0], dflt);
    return dflt;
  },
  update: (d, a, k) => {
    updateDict(d, a, k, 'update');
    return null;
  },
  copy: (d) => {
    const c = new PyDict();
    for (const [k, e] of d.map) c.map.set(k, { key: e.key, value: e.value });
    return c;
  },
  clear: (d) => {
    d.map.clear();
    d.version++;
    return null;
  },
  popitem: (d) => {
    if (d.map.size === 0) throw raiseWith(exc.KeyError, ['popitem(): dictionary is empty']);
    const lastKey = Array.from(d.map.keys()).pop();
    const e = d.map.get(lastKey)!;
    d.map.delete(lastKey);
    d.version++;
    return new PyTuple([e.key, e.value]);
  },
};

function asSetTable(v: Value): PySetTable {
  return v instanceof PySet ? v.table : setFromIterable(v, true).table;
}

function addAllInOrder(t: PySetTable, v: Value): void {
  if (v instanceof PySet) {
    t.merge(v.table);
    return;
  }
  if (v instanceof PyDict) {
    const n = v.map.size;
    if ((t.fill + n) * 5 >= t.mask * 3) t.resize((t.used + n) * 2);
  }
  for (const x of toArray(v)) t.add(x);
}

/** CPython's set_difference_update_internal: discard, then compact if many dummies remain. */
function differenceUpdate(s: PySet, o: Value): void {
  if (o === s) {
    s.table.clear();
    return;
  }
  const items = o instanceof PySet ? o.table.keys() : toArray(o);
  for (const x of items) s.table.discard(x);
  s.table.compactAfterDiscards();
}

function mutable(s: PySet, name: string): void {
  if (s.frozen) throw raise(exc.AttributeError, `'frozenset' object has no attribute '${name}'`);
}

export const setMethods: Record<string, Method<PySet>> = {
  add: (s, a) => {
    mutable(s, 'add');
    argCount('set.add', a, 1, 1);
    s.table.add(a[0]);
    if (s.table.used > 1_000_000) checkSize(s.table.used);
    return null;
  },
  discard: (s, a) => {
    mutable(s, 'discard');
    argCount('set.discard', a, 1, 1);
    s.table.discard(a[0]);
    return null;
  },
  remove: (s, a) => {
    mutable(s, 'remove');
    argCount('set.remove', a, 1, 1);
    if (!s.table.discard(a[0])) throw raiseWith(exc.KeyError, [a[0]]);
    return null;
  },
  pop: (s) => {
    mutable(s, 'pop');
    if (s.table.used === 0) throw raiseWith(exc.KeyError, ['pop from an empty set']);
    return s.table.pop();
  },
  clear: (s) => {
    mutable(s, 'clear');
    s.table.clear();
    return null;
  },
  copy: (s) => new PySet(s.table.copy(), s.frozen),
  union: (s, a) => {
    const t = s.table.copy();
    for (const o of a) addAllInOrder(t, o);
    return new PySet(t, s.frozen);
  },
  update: (s, a) => {
    mutable(s, 'update');
    for (const o of a) addAllInOrder(s.table, o);
    return null;
  },
  intersection: (s, a) => {
    if (a.length === 0) return new PySet(s.table.copy(), s.frozen);
    let r = s;
    for (const o of a) {
      if (o instanceof PySet) r = setOp('&', r, o);
      else {
        const t = new PySetTable();
        for (const x of toArray(o)) if (r.table.has(x)) t.add(x);
        r = new PySet(t, s.frozen);
      }
    }
    return r;
  },
  intersection_update: (s, a) => {
    mutable(s, 'intersection_update');
    const r = setMethods.intersection(s, a, null) as PySet;
    s.table = r.table;
    return null;
  },
  difference: (s, a) => {
    if (a.length === 0) return new PySet(s.table.copy(), s.frozen);
    const [first, ...rest] = a;
    let r: PySet;
    if (first instanceof PySet) r = setOp('-', s, first);
    else {
      r = new PySet(s.table.copy(), s.frozen);
      for (const x of toArray(first)) r.table.discard(x);
    }
    for (const o of rest) differenceUpdate(r, o);
    return r;
  },
  difference_update: (s, a) => {
    mutable(s, 'difference_update');
    for (const o of a) differenceUpdate(s, o);
    return null;
  },
  symmetric_difference: (s, a) => {
    argCount('symmetric_difference', a, 1, 1);
    return setOp('^', s, new PySet(asSetTable(a[0]), s.frozen));
  },
  symmetric_difference_update: (s, a) => {
    mutable(s, 'symmetric_difference_update');
    argCount('symmetric_difference_update', a, 1, 1);
    for (const [k, h] of asSetTable(a[0]).entries()) if (!s.table.discard(k)) s.table.addWithHash(k, h);
    return null;
  },
  issubset: (s, a) => {
    argCount('issubset', a, 1, 1);
    const o = asSetTable(a[0]);
    return s.table.keys().every((k) => o.has(k));
  },
  issuperset: (s, a) => {
    argCount('issuperset', a, 1, 1);
    return toArray(a[0]).every((k) => s.table.has(k));
  },
  isdisjoint: (s, a) => {
    argCount('isdisjoint', a, 1, 1);
    return !toArray(a[0]).some((k) => s.table.has(k));
  },
};

export const dictViewMethods: Record<string, Method<PyDictView>> = {
  isdisjoint: (v, a) => {
    noKwargs('isdisjoint', null);
    const keys = new Set(Array.from(v.dict.map.keys()));
    return !toArray(a[0]).some((k) => keys.has(hashKey(k)));
  },
};

export { dictDelete };

// Conversion of values to the JSON shape of `entflow run --json`, mirroring
// the CPython harness: tuples and lists as arrays; sets sorted (by value when
// the elements compare, else by JSON text); dict keys as str(key) ("Class/key"
// for entities); floats as numbers, nan/inf as strings; big ints as bigint
// (callers serialise them with every digit); references as {"$ref": ...};
// other objects as {"$object": name, "attrs": {...}}; cycles as {"$cycle": name}.

import { PyError } from './exceptions.ts';
import { pyStr } from './repr.ts';
import { sortValues } from './sort.ts';
import { typeName } from './types.ts';
import {
  EntityInstance, EntityRef, PyBuiltin, PyDict, PyFloat, PyInstance, PyList, PySet, PyTuple, type Value,
} from './values.ts';
import { pyRepr } from './repr.ts';

const EXCEPTION_SLOTS = new Set(['args', '__cause__', '__context__', '__suppress_context__', '__traceback__']);

export type JsonValue = null | boolean | number | bigint | string | JsonValue[] | { [key: string]: JsonValue };

function refText(className: string, key: Value): string {
  return `${className}/${pyStr(key)}`;
}

function stableJson(v: JsonValue): string {
  if (typeof v === 'bigint') return v.toString();
  if (Array.isArray(v)) return '[' + v.map(stableJson).join(', ') + ']';
  if (v !== null && typeof v === 'object') {
    const keys = Object.keys(v).sort();
    return '{' + keys.map((k) => JSON.stringify(k) + ': ' + stableJson(v[k])).join(', ') + '}';
  }
  return JSON.stringify(v);
}

export function toJsonValue(v: Value, active: Set<object> = new Set()): JsonValue {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  if (v instanceof PyFloat) {
    if (Number.isNaN(v.v)) return 'nan';
    if (!Number.isFinite(v.v)) return v.v > 0 ? 'inf' : '-inf';
    return v.v;
  }
  if (v instanceof EntityRef || v instanceof EntityInstance) return { $ref: refText(v.className, v.key) };
  if (active.has(v)) return { $cycle: typeName(v) };
  active.add(v);
  try {
    if (v instanceof PyList || v instanceof PyTuple) return v.items.map((x) => toJsonValue(x, active));
    if (v instanceof PySet) {
      const elements = v.table.keys();
      const converted = elements.map((x) => toJsonValue(x, active));
      const idx = elements.map((_, i) => i);
      try {
        const order: Value[] = elements.map((_, i) => i);
        sortValues(order, new PyBuiltin('key', (a) => elements[a[0] as number]), false);
        return order.map((i) => converted[i as number]);
      } catch (e) {
        if (!(e instanceof PyError)) throw e;
        const texts = converted.map(stableJson);
        return idx.sort((a, b) => (texts[a] < texts[b] ? -1 : texts[a] > texts[b] ? 1 : 0)).map((i) => converted[i]);
      }
    }
    if (v instanceof PyDict) {
      const out: { [key: string]: JsonValue } = {};
      for (const e of v.map.values()) {
        const k = e.key instanceof EntityRef || e.key instanceof EntityInstance ? refText(e.key.className, e.key.key) : pyStr(e.key);
        out[k] = toJsonValue(e.value, active);
      }
      return out;
    }
    if (v instanceof PyInstance) {
      const attrs: { [key: string]: JsonValue } = {};
      for (const [k, x] of v.attrs) {
        // Exceptions keep these in C slots in CPython, outside vars(e).
        if (v.cls.isException && EXCEPTION_SLOTS.has(k)) continue;
        attrs[k] = toJsonValue(x, active);
      }
      return { $object: v.cls.name, attrs };
    }
    return { $repr: pyRepr(v) };
  } finally {
    active.delete(v);
  }
}

/** JSON text with big ints written in full (JSON.stringify rejects bigint). */
export function stringifyJson(v: JsonValue, indent?: number): string {
  return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? `\u0000big:${x}` : x), indent).replace(/"\\u0000big:(-?\d+)"/g, '$1');
}

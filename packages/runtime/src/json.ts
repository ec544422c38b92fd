// Conversion of values to the JSON shape of `entflow run --json`, mirroring
// the CPython harness: tuples and lists as arrays; sets sorted (by value when
// the elements compare, else by JSON text); dict keys as str(key) ("Class/key"
// for entities); floats as numbers, nan/inf as strings; big ints as bigint
// (callers serialise them with every digit); references as {"$ref": ...};
// other objects as {"$object": name, "attrs": {...}}; cycles as {"$cycle": name}.

import { PyError } from './exceptions.ts';
import { floatRepr } from './floatFormat.ts';
import { pyStr } from './repr.ts';
import { sortValues } from './sort.ts';
import { typeName } from './types.ts';
import {
  EntityInstance, EntityRef, PyBuiltin, PyDict, PyFloat, PyInstance, PyList, PySet, PyTuple, type Value,
} from './values.ts';
import { pyRepr } from './repr.ts';

const EXCEPTION_SLOTS = new Set(['args', '__cause__', '__context__', '__suppress_context__', '__traceback__']);

/**
 * A finite float in a JSON value, written as Python's `repr` (`1.0`, `1e+16`)
 * by `toJsonText`. `JSON.stringify` and structural comparisons after a JSON
 * round trip see the plain number.
 */
export class JsonFloat {
  constructor(readonly value: number) {}

  toJSON(): number {
    return this.value;
  }
}

export type JsonValue = null | boolean | number | bigint | string | JsonFloat | JsonValue[] | { [key: string]: JsonValue };

export interface JsonOptions {
  /** Return finite floats as JsonFloat instead of number. */
  exactFloats?: boolean;
}

function refText(className: string, key: Value): string {
  return `${className}/${pyStr(key)}`;
}

/** Write a string as Python's json.dumps does by default: everything outside printable ASCII escaped. */
function asciiJsonString(text: string): string {
  return JSON.stringify(text).replace(/[^\x20-\x7e]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/** Write `v` as the harness's `json.dumps(value, sort_keys=True)`, the text that orders unorderable sets. */
function stableJson(v: JsonValue): string {
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'string') return asciiJsonString(v);
  if (v instanceof JsonFloat) return floatRepr(v.value);
  if (Array.isArray(v)) return '[' + v.map(stableJson).join(', ') + ']';
  if (v !== null && typeof v === 'object') {
    const keys = Object.keys(v).sort();
    return '{' + keys.map((k) => asciiJsonString(k) + ': ' + stableJson(v[k]!)).join(', ') + '}';
  }
  return JSON.stringify(v);
}

export function toJsonValue(v: Value, active: Set<object> = new Set(), options: JsonOptions = {}): JsonValue {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  if (v instanceof PyFloat) {
    if (Number.isNaN(v.v)) return 'nan';
    if (!Number.isFinite(v.v)) return v.v > 0 ? 'inf' : '-inf';
    return options.exactFloats === true ? new JsonFloat(v.v) : v.v;
  }
  if (v instanceof EntityRef || v instanceof EntityInstance) return { $ref: refText(v.className, v.key) };
  if (active.has(v)) return { $cycle: typeName(v) };
  active.add(v);
  try {
    if (v instanceof PyList || v instanceof PyTuple) return v.items.map((x) => toJsonValue(x, active, options));
    if (v instanceof PySet) {
      const elements = v.table.keys();
      const converted = elements.map((x) => toJsonValue(x, active, options));
      const idx = elements.map((_, i) => i);
      try {
        const order: Value[] = elements.map((_, i) => i);
        sortValues(order, new PyBuiltin('key', (a) => elements[a[0] as number]), false);
        return order.map((i) => converted[i as number]);
      } catch (e) {
        if (!(e instanceof PyError)) throw e;
        const texts = elements.map((x) => stableJson(toJsonValue(x, active, { exactFloats: true })));
        return idx.sort((a, b) => (texts[a] < texts[b] ? -1 : texts[a] > texts[b] ? 1 : 0)).map((i) => converted[i]);
      }
    }
    if (v instanceof PyDict) {
      const out: { [key: string]: JsonValue } = {};
      for (const e of v.map.values()) {
        const k = e.key instanceof EntityRef || e.key instanceof EntityInstance ? refText(e.key.className, e.key.key) : pyStr(e.key);
        out[k] = toJsonValue(e.value, active, options);
      }
      return out;
    }
    if (v instanceof PyInstance) {
      const attrs: { [key: string]: JsonValue } = {};
      for (const [k, x] of v.attrs) {
        // Exceptions keep these in C slots in CPython, outside vars(e).
        if (v.cls.isException && EXCEPTION_SLOTS.has(k)) continue;
        attrs[k] = toJsonValue(x, active, options);
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
  return toJsonText(v, indent);
}

/**
 * Write `v` as JSON text the way Python's json.dumps writes the same value:
 * big ints with every digit and JsonFloat values as float repr, so `1.0`
 * stays `1.0`. The layout is JSON.stringify's: compact, or `indent` spaces
 * per level.
 */
export function toJsonText(v: JsonValue, indent?: number): string {
  const step = indent === undefined || indent <= 0 ? '' : ' '.repeat(Math.min(indent, 10));
  const write = (x: JsonValue | undefined, depth: number): string | undefined => {
    if (x === undefined) return undefined;
    if (x === null || typeof x === 'boolean' || typeof x === 'string') return JSON.stringify(x);
    if (typeof x === 'number') return JSON.stringify(x);
    if (typeof x === 'bigint') return x.toString();
    if (x instanceof JsonFloat) return Number.isFinite(x.value) ? floatRepr(x.value) : 'null';
    const open = step === '' ? '' : '\n' + step.repeat(depth + 1);
    const close = step === '' ? '' : '\n' + step.repeat(depth);
    if (Array.isArray(x)) {
      if (x.length === 0) return '[]';
      return '[' + open + x.map((item) => write(item, depth + 1) ?? 'null').join(',' + open) + close + ']';
    }
    const parts: string[] = [];
    for (const [key, item] of Object.entries(x)) {
      const text = write(item, depth + 1);
      if (text !== undefined) parts.push(JSON.stringify(key) + (step === '' ? ':' : ': ') + text);
    }
    if (parts.length === 0) return '{}';
    return '{' + open + parts.join(',' + open) + close + '}';
  };
  return write(v, 0) ?? 'null';
}

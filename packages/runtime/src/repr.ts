// repr() and str() of every value, as CPython 3.11 prints them. Where CPython
// prints a memory address (functions, plain objects) we print the same text
// without it, because addresses differ between runs.

import { callHook, exceptionArgs, exceptionStr } from './exceptions.ts';
import { floatRepr } from './floatFormat.ts';
import { intToString } from './ints.ts';
import { strRepr } from './strings.ts';
import {
  EntityInstance, EntityRef, PyBoundMethod, PyBuiltin, PyClass, PyDict, PyDictView, PyFloat, PyFunction,
  PyInstance, PyIter, PyList, PyModule, PyRange, PySet, PySlice, PyTuple, type Value,
} from './values.ts';

/** Containers being printed, so that a list containing itself prints `[...]`. */
const active = new Set<object>();

function userMethod(v: PyInstance, name: string): Value | undefined {
  const m = v.cls.lookup(name);
  return m instanceof PyFunction ? m : undefined;
}

function callUser(m: Value, self: Value, what: string): string {
  const r = callHook.call(m, [self], null);
  if (typeof r !== 'string') {
    throw new UserMethodTypeError(`${what} returned non-string (type ${r === null ? 'NoneType' : typeof r === 'object' ? r.constructor.name : typeof r})`);
  }
  return r;
}

/** Carried up to the caller, which raises TypeError (repr.ts cannot import the type table). */
export class UserMethodTypeError {
  constructor(readonly message: string) {}
}

export function entityRepr(className: string, key: Value): string {
  return `<${className} key=${pyRepr(key)}>`;
}

export function pyRepr(v: Value): string {
  switch (typeof v) {
    case 'string': return strRepr(v);
    case 'number': return String(v);
    case 'bigint': return intToString(v);
    case 'boolean': return v ? 'True' : 'False';
  }
  if (v === null) return 'None';
  if (v instanceof PyFloat) return floatRepr(v.v);
  if (v instanceof PyList) return seqRepr(v, v.items, '[', ']');
  if (v instanceof PyTuple) return v.items.length === 1 ? `(${pyRepr(v.items[0])},)` : seqRepr(v, v.items, '(', ')');
  if (v instanceof PyDict) return dictRepr(v);
  if (v instanceof PySet) return setRepr(v);
  if (v instanceof PyInstance) return instanceRepr(v);
  if (v instanceof EntityRef || v instanceof EntityInstance) return entityRepr(v.className, v.key);
  if (v instanceof PyRange) return v.step === 1 ? `range(${v.start}, ${v.stop})` : `range(${v.start}, ${v.stop}, ${v.step})`;
  if (v instanceof PyFunction) return `<function ${v.qualname}>`;
  if (v instanceof PyBuiltin) return v.ownerName ? `<method '${v.name}' of '${v.ownerName}' objects>` : `<built-in function ${v.name}>`;
  if (v instanceof PyBoundMethod) return boundRepr(v);
  if (v instanceof PyClass) return v.isEntity || v.dict.has('__module__') ? `<class '${v.name}'>` : `<class '${v.name}'>`;
  if (v instanceof PySlice) return `slice(${pyRepr(v.start)}, ${pyRepr(v.stop)}, ${pyRepr(v.step)})`;
  if (v instanceof PyDictView) return viewRepr(v);
  if (v instanceof PyIter) return `<${v.typeName} object>`;
  if (v instanceof PyModule) return `<module '${v.name}'>`;
  return '<object>';
}

export function pyStr(v: Value): string {
  if (typeof v === 'string') return v;
  if (v instanceof PyInstance) {
    const m = userMethod(v, '__str__');
    if (m !== undefined) return callUser(m, v, '__str__');
    if (v.cls.isException && userMethod(v, '__repr__') === undefined) return exceptionStr(v);
    if (v.cls.isException) return exceptionStr(v);
  }
  return pyRepr(v);
}

function boundRepr(v: PyBoundMethod): string {
  const f = v.func;
  const name = f instanceof PyFunction ? f.qualname : f instanceof PyBuiltin ? f.name : '?';
  if (f instanceof PyBuiltin) return `<built-in method ${name} of ${typeNameOf(v.self)} object>`;
  return `<bound method ${name} of ${pyRepr(v.self)}>`;
}

function typeNameOf(v: Value): string {
  if (typeof v === 'string') return 'str';
  if (v instanceof PyList) return 'list';
  if (v instanceof PyDict) return 'dict';
  if (v instanceof PySet) return v.frozen ? 'frozenset' : 'set';
  return 'object';
}

function seqRepr(obj: object, items: Value[], open: string, close: string): string {
  if (active.has(obj)) return open + '...' + close;
  active.add(obj);
  try {
    let out = open;
    for (let i = 0; i < items.length; i++) {
      if (i > 0) out += ', ';
      out += pyRepr(items[i]);
    }
    return out + close;
  } finally {
    active.delete(obj);
  }
}

function dictRepr(d: PyDict): string {
  if (active.has(d)) return '{...}';
  active.add(d);
  try {
    const parts: string[] = [];
    for (const e of d.map.values()) parts.push(pyRepr(e.key) + ': ' + pyRepr(e.value));
    return '{' + parts.join(', ') + '}';
  } finally {
    active.delete(d);
  }
}

function setRepr(s: PySet): string {
  const keys = s.table.keys();
  if (keys.length === 0) return s.frozen ? 'frozenset()' : 'set()';
  if (active.has(s)) return (s.frozen ? 'frozenset(' : 'set(') + '...)';
  active.add(s);
  try {
    const body = '{' + keys.map(pyRepr).join(', ') + '}';
    return s.frozen ? `frozenset(${body})` : body;
  } finally {
    active.delete(s);
  }
}

function viewRepr(v: PyDictView): string {
  const items: Value[] = [];
  for (const e of v.dict.map.values()) {
    items.push(v.kind === 'keys' ? e.key : v.kind === 'values' ? e.value : new PyTuple([e.key, e.value]));
  }
  return `dict_${v.kind}(${seqRepr(v, items, '[', ']')})`;
}

function instanceRepr(v: PyInstance): string {
  const m = userMethod(v, '__repr__');
  if (m !== undefined) return callUser(m, v, '__repr__');
  if (v.cls.isException) {
    const args = exceptionArgs(v);
    if (args.length === 1) return `${v.cls.name}(${pyRepr(args[0])})`;
    return v.cls.name + seqRepr(v, args, '(', ')');
  }
  return `<${v.cls.name} object>`;
}

// Attribute access (`obj.name`, `obj.name = v`, `del obj.name`) and method
// calls, with a fast path that calls built-in methods without binding them.

import { callValue } from './call.ts';
import { dictMethods, dictViewMethods, listMethods, setMethods, tupleMethods } from './containerMethods.ts';
import { exc, raise } from './exceptions.ts';
import { bitLength } from './ints.ts';
import { fieldHooks } from './percentFormat.ts';
import { strMethods, type Method } from './strMethods.ts';
import { getItem } from './subscript.ts';
import { contains } from './compare.ts';
import { pyEq } from './hashing.ts';
import { toArray } from './iteration.ts';
import { pyRepr } from './repr.ts';
import { T, typeName, typeOf } from './types.ts';
import {
  EntityInstance, EntityRef, PyBoundMethod, PyBuiltin, PyClass, PyClassMethod, PyDict, PyDictView, PyFloat, PyFunction,
  PyInstance, PyList, PyModule, PyProperty, PyRange, PySet, PyStaticMethod, PySuper, PyTuple, type Kwargs, type Value,
} from './values.ts';

/** Behaviour of synchronous code that touches an entity reference (raise by default); hosts may replace it. */
export const referenceHooks = {
  getAttr(ref: EntityRef, name: string): Value {
    throw raise(exc.RuntimeError, `cannot read ${ref.className}.${name} of another entity here: remote reads are only possible in entity methods and the client's own code, not inside callbacks such as sorted(key=...)`);
  },
  callMethod(ref: EntityRef, name: string, _args: Value[], _kwargs: Kwargs): Value {
    throw raise(exc.RuntimeError, `cannot call ${ref.className}.${name}() here: calls on other entities are only possible in entity methods and the client's own code, not inside callbacks such as sorted(key=...)`);
  },
};

function intOf(v: number | bigint | boolean): number | bigint {
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v;
}

const intMethods: Record<string, Method<number | bigint | boolean>> = {
  bit_length: (v) => bitLength(intOf(v)),
  bit_count: (v) => {
    const n = BigInt(intOf(v));
    return Array.from((n < 0n ? -n : n).toString(2)).filter((c) => c === '1').length;
  },
  conjugate: (v) => intOf(v),
};

const rangeMethods: Record<string, Method<PyRange>> = {
  count: (r, a) => {
    if (a.length !== 1) throw raise(exc.TypeError, `count() takes exactly one argument (${a.length} given)`);
    return contains(r, a[0]) && (typeof a[0] === 'number' || typeof a[0] === 'boolean') ? 1 : toArray(r).filter((x) => pyEq(x, a[0])).length;
  },
  index: (r, a) => {
    if (a.length !== 1) throw raise(exc.TypeError, `index() takes exactly one argument (${a.length} given)`);
    const items = toArray(r);
    for (let i = 0; i < items.length; i++) if (pyEq(items[i], a[0])) return i;
    throw raise(exc.ValueError, `${pyRepr(a[0])} is not in range`);
  },
};

const floatMethods: Record<string, Method<PyFloat>> = {
  is_integer: (f) => Number.isInteger(f.v),
  conjugate: (f) => f,
};

function methodTable(obj: Value): Record<string, Method<never>> | null {
  if (typeof obj === 'string') return strMethods as Record<string, Method<never>>;
  if (obj instanceof PyList) return listMethods as Record<string, Method<never>>;
  if (obj instanceof PyDict) return dictMethods as Record<string, Method<never>>;
  if (obj instanceof PySet) return setMethods as Record<string, Method<never>>;
  if (obj instanceof PyTuple) return tupleMethods as Record<string, Method<never>>;
  if (typeof obj === 'number' || typeof obj === 'bigint' || typeof obj === 'boolean') return intMethods as Record<string, Method<never>>;
  if (obj instanceof PyFloat) return floatMethods as Record<string, Method<never>>;
  if (obj instanceof PyDictView) return dictViewMethods as Record<string, Method<never>>;
  if (obj instanceof PyRange) return rangeMethods as Record<string, Method<never>>;
  return null;
}

function builtinTypeTable(c: PyClass): Record<string, Method<never>> | null {
  if (c === T.str) return strMethods as Record<string, Method<never>>;
  if (c === T.list) return listMethods as Record<string, Method<never>>;
  if (c === T.dict) return dictMethods as Record<string, Method<never>>;
  if (c === T.set || c === T.frozenset) return setMethods as Record<string, Method<never>>;
  if (c === T.tuple) return tupleMethods as Record<string, Method<never>>;
  if (c === T.int || c === T.bool) return intMethods as Record<string, Method<never>>;
  if (c === T.float) return floatMethods as Record<string, Method<never>>;
  return null;
}

/** Attributes every exception has before anything sets them. */
const EXCEPTION_DEFAULTS = new Map<string, Value>([
  ['__cause__', null], ['__context__', null], ['__suppress_context__', false], ['__traceback__', null], ['__notes__', null],
]);

function noAttribute(obj: Value, name: string): never {
  if (obj instanceof PyClass) throw raise(exc.AttributeError, `type object '${obj.name}' has no attribute '${name}'`);
  if (obj instanceof PyModule) throw raise(exc.AttributeError, `module '${obj.name}' has no attribute '${name}'`);
  throw raise(exc.AttributeError, `'${typeName(obj)}' object has no attribute '${name}'`);
}

/** Bind a class attribute found for instance `self`. */
function bindFound(found: Value, self: Value, cls: PyClass): Value {
  if (found instanceof PyFunction) return new PyBoundMethod(self, found);
  if (found instanceof PyStaticMethod) return found.func;
  if (found instanceof PyClassMethod) return new PyBoundMethod(cls, found.func);
  if (found instanceof PyProperty) return callValue(found.getter, [self], null);
  return found;
}

function lookupAfter(cls: PyClass, after: PyClass, name: string): Value | undefined {
  const mro = cls.mro;
  let i = mro.indexOf(after);
  for (i = i + 1; i < mro.length; i++) {
    const v = mro[i].dict.get(name);
    if (v !== undefined) return v;
  }
  return undefined;
}

export function getAttr(obj: Value, name: string): Value {
  if (obj instanceof PyInstance || obj instanceof EntityInstance) {
    const own = obj.attrs.get(name);
    const cls = typeOf(obj);
    const found = cls.lookup(name);
    if (found instanceof PyProperty) return callValue(found.getter, [obj], null);
    if (own !== undefined) return own;
    if (found !== undefined) return bindFound(found, obj, cls);
    if (name === '__class__') return cls;
    if (name === '__dict__' && obj instanceof PyInstance) return dictOfAttrs(obj.attrs);
    if (obj instanceof PyInstance && cls.isException && EXCEPTION_DEFAULTS.has(name)) return EXCEPTION_DEFAULTS.get(name)!;
    return noAttribute(obj, name);
  }
  if (obj instanceof EntityRef) return referenceHooks.getAttr(obj, name);
  if (obj instanceof PyClass) {
    if (name === '__name__' || name === '__qualname__') return obj.name;
    const table = builtinTypeTable(obj);
    if (table !== null && table[name] !== undefined && obj.lookup(name) === undefined) {
      const m = table[name];
      const owner = obj;
      return new PyBuiltin(name, (args, kw) => {
        if (args.length === 0 || !typeOf(args[0]).isSubclassOf(owner)) {
          throw raise(exc.TypeError, `descriptor '${name}' for '${owner.name}' objects doesn't apply to a '${args.length ? typeName(args[0]) : 'NoneType'}' object`);
        }
        return m(args[0] as never, args.slice(1), kw);
      }, owner.name);
    }
    if (name === '__mro__') return new PyTuple(obj.mro);
    if (name === '__bases__') return new PyTuple(obj.bases);
    const found = obj.lookup(name);
    if (found === undefined) return noAttribute(obj, name);
    if (found instanceof PyStaticMethod) return found.func;
    if (found instanceof PyClassMethod) return new PyBoundMethod(obj, found.func);
    return found;
  }
  if (obj instanceof PySuper) {
    const cls = obj.self instanceof PyClass ? obj.self : typeOf(obj.self);
    const found = lookupAfter(cls, obj.thisClass, name);
    if (found === undefined) throw raise(exc.AttributeError, `'super' object has no attribute '${name}'`);
    if (found instanceof PyBuiltin) return new PyBoundMethod(obj.self, found);
    return obj.self instanceof PyClass ? found : bindFound(found, obj.self, cls);
  }
  if (obj instanceof PyModule) {
    const v = obj.attrs.get(name);
    if (v === undefined) return noAttribute(obj, name);
    return v;
  }
  const table = methodTable(obj);
  if (table !== null) {
    const m = table[name];
    if (m !== undefined) {
      const self = obj;
      return new PyBoundMethod(self, new PyBuiltin(name, (args, kw) => m(args[0] as never, args.slice(1), kw), typeName(obj)));
    }
  }
  if (typeof obj === 'number' || typeof obj === 'bigint' || typeof obj === 'boolean') {
    if (name === 'real' || name === 'numerator') return typeof obj === 'boolean' ? (obj ? 1 : 0) : obj;
    if (name === 'imag') return 0;
    if (name === 'denominator') return 1;
  }
  if (obj instanceof PyRange && (name === 'start' || name === 'stop' || name === 'step')) return obj[name];
  if (obj instanceof PyFloat) {
    if (name === 'real') return obj;
    if (name === 'imag') return new PyFloat(0);
  }
  if ((obj instanceof PyFunction || obj instanceof PyBuiltin) && name === '__name__') return obj.name;
  if (obj instanceof PyFunction && name === '__qualname__') return obj.qualname;
  if (name === '__class__') return typeOf(obj);
  return noAttribute(obj, name);
}

function dictOfAttrs(attrs: Map<string, Value>): PyDict {
  const d = new PyDict();
  for (const [k, v] of attrs) d.map.set(k, { key: k, value: v });
  return d;
}

export function setAttr(obj: Value, name: string, value: Value): void {
  if (obj instanceof PyInstance || obj instanceof EntityInstance) {
    const prop = typeOf(obj).lookup(name);
    if (prop instanceof PyProperty) {
      if (prop.setter === null) throw raise(exc.AttributeError, `can't set attribute '${name}'`);
      callValue(prop.setter, [obj, value], null);
      return;
    }
    obj.attrs.set(name, value);
    return;
  }
  if (obj instanceof PyClass && !isBuiltinType(obj)) {
    obj.dict.set(name, value);
    return;
  }
  if (obj instanceof EntityRef) {
    throw raise(exc.AttributeError, `cannot assign ${obj.className}.${name} of another entity: change its state through one of its methods`);
  }
  if (obj instanceof PyModule) {
    obj.attrs.set(name, value);
    return;
  }
  if (obj instanceof PyClass) throw raise(exc.TypeError, `cannot set '${name}' attribute of immutable type '${obj.name}'`);
  throw raise(exc.AttributeError, `'${typeName(obj)}' object has no attribute '${name}'`);
}

export function delAttr(obj: Value, name: string): void {
  if ((obj instanceof PyInstance || obj instanceof EntityInstance) && obj.attrs.delete(name)) return;
  if (obj instanceof PyInstance || obj instanceof EntityInstance) throw raise(exc.AttributeError, name);
  throw raise(exc.AttributeError, `'${typeName(obj)}' object has no attribute '${name}'`);
}

function isBuiltinType(c: PyClass): boolean {
  return Object.values(T).includes(c) || c.isException && !c.dict.has('__module__');
}

/** obj.name(*args, **kwargs) without allocating a bound method for built-in methods. */
export function callMethod(obj: Value, name: string, args: Value[], kwargs: Kwargs): Value {
  if (obj instanceof PyInstance || obj instanceof EntityInstance) {
    const own = obj.attrs.get(name);
    if (own === undefined) {
      const cls = typeOf(obj);
      const found = cls.lookup(name);
      if (found instanceof PyFunction) return found.invoke([obj, ...args], kwargs);
      if (found instanceof PyBuiltin) return found.fn([obj, ...args], kwargs);
    }
    return callValue(getAttr(obj, name), args, kwargs);
  }
  if (obj instanceof EntityRef) return referenceHooks.callMethod(obj, name, args, kwargs);
  const table = methodTable(obj);
  if (table !== null) {
    const m = table[name];
    if (m !== undefined) return m(obj as never, args, kwargs);
  }
  return callValue(getAttr(obj, name), args, kwargs);
}

fieldHooks.getAttr = getAttr;
fieldHooks.getItem = getItem;

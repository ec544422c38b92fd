// The builtins namespace: functions and type constructors that entity code
// and client scripts can call. Nothing here depends on wall time, randomness
// or object addresses (so no id(), input(), open()).

import { arith, divmodValues, floatPow, negate } from './arith.ts';
import { getAttr, setAttr, delAttr } from './attrs.ts';
import { argCount, callValue, kwarg, noKwargs, onlyKwargs } from './call.ts';
import { compare, contains, notImplemented, pyLen, truthy } from './compare.ts';
import { computeMro, exc, objectType, raise } from './exceptions.ts';
import { roundFloat } from './floatFormat.ts';
import { formatValue } from './format.ts';
import { truthyHook, pyHash } from './hashing.ts';
import { intDivmod, intFromDecimal, intPowMod, intToFloat, intMul, intPow, type Int } from './ints.ts';
import { checkSize, getIter, stepOrFail, toArray } from './iteration.ts';
import { writeOutput } from './output.ts';
import { pyRepr, pyStr } from './repr.ts';
import { sortValues } from './sort.ts';
import { rt } from './state.ts';
import { indexValue } from './subscript.ts';
import { T, typeName, typeOf } from './types.ts';
import { notImplementedHook } from './arith.ts';
import { constructBuiltinTypes } from './constructors.ts';
import {
  DONE, EntityRef, PyBuiltin, PyClass, PyDict, PyClassMethod, PyFloat, PyInstance, PyIter, PyList, PyProperty, PyRange, PyStaticMethod,
  PySuper, PyTuple, type BuiltinImpl, type IterResult, type Kwargs, type Value,
} from './values.ts';

export const NotImplementedValue = new PyInstance(new PyClass('NotImplementedType', [objectType], () => NotImplementedValue));
notImplemented.value = NotImplementedValue;
notImplementedHook.value = NotImplementedValue;
truthyHook.truthy = truthy;
truthyHook.notImplemented = NotImplementedValue;

function fn(name: string, impl: BuiltinImpl): PyBuiltin {
  return new PyBuiltin(name, impl);
}

function asIntArg(v: Value, what: string): Int {
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const i = v instanceof PyInstance ? indexValue(v) : null;
  if (i !== null) return i;
  throw raise(exc.TypeError, `'${typeName(v)}' object cannot be interpreted as an integer${what}`);
}

function minMax(name: 'min' | 'max', args: Value[], kwargs: Kwargs): Value {
  onlyKwargs(name, kwargs, ['key', 'default']);
  const key = kwarg(kwargs, 'key') ?? null;
  const dflt = kwarg(kwargs, 'default');
  let items: Value[];
  if (args.length === 0) throw raise(exc.TypeError, `${name} expected at least 1 argument, got 0`);
  if (args.length === 1) {
    items = toArray(args[0]);
  } else {
    if (dflt !== undefined) throw raise(exc.TypeError, `Cannot specify a default for ${name}() with multiple positional arguments`);
    items = args;
  }
  if (items.length === 0) {
    if (dflt !== undefined) return dflt;
    throw raise(exc.ValueError, `${name}() arg is an empty sequence`);
  }
  const op = name === 'min' ? '<' : '>';
  let best = items[0];
  let bestKey = key === null ? best : callValue(key, [best], null);
  for (let i = 1; i < items.length; i++) {
    const k = key === null ? items[i] : callValue(key, [items[i]], null);
    if (compare(op, k, bestKey)) {
      best = items[i];
      bestKey = k;
    }
  }
  return best;
}

function sum(args: Value[], kwargs: Kwargs): Value {
  onlyKwargs('sum', kwargs, ['start']);
  argCount('sum', args, 1, 2);
  let total: Value = args.length > 1 ? args[1] : kwarg(kwargs, 'start') ?? 0;
  if (typeof total === 'string') throw raise(exc.TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
  const it = getIter(args[0]);
  for (let x = it.next(); x !== DONE; x = it.next()) {
    if (typeof total === 'number' && typeof x === 'number') {
      const r: number = total + x;
      if (Number.isSafeInteger(r)) {
        total = r;
        continue;
      }
    }
    total = arith('+', total, x);
  }
  return total;
}

function round(args: Value[], kwargs: Kwargs): Value {
  onlyKwargs('round', kwargs, ['ndigits']);
  argCount('round', args, 1, 2);
  const x = args[0];
  const nd = args.length > 1 ? args[1] : kwarg(kwargs, 'ndigits') ?? null;
  if (x instanceof PyFloat) {
    if (nd === null) {
      if (!Number.isFinite(x.v)) {
        throw raise(Number.isNaN(x.v) ? exc.ValueError : exc.OverflowError,
          Number.isNaN(x.v) ? 'cannot convert float NaN to integer' : 'cannot convert float infinity to integer');
      }
      const r: number = roundFloat(x.v, 0);
      return Number.isSafeInteger(r) ? (r === 0 ? 0 : r) : BigInt(r);
    }
    const n = Number(asIntArg(nd, ''));
    return new PyFloat(roundFloat(x.v, n));
  }
  if (typeof x === 'number' || typeof x === 'bigint' || typeof x === 'boolean') {
    const v: Int = typeof x === 'boolean' ? (x ? 1 : 0) : x;
    if (nd === null) return v;
    const n = Number(asIntArg(nd, ''));
    if (n >= 0) return v;
    const p = intPow(10, -n);
    const [q, r] = intDivmod(v, p, 'divmod');
    const twice = intMul(r, 2);
    const cmp = twice > p ? 1 : twice < p ? -1 : 0;
    const odd = typeof q === 'number' ? q % 2 !== 0 : q % 2n !== 0n;
    const up = cmp > 0 || (cmp === 0 && odd);
    return arith('*', up ? arith('+', q, 1) : q, p);
  }
  if (x instanceof PyInstance) {
    const m = x.cls.lookup('__round__');
    if (m !== undefined) return callValue(m, nd === null ? [x] : [x, nd], null);
  }
  throw raise(exc.TypeError, `type ${typeName(x)} doesn't define __round__ method`);
}

function abs(args: Value[], kwargs: Kwargs): Value {
  noKwargs('abs', kwargs);
  argCount('abs', args, 1, 1);
  const x = args[0];
  if (typeof x === 'number') return Math.abs(x);
  if (typeof x === 'bigint') return x < 0n ? -x : x;
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (x instanceof PyFloat) return new PyFloat(Math.abs(x.v));
  if (x instanceof PyInstance) {
    const m = x.cls.lookup('__abs__');
    if (m !== undefined) return callValue(m, [x], null);
  }
  throw raise(exc.TypeError, `bad operand type for abs(): '${typeName(x)}'`);
}

function iterOf(next: () => IterResult, name: string): PyIter {
  return new PyIter(next, name);
}

function zip(args: Value[], kwargs: Kwargs): Value {
  onlyKwargs('zip', kwargs, ['strict']);
  const strict = truthy(kwarg(kwargs, 'strict') ?? false);
  return zipIter(args.map(getIter), strict, false);
}

/** zip's iterator; `copyAt` copies the argument iterators, so a snapshot keeps the position. */
function zipIter(its: PyIter[], strict: boolean, isDone: boolean): PyIter {
  let done = isDone;
  const iter = iterOf(() => {
    if (done || its.length === 0) return DONE;
    const row: Value[] = [];
    for (let i = 0; i < its.length; i++) {
      const x = its[i].next();
      if (x === DONE) {
        done = true;
        if (strict) {
          if (i > 0) throw raise(exc.ValueError, `zip() argument ${i + 1} is shorter than argument${i > 1 ? `s 1-${i}` : ' 1'}`);
          for (let j = 1; j < its.length; j++) {
            if (its[j].next() !== DONE) throw raise(exc.ValueError, `zip() argument ${j + 1} is longer than argument${j > 1 ? `s 1-${j}` : ' 1'}`);
          }
        }
        return DONE;
      }
      row.push(x);
    }
    return new PyTuple(row);
  }, 'zip');
  iter.copyAt = (copyValue) => zipIter(its.map((it) => copyValue(it) as PyIter), strict, done);
  return iter;
}

function isInstance(v: Value, spec: Value): boolean {
  if (spec instanceof PyTuple) return spec.items.some((s) => isInstance(v, s));
  if (!(spec instanceof PyClass)) {
    throw raise(exc.TypeError, 'isinstance() arg 2 must be a type, a tuple of types, or a union');
  }
  if (spec === objectType) return true;
  return typeOf(v).isSubclassOf(spec);
}

function isSubclass(c: Value, spec: Value): boolean {
  if (!(c instanceof PyClass)) throw raise(exc.TypeError, 'issubclass() arg 1 must be a class');
  if (spec instanceof PyTuple) return spec.items.some((s) => isSubclass(c, s));
  if (!(spec instanceof PyClass)) throw raise(exc.TypeError, 'issubclass() arg 2 must be a class, a tuple of classes, or a union');
  return spec === objectType || c.isSubclassOf(spec);
}

function print(args: Value[], kwargs: Kwargs): Value {
  onlyKwargs('print', kwargs, ['sep', 'end', 'file', 'flush']);
  const sep = kwarg(kwargs, 'sep') ?? null;
  const end = kwarg(kwargs, 'end') ?? null;
  if (sep !== null && typeof sep !== 'string') throw raise(exc.TypeError, `sep must be None or a string, not ${typeName(sep)}`);
  if (end !== null && typeof end !== 'string') throw raise(exc.TypeError, `end must be None or a string, not ${typeName(end)}`);
  let text = '';
  for (let i = 0; i < args.length; i++) {
    if (i > 0) text += sep ?? ' ';
    text += pyStr(args[i]);
  }
  writeOutput(text + (end ?? '\n'));
  return null;
}

function chr(args: Value[]): Value {
  argCount('chr', args, 1, 1);
  const i = asIntArg(args[0], '');
  if (i > 2147483647 || i < -2147483648) throw raise(exc.OverflowError, 'Python int too large to convert to C int');
  if (i < 0 || i > 0x10ffff) throw raise(exc.ValueError, 'chr() arg not in range(0x110000)');
  return String.fromCodePoint(Number(i));
}

function ord(args: Value[]): Value {
  argCount('ord', args, 1, 1);
  const s = args[0];
  if (typeof s !== 'string') throw raise(exc.TypeError, `ord() expected string of length 1, but ${typeName(s)} found`);
  const cps = Array.from(s);
  if (cps.length !== 1) throw raise(exc.TypeError, `ord() expected a character, but string of length ${cps.length} found`);
  return cps[0].codePointAt(0)!;
}

function radix(name: string, base: number, prefix: string): PyBuiltin {
  return fn(name, (args) => {
    argCount(name, args, 1, 1);
    const i = asIntArg(args[0], '');
    const neg = i < 0;
    const digits = (neg ? -BigInt(i) : BigInt(i)).toString(base);
    return (neg ? '-' : '') + prefix + digits;
  });
}

function pow(args: Value[], kwargs: Kwargs): Value {
  onlyKwargs('pow', kwargs, ['base', 'exp', 'mod']);
  const all = [...args];
  if (kwargs) for (const [k, v] of kwargs) all[k === 'base' ? 0 : k === 'exp' ? 1 : 2] = v;
  if (all.length < 2) throw raise(exc.TypeError, `pow() missing required argument 'exp' (pos 2)`);
  if (all.length === 3 && all[2] !== null) {
    const [a, b, m] = all;
    const isI = (v: Value) => typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean';
    if (!isI(a) || !isI(b) || !isI(m)) {
      // CPython tries each operand's three-argument power: float's rejects any
      // modulus, and without a float operand no type accepts the call.
      if (all.some((v) => v instanceof PyFloat)) {
        throw raise(exc.TypeError, 'pow() 3rd argument not allowed unless all arguments are integers');
      }
      throw raise(exc.TypeError, `unsupported operand type(s) for ** or pow(): '${typeName(a)}', '${typeName(b)}', '${typeName(m)}'`);
    }
    return intPowMod(asIntArg(a, ''), asIntArg(b, ''), asIntArg(m, ''));
  }
  return arith('**', all[0], all[1]);
}

function hash(args: Value[]): Value {
  argCount('hash', args, 1, 1);
  return pyHash(args[0]);
}

function next(args: Value[]): Value {
  argCount('next', args, 1, 2);
  const it = args[0];
  if (!(it instanceof PyIter)) throw raise(exc.TypeError, `'${typeName(it)}' object is not an iterator`);
  const x = it.next();
  if (x !== DONE) return x;
  if (args.length > 1) return args[1];
  throw raise(exc.StopIteration, '');
}

/**
 * Reject getattr() and hasattr() on another entity in synchronous code. The
 * compiler turns only `ref.name` into a remote read, and client scripts handle
 * these builtins before they get here.
 */
function rejectReference(builtin: string, obj: Value, name: Value): void {
  if (!(obj instanceof EntityRef) || typeof name !== 'string') return;
  throw raise(exc.RuntimeError, `${builtin}() cannot read ${obj.className}.${name} of another entity here: in an entity method write the attribute with a dot (ref.${name}), which becomes a remote read`);
}

function getattrFn(args: Value[]): Value {
  argCount('getattr', args, 2, 3);
  const name = args[1];
  if (typeof name !== 'string') throw raise(exc.TypeError, `attribute name must be string, not '${typeName(name)}'`);
  rejectReference('getattr', args[0], name);
  if (args.length === 3) {
    try {
      return getAttr(args[0], name);
    } catch (e) {
      if (e instanceof Object && 'exc' in e && (e as { exc: PyInstance }).exc.cls.isSubclassOf(exc.AttributeError)) return args[2];
      throw e;
    }
  }
  return getAttr(args[0], name);
}

function hasattrFn(args: Value[]): Value {
  argCount('hasattr', args, 2, 2);
  rejectReference('hasattr', args[0], args[1]);
  try {
    getAttr(args[0], args[1] as string);
    return true;
  } catch (e) {
    if (e instanceof Object && 'exc' in e && (e as { exc: PyInstance }).exc.cls.isSubclassOf(exc.AttributeError)) return false;
    throw e;
  }
}

function typeFn(cls: PyClass, args: Value[], kwargs: Kwargs): Value {
  noKwargs('type', kwargs);
  if (args.length === 1) return typeOf(args[0]);
  if (args.length === 3) {
    const [name, bases, ns] = args;
    const baseList = bases instanceof PyTuple ? (bases.items as PyClass[]) : [];
    const c = new PyClass(String(name), baseList.length ? baseList : [objectType], baseList[0]?.construct ?? constructPlain);
    c.mro = computeMro(c);
    c.isException = baseList.some((b) => b.isException);
    if (ns !== null && typeof ns === 'object' && 'map' in ns) {
      for (const e of (ns as { map: Map<unknown, { key: Value; value: Value }> }).map.values()) c.dict.set(String(e.key), e.value);
    }
    return c;
  }
  void cls;
  throw raise(exc.TypeError, 'type() takes 1 or 3 arguments');
}

/** Instantiate a plain (non-exception, non-entity) user class. */
export function constructPlain(cls: PyClass, args: Value[], kwargs: Kwargs): Value {
  const inst = new PyInstance(cls);
  const init = cls.lookup('__init__');
  if (init !== undefined && !(init instanceof PyBuiltin)) {
    const r = callValue(init, [inst, ...args], kwargs);
    if (r !== null) throw raise(exc.TypeError, `__init__() should return None, not '${typeName(r)}'`);
  } else if (args.length > 0 || (kwargs !== null && kwargs.length > 0)) {
    throw raise(exc.TypeError, `${cls.name}() takes no arguments`);
  }
  return inst;
}

objectType.construct = (cls, args, kwargs) => (cls === objectType ? (args.length ? constructPlain(cls, args, kwargs) : new PyInstance(objectType)) : constructPlain(cls, args, kwargs));
T.type.construct = typeFn;

function enumerate(args: Value[], kwargs: Kwargs): Value {
  onlyKwargs('enumerate', kwargs, ['start']);
  argCount('enumerate', args, 1, 2);
  return enumerateIter(getIter(args[0]), args.length > 1 ? args[1] : kwarg(kwargs, 'start') ?? 0);
}

function enumerateIter(it: PyIter, start: Value): PyIter {
  let i = start;
  const iter = iterOf(() => {
    const x = it.next();
    if (x === DONE) return DONE;
    const t = new PyTuple([i, x]);
    i = typeof i === 'number' && i < Number.MAX_SAFE_INTEGER ? i + 1 : arith('+', i, 1);
    return t;
  }, 'enumerate');
  iter.copyAt = (copyValue) => enumerateIter(copyValue(it) as PyIter, i);
  return iter;
}

/** Iterates `items` from index `start` down to 0; `source` is what copies follow (null: `items` is private). */
function reverseIter(source: PyList | null, items: Value[], start: number, name: string): PyIter {
  let i = start;
  const iter = iterOf(() => {
    const a = source === null ? items : source.items;
    if (i >= 0 && i < a.length) return a[i--];
    i = -1;
    return DONE;
  }, name);
  iter.copyAt = (copyValue) => (source === null
    ? reverseIter(null, items.map(copyValue), i, name)
    : reverseIter(copyValue(source) as PyList, [], i, name));
  return iter;
}

function reversed(args: Value[]): Value {
  argCount('reversed', args, 1, 1);
  const s = args[0];
  if (s instanceof PyList) return reverseIter(s, [], s.items.length - 1, 'list_reverseiterator');
  if (s instanceof PyTuple || typeof s === 'string' || s instanceof PyRange) {
    const items = toArray(s);
    return reverseIter(null, items, items.length - 1, s instanceof PyRange ? 'range_iterator' : 'reversed');
  }
  if (s instanceof PyDict) {
    const items = toArray(s);
    return reverseIter(null, items, items.length - 1, 'dict_reversekeyiterator');
  }
  if (s instanceof PyInstance) {
    const m = s.cls.lookup('__reversed__');
    if (m !== undefined) return callValue(m, [s], null);
  }
  throw raise(exc.TypeError, `'${typeName(s)}' object is not reversible`);
}

function map(args: Value[]): Value {
  if (args.length < 2) throw raise(exc.TypeError, 'map() must have at least two arguments.');
  return mapIter(args[0], args.slice(1).map(getIter));
}

function mapIter(f: Value, its: PyIter[]): PyIter {
  const iter = iterOf(() => {
    const row: Value[] = [];
    for (const it of its) {
      const x = it.next();
      if (x === DONE) return DONE;
      row.push(x);
    }
    stepOrFail();
    return callValue(f, row, null);
  }, 'map');
  iter.copyAt = (copyValue) => mapIter(f, its.map((it) => copyValue(it) as PyIter));
  return iter;
}

function filter(args: Value[]): Value {
  argCount('filter', args, 2, 2);
  return filterIter(args[0], getIter(args[1]));
}

function filterIter(f: Value, it: PyIter): PyIter {
  const iter = iterOf(() => {
    for (let x = it.next(); x !== DONE; x = it.next()) {
      stepOrFail();
      if (f === null ? truthy(x) : truthy(callValue(f, [x], null))) return x;
    }
    return DONE;
  }, 'filter');
  iter.copyAt = (copyValue) => filterIter(f, copyValue(it) as PyIter);
  return iter;
}

function anyAll(name: 'any' | 'all'): PyBuiltin {
  return fn(name, (args) => {
    argCount(name, args, 1, 1);
    const it = getIter(args[0]);
    for (let x = it.next(); x !== DONE; x = it.next()) {
      if (truthy(x) === (name === 'any')) return name === 'any';
    }
    return name === 'all';
  });
}

function sorted(args: Value[], kwargs: Kwargs): Value {
  onlyKwargs('sorted', kwargs, ['key', 'reverse']);
  if (args.length !== 1) throw raise(exc.TypeError, `sorted expected 1 argument, got ${args.length}`);
  const items = toArray(args[0]);
  sortValues(items, kwarg(kwargs, 'key') ?? null, truthy(kwarg(kwargs, 'reverse') ?? false));
  return new PyList(items);
}

function divmod(args: Value[]): Value {
  argCount('divmod', args, 2, 2);
  return new PyTuple(divmodValues(args[0], args[1]));
}

function wrapDescriptor(name: string, make: (f: Value) => Value): PyClass {
  const c = new PyClass(name, [objectType], (_cls, args) => {
    argCount(name, args, 1, 1);
    return make(args[0]);
  });
  c.mro = computeMro(c);
  return c;
}

const propertyType = wrapDescriptor('property', (f) => new PyProperty(f, null));

/** Build the builtins namespace: every builtin name visible to programs. */
export function makeBuiltins(): Map<string, Value> {
  constructBuiltinTypes();
  const b = new Map<string, Value>();
  const add = (name: string, impl: BuiltinImpl) => b.set(name, fn(name, impl));
  add('len', (a, k) => { noKwargs('len', k); argCount('len', a, 1, 1); return pyLen(a[0]); });
  add('print', print);
  add('repr', (a) => { argCount('repr', a, 1, 1); return pyRepr(a[0]); });
  add('ascii', (a) => { argCount('ascii', a, 1, 1); return pyRepr(a[0]).replace(/[^\x00-\x7f]/gu, (c) => { const cp = c.codePointAt(0)!; return cp <= 0xff ? '\\x' + cp.toString(16).padStart(2, '0') : cp <= 0xffff ? '\\u' + cp.toString(16).padStart(4, '0') : '\\U' + cp.toString(16).padStart(8, '0'); }); });
  add('min', (a, k) => minMax('min', a, k));
  add('max', (a, k) => minMax('max', a, k));
  add('sum', sum);
  add('abs', abs);
  add('round', round);
  add('sorted', sorted);
  add('reversed', reversed);
  add('enumerate', enumerate);
  add('zip', zip);
  add('map', map);
  add('filter', filter);
  b.set('any', anyAll('any'));
  b.set('all', anyAll('all'));
  add('isinstance', (a) => { argCount('isinstance', a, 2, 2); return isInstance(a[0], a[1]); });
  add('issubclass', (a) => { argCount('issubclass', a, 2, 2); return isSubclass(a[0], a[1]); });
  add('divmod', divmod);
  add('hash', hash);
  add('iter', (a) => { argCount('iter', a, 1, 1); return getIter(a[0]); });
  add('next', next);
  add('chr', chr);
  add('ord', ord);
  b.set('hex', radix('hex', 16, '0x'));
  b.set('oct', radix('oct', 8, '0o'));
  b.set('bin', radix('bin', 2, '0b'));
  add('pow', pow);
  add('getattr', getattrFn);
  add('hasattr', hasattrFn);
  add('setattr', (a) => { argCount('setattr', a, 3, 3); setAttr(a[0], a[1] as string, a[2]); return null; });
  add('delattr', (a) => { argCount('delattr', a, 2, 2); delAttr(a[0], a[1] as string); return null; });
  add('callable', (a) => { argCount('callable', a, 1, 1); const v = a[0]; return v !== null && typeof v === 'object' && ['PyFunction', 'PyBuiltin', 'PyBoundMethod', 'PyClass'].includes(v.constructor.name); });
  add('format', (a) => { argCount('format', a, 1, 2); const spec = a[1] ?? ''; if (typeof spec !== 'string') throw raise(exc.TypeError, `format() argument 2 must be str, not ${typeName(spec)}`); return formatValue(a[0], spec); });
  for (const [name, t] of Object.entries(T)) {
    if (['int', 'bool', 'float', 'str', 'list', 'tuple', 'dict', 'set', 'frozenset', 'range', 'object', 'type', 'slice'].includes(name)) b.set(name, t);
  }
  for (const [name, c] of Object.entries(exc)) b.set(name, c);
  b.set('NotImplemented', NotImplementedValue);
  b.set('property', propertyType);
  b.set('staticmethod', wrapDescriptor('staticmethod', (f) => new PyStaticMethod(f)));
  b.set('classmethod', wrapDescriptor('classmethod', (f) => new PyClassMethod(f)));
  b.set('Ellipsis', null);
  add('super', (a) => {
    if (a.length !== 2 || !(a[0] instanceof PyClass)) throw raise(exc.RuntimeError, 'super(): use super() inside a method, or super(Class, obj)');
    return new PySuper(a[0], a[1]);
  });
  return b;
}


// Built-in type objects and `typeOf`. Constructors (`int(...)`, `str(...)`)
// and methods are attached by builtins.ts and the *Methods.ts modules.

import { computeMro, objectType } from './exceptions.ts';
import { rt } from './state.ts';
import {
  EntityInstance, EntityRef, PyBoundMethod, PyBuiltin, PyClass, PyDict, PyDictView, PyFloat, PyFunction,
  PyInstance, PyIter, PyList, PyModule, PyRange, PySet, PySlice, PyTuple, type Value,
} from './values.ts';

function notCallable(cls: PyClass): Value {
  throw new Error(`type ${cls.name} has no constructor`);
}

function makeType(name: string, base: PyClass = objectType): PyClass {
  const cls = new PyClass(name, [base], notCallable);
  cls.mro = computeMro(cls);
  return cls;
}

const intType = makeType('int');

export const T = {
  object: objectType,
  int: intType,
  bool: makeType('bool', intType),
  float: makeType('float'),
  str: makeType('str'),
  NoneType: makeType('NoneType'),
  list: makeType('list'),
  tuple: makeType('tuple'),
  dict: makeType('dict'),
  set: makeType('set'),
  frozenset: makeType('frozenset'),
  range: makeType('range'),
  slice: makeType('slice'),
  function: makeType('function'),
  builtin: makeType('builtin_function_or_method'),
  method: makeType('method'),
  type: makeType('type'),
  module: makeType('module'),
  dict_keys: makeType('dict_keys'),
  dict_values: makeType('dict_values'),
  dict_items: makeType('dict_items'),
};

const iterTypes = new Map<string, PyClass>();

function iterType(name: string): PyClass {
  let t = iterTypes.get(name);
  if (t === undefined) {
    t = makeType(name);
    iterTypes.set(name, t);
  }
  return t;
}

const unknownEntity = new Map<string, PyClass>();

export function entityClass(name: string): PyClass {
  const known = rt.entityClasses.get(name);
  if (known) return known;
  let t = unknownEntity.get(name);
  if (!t) {
    t = makeType(name);
    t.isEntity = true;
    unknownEntity.set(name, t);
  }
  return t;
}

export function typeOf(v: Value): PyClass {
  switch (typeof v) {
    case 'number': case 'bigint': return T.int;
    case 'string': return T.str;
    case 'boolean': return T.bool;
  }
  if (v === null) return T.NoneType;
  if (v instanceof PyFloat) return T.float;
  if (v instanceof PyList) return T.list;
  if (v instanceof PyTuple) return T.tuple;
  if (v instanceof PyDict) return T.dict;
  if (v instanceof PyInstance) return v.cls;
  if (v instanceof EntityInstance || v instanceof EntityRef) return entityClass(v.className);
  if (v instanceof PySet) return v.frozen ? T.frozenset : T.set;
  if (v instanceof PyRange) return T.range;
  if (v instanceof PyFunction) return T.function;
  if (v instanceof PyBuiltin) return T.builtin;
  if (v instanceof PyBoundMethod) return T.method;
  if (v instanceof PyClass) return T.type;
  if (v instanceof PySlice) return T.slice;
  if (v instanceof PyIter) return iterType(v.typeName);
  if (v instanceof PyDictView) return v.kind === 'keys' ? T.dict_keys : v.kind === 'values' ? T.dict_values : T.dict_items;
  if (v instanceof PyModule) return T.module;
  return T.object;
}

export function typeName(v: Value): string {
  return typeOf(v).name;
}

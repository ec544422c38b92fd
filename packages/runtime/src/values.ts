// The value layer's representation of Python objects.
//
//   int       JS number (always a safe integer) or bigint (always outside the
//             safe range): `normBig` keeps that invariant, so equal ints have
//             one representation and `===` compares them.
//   float     PyFloat (boxed so that 1 and 1.0 stay distinct)
//   bool      JS boolean        None   null          str   JS string
//   others    the classes below.

import type { PySetTable } from './setTable.ts';

export type Value = number | bigint | string | boolean | null | PyObject;
export type Kwargs = [string, Value][] | null;

export abstract class PyObject {}

export class PyFloat extends PyObject {
  constructor(readonly v: number) { super(); }
}

export class PyList extends PyObject {
  constructor(public items: Value[]) { super(); }
}

export class PyTuple extends PyObject {
  constructor(readonly items: Value[]) { super(); }
}

export interface DictEntry { key: Value; value: Value }

/** dict: insertion-ordered; keys are found by `hashKey` (Python equality). */
export class PyDict extends PyObject {
  map = new Map<unknown, DictEntry>();
  /** Bumped on every insertion or deletion, so iterators detect a size change. */
  version = 0;
}

/** set and frozenset: CPython's open-addressing table, for CPython's iteration order. */
export class PySet extends PyObject {
  constructor(public table: PySetTable, readonly frozen: boolean) { super(); }
}

export class PyRange extends PyObject {
  constructor(readonly start: number, readonly stop: number, readonly step: number) { super(); }
}

export class PySlice extends PyObject {
  constructor(readonly start: Value, readonly stop: Value, readonly step: Value) { super(); }
}

export type BuiltinImpl = (args: Value[], kwargs: Kwargs) => Value;

export class PyBuiltin extends PyObject {
  constructor(readonly name: string, readonly fn: BuiltinImpl, readonly ownerName: string | null = null) { super(); }
}

/** A user function; `invoke` is filled in by the interpreter that compiled it. */
export class PyFunction extends PyObject {
  /** Class whose body defined it, for zero-argument `super()`. */
  definingClass: PyClass | null = null;
  constructor(
    readonly name: string,
    public qualname: string,
    readonly invoke: (args: Value[], kwargs: Kwargs) => Value,
  ) { super(); }
  /** Set by the client interpreter: a generator-based call that can suspend. */
  invokeGen: ((args: Value[], kwargs: Kwargs) => Generator<import('./host.ts').ClientRequest, Value, import('./host.ts').Resumption | undefined>) | null = null;
}

export class PyBoundMethod extends PyObject {
  constructor(readonly self: Value, readonly func: Value) { super(); }
}

export type Constructor = (cls: PyClass, args: Value[], kwargs: Kwargs) => Value;

export class PyClass extends PyObject {
  mro: PyClass[] = [];
  readonly dict = new Map<string, Value>();
  /** Set for entity classes: their name in the IR. */
  isEntity = false;
  isException = false;
  constructor(
    readonly name: string,
    readonly bases: PyClass[],
    public construct: Constructor,
  ) {
    super();
  }

  lookup(name: string): Value | undefined {
    const mro = this.mro;
    for (let i = 0; i < mro.length; i++) {
      const v = mro[i].dict.get(name);
      if (v !== undefined) return v;
    }
    return undefined;
  }

  isSubclassOf(other: PyClass): boolean {
    return this === other || this.mro.includes(other);
  }
}

/** An instance of a user class (plain or exception). Exceptions keep `args` as an attribute. */
export class PyInstance extends PyObject {
  readonly attrs = new Map<string, Value>();
  constructor(readonly cls: PyClass) { super(); }
}

/** A reference to an entity: equal and hashed by class name and key. */
export class EntityRef extends PyObject {
  constructor(readonly className: string, readonly key: Value) { super(); }
}

/** The state of one entity; also the value of `self` inside its methods. */
export class EntityInstance extends PyObject {
  constructor(
    readonly className: string,
    public key: Value,
    readonly attrs: Map<string, Value>,
  ) { super(); }
}

export class PyModule extends PyObject {
  constructor(readonly name: string, readonly attrs: Map<string, Value>) { super(); }
}

/** Sentinel returned by `PyIter.next` at exhaustion (never a Python value). */
export const DONE: unique symbol = Symbol('done');
export type IterResult = Value | typeof DONE;

/** Any Python iterator: list/dict/set iterators, generator expressions, map, zip, ... */
export class PyIter extends PyObject {
  /**
   * Set on iterators over built-in containers: a copy at the same position
   * over `copyValue(container)`, so a snapshot of a suspended `for` loop
   * resumes where it was. Other iterators (generators) are shared by copies.
   */
  copyAt: ((copyValue: (v: Value) => Value) => PyIter) | null = null;
  constructor(readonly next: () => IterResult, readonly typeName: string) { super(); }
}

export type DictViewKind = 'keys' | 'values' | 'items';
export class PyDictView extends PyObject {
  constructor(readonly dict: PyDict, readonly kind: DictViewKind) { super(); }
}

export function isInt(v: Value): v is number | bigint {
  return typeof v === 'number' || typeof v === 'bigint';
}

const MAX_SAFE_BIG = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE_BIG = -MAX_SAFE_BIG;

/** Convert a bigint to the canonical int representation. */
export function normBig(b: bigint): number | bigint {
  return b <= MAX_SAFE_BIG && b >= MIN_SAFE_BIG ? Number(b) : b;
}

export function toBig(v: number | bigint): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}

export class PyStaticMethod extends PyObject {
  constructor(readonly func: Value) { super(); }
}

export class PyClassMethod extends PyObject {
  constructor(readonly func: Value) { super(); }
}

export class PyProperty extends PyObject {
  constructor(readonly getter: Value, public setter: Value) { super(); }
}

/** The result of `super()`: attribute lookup starts after `thisClass` in the MRO of `self`'s class. */
export class PySuper extends PyObject {
  constructor(readonly thisClass: PyClass, readonly self: Value) { super(); }
}

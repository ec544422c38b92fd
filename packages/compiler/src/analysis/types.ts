// Reference types as entity analysis tracks them. `TypeRef` (ir.ts) is the
// public subset; analysis also tracks tuples (for `enumerate`, `.items()` and
// unpacking) and `None`, which both become `other` in the IR.

import type { Expr } from '../ast.ts';
import type { TypeRef } from '../ir.ts';

export type AType =
  | { kind: 'entity'; className: string }
  | { kind: 'list'; element: AType }
  | { kind: 'optional'; inner: AType }
  | { kind: 'dict'; value: AType }
  | { kind: 'tuple'; elements: AType[] }
  | { kind: 'none' }
  /** Annotated `Any` or `object`: may hold a reference to any entity class. */
  | { kind: 'any' }
  | { kind: 'other' };

export const OTHER: AType = { kind: 'other' };
export const ANY: AType = { kind: 'any' };
export const NONE: AType = { kind: 'none' };

const LIST_NAMES = new Set(['List', 'list', 'Sequence', 'MutableSequence', 'Iterable', 'Iterator', 'Collection']);
const DICT_NAMES = new Set(['Dict', 'dict', 'Mapping', 'MutableMapping', 'DefaultDict', 'OrderedDict']);
const TUPLE_NAMES = new Set(['Tuple', 'tuple']);

export function entityType(className: string): AType {
  return { kind: 'entity', className };
}

export function toTypeRef(type: AType): TypeRef {
  switch (type.kind) {
    case 'entity':
      return { kind: 'entity', className: type.className };
    case 'list':
      return { kind: 'list', element: toTypeRef(type.element) };
    case 'optional':
      return { kind: 'optional', inner: toTypeRef(type.inner) };
    case 'dict':
      return { kind: 'dict', value: toTypeRef(type.value) };
    default:
      return { kind: 'other' };
  }
}

/** Returns the entity class a value of this type refers to, looking through `Optional`. */
export function entityClassOf(type: AType): string | null {
  if (type.kind === 'entity') return type.className;
  if (type.kind === 'optional') return entityClassOf(type.inner);
  return null;
}

/** True when a value of this type may be an entity reference whose class is not known statically. */
export function isAnyType(type: AType): boolean {
  if (type.kind === 'any') return true;
  return type.kind === 'optional' && type.inner.kind === 'any';
}

/** True when the type mentions an entity class anywhere. */
export function mentionsEntity(type: AType): boolean {
  switch (type.kind) {
    case 'entity':
      return true;
    case 'list':
      return mentionsEntity(type.element);
    case 'optional':
      return mentionsEntity(type.inner);
    case 'dict':
      return mentionsEntity(type.value);
    case 'tuple':
      return type.elements.some(mentionsEntity);
    default:
      return false;
  }
}

export function sameType(a: AType, b: AType): boolean {
  if (a === b) return true;
  switch (a.kind) {
    case 'entity':
      return b.kind === 'entity' && a.className === b.className;
    case 'list':
      return b.kind === 'list' && sameType(a.element, b.element);
    case 'optional':
      return b.kind === 'optional' && sameType(a.inner, b.inner);
    case 'dict':
      return b.kind === 'dict' && sameType(a.value, b.value);
    case 'tuple':
      return b.kind === 'tuple' && a.elements.length === b.elements.length && a.elements.every((element, index) => sameType(element, b.elements[index]!));
    default:
      return a.kind === b.kind;
  }
}

/**
 * Combines the types of two values that may flow into one variable. `None`
 * joins with a reference to make it optional; anything else that differs is
 * `other`.
 */
export function joinTypes(a: AType, b: AType): AType {
  if (sameType(a, b)) return a;
  if (a.kind === 'any' || b.kind === 'any') return ANY;
  if (a.kind === 'none') return b.kind === 'optional' || b.kind === 'other' ? b : { kind: 'optional', inner: b };
  if (b.kind === 'none') return joinTypes(b, a);
  if (a.kind === 'optional' && sameType(a.inner, b)) return a;
  if (b.kind === 'optional' && sameType(b.inner, a)) return b;
  return OTHER;
}

/** Element type when iterating over a value of this type. */
export function elementTypeOf(type: AType): AType {
  if (type.kind === 'list') return type.element;
  if (type.kind === 'optional') return elementTypeOf(type.inner);
  return OTHER;
}

/**
 * Converts a type hint to a type. `isEntity` returns whether a name is an
 * entity class. String hints (`"Item"`, `"List[Item]"`) follow the same rules.
 */
export function typeFromAnnotation(annotation: Expr | null, isEntity: (name: string) => boolean): AType {
  if (annotation === null) return OTHER;
  switch (annotation.kind) {
    case 'Constant':
      if (annotation.value.kind === 'None') return NONE;
      if (annotation.value.kind === 'str') return typeFromString(annotation.value.value, isEntity);
      return OTHER;
    case 'Name':
      return typeFromName(annotation.id, [], isEntity);
    case 'Attribute':
      return typeFromName(annotation.attr, [], isEntity);
    case 'Subscript': {
      const base = annotation.value.kind === 'Name' ? annotation.value.id
        : annotation.value.kind === 'Attribute' ? annotation.value.attr : null;
      if (base === null) return OTHER;
      const slice = annotation.slice;
      const args = slice.kind === 'Tuple' ? slice.elts : [slice];
      return typeFromName(base, args.map((arg) => typeFromAnnotation(arg, isEntity)), isEntity);
    }
    case 'BinOp':
      if (annotation.op !== 'BitOr') return OTHER;
      return unionOf([typeFromAnnotation(annotation.left, isEntity), typeFromAnnotation(annotation.right, isEntity)]);
    default:
      return OTHER;
  }
}

function typeFromName(name: string, args: AType[], isEntity: (name: string) => boolean): AType {
  if (args.length === 0) {
    if (name === 'None') return NONE;
    if (isEntity(name)) return entityType(name);
    if (name === 'Any' || name === 'object') return ANY;
    if (LIST_NAMES.has(name)) return { kind: 'list', element: OTHER };
    if (DICT_NAMES.has(name)) return { kind: 'dict', value: OTHER };
    return OTHER;
  }
  if (LIST_NAMES.has(name)) return { kind: 'list', element: args[0]! };
  if (DICT_NAMES.has(name)) return { kind: 'dict', value: args[args.length - 1]! };
  if (name === 'Optional') return unionOf([args[0]!, NONE]);
  if (name === 'Union') return unionOf(args);
  if (TUPLE_NAMES.has(name)) return { kind: 'tuple', elements: args };
  return OTHER;
}

function unionOf(members: AType[]): AType {
  const others = members.filter((member) => member.kind !== 'none');
  const hasNone = others.length < members.length;
  if (others.length !== 1) return OTHER;
  const inner = others[0]!;
  return hasNone ? { kind: 'optional', inner } : inner;
}

// ---------------------------------------------------------------- string hints

interface StringHint {
  name: string;
  args: StringHint[];
  alternatives?: StringHint[];
}

/** Reads a string hint such as `"Optional[List[Item]]"` or `"Item | None"`. */
function typeFromString(text: string, isEntity: (name: string) => boolean): AType {
  const tokens = text.match(/[A-Za-z_][A-Za-z_0-9]*(?:\.[A-Za-z_][A-Za-z_0-9]*)*|[[\],|]|\S/g) ?? [];
  let position = 0;

  const parseUnion = (): StringHint | null => {
    const first = parsePrimary();
    if (first === null) return null;
    if (tokens[position] !== '|') return first;
    const alternatives = [first];
    while (tokens[position] === '|') {
      position++;
      const next = parsePrimary();
      if (next === null) return null;
      alternatives.push(next);
    }
    return { name: '|', args: [], alternatives };
  };

  const parsePrimary = (): StringHint | null => {
    const token = tokens[position];
    if (token === undefined || !/^[A-Za-z_]/.test(token)) return null;
    position++;
    const name = token.slice(token.lastIndexOf('.') + 1);
    const args: StringHint[] = [];
    if (tokens[position] === '[') {
      position++;
      for (;;) {
        const arg = parseUnion();
        if (arg === null) return null;
        args.push(arg);
        if (tokens[position] === ',') {
          position++;
          continue;
        }
        if (tokens[position] !== ']') return null;
        position++;
        break;
      }
    }
    return { name, args };
  };

  const toType = (hint: StringHint): AType => {
    if (hint.alternatives !== undefined) return unionOf(hint.alternatives.map(toType));
    return typeFromName(hint.name, hint.args.map(toType), isEntity);
  };

  const hint = parseUnion();
  if (hint === null || position !== tokens.length) return OTHER;
  return toType(hint);
}

// Reference typing of expressions and inference of unannotated locals and
// state attributes. Inference is flow-insensitive: a variable's type is the
// join of the types of every value assigned to it, so a local that is only
// ever assigned references to one entity class is such a reference.

import type { Comprehension, Expr, FunctionDef, Lambda, Node, Stmt } from '../ast.ts';
import { TYPE_INFERENCE_ROUNDS_MAX } from '../limits.ts';
import type { EntityModel, ProgramModel } from './model.ts';
import { elementTypeOf, entityClassOf, entityType, isAnyType, joinTypes, NONE, OTHER, sameType, typeFromAnnotation, type AType } from './types.ts';
import { forEachChild } from './walk.ts';

/** A scope's variable types, chained to the enclosing function's scope for closures. */
export interface Scope {
  vars: Map<string, AType>;
  parent: Scope | null;
}

export function lookupType(scope: Scope | null, name: string): AType | undefined {
  for (let current = scope; current !== null; current = current.parent) {
    const type = current.vars.get(name);
    if (type !== undefined) return type;
  }
  return undefined;
}

/** The binding sites of one function body; collected once, evaluated every inference round. */
interface FunctionBindings {
  bindings: Binding[];
  /** Values of the function's own `return` statements (null for a bare return). */
  returns: (Expr | null)[];
  /**
   * True when some binding's source mentions a name another binding assigns,
   * so inference needs more than one round to settle.
   */
  hasDependencies: boolean;
  /** Names bound without a type source (imports, handlers, nested definitions). */
  names: Set<string>;
  annotated: { name: string; annotation: Expr }[];
}

export class TypeOracle {
  private readonly bindingCache = new Map<FunctionDef | Lambda, FunctionBindings>();

  constructor(private readonly model: ProgramModel) {}

  bindingsOf(node: FunctionDef | Lambda): FunctionBindings {
    let cached = this.bindingCache.get(node);
    if (cached === undefined) {
      const body: Stmt[] = node.kind === 'Lambda' ? [] : node.body;
      const names = new Set<string>();
      const returns: (Expr | null)[] = [];
      const bindings = collectBindings(body, this, names, returns);
      cached = { bindings, returns, hasDependencies: hasDependencies(bindings), names, annotated: allAnnotatedNames(body) };
      this.bindingCache.set(node, cached);
    }
    return cached;
  }

  isEntity = (name: string): boolean => this.model.entityByName.has(name);

  entity(className: string | null): EntityModel | undefined {
    return className === null ? undefined : this.model.entityByName.get(className);
  }

  /**
   * Returns the entity class whose `member` a receiver of type `type` uses.
   * A value typed `Any` refers to the one entity class that has such a
   * method (or state attribute). The result is null when no class has it (a
   * plain value) and `ambiguous` when several do.
   */
  receiverEntity(type: AType, member: string, kind: 'method' | 'attribute'): EntityModel | 'ambiguous' | null {
    const className = entityClassOf(type);
    if (className !== null) return this.entity(className) ?? null;
    if (!isAnyType(type)) return null;
    const owners = this.model.entities.filter((entity) =>
      kind === 'method' ? entity.methodByName.has(member) : entity.state.has(member));
    if (owners.length === 0) return null;
    return owners.length === 1 ? owners[0]! : 'ambiguous';
  }

  /** Returns the type of an expression, or null when nothing is known yet (a local not inferred so far). */
  typeOf(expr: Expr, scope: Scope): AType | null {
    switch (expr.kind) {
      case 'Name': {
        const type = lookupType(scope, expr.id);
        return type === undefined ? null : type;
      }
      case 'Constant':
        return expr.value.kind === 'None' ? NONE : OTHER;
      case 'Attribute': {
        const receiver = this.typeOf(expr.value, scope);
        if (receiver === null) return null;
        const owner = this.receiverEntity(receiver, expr.attr, 'attribute');
        return owner === null || owner === 'ambiguous' ? OTHER : owner.state.get(expr.attr)?.type ?? OTHER;
      }
      case 'Call':
        return this.callType(expr, scope);
      case 'Subscript': {
        const container = this.typeOf(expr.value, scope);
        return container === null ? null : subscriptType(container, expr.slice);
      }
      case 'IfExp':
        return joinKnown(this.typeOf(expr.body, scope), this.typeOf(expr.orelse, scope));
      case 'BoolOp':
        return expr.values.map((value) => this.typeOf(value, scope)).reduce(joinKnown);
      case 'NamedExpr':
        return this.typeOf(expr.value, scope);
      case 'List': {
        if (expr.elts.length === 0) return null;
        const element = expr.elts.map((elt) => this.typeOf(elt, scope)).reduce(joinKnown) ?? OTHER;
        return { kind: 'list', element };
      }
      case 'Tuple':
        return { kind: 'tuple', elements: expr.elts.map((elt) => this.typeOf(elt, scope) ?? OTHER) };
      case 'ListComp':
      case 'GeneratorExp': {
        const inner = this.comprehensionScope(expr.generators, scope);
        return { kind: 'list', element: this.typeOf(expr.elt, inner) ?? OTHER };
      }
      case 'DictComp': {
        const inner = this.comprehensionScope(expr.generators, scope);
        return { kind: 'dict', value: this.typeOf(expr.value, inner) ?? OTHER };
      }
      case 'Dict': {
        if (expr.values.length === 0) return null;
        const value = expr.values.map((v) => this.typeOf(v, scope)).reduce(joinKnown) ?? OTHER;
        return { kind: 'dict', value };
      }
      default:
        return OTHER;
    }
  }

  /** Returns a scope that binds the targets of a comprehension's generators. */
  comprehensionScope(generators: Comprehension[], scope: Scope): Scope {
    const inner: Scope = { vars: new Map(), parent: scope };
    for (const generator of generators) {
      const element = elementTypeOf(this.typeOf(generator.iter, inner) ?? OTHER);
      bindTarget(generator.target, element, (target, type) => {
        if (target.kind === 'Name') inner.vars.set(target.id, type);
      });
    }
    return inner;
  }

  private callType(call: Extract<Expr, { kind: 'Call' }>, scope: Scope): AType | null {
    const func = call.func;
    const firstArg = call.args[0];
    const argType = (index: number): AType => {
      const arg = call.args[index];
      return arg === undefined ? OTHER : this.typeOf(arg, scope) ?? OTHER;
    };

    if (func.kind === 'Attribute') {
      const receiver = this.typeOf(func.value, scope);
      if (receiver === null) return null;
      const owner = this.receiverEntity(receiver, func.attr, 'method');
      if (owner === 'ambiguous') return OTHER;
      if (owner !== null) return owner.methodByName.get(func.attr)?.returnType ?? OTHER;
      return builtinMethodType(receiver, func.attr);
    }
    if (func.kind !== 'Name') return OTHER;
    if (lookupType(scope, func.id) !== undefined) return OTHER;
    if (this.isEntity(func.id)) return entityType(func.id);
    const moduleFunction = this.model.moduleFunctions.get(func.id);
    if (moduleFunction !== undefined) return moduleFunction.returnType;

    switch (func.id) {
      case 'list':
      case 'sorted':
      case 'reversed':
      case 'iter':
      case 'tuple':
        return firstArg === undefined ? OTHER : { kind: 'list', element: elementTypeOf(argType(0)) };
      case 'enumerate':
        return { kind: 'list', element: { kind: 'tuple', elements: [OTHER, elementTypeOf(argType(0))] } };
      case 'zip':
        return { kind: 'list', element: { kind: 'tuple', elements: call.args.map((_, index) => elementTypeOf(argType(index))) } };
      case 'next':
      case 'min':
      case 'max':
        return call.args.length === 1 || func.id === 'next' ? elementTypeOf(argType(0)) : OTHER;
      case 'dict':
        return call.args.length === 1 ? argType(0) : OTHER;
      default:
        return OTHER;
    }
  }
}

function joinKnown(a: AType | null, b: AType | null): AType | null {
  if (a === null) return b;
  if (b === null) return a;
  return joinTypes(a, b);
}

function subscriptType(container: AType, slice: Expr): AType {
  switch (container.kind) {
    case 'list':
      return slice.kind === 'Slice' ? container : container.element;
    case 'dict':
      return container.value;
    case 'optional':
      return subscriptType(container.inner, slice);
    case 'tuple': {
      if (slice.kind !== 'Constant' || slice.value.kind !== 'int') return OTHER;
      return container.elements[Number(slice.value.value)] ?? OTHER;
    }
    default:
      return OTHER;
  }
}

function builtinMethodType(receiver: AType, method: string): AType {
  if (receiver.kind === 'list') {
    if (method === 'pop') return receiver.element;
    if (method === 'copy') return receiver;
  }
  if (receiver.kind === 'dict') {
    switch (method) {
      case 'get':
        return joinTypes(receiver.value, NONE);
      case 'pop':
      case 'setdefault':
        return receiver.value;
      case 'values':
        return { kind: 'list', element: receiver.value };
      case 'items':
        return { kind: 'list', element: { kind: 'tuple', elements: [OTHER, receiver.value] } };
      case 'copy':
        return receiver;
      default:
        return OTHER;
    }
  }
  return OTHER;
}

/** Distributes a value's type over a store target (`a, (b, c) = ...`). */
export function bindTarget(target: Expr, type: AType, onBind: (target: Expr, type: AType) => void): void {
  if (target.kind === 'Tuple' || target.kind === 'List') {
    const hasStar = target.elts.some((element) => element.kind === 'Starred');
    target.elts.forEach((element, index) => {
      let elementType: AType;
      if (type.kind === 'tuple' && !hasStar && type.elements.length === target.elts.length) {
        elementType = type.elements[index]!;
      } else if (type.kind === 'list') {
        elementType = element.kind === 'Starred' ? type : type.element;
      } else {
        elementType = OTHER;
      }
      bindTarget(element, elementType, onBind);
    });
    return;
  }
  if (target.kind === 'Starred') {
    bindTarget(target.value, type.kind === 'list' ? type : OTHER, onBind);
    return;
  }
  onBind(target, type);
}

/** One place where a function binds a name or a `self` attribute, with the type source. */
interface Binding {
  target: Expr;
  /** The expression the type comes from, or null. */
  source: Expr | null;
  typeOf: (scope: Scope) => AType | null;
}

function hasDependencies(bindings: Binding[]): boolean {
  const assigned = new Set<string>();
  for (const binding of bindings) bindTarget(binding.target, OTHER, (target) => target.kind === 'Name' && assigned.add(target.id));
  if (assigned.size === 0) return false;
  let found = false;
  const visit = (node: Node): void => {
    if (found) return;
    if (node.kind === 'Name' && assigned.has(node.id)) found = true;
    else forEachChild(node, visit);
  };
  for (const binding of bindings) if (binding.source !== null) visit(binding.source);
  return found;
}

/**
 * Collects the bindings of a function body, not entering nested functions or
 * classes (their names are bound in this scope with type `other`).
 */
function collectBindings(body: Stmt[], oracle: TypeOracle, names: Set<string>, returns: (Expr | null)[]): Binding[] {
  const bindings: Binding[] = [];
  const visit = (node: Node): void => {
    switch (node.kind) {
      case 'Assign':
        for (const target of node.targets) bindings.push({ target, source: node.value, typeOf: (scope) => oracle.typeOf(node.value, scope) });
        break;
      case 'AnnAssign':
        if (node.value !== null) {
          const value = node.value;
          bindings.push({ target: node.target, source: value, typeOf: (scope) => oracle.typeOf(value, scope) });
        }
        break;
      case 'AugAssign':
        if (node.target.kind === 'Name') names.add(node.target.id);
        break;
      case 'For':
      case 'AsyncFor':
        bindings.push({ target: node.target, source: node.iter, typeOf: (scope) => elementTypeOf(oracle.typeOf(node.iter, scope) ?? OTHER) });
        break;
      case 'NamedExpr':
        bindings.push({ target: node.target, source: node.value, typeOf: (scope) => oracle.typeOf(node.value, scope) });
        break;
      case 'ExceptHandler':
        if (node.name !== null) names.add(node.name);
        break;
      case 'withitem':
        if (node.optional_vars) bindings.push({ target: node.optional_vars, source: null, typeOf: () => OTHER });
        break;
      case 'Import':
      case 'ImportFrom':
        for (const alias of node.names) names.add((alias.asname ?? alias.name).split('.')[0]!);
        break;
      case 'FunctionDef':
      case 'AsyncFunctionDef':
      case 'ClassDef':
        names.add(node.name);
        return;
      case 'Lambda':
        return;
      case 'Delete':
        for (const target of node.targets) if (target.kind === 'Name') names.add(target.id);
        break;
      case 'Return':
        returns.push(node.value);
        break;
      default:
        break;
    }
    forEachChild(node, visit);
  };
  body.forEach(visit);
  return bindings;
}

export interface FunctionTypes {
  /** Types of parameters and locals. */
  scope: Scope;
  /** Join of the types the function's `return` statements give, null when it has none. */
  returned: AType | null;
  /** Types of values assigned to `self` attributes, for state inference. */
  selfAssignments: Map<string, AType>;
}

/**
 * Infers the types of a function's locals. `params` contains the parameter
 * types (annotated or not), and `selfName` names the entity parameter whose
 * attribute assignments are reported for state inference.
 */
export function inferFunctionTypes(
  node: FunctionDef | Lambda,
  params: Map<string, AType>,
  parent: Scope | null,
  oracle: TypeOracle,
  selfName: string | null,
): FunctionTypes {
  const { bindings, names, annotated, hasDependencies: hasDependenciesInBody } = oracle.bindingsOf(node);
  const fixed = new Map(params);
  for (const statement of annotated) {
    if (!fixed.has(statement.name)) fixed.set(statement.name, typeFromAnnotation(statement.annotation, oracle.isEntity));
  }

  let inferred = new Map<string, AType>();
  let selfAssignments = new Map<string, AType>();
  for (let round = 0; round < TYPE_INFERENCE_ROUNDS_MAX; round++) {
    const scope: Scope = { vars: new Map([...inferred, ...fixed]), parent };
    const next = new Map<string, AType>();
    const nextSelf = new Map<string, AType>();
    for (const binding of bindings) {
      const type = binding.typeOf(scope);
      if (type === null) continue;
      bindTarget(binding.target, type, (target, targetType) => {
        if (target.kind === 'Name' && !fixed.has(target.id)) {
          const previous = next.get(target.id);
          next.set(target.id, previous === undefined ? targetType : joinTypes(previous, targetType));
        } else if (target.kind === 'Attribute' && target.value.kind === 'Name' && target.value.id === selfName) {
          const previous = nextSelf.get(target.attr);
          nextSelf.set(target.attr, previous === undefined ? targetType : joinTypes(previous, targetType));
        }
      });
    }
    const stable = sameMaps(inferred, next);
    inferred = next;
    selfAssignments = nextSelf;
    if (stable || !hasDependenciesInBody) break;
  }

  const vars = new Map<string, AType>([...inferred, ...fixed]);
  for (const binding of bindings) {
    bindTarget(binding.target, OTHER, (target) => {
      if (target.kind === 'Name' && !vars.has(target.id)) vars.set(target.id, OTHER);
    });
  }
  for (const name of names) if (!vars.has(name)) vars.set(name, OTHER);
  const scope: Scope = { vars, parent };
  let returned: AType | null = null;
  for (const value of oracle.bindingsOf(node).returns) {
    const type = value === null ? NONE : oracle.typeOf(value, scope) ?? OTHER;
    returned = returned === null ? type : joinTypes(returned, type);
  }
  return { scope, selfAssignments, returned };
}

function allAnnotatedNames(body: Stmt[]): { name: string; annotation: Expr }[] {
  const result: { name: string; annotation: Expr }[] = [];
  const visit = (node: Node): void => {
    if (node.kind === 'FunctionDef' || node.kind === 'AsyncFunctionDef' || node.kind === 'ClassDef' || node.kind === 'Lambda') return;
    if (node.kind === 'AnnAssign' && node.target.kind === 'Name') result.push({ name: node.target.id, annotation: node.annotation });
    forEachChild(node, visit);
  };
  body.forEach(visit);
  return result;
}

function sameMaps(a: Map<string, AType>, b: Map<string, AType>): boolean {
  if (a.size !== b.size) return false;
  for (const [name, type] of a) {
    const other = b.get(name);
    if (other === undefined || !sameType(type, other)) return false;
  }
  return true;
}

/**
 * Infers the types of every entity method's locals and of unannotated state
 * attributes, alternating the two until nothing changes.
 */
export function inferProgramTypes(model: ProgramModel, oracle: TypeOracle): Map<string, FunctionTypes> {
  let result = new Map<string, FunctionTypes>();
  for (let round = 0; round < TYPE_INFERENCE_ROUNDS_MAX; round++) {
    result = new Map();
    let returnsChanged = false;
    const stateTypes = new Map<EntityModel, Map<string, AType>>();
    for (const entity of model.entities) {
      const assigned = new Map<string, AType>();
      for (const method of entity.methods) {
        const params = new Map<string, AType>();
        for (const [name, type] of method.env) params.set(name, type);
        const types = inferFunctionTypes(method.node, params, null, oracle, method.selfName);
        result.set(`${entity.name}.${method.name}`, types);
        // A method without a return annotation returns what its return statements give.
        if (method.node.returns === null) {
          const returned = referenceTypeOrOther(types.returned ?? OTHER);
          if (!sameType(returned, method.returnType)) {
            method.returnType = returned;
            returnsChanged = true;
          }
        }
        for (const [attr, type] of types.selfAssignments) {
          const previous = assigned.get(attr);
          assigned.set(attr, previous === undefined ? type : joinTypes(previous, type));
        }
      }
      stateTypes.set(entity, assigned);
    }

    let changed = false;
    for (const [entity, assigned] of stateTypes) {
      for (const attribute of entity.state.values()) {
        if (attribute.declaredType !== null) continue;
        const publicType = referenceTypeOrOther(assigned.get(attribute.name) ?? OTHER);
        if (!sameType(publicType, attribute.type)) {
          attribute.type = publicType;
          changed = true;
        }
      }
    }
    if (!changed && !returnsChanged) break;
  }
  return result;
}

/** Keeps inferred types that matter for references; everything else is `other`. */
function referenceTypeOrOther(type: AType): AType {
  return entityClassOf(type) !== null || isAnyType(type) || type.kind === 'list' || type.kind === 'dict' ? type : OTHER;
}

export { entityType };

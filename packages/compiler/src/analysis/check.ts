// Second pass of entity analysis: walks every function of the program with
// its inferred types, classifies each call and attribute read, and reports
// the constructs the entity language rejects.

import type { Attribute, Call, Expr, FunctionDef, Lambda, Node, Stmt } from '../ast.ts';
import { BUILTIN_NAMES } from './builtins.ts';
import { checkArguments } from './arguments.ts';
import { Code } from './codes.ts';
import type { DiagnosticSink } from './diagnostics.ts';
import type { ImportTable } from './imports.ts';
import { inferFunctionTypes, lookupType, type Scope, type TypeOracle } from './infer.ts';
import type { CallSite, EntityModel, MethodModel, ProgramModel } from './model.ts';
import { elementTypeOf, entityClassOf, OTHER, typeFromAnnotation, type AType } from './types.ts';
import { forEachChild, isStmt } from './walk.ts';

/** Where the code being walked runs; decides which remote interactions are allowed. */
type Place =
  /** Directly in an entity method: remote interactions are lowered. */
  | 'method'
  /** In a lambda or nested function inside an entity method. */
  | 'nested'
  /** In a module function, a method of a plain class, or at module level. */
  | 'module'
  /** In an `@invariant` function: reads of entity attributes are allowed. */
  | 'invariant';

interface WalkState {
  place: Place;
  scope: Scope;
  /** The entity method being walked (also while inside its nested functions). */
  method: MethodModel | null;
  /** Parameters of `method` that have no annotation. */
  untypedParams: Set<string>;
}

/** A use that can only be judged once the split methods are known. */
interface PendingSelfUse {
  entity: EntityModel;
  method: string;
  node: Node;
  kind: 'callInNestedScope' | 'valueUse';
}

export class Checker {
  private readonly pending: PendingSelfUse[] = [];
  private readonly reportedUntyped = new Set<string>();

  constructor(
    private readonly model: ProgramModel,
    private readonly oracle: TypeOracle,
    private readonly imports: ImportTable,
    private readonly sink: DiagnosticSink,
  ) {}

  checkMethod(method: MethodModel, scope: Scope): void {
    const untypedParams = new Set<string>();
    const args = method.node.args;
    for (const arg of [...args.posonlyargs, ...args.args].slice(1)) if (arg.annotation === null) untypedParams.add(arg.arg);
    for (const arg of args.kwonlyargs) if (arg.annotation === null) untypedParams.add(arg.arg);

    const classLevel: WalkState = { place: 'module', scope: { vars: new Map(), parent: null }, method: null, untypedParams: new Set() };
    this.visitArguments(method.node, classLevel);

    const state: WalkState = { place: 'method', scope, method, untypedParams };
    for (const statement of method.node.body) this.visit(statement, state);
  }

  checkModuleFunction(node: FunctionDef, isInvariant: boolean): void {
    const moduleLevel: WalkState = { place: 'module', scope: { vars: new Map(), parent: null }, method: null, untypedParams: new Set() };
    this.visitArguments(node, moduleLevel);
    const types = inferFunctionTypes(node, this.paramTypes(node), null, this.oracle, null);
    const state: WalkState = { place: isInvariant ? 'invariant' : 'module', scope: types.scope, method: null, untypedParams: new Set() };
    for (const statement of node.body) this.visit(statement, state);
  }

  /** Walks module-level statements other than entity classes and module functions. */
  checkModuleStatement(statement: Stmt): void {
    const state: WalkState = { place: 'module', scope: { vars: new Map(), parent: null }, method: null, untypedParams: new Set() };
    if (statement.kind === 'ClassDef') {
      statement.decorator_list.forEach((d) => this.visit(d, state));
      statement.bases.forEach((b) => this.visit(b, state));
      for (const member of statement.body) {
        if (member.kind === 'FunctionDef') this.checkModuleFunction(member, false);
        else this.visit(member, state);
      }
      return;
    }
    this.visit(statement, state);
  }

  /** Reports uses of split methods that cannot be lowered; run after split methods are known. */
  checkPendingSelfUses(): void {
    for (const use of this.pending) {
      const target = use.entity.methodByName.get(use.method);
      if (target === undefined || !target.isSplit) continue;
      const qualified = `${use.entity.name}.${use.method}`;
      if (use.kind === 'callInNestedScope') {
        this.sink.error(
          Code.remoteInNestedScope,
          `Call of '${qualified}' inside a lambda or nested function is not supported, because that method makes remote calls; call it directly in the method body.`,
          use.node,
        );
      } else {
        this.sink.error(
          Code.splitMethodAsValue,
          `Method '${qualified}' makes remote calls, so it can only be called directly ('self.${use.method}(...)'), not used as a value.`,
          use.node,
        );
      }
    }
  }

  // ---------------------------------------------------------------- walking

  private visit(node: Node, state: WalkState): void {
    if (isStmt(node)) this.visitStatement(node, state);
    else if (node.kind === 'Call') this.visitCall(node, state);
    else if (node.kind === 'Attribute') this.visitAttribute(node, state);
    else if (node.kind === 'Lambda') this.visitLambda(node, state);
    else if (node.kind === 'ListComp' || node.kind === 'SetComp' || node.kind === 'GeneratorExp' || node.kind === 'DictComp') {
      this.visitComprehension(node, state);
    } else {
      this.visitOtherExpression(node, state);
    }
  }

  /** State for `visitChild`, so one visitor function serves every node. */
  private childState: WalkState | null = null;
  private readonly visitChild = (child: Node): void => {
    this.visit(child, this.childState!);
  };

  private visitChildren(node: Node, state: WalkState): void {
    const saved = this.childState;
    this.childState = state;
    forEachChild(node, this.visitChild);
    this.childState = saved;
  }

  private visitOtherExpression(node: Node, state: WalkState): void {
    if (node.kind === 'Await') {
      this.sink.error(Code.asyncUnsupported, "'await' is not supported: entity code is synchronous, and remote calls need no 'await'.", node);
    } else if (node.kind === 'Yield' || node.kind === 'YieldFrom') {
      this.sink.error(Code.yieldUnsupported, "'yield' is not supported: generator functions are outside the entity language; build and return a list instead.", node);
    }
    this.visitChildren(node, state);
  }

  private visitStatement(statement: Stmt, state: WalkState): void {
    const inEntity = state.method !== null;
    switch (statement.kind) {
      case 'AsyncFunctionDef':
        this.sink.error(Code.asyncUnsupported, `Async function '${statement.name}' is not supported: use a plain 'def'.`, statement.nameSpan);
        return;
      case 'AsyncFor':
      case 'AsyncWith':
        this.sink.error(Code.asyncUnsupported, `'async ${statement.kind === 'AsyncFor' ? 'for' : 'with'}' is not supported.`, statement);
        return;
      case 'With':
        this.sink.error(Code.withUnsupported, "The 'with' statement is not supported; use try/finally instead.", statement);
        return;
      case 'Match':
        this.sink.error(Code.matchUnsupported, "The 'match' statement is not supported; use if/elif instead.", statement);
        return;
      case 'TryStar':
        this.sink.error(Code.exceptStarUnsupported, "'except*' is not supported; use plain 'except' clauses.", statement);
        return;
      case 'ClassDef':
        if (inEntity) {
          this.sink.error(Code.nestedClass, `Class '${statement.name}' defined inside an entity method is not supported: define it at module level.`, statement.nameSpan);
          return;
        }
        this.visitChildren(statement, state);
        return;
      case 'Global':
        if (inEntity) {
          this.sink.error(Code.globalInEntity, "'global' is not supported in entity methods: entity state lives in 'self' attributes.", statement);
        }
        return;
      case 'Import':
      case 'ImportFrom':
        this.imports.add(statement, this.sink);
        return;
      case 'FunctionDef':
        this.visitNestedFunction(statement, state);
        return;
      case 'Assign':
        statement.targets.forEach((target) => this.checkStoreTarget(target, state));
        break;
      case 'AugAssign':
      case 'AnnAssign':
        this.checkStoreTarget(statement.target, state);
        break;
      case 'Delete':
        statement.targets.forEach((target) => this.checkStoreTarget(target, state));
        break;
      case 'For':
        this.checkStoreTarget(statement.target, state);
        break;
      default:
        break;
    }
    this.visitChildren(statement, state);
  }

  private visitArguments(node: FunctionDef | Lambda, state: WalkState): void {
    for (const value of node.args.defaults) this.visit(value, state);
    for (const value of node.args.kw_defaults) if (value) this.visit(value, state);
    if (node.kind === 'FunctionDef') node.decorator_list.forEach((decorator) => this.visit(decorator, state));
  }

  private paramTypes(node: FunctionDef | Lambda): Map<string, AType> {
    const types = new Map<string, AType>();
    const args = node.args;
    for (const arg of [...args.posonlyargs, ...args.args, ...args.kwonlyargs]) {
      types.set(arg.arg, typeFromAnnotation(arg.annotation, this.oracle.isEntity));
    }
    if (args.vararg) types.set(args.vararg.arg, OTHER);
    if (args.kwarg) types.set(args.kwarg.arg, OTHER);
    return types;
  }

  private nestedState(state: WalkState, scope: Scope): WalkState {
    const place: Place = state.place === 'method' || state.place === 'nested' ? 'nested' : state.place;
    return { place, scope, method: state.method, untypedParams: new Set() };
  }

  private visitNestedFunction(node: FunctionDef, state: WalkState): void {
    this.visitArguments(node, state);
    const types = inferFunctionTypes(node, this.paramTypes(node), state.scope, this.oracle, null);
    const inner = this.nestedState(state, types.scope);
    for (const statement of node.body) this.visit(statement, inner);
  }

  /**
   * A lambda passed as the key or function of `sorted`, `min`, `max`,
   * `map`, `filter` or `list.sort` receives the elements of the iterable, so
   * its first parameter gets their type: this finds remote reads inside it.
   */
  private hintLambdaParameters(call: Call, state: WalkState): void {
    const func = call.func;
    let iterable: Expr | undefined;
    if (func.kind === 'Name' && ['sorted', 'min', 'max'].includes(func.id)) iterable = call.args[0];
    else if (func.kind === 'Name' && ['map', 'filter'].includes(func.id)) iterable = call.args[1];
    else if (func.kind === 'Attribute' && func.attr === 'sort') iterable = func.value;
    if (iterable === undefined) return;
    const element = elementTypeOf(this.oracle.typeOf(iterable, state.scope) ?? OTHER);
    const lambdas = [...call.args, ...call.keywords.map((keyword) => keyword.value)].filter((arg): arg is Lambda => arg.kind === 'Lambda');
    for (const lambda of lambdas) this.lambdaHints.set(lambda, element);
  }

  private readonly lambdaHints = new Map<Lambda, AType>();

  private visitLambda(node: Lambda, state: WalkState): void {
    this.visitArguments(node, state);
    const params = this.paramTypes(node);
    const hint = this.lambdaHints.get(node);
    const first = [...node.args.posonlyargs, ...node.args.args][0];
    if (hint !== undefined && first !== undefined) params.set(first.arg, hint);
    const scope: Scope = { vars: params, parent: state.scope };
    this.visit(node.body, this.nestedState(state, scope));
  }

  private visitComprehension(
    node: Extract<Expr, { kind: 'ListComp' | 'SetComp' | 'GeneratorExp' | 'DictComp' }>,
    state: WalkState,
  ): void {
    const inner: WalkState = { ...state, scope: this.oracle.comprehensionScope(node.generators, state.scope) };
    node.generators.forEach((generator, index) => {
      this.visit(generator.iter, index === 0 ? state : inner);
      this.checkStoreTarget(generator.target, inner);
      generator.ifs.forEach((condition) => this.visit(condition, inner));
    });
    if (node.kind === 'DictComp') {
      this.visit(node.key, inner);
      this.visit(node.value, inner);
    } else {
      this.visit(node.elt, inner);
    }
  }

  // ---------------------------------------------------------------- receivers

  private receiverClass(receiver: Expr, state: WalkState): string | null {
    return entityClassOf(this.oracle.typeOf(receiver, state.scope) ?? OTHER);
  }

  /**
   * Returns the entity class whose member `name` the receiver uses, or null
   * for a plain value. An `Any` receiver whose member several classes have
   * is reported and treated as a plain value.
   */
  private receiverEntityName(receiver: Expr, name: string, kind: 'method' | 'attribute', state: WalkState): string | null {
    const owner = this.oracle.receiverEntity(this.oracle.typeOf(receiver, state.scope) ?? OTHER, name, kind);
    if (owner !== 'ambiguous') return owner?.name ?? null;
    const owners = this.model.entities
      .filter((entity) => (kind === 'method' ? entity.methodByName.has(name) : entity.state.has(name)))
      .map((entity) => entity.name);
    this.sink.error(
      Code.ambiguousReceiver,
      `'${unparseName(receiver)}' is typed Any and '${name}' belongs to several entity classes (${owners.join(', ')}): annotate it with the entity class.`,
      receiver,
    );
    return null;
  }

  private isSelf(receiver: Expr, state: WalkState): boolean {
    const method = state.method;
    if (method === null || receiver.kind !== 'Name' || receiver.id !== method.selfName) return false;
    return this.receiverClass(receiver, state) === method.entity.name;
  }

  /** Reports attribute use on an unannotated method parameter once per parameter. */
  private checkUntypedReceiver(receiver: Expr, attr: string, state: WalkState): boolean {
    if (state.place !== 'method' || receiver.kind !== 'Name' || !state.untypedParams.has(receiver.id)) return false;
    const key = `${state.method!.entity.name}.${state.method!.name}.${receiver.id}`;
    if (!this.reportedUntyped.has(key)) {
      this.reportedUntyped.add(key);
      this.sink.error(
        Code.untypedParameter,
        `Parameter '${receiver.id}' has no type annotation, so '${receiver.id}.${attr}' cannot be resolved: annotate it (for example '${receiver.id}: Item' for an entity, or '${receiver.id}: str').`,
        receiver,
      );
    }
    return true;
  }

  private isEntityClassName(expr: Expr, state: WalkState): expr is Extract<Expr, { kind: 'Name' }> {
    return expr.kind === 'Name' && this.model.entityByName.has(expr.id) && lookupType(state.scope, expr.id) === undefined;
  }

  // ---------------------------------------------------------------- stores

  private checkStoreTarget(target: Expr, state: WalkState): void {
    switch (target.kind) {
      case 'Tuple':
      case 'List':
        target.elts.forEach((element) => this.checkStoreTarget(element, state));
        return;
      case 'Starred':
        this.checkStoreTarget(target.value, state);
        return;
      case 'Name':
        if (state.place === 'method' && target.id === state.method!.selfName) {
          this.sink.error(Code.assignmentToSelf, `Assigning to '${target.id}' is not supported in an entity method: use another variable name.`, target);
        }
        return;
      case 'Attribute': {
        if (this.isSelf(target.value, state)) return;
        const className = this.receiverEntityName(target.value, target.attr, 'attribute', state);
        if (className !== null) {
          this.sink.error(
            Code.foreignAssignment,
            `Cannot change attribute '${target.attr}' of another entity (${className}) directly: add a method to ${className} that changes it, and call that method.`,
            target,
          );
        } else {
          this.checkUntypedReceiver(target.value, target.attr, state);
        }
        return;
      }
      default:
        return;
    }
  }

  /** Reports `setattr(other, ...)` and `delattr(other, ...)` on another entity, like `other.x = ...`. */
  private checkAttributeChangeCall(call: Call, name: string, state: WalkState): void {
    const receiver = call.args[0];
    if (receiver === undefined || receiver.kind === 'Starred' || this.isSelf(receiver, state)) return;
    const className = this.receiverClass(receiver, state);
    if (className === null) return;
    this.sink.error(
      Code.foreignAssignment,
      `Cannot change attributes of another entity (${className}) with ${name}(): add a method to ${className} that changes them, and call that method.`,
      call,
    );
  }

  // ---------------------------------------------------------------- sites

  private record(site: CallSite, state: WalkState): void {
    this.model.sites.set(site.node, site);
    if (state.method !== null && state.place === 'method') state.method.sites.push(site);

    if (site.kind !== 'remoteCall' && site.kind !== 'remoteRead' && site.kind !== 'create') return;
    const description = describeSite(site);
    switch (state.place) {
      case 'method':
        state.method!.suspendsDirectly = true;
        return;
      case 'nested':
        this.sink.error(
          Code.remoteInNestedScope,
          `${description} inside a lambda or nested function is not supported: do it directly in the method body (a comprehension or loop works).`,
          site.node,
        );
        return;
      case 'invariant':
        if (site.kind === 'remoteRead') return;
        this.sink.error(Code.remoteOutsideEntity, `${description} inside an invariant is not supported: invariants may only read entity attributes.`, site.node);
        return;
      case 'module':
        this.sink.error(
          Code.remoteOutsideEntity,
          `${description} outside an entity method is not supported: move this code into a method of an entity class, or into the client script.`,
          site.node,
        );
        return;
    }
  }

  private visitCall(call: Call, state: WalkState): void {
    this.hintLambdaParameters(call, state);
    const func = call.func;
    if (func.kind === 'Attribute') this.classifyMethodCall(call, func, state);
    else if (func.kind === 'Name') this.classifyNameCall(call, func.id, state);
    else {
      this.visit(func, state);
      this.record({ kind: 'local', node: call, target: 'value' }, state);
    }
    call.args.forEach((arg) => this.visit(arg, state));
    call.keywords.forEach((keyword) => this.visit(keyword.value, state));
  }

  private classifyNameCall(call: Call, name: string, state: WalkState): void {
    const localType = lookupType(state.scope, name);
    if (localType !== undefined) {
      this.record({ kind: 'local', node: call, target: 'nestedFunction' }, state);
      return;
    }
    const entity = this.model.entityByName.get(name);
    if (entity !== undefined) {
      this.record({ kind: 'create', node: call, className: name }, state);
      const init = entity.methodByName.get('__init__');
      checkArguments(call, init ?? null, `${name}()`, this.sink);
      return;
    }
    if (this.model.moduleFunctions.has(name)) {
      this.record({ kind: 'local', node: call, target: 'moduleFunction' }, state);
      return;
    }
    if (name === 'setattr' || name === 'delattr') this.checkAttributeChangeCall(call, name, state);
    if (BUILTIN_NAMES.has(name)) {
      this.record({ kind: 'builtin', node: call, name }, state);
      return;
    }
    this.record({ kind: 'local', node: call, target: 'value' }, state);
  }

  private classifyMethodCall(call: Call, func: Attribute, state: WalkState): void {
    const receiver = func.value;
    const name = func.attr;
    this.visit(receiver, state);

    if (this.isSelf(receiver, state)) {
      const entity = state.method!.entity;
      const target = entity.methodByName.get(name);
      if (target !== undefined) {
        this.record({ kind: 'selfCall', node: call, method: name }, state);
        checkArguments(call, target, `${entity.name}.${name}()`, this.sink);
        if (state.place === 'nested') this.pending.push({ entity, method: name, node: call, kind: 'callInNestedScope' });
      } else if (entity.state.has(name) || entity.classAttributes.has(name) || isDunder(name)) {
        this.record({ kind: 'local', node: call, target: 'value' }, state);
      } else {
        this.sink.error(Code.unknownMethod, `Entity class '${entity.name}' has no method '${name}'.`, func);
      }
      return;
    }

    const className = this.receiverEntityName(receiver, name, 'method', state);
    if (className !== null) {
      const entity = this.model.entityByName.get(className)!;
      const target = entity.methodByName.get(name);
      if (target !== undefined) {
        this.record({ kind: 'remoteCall', node: call, receiver, className, method: name }, state);
        checkArguments(call, target, `${className}.${name}()`, this.sink);
      } else if (entity.state.has(name)) {
        this.sink.error(
          Code.unsupportedPlacement,
          `'${name}' is a state attribute of ${className}, not a method; calling a value stored in another entity is not supported.`,
          func,
        );
      } else {
        this.sink.error(Code.unknownMethod, `Entity class '${className}' has no method '${name}'.`, func);
      }
      return;
    }

    if (this.isEntityClassName(receiver, state)) {
      this.sink.error(
        Code.callOnEntityClass,
        `Calling '${receiver.id}.${name}' on the entity class is not supported: create an entity with '${receiver.id}(...)' and call the method on it.`,
        func,
      );
      return;
    }
    if (this.checkUntypedReceiver(receiver, name, state)) return;
    this.record({ kind: 'local', node: call, target: 'value' }, state);
  }

  private visitAttribute(node: Attribute, state: WalkState): void {
    this.visit(node.value, state);
    if (node.ctx !== 'Load') return;
    const receiver = node.value;
    const name = node.attr;

    if (this.isSelf(receiver, state)) {
      const entity = state.method!.entity;
      if (entity.methodByName.has(name)) this.pending.push({ entity, method: name, node, kind: 'valueUse' });
      return;
    }

    const className = this.receiverEntityName(receiver, name, 'attribute', state);
    if (className !== null) {
      const entity = this.model.entityByName.get(className)!;
      if (entity.state.has(name)) {
        this.record({ kind: 'remoteRead', node, receiver, className, attr: name }, state);
      } else if (entity.classAttributes.has(name)) {
        this.sink.error(
          Code.unknownAttribute,
          `'${name}' is a class attribute of ${className}, not entity state: read it from the class ('${className}.${name}').`,
          node,
        );
      } else if (entity.methodByName.has(name)) {
        this.sink.error(
          Code.unsupportedPlacement,
          `Method '${className}.${name}' of another entity can only be called ('${name}(...)'), not used as a value.`,
          node,
        );
      } else {
        this.sink.error(Code.unknownAttribute, `Entity class '${className}' has no attribute '${name}'.`, node);
      }
      return;
    }
    this.checkUntypedReceiver(receiver, name, state);
  }
}

function unparseName(expr: Expr): string {
  return expr.kind === 'Name' ? expr.id : 'this value';
}

function isDunder(name: string): boolean {
  return name.startsWith('__') && name.endsWith('__');
}

function describeSite(site: CallSite): string {
  switch (site.kind) {
    case 'remoteCall':
      return `Remote call of '${site.className}.${site.method}'`;
    case 'remoteRead':
      return `Read of attribute '${site.attr}' of another entity (${site.className})`;
    case 'create':
      return `Creation of a '${site.className}' entity`;
    default:
      return 'This call';
  }
}

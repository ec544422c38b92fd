// First pass of entity analysis: finds entity classes, their methods, state
// attributes and annotations, module functions and invariants. Types of
// unannotated state are inferred later (infer.ts).

import type { ClassDef, Expr, FunctionDef, Module, Stmt } from '../ast.ts';
import type { ParamIR } from '../ir.ts';
import { Code } from './codes.ts';
import type { DiagnosticSink } from './diagnostics.ts';
import { ImportTable } from './imports.ts';
import type { EntityModel, MethodModel, ModuleFunction, ProgramModel, StateAttribute } from './model.ts';
import { entityType, OTHER, toTypeRef, typeFromAnnotation, type AType } from './types.ts';
import { forEachChild } from './walk.ts';

export interface CollectedProgram {
  model: ProgramModel;
  imports: ImportTable;
  /** Top-level functions decorated `@invariant`. */
  invariantFunctions: FunctionDef[];
  /** Top-level classes that are not entities (exception classes, helpers). */
  plainClasses: ClassDef[];
}

export function collectProgram(module: Module, source: string, sink: DiagnosticSink): CollectedProgram {
  const imports = new ImportTable();
  for (const statement of module.body) {
    if (statement.kind === 'Import' || statement.kind === 'ImportFrom') imports.add(statement, sink);
  }

  const entityClasses: { node: ClassDef; decorator: 'entity' | 'stateflow' }[] = [];
  const moduleBody: Stmt[] = [];
  for (const statement of module.body) {
    const decorator = statement.kind === 'ClassDef' ? entityDecoratorOf(statement, imports, sink) : null;
    if (statement.kind === 'ClassDef' && decorator !== null) entityClasses.push({ node: statement, decorator });
    else moduleBody.push(statement);
  }

  const entityNames = new Set<string>();
  for (const { node } of entityClasses) {
    if (entityNames.has(node.name)) {
      sink.error(Code.duplicateDefinition, `Entity class '${node.name}' is defined twice; rename one of them.`, node.nameSpan);
    }
    entityNames.add(node.name);
  }
  const isEntity = (name: string): boolean => entityNames.has(name);

  const model: ProgramModel = {
    source,
    module,
    entities: [],
    entityByName: new Map(),
    moduleFunctions: new Map(),
    invariants: [],
    moduleBody,
    sites: new Map(),
  };
  for (const { node, decorator } of entityClasses) {
    if (model.entityByName.has(node.name)) continue;
    const entity = collectEntity(node, decorator, source, imports, isEntity, sink);
    model.entities.push(entity);
    model.entityByName.set(entity.name, entity);
  }

  const invariantFunctions: FunctionDef[] = [];
  const plainClasses: ClassDef[] = [];
  for (const statement of moduleBody) {
    if (statement.kind === 'ClassDef') plainClasses.push(statement);
    if (statement.kind !== 'FunctionDef') continue;
    reportEntityDecoratorOnFunction(statement, imports, sink);
    const isInvariant = statement.decorator_list.some((d) => imports.resolveDecorator(d)?.name === 'invariant');
    if (isInvariant) invariantFunctions.push(statement);
    const fn: ModuleFunction = {
      name: statement.name,
      node: statement,
      returnType: typeFromAnnotation(statement.returns, isEntity),
    };
    model.moduleFunctions.set(statement.name, fn);
  }

  return { model, imports, invariantFunctions, plainClasses };
}

/** Reports `@entity` or `@stateflow` on a module function, which CPython's harness rejects when it loads the module. */
function reportEntityDecoratorOnFunction(node: FunctionDef, imports: ImportTable, sink: DiagnosticSink): void {
  for (const decorator of node.decorator_list) {
    const resolved = imports.resolveDecorator(decorator);
    if (resolved === null || (resolved.name !== 'entity' && resolved.name !== 'stateflow')) continue;
    sink.error(
      Code.unsupportedDecorator,
      `@${resolved.name} decorates a class, not a function: put it on the entity class, or remove it from '${node.name}'.`,
      decorator,
    );
  }
}

function entityDecoratorOf(node: ClassDef, imports: ImportTable, sink: DiagnosticSink): 'entity' | 'stateflow' | null {
  for (const decorator of node.decorator_list) {
    const resolved = imports.resolveDecorator(decorator);
    if (resolved === null || (resolved.name !== 'entity' && resolved.name !== 'stateflow')) continue;
    if (!resolved.imported) {
      sink.error(
        Code.unsupportedDecorator,
        `Decorator '${resolved.name}' is not imported: add 'from stateflow import ${resolved.name}' at the top of the file.`,
        decorator,
      );
    }
    return resolved.name;
  }
  return null;
}

function collectEntity(
  node: ClassDef,
  decorator: 'entity' | 'stateflow',
  source: string,
  imports: ImportTable,
  isEntity: (name: string) => boolean,
  sink: DiagnosticSink,
): EntityModel {
  const entity: EntityModel = {
    name: node.name,
    node,
    decorator,
    state: new Map(),
    classAttributes: new Set(),
    methods: [],
    methodByName: new Map(),
  };

  for (const decoratorExpr of node.decorator_list) {
    const resolved = imports.resolveDecorator(decoratorExpr);
    if (resolved === null || (resolved.name !== 'entity' && resolved.name !== 'stateflow')) {
      sink.error(Code.unsupportedDecorator, `Entity class '${node.name}' may carry only the @entity or @stateflow decorator.`, decoratorExpr);
    }
  }
  for (const base of node.bases) {
    if (base.kind === 'Name' && base.id === 'object') continue;
    sink.error(Code.entityInheritance, `Entity class '${node.name}' cannot inherit from another class; remove the base class.`, base);
  }
  for (const keyword of node.keywords) {
    sink.error(Code.entityInheritance, `Entity class '${node.name}' cannot take class keywords such as '${keyword.arg ?? '**'}'.`, keyword);
  }

  const declared = new Map<string, { text: string; type: AType; span: Expr }>();
  for (const statement of node.body) {
    collectClassBodyStatement(entity, statement, source, imports, isEntity, declared, sink);
  }

  for (const method of entity.methods) collectState(entity, method, source, isEntity, declared, sink);

  if (!entity.methodByName.has('__key__')) {
    sink.error(
      Code.missingKey,
      `Entity class '${node.name}' has no __key__ method: add 'def __key__(self)' returning the attribute that identifies an instance.`,
      node.nameSpan,
    );
  }
  return entity;
}

function collectClassBodyStatement(
  entity: EntityModel,
  statement: Stmt,
  source: string,
  imports: ImportTable,
  isEntity: (name: string) => boolean,
  declared: Map<string, { text: string; type: AType; span: Expr }>,
  sink: DiagnosticSink,
): void {
  switch (statement.kind) {
    case 'FunctionDef':
      collectMethod(entity, statement, imports, isEntity, sink);
      return;
    case 'AsyncFunctionDef':
      sink.error(Code.asyncUnsupported, `Async method '${statement.name}' is not supported: entity methods are plain 'def' functions.`, statement.nameSpan);
      return;
    case 'ClassDef':
      sink.error(Code.nestedClass, `Class '${statement.name}' inside entity '${entity.name}' is not supported: define it at module level.`, statement.nameSpan);
      return;
    case 'Pass':
      return;
    case 'Expr':
      if (statement.value.kind === 'Constant') return;
      break;
    case 'Assign':
      if (statement.targets.every((target) => target.kind === 'Name')) {
        for (const target of statement.targets) if (target.kind === 'Name') entity.classAttributes.add(target.id);
        return;
      }
      break;
    case 'AnnAssign':
      if (statement.target.kind === 'Name') {
        const name = statement.target.id;
        if (statement.value !== null) entity.classAttributes.add(name);
        declareAnnotation(name, statement.annotation, source, isEntity, declared, sink);
        return;
      }
      break;
    default:
      break;
  }
  sink.error(
    Code.unsupportedPlacement,
    `This statement is not supported in the body of entity class '${entity.name}': only methods, class attributes and annotations are.`,
    statement,
  );
}

function collectMethod(
  entity: EntityModel,
  node: FunctionDef,
  imports: ImportTable,
  isEntity: (name: string) => boolean,
  sink: DiagnosticSink,
): void {
  let isTransactional = false;
  for (const decorator of node.decorator_list) {
    if (imports.resolveDecorator(decorator)?.name === 'transactional') {
      isTransactional = true;
      continue;
    }
    sink.error(
      Code.unsupportedDecorator,
      `Decorator on method '${entity.name}.${node.name}' is not supported: entity methods may carry only @transactional.`,
      decorator,
    );
  }

  if (entity.methodByName.has(node.name)) {
    sink.error(Code.duplicateDefinition, `Method '${entity.name}.${node.name}' is defined twice; remove or rename one definition.`, node.nameSpan);
    return;
  }

  const positional = [...node.args.posonlyargs, ...node.args.args];
  const selfArg = positional[0];
  if (selfArg === undefined) {
    sink.error(Code.unsupportedPlacement, `Method '${entity.name}.${node.name}' must take 'self' as its first parameter.`, node.nameSpan);
    return;
  }

  const env = new Map<string, AType>();
  env.set(selfArg.arg, entityType(entity.name));
  const params: ParamIR[] = [];
  const firstDefault = positional.length - node.args.defaults.length;
  positional.forEach((arg, index) => {
    if (index === 0) return;
    const type = typeFromAnnotation(arg.annotation, isEntity);
    env.set(arg.arg, type);
    const defaultValue = index >= firstDefault ? node.args.defaults[index - firstDefault]! : null;
    params.push({ name: arg.arg, kind: 'positional', type: toTypeRef(type), defaultValue });
  });
  if (node.args.vararg) {
    env.set(node.args.vararg.arg, { kind: 'tuple', elements: [] });
    params.push({ name: node.args.vararg.arg, kind: 'varPositional', type: { kind: 'other' }, defaultValue: null });
  }
  node.args.kwonlyargs.forEach((arg, index) => {
    const type = typeFromAnnotation(arg.annotation, isEntity);
    env.set(arg.arg, type);
    params.push({ name: arg.arg, kind: 'keywordOnly', type: toTypeRef(type), defaultValue: node.args.kw_defaults[index] ?? null });
  });
  if (node.args.kwarg) {
    env.set(node.args.kwarg.arg, { kind: 'dict', value: OTHER });
    params.push({ name: node.args.kwarg.arg, kind: 'varKeyword', type: { kind: 'other' }, defaultValue: null });
  }

  const method: MethodModel = {
    name: node.name,
    node,
    entity,
    selfName: selfArg.arg,
    params,
    env,
    returnType: typeFromAnnotation(node.returns, isEntity),
    isTransactional,
    sites: [],
    suspendsDirectly: false,
    isSplit: false,
  };
  entity.methods.push(method);
  entity.methodByName.set(node.name, method);
}

function declareAnnotation(
  name: string,
  annotation: Expr,
  source: string,
  isEntity: (name: string) => boolean,
  declared: Map<string, { text: string; type: AType; span: Expr }>,
  sink: DiagnosticSink,
): void {
  const text = source.slice(annotation.start, annotation.end);
  const normalized = text.replace(/[\s'"]/g, '');
  const previous = declared.get(name);
  if (previous === undefined) {
    declared.set(name, { text, type: typeFromAnnotation(annotation, isEntity), span: annotation });
    return;
  }
  if (previous.text.replace(/[\s'"]/g, '') !== normalized) {
    sink.error(
      Code.conflictingAnnotation,
      `State attribute '${name}' is annotated as '${previous.text}' and as '${text}': give it one annotation.`,
      annotation,
    );
  }
}

/** Records every `self.attr` assigned in a method (nested functions included). */
function collectState(
  entity: EntityModel,
  method: MethodModel,
  source: string,
  isEntity: (name: string) => boolean,
  declared: Map<string, { text: string; type: AType; span: Expr }>,
  sink: DiagnosticSink,
): void {
  const selfName = method.selfName;
  const record = (target: Expr, annotation: Expr | null): void => {
    if (target.kind === 'Tuple' || target.kind === 'List') {
      for (const element of target.elts) record(element, null);
      return;
    }
    if (target.kind === 'Starred') {
      record(target.value, null);
      return;
    }
    if (target.kind !== 'Attribute' || target.value.kind !== 'Name' || target.value.id !== selfName) return;
    const name = target.attr;
    if (annotation !== null) declareAnnotation(name, annotation, source, isEntity, declared, sink);
    if (!entity.state.has(name)) {
      const attribute: StateAttribute = { name, type: OTHER, annotation: null, declaredType: null, span: { start: target.start, end: target.end } };
      entity.state.set(name, attribute);
    }
  };

  const visit = (node: import('../ast.ts').Node): void => {
    switch (node.kind) {
      case 'Assign':
        for (const target of node.targets) record(target, null);
        break;
      case 'AugAssign':
        record(node.target, null);
        break;
      case 'AnnAssign':
        record(node.target, node.annotation);
        break;
      case 'For':
      case 'AsyncFor':
        record(node.target, null);
        break;
      case 'withitem':
        if (node.optional_vars) record(node.optional_vars, null);
        break;
      default:
        break;
    }
    forEachChild(node, visit);
  };
  for (const statement of method.node.body) visit(statement);

  for (const [name, attribute] of entity.state) {
    const declaration = declared.get(name);
    if (declaration === undefined || attribute.annotation !== null) continue;
    attribute.annotation = declaration.text;
    attribute.declaredType = declaration.type;
    attribute.type = declaration.type;
  }
}

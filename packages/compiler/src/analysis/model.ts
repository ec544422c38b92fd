// The program model that entity analysis builds and splitting consumes.

import type { Attribute, Call, ClassDef, Expr, FunctionDef, Module, Node, Span, Stmt } from '../ast.ts';
import type { Diagnostic } from '../diagnostic.ts';
import type { InvariantIR, ParamIR } from '../ir.ts';
import type { AType } from './types.ts';

/** How one call or attribute use in an entity method is carried out. */
export type CallSite =
  | { kind: 'remoteCall'; node: Call; receiver: Expr; className: string; method: string }
  | { kind: 'remoteRead'; node: Attribute; receiver: Expr; className: string; attr: string }
  | { kind: 'create'; node: Call; className: string }
  /** `self.m(...)`: a local call, or a `selfCall` terminator when `m` is split. */
  | { kind: 'selfCall'; node: Call; method: string }
  | { kind: 'local'; node: Call; target: 'moduleFunction' | 'nestedFunction' | 'value' }
  | { kind: 'builtin'; node: Call; name: string };

export type CallSiteKind = CallSite['kind'];

export interface StateAttribute {
  name: string;
  type: AType;
  /** Annotation source text of the first annotation, or null. */
  annotation: string | null;
  /** The first annotation's type; null while the attribute is unannotated. */
  declaredType: AType | null;
  span: Span;
}

export interface MethodModel {
  name: string;
  node: FunctionDef;
  entity: EntityModel;
  /** Name of the first parameter (conventionally `self`). */
  selfName: string;
  params: ParamIR[];
  /** Parameter types and inferred local types, by name. */
  env: Map<string, AType>;
  returnType: AType;
  isTransactional: boolean;
  /** Call sites and remote reads of the method body in source order. */
  sites: CallSite[];
  /** True when the method itself (not through self-calls) makes a remote call, creation or read. */
  suspendsDirectly: boolean;
  isSplit: boolean;
}

export interface EntityModel {
  name: string;
  node: ClassDef;
  decorator: 'entity' | 'stateflow';
  state: Map<string, StateAttribute>;
  /** Names assigned in the class body (class attributes), readable like state. */
  classAttributes: Set<string>;
  methods: MethodModel[];
  methodByName: Map<string, MethodModel>;
}

export interface ModuleFunction {
  name: string;
  node: FunctionDef;
  returnType: AType;
}

export interface ProgramModel {
  source: string;
  module: Module;
  entities: EntityModel[];
  entityByName: Map<string, EntityModel>;
  moduleFunctions: Map<string, ModuleFunction>;
  invariants: InvariantIR[];
  moduleBody: Stmt[];
  /** Classification of every call and remote read inside entity methods. */
  sites: Map<Node, CallSite>;
}

export interface AnalysisResult {
  model: ProgramModel;
  diagnostics: Diagnostic[];
}

/** True when the site suspends the method: it cannot finish inside one event. */
export function isSuspendingSite(site: CallSite, model: ProgramModel, className: string): boolean {
  switch (site.kind) {
    case 'remoteCall':
    case 'remoteRead':
    case 'create':
      return true;
    case 'selfCall':
      return model.entityByName.get(className)?.methodByName.get(site.method)?.isSplit ?? false;
    default:
      return false;
  }
}

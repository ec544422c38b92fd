// The intermediate representation: a stateful dataflow graph. It is plain
// JSON (no bigint, no Map, no class instances) so it can cross a Web Worker
// boundary, be saved, and be diffed. Statements and expressions inside blocks
// are AST nodes from ast.ts. Documented field by field in docs/ir.md.

import type { Expr, Keyword, Span, Stmt } from './ast.ts';

export const IR_VERSION = 1;

/** A type as far as entity references are concerned. */
export type TypeRef =
  | { kind: 'entity'; className: string }
  | { kind: 'list'; element: TypeRef }
  | { kind: 'optional'; inner: TypeRef }
  | { kind: 'dict'; value: TypeRef }
  | { kind: 'other' };

export interface ProgramIR {
  irVersion: typeof IR_VERSION;
  /**
   * Module-level statements other than entity classes, in source order:
   * imports of `stateflow`/`typing`, constants, helper functions, exception
   * classes, `@invariant` functions. The runtime executes them once to build
   * the module globals that every entity method sees.
   */
  moduleBody: Stmt[];
  entities: EntityIR[];
  invariants: InvariantIR[];
  dataflow: DataflowGraph;
}

export interface EntityIR {
  name: string;
  span: Span;
  /** The whole class statement, so the runtime can build the class object. */
  classSpan: Span;
  /** Name of the decorator used: `entity` or `stateflow`. */
  decorator: 'entity' | 'stateflow';
  /**
   * Statements of the class body other than method definitions (class
   * attributes such as `LIMIT = 3`, annotations, the docstring), in source
   * order. The runtime runs them once to build the class namespace, as
   * CPython does; instances then see them through `self` and the class name.
   */
  classBody: Stmt[];
  state: StateAttributeIR[];
  /** Methods in source order, including `__init__` and `__key__`. */
  methods: MethodIR[];
}

export interface StateAttributeIR {
  name: string;
  /** Reference typing from the annotation, if any. */
  type: TypeRef;
  /** Annotation source text, or null if the attribute is never annotated. */
  annotation: string | null;
  /** Where the attribute is first assigned. */
  span: Span;
}

export interface ParamIR {
  name: string;
  kind: 'positional' | 'keywordOnly' | 'varPositional' | 'varKeyword';
  type: TypeRef;
  /** Default value expression, evaluated once at class definition (as CPython does). */
  defaultValue: Expr | null;
}

export interface MethodIR {
  name: string;
  /** Qualified name `Class.method`; block ids start with it. */
  qualifiedName: string;
  /** Parameters after `self`. */
  params: ParamIR[];
  returnType: TypeRef;
  isTransactional: boolean;
  /**
   * True when the method (directly or through local calls on `self`) makes a
   * remote call, creates an entity or reads a remote attribute, so it cannot
   * run to completion inside one event.
   */
  isSplit: boolean;
  /** Every local on any path, parameters included, sorted. */
  locals: string[];
  entry: string;
  /** Blocks in a stable order: entry first, then by position in the method. */
  blocks: BlockIR[];
  span: Span;
}

/**
 * A block: straight-line statements, then one terminator. Statements contain
 * no remote call, entity creation or remote attribute read anywhere inside
 * them (nested compound statements without such calls are kept whole, and
 * their `return`, `break` and `continue` keep their Python meaning within
 * the block). Control flow that crosses a remote call is in terminators.
 */
export interface BlockIR {
  /** `Class.method#N`, N numbered in method order: independent of other methods. */
  id: string;
  /** Variables read before being written in this block or its successors, sorted. */
  liveIn: string[];
  statements: Stmt[];
  terminator: Terminator;
  /**
   * Block that handles an exception raised by this block's statements or by
   * its terminator (including one raised by a remote callee); null when the
   * exception leaves the method. The handler finds the exception in the local
   * variable named by `EXCEPTION_VAR`.
   */
  handler: string | null;
  /** Source ranges of the code this block runs. */
  spans: Span[];
}

/** Local that holds the exception being handled, inside lowered handlers. */
export const EXCEPTION_VAR = '$exc';

export type Terminator =
  | ReturnTerminator
  | RaiseTerminator
  | JumpTerminator
  | BranchTerminator
  | NextTerminator
  | ExceptTerminator
  | RemoteCallTerminator
  | SelfCallTerminator
  | CreateTerminator
  | ReadTerminator;

/** Return from the method; `value` null returns None. */
export interface ReturnTerminator { kind: 'return'; value: Expr | null; span: Span }

/** Raise `exc` (with `cause`); `exc` null re-raises the exception in `EXCEPTION_VAR`. */
export interface RaiseTerminator { kind: 'raise'; exc: Expr | null; cause: Expr | null; span: Span }

export interface JumpTerminator { kind: 'jump'; target: string }

export interface BranchTerminator { kind: 'branch'; test: Expr; ifTrue: string; ifFalse: string; span: Span }

/**
 * Advance the iterator held in local `iterator` (created by a statement
 * `iterator = iter(...)` earlier): bind the next item to `target` (a store
 * target expression, tuple unpacking included) and go to `body`, or go to
 * `exhausted` when there is no next item.
 */
export interface NextTerminator { kind: 'next'; iterator: string; target: Expr; body: string; exhausted: string; span: Span }

/**
 * Dispatch the exception in `EXCEPTION_VAR` to the first clause whose type
 * matches (a null type matches anything); bind it to `name` when given. No
 * match goes to `unmatched` (a block that re-raises or runs `finally`).
 */
export interface ExceptTerminator {
  kind: 'except';
  clauses: { type: Expr | null; name: string | null; target: string }[];
  unmatched: string;
  span: Span;
}

/**
 * A call of `method` on the entity that `receiver` evaluates to. Arguments are
 * evaluated left to right after the receiver. The result is stored in local
 * `result` and execution resumes at `resume`.
 */
export interface RemoteCallTerminator {
  kind: 'remoteCall';
  receiver: Expr;
  className: string;
  method: string;
  args: Expr[];
  keywords: Keyword[];
  result: string;
  resume: string;
  span: Span;
}

/**
 * A call of a split method on `self`: runs on the same entity, copies nothing,
 * and pushes a continuation like a remote call does.
 */
export interface SelfCallTerminator {
  kind: 'selfCall';
  method: string;
  args: Expr[];
  keywords: Keyword[];
  result: string;
  resume: string;
  span: Span;
}

/** `ClassName(...)` inside a method: creates an entity and stores a reference in `result`. */
export interface CreateTerminator {
  kind: 'create';
  className: string;
  args: Expr[];
  keywords: Keyword[];
  result: string;
  resume: string;
  span: Span;
}

/** `receiver.attr` on another entity: a remote state read, stored in `result`. */
export interface ReadTerminator {
  kind: 'read';
  receiver: Expr;
  className: string;
  attr: string;
  result: string;
  resume: string;
  span: Span;
}

export interface InvariantIR {
  name: string;
  /** One parameter per entity class, in declaration order. */
  params: { name: string; className: string }[];
  span: Span;
}

export interface DataflowGraph {
  nodes: DataflowNode[];
  edges: DataflowEdge[];
}

export type DataflowNode =
  | { id: 'ingress'; kind: 'ingress' }
  | { id: 'egress'; kind: 'egress' }
  | { id: string; kind: 'operator'; className: string };

export interface DataflowEdge {
  /** Stable: `${from}->${to}:${relation}:${label}`. */
  id: string;
  from: string;
  to: string;
  relation: 'request' | 'reply' | 'call' | 'return' | 'create' | 'read';
  /** The method or attribute the edge carries, e.g. `Item.update_stock`. */
  label: string;
}

export interface CompileResult {
  /** Null when the program has errors. */
  ir: ProgramIR | null;
  diagnostics: import('./diagnostic.ts').Diagnostic[];
}

// The runtime's API for hosts: the direct-mode runner (direct.ts) and the
// distributed simulator. A host owns entity states and routing; the runtime
// runs code on one entity at a time and reports every point where it needs
// another entity (remote call, creation, remote read) as an Outcome that
// carries a Continuation. The host later resumes that continuation with the
// reply. Every Value handed out here is already a copy the host may keep.

import type { Module, ProgramIR } from '@entflow/compiler';
import type { RuntimeLimits } from './limits.ts';
import type { EntityInstance, EntityRef, Value } from './values.ts';

export type { Value } from './values.ts';
export type { EntityRef } from './values.ts';

/** One entity's state; also the `self` value inside its methods. Deep-copyable with `deepCopy`. */
export type EntityState = EntityInstance;

export type Resumption =
  | { kind: 'value'; value: Value }
  | { kind: 'exception'; exception: Value };

/**
 * The frame of one suspended method on one entity. `locals` holds the values
 * of the method's local slots (`undefined` = unbound); `frameVariables` names them.
 */
export interface ContinuationFrame {
  /** Method name, e.g. `transfer`. */
  method: string;
  /** Block to run when the frame resumes. */
  resumeBlock: string;
  /** Block whose terminator made the pending call: its `handler` receives an exception reply. */
  callBlock: string;
  /** Local that receives the resumed value, or null. */
  resultVar: string | null;
  locals: (Value | undefined)[];
  /** True when the method is decorated @transactional. */
  isTransactional: boolean;
}

/**
 * Everything needed to resume a suspended invocation on one entity: a stack
 * of frames (more than one when a split method called another split method
 * of `self`), innermost last. `frames[0]` is the method the host invoked.
 */
export interface Continuation {
  className: string;
  /** The entity's key; null while its `__init__` runs (key not known yet). */
  key: Value;
  frames: ContinuationFrame[];
  /**
   * Set while a split `__init__` is suspended: the entity under construction.
   * `resumeMethod` then works on this object and ignores its `entity` argument,
   * and the final outcome is `constructed`.
   */
  constructing: EntityState | null;
}

export type Outcome =
  | { kind: 'return'; value: Value }
  | { kind: 'raise'; exception: Value }
  | { kind: 'remoteCall'; target: EntityRef; method: string; args: Value[]; kwargs: [string, Value][]; continuation: Continuation }
  | { kind: 'create'; className: string; args: Value[]; kwargs: [string, Value][]; continuation: Continuation }
  | { kind: 'read'; target: EntityRef; attr: string; continuation: Continuation }
  /** Only from `constructEntity`/`resumeMethod` of a construction: `__init__` and `__key__` ran. */
  | { kind: 'constructed'; entity: EntityState };

/**
 * Called when a @transactional method starts or ends on this chain, including
 * calls on `self` that the host never sees. The host counts nesting depth and
 * restores state when `raise` ends the outermost one.
 */
export type TransactionHook = (event: 'enter' | 'return' | 'raise', entity: EntityState, method: string) => void;

export interface ExecContext {
  print(line: string): void;
  /** Shared across all steps of one request; decremented by every statement and loop iteration. */
  stepBudget: { remaining: number };
  onTransactional?: TransactionHook;
}

export type ClientRequest =
  | { kind: 'call'; target: EntityRef; method: string; args: Value[]; kwargs: [string, Value][] }
  | { kind: 'create'; className: string; args: Value[]; kwargs: [string, Value][] }
  | { kind: 'read'; target: EntityRef; attr: string };

export type ClientStep = ClientRequest | { kind: 'done'; error: Value | null };

export interface ClientSession {
  /** Run the script until its next entity interaction. `reply` is the result of the previous request. */
  next(reply?: Resumption): ClientStep;
}

export interface ClientOptions {
  clientId: number;
  print(line: string): void;
  /** Step budget for the client's own code between two requests; defaults to the limit. */
  stepBudget?: { remaining: number };
}

export interface LoadOptions {
  limits?: Partial<RuntimeLimits>;
  /** Receives `print` output of the module body. Also kept in `program.moduleOutput`. */
  print?(line: string): void;
}

export type { RuntimeProgram } from './program.ts';
export type LoadResult = { program: import('./program.ts').RuntimeProgram } | { error: string };
export type ClientSource = string | Module;

/** Build a program: runs the module body once (module globals, classes, invariants). */
export function loadProgram(ir: ProgramIR, options?: LoadOptions): LoadResult {
  return impl.loadProgram(ir, options);
}

/** Run `method` on `entity` until it returns, raises or must suspend. `args` must already be copies. */
export function invokeMethod(
  program: RuntimeProgram, entity: EntityState, method: string,
  args: Value[], kwargs: [string, Value][], ctx: ExecContext,
): Outcome {
  return impl.invokeMethod(program, entity, method, args, kwargs, ctx);
}

/** Continue a suspended invocation with the reply to its pending request. */
export function resumeMethod(
  program: RuntimeProgram, entity: EntityState, continuation: Continuation,
  resumption: Resumption, ctx: ExecContext,
): Outcome {
  return impl.resumeMethod(program, entity, continuation, resumption, ctx);
}

/**
 * Create an entity: runs `__init__` then `__key__`. A split `__init__` may
 * suspend: the Outcome's continuation has `constructing` set, and resuming it
 * ends in `{ kind: 'constructed' }`. The host checks key uniqueness.
 */
export function constructEntity(
  program: RuntimeProgram, className: string, args: Value[], kwargs: [string, Value][], ctx: ExecContext,
): Outcome {
  return impl.constructEntity(program, className, args, kwargs, ctx);
}

/** Read `attr` for another entity: returns a copy of the value, or AttributeError. */
export function readAttribute(program: RuntimeProgram, entity: EntityState, attr: string): Resumption {
  return impl.readAttribute(program, entity, attr);
}

export function startClient(program: RuntimeProgram, clientSource: ClientSource, options: ClientOptions): ClientSession {
  return impl.startClient(program, clientSource, options);
}

/** Call the @invariant `name` with, per parameter, the list of that class's entities (copied). */
export function evaluateInvariant(
  program: RuntimeProgram, name: string, entities: Map<string, EntityState[]>, ctx?: ExecContext,
): Resumption {
  return impl.evaluateInvariant(program, name, entities, ctx);
}

/** Names of a frame's locals, in the order of `frame.locals`. */
export function frameVariables(program: RuntimeProgram, className: string, frame: ContinuationFrame): readonly string[] {
  return impl.frameVariables(program, className, frame);
}

import type { RuntimeProgram } from './program.ts';
import * as impl from './hostImpl.ts';
export { deepCopy, copyAcrossBoundary } from './copy.ts';
export { toJsonValue } from './json.ts';
export { pyRepr, pyStr } from './repr.ts';
export { formatException } from './exceptions.ts';

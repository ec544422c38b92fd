// The seam between the simulator and the code it runs. The engine never
// calls the runtime directly: it goes through an Executor, so tests can drive
// the engine with a small fake and the runtime can change behind one adapter
// (runtimeExecutor.ts).

import type {
  ClientSession, Continuation, EntityState, ExecContext, Outcome, Resumption, Value,
} from '@entflow/runtime';
import type { JsonValue } from './trace.ts';

export type { ClientSession, Continuation, EntityState, ExecContext, Outcome, Resumption, Value };

/** Exceptions the simulator itself raises into user code. */
export type HostExceptionClass = 'ValueError' | 'LookupError' | 'TimeoutError' | 'RuntimeError';

/**
 * Output is passed as raw text, newlines included, so a partial line
 * (`print(x, end="")`) from one component can continue with text from
 * another, as in CPython's single stdout. `ExecContext.print` and the client
 * `print` callback receive such text.
 */
export interface Executor {
  /** Text printed by the module body when the program was loaded. */
  readonly moduleOutput: readonly string[];
  /** Names of the program's @invariant functions, in source order. */
  readonly invariantNames: readonly string[];

  invoke(entity: EntityState, method: string, args: Value[], kwargs: [string, Value][], ctx: ExecContext): Outcome;
  resume(entity: EntityState, continuation: Continuation, resumption: Resumption, ctx: ExecContext): Outcome;
  construct(className: string, args: Value[], kwargs: [string, Value][], ctx: ExecContext): Outcome;
  readAttribute(entity: EntityState, attr: string): Resumption;
  evaluateInvariant(name: string, entities: Map<string, EntityState[]>): Resumption;
  startClient(clientId: number, print: (line: string) => void): ClientSession;

  /** Deep copy; objects already in `memo` map to their earlier copy, so aliasing survives. */
  deepCopy<T>(value: T, memo: Map<unknown, unknown>): T;
  toJson(value: Value): JsonValue;
  repr(value: Value): string;
  /** `str(key)`, used in entity ids `Class/key`. */
  keyText(key: Value): string;
  formatException(exception: Value): string;
  /** Python truthiness, for invariant results. */
  isTruthy(value: Value): boolean;
  makeException(className: HostExceptionClass, message: string): Value;
  makeRef(className: string, key: Value): Value;
  /** Replace `target`'s attributes by those of `source` (a copy), keeping `target`'s identity. */
  restoreInPlace(target: EntityState, source: EntityState): void;
  /** Names of a frame's locals, in the order of `frame.locals`. */
  frameVariables(className: string, frame: Continuation['frames'][number]): readonly string[];
}

// The Executor backed by @entflow/runtime: loads a compiled program once per
// run and forwards every call to the runtime's host API.

import type { ProgramIR } from '@entflow/compiler';
import {
  constructEntity, deepCopy, EntityRef, evaluateInvariant, exc, formatException, frameVariables, invokeMethod,
  loadProgram, makeException, pyRepr, pyStr, readAttribute, resumeMethod, startClient, toJsonValue, truthy,
  type RuntimeLimits, type RuntimeProgram,
} from '@entflow/runtime';
import type { Executor, HostExceptionClass } from './executor.ts';
import type { JsonValue } from './trace.ts';

export type LoadedExecutor = { executor: Executor } | { error: string };

/** Load `ir` and prepare the client script; `error` when the module body raises. */
export function createRuntimeExecutor(ir: ProgramIR, clientSource: string, limits?: Partial<RuntimeLimits>): LoadedExecutor {
  const moduleOutput: string[] = [];
  const loaded = loadProgram(ir, { limits, print: (line) => moduleOutput.push(line) });
  if ('error' in loaded) {
    return { error: loaded.error };
  }
  const program: RuntimeProgram = loaded.program;
  const invariantNames = ir.invariants.map((inv) => inv.name);

  const executor: Executor = {
    moduleOutput,
    invariantNames,
    invoke: (entity, method, args, kwargs, ctx) => invokeMethod(program, entity, method, args, kwargs, ctx),
    resume: (entity, continuation, resumption, ctx) => resumeMethod(program, entity, continuation, resumption, ctx),
    construct: (className, args, kwargs, ctx) => constructEntity(program, className, args, kwargs, ctx),
    readAttribute: (entity, attr) => readAttribute(program, entity, attr),
    evaluateInvariant: (name, entities) => evaluateInvariant(program, name, entities),
    startClient: (clientId, print) => startClient(program, clientSource, { clientId, print }),
    deepCopy: (value, memo) => deepCopy(value, memo),
    toJson: (value) => toJsonValue(value) as JsonValue,
    repr: (value) => pyRepr(value),
    keyText: (key) => pyStr(key),
    formatException: (exception) => formatException(exception),
    isTruthy: (value) => truthy(value),
    makeException: (className: HostExceptionClass, message) => {
      const classes = exc as Record<string, typeof exc.RuntimeError | undefined>;
      return makeException(classes[className] ?? exc.RuntimeError, message);
    },
    makeRef: (className, key) => new EntityRef(className, key),
    restoreInPlace: (target, source) => {
      target.attrs.clear();
      for (const [name, value] of source.attrs) {
        target.attrs.set(name, value);
      }
    },
    frameVariables: (className, frame) => frameVariables(program, className, frame),
  };
  return { executor };
}

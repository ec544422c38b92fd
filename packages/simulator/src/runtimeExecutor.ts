// The Executor backed by @entflow/runtime: loads a compiled program once per
// run and forwards every call to the runtime's host API.

import type { ProgramIR } from '@entflow/compiler';
import {
  constructEntity, deepCopy, EntityRef, evaluateInvariant, exc, flushOutput, formatException, frameVariables,
  invokeMethod, loadProgram, makeException, pyRepr, pyStr, readAttribute, resumeMethod, startClient, toJsonValue,
  truthy, type ExecContext, type RuntimeLimits, type RuntimeProgram,
} from '@entflow/runtime';
import type { Executor, HostExceptionClass } from './executor.ts';
import type { JsonValue } from './trace.ts';

export type LoadedExecutor = { executor: Executor } | { error: string };

/**
 * A runtime print sink that forwards complete lines with their newline and,
 * on `flush`, a pending partial line without one. The runtime keys partial
 * lines by sink, so each call gets a sink of its own and flushes it after.
 */
function textSink(write: (text: string) => void): { sink: (line: string) => void; flush: () => void } {
  let isFlushing = false;
  const sink = (line: string) => write(isFlushing ? line : `${line}\n`);
  return {
    sink,
    flush: () => {
      isFlushing = true;
      flushOutput(sink);
      isFlushing = false;
    },
  };
}

/** Run `call` with a runtime context whose print goes to `ctx.print` as raw text. */
function withTextOutput<T>(ctx: ExecContext, call: (runtimeCtx: ExecContext) => T): T {
  const { sink, flush } = textSink((text) => ctx.print(text));
  try {
    return call({ ...ctx, print: sink });
  } finally {
    flush();
  }
}

/** Load `ir` and prepare the client script; `error` when the module body raises. */
export function createRuntimeExecutor(ir: ProgramIR, clientSource: string, limits?: Partial<RuntimeLimits>): LoadedExecutor {
  const moduleOutput: string[] = [];
  // NOTE: loadProgram flushes a last partial module line itself, so it arrives as a whole line.
  const loaded = loadProgram(ir, { limits, print: (line) => moduleOutput.push(`${line}\n`) });
  if ('error' in loaded) {
    return { error: loaded.error };
  }
  const program: RuntimeProgram = loaded.program;
  const invariantNames = ir.invariants.map((inv) => inv.name);

  const executor: Executor = {
    moduleOutput,
    invariantNames,
    invoke: (entity, method, args, kwargs, ctx) =>
      withTextOutput(ctx, (c) => invokeMethod(program, entity, method, args, kwargs, c)),
    resume: (entity, continuation, resumption, ctx) =>
      withTextOutput(ctx, (c) => resumeMethod(program, entity, continuation, resumption, c)),
    construct: (className, args, kwargs, ctx) =>
      withTextOutput(ctx, (c) => constructEntity(program, className, args, kwargs, c)),
    readAttribute: (entity, attr) => readAttribute(program, entity, attr),
    evaluateInvariant: (name, entities) => evaluateInvariant(program, name, entities),
    startClient: (clientId, print) => {
      const { sink, flush } = textSink(print);
      const session = startClient(program, clientSource, { clientId, print: sink });
      return {
        next: (reply) => {
          const step = session.next(reply);
          flush();
          return step;
        },
      };
    },
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

// Direct mode: runs a program and its client script sequentially, with no
// simulator. Entity calls are served with an explicit stack of continuations
// (no JS recursion per remote call), so deep entity recursion ends in a
// RecursionError from a limit, never in a JS stack overflow.

import type { ProgramIR } from '@entflow/compiler';
import { deepCopy } from './copy.ts';
import { exc, formatException, makeException } from './exceptions.ts';
import { hashKey } from './hashing.ts';
import type { ClientSource, Continuation, ExecContext, Outcome, Resumption } from './host.ts';
import {
  constructEntity, evaluateInvariant, invokeMethod, loadProgram, readAttribute, resumeMethod, startClient,
} from './hostImpl.ts';
import { toJsonValue, type JsonValue } from './json.ts';
import type { RuntimeLimits } from './limits.ts';
import type { RuntimeProgram } from './program.ts';
import { pyRepr, pyStr } from './repr.ts';
import { truthy } from './compare.ts';
import { EntityInstance, EntityRef, type Value } from './values.ts';

export interface Violation {
  kind: 'invariant';
  name: string;
  message: string;
}

export interface RunResult {
  output: string[];
  /** Class -> str(key) -> attribute -> JSON value. */
  state: Record<string, Record<string, Record<string, JsonValue>>>;
  error: string | null;
  violations: Violation[];
  stats: { requests: number; methodCalls: number; creations: number; remoteReads: number; maxChainDepth: number };
}

export interface DirectOptions {
  limits?: Partial<RuntimeLimits>;
  clientId?: number;
  /** Also receives every output line as it is printed. */
  onOutput?(line: string): void;
  /** Give floats in `state` as JsonFloat, so that `toJsonText` writes `1.0` and not `1`. */
  exactFloats?: boolean;
}

/** Entities by class and key, in registration order. */
class Registry {
  byClass = new Map<string, Map<unknown, EntityInstance>>();

  get(className: string, key: Value): EntityInstance | undefined {
    return this.byClass.get(className)?.get(hashKey(key));
  }

  add(e: EntityInstance): void {
    let m = this.byClass.get(e.className);
    if (m === undefined) {
      m = new Map();
      this.byClass.set(e.className, m);
    }
    m.set(hashKey(e.key), e);
  }

  all(): EntityInstance[] {
    const out: EntityInstance[] = [];
    for (const m of this.byClass.values()) out.push(...m.values());
    return out;
  }

  copyIndex(): Map<string, Map<unknown, EntityInstance>> {
    return new Map([...this.byClass].map(([k, m]) => [k, new Map(m)]));
  }
}

/** Snapshot/rollback of every entity for the outermost @transactional call. */
class Transactions {
  depth = 0;
  private saved: { index: Map<string, Map<unknown, EntityInstance>>; states: [EntityInstance, Map<string, Value>][] } | null = null;

  constructor(private readonly registry: Registry) {}

  readonly hook = (event: 'enter' | 'return' | 'raise'): void => {
    if (event === 'enter') {
      if (this.depth === 0) {
        const entities = this.registry.all();
        const copies = deepCopy(entities.map((e) => e.attrs), new Map());
        this.saved = { index: this.registry.copyIndex(), states: entities.map((e, i) => [e, copies[i]]) };
      }
      this.depth++;
      return;
    }
    this.depth--;
    if (this.depth === 0) {
      if (event === 'raise' && this.saved !== null) {
        this.registry.byClass = this.saved.index;
        for (const [e, attrs] of this.saved.states) {
          e.attrs.clear();
          for (const [k, v] of attrs) e.attrs.set(k, v);
        }
      }
      this.saved = null;
    }
  };
}

export function runDirectProgram(program: RuntimeProgram, clientSource: ClientSource, options: DirectOptions = {}): RunResult {
  const output: string[] = [...program.moduleOutput];
  const print = (line: string) => {
    output.push(line);
    options.onOutput?.(line);
  };
  const registry = new Registry();
  const tx = new Transactions(registry);
  const stats = { requests: 0, methodCalls: 0, creations: 0, remoteReads: 0, maxChainDepth: 0 };
  const limits = program.limits;

  const missing = (ref: EntityRef): Outcome => ({
    kind: 'raise',
    exception: makeException(exc.RuntimeError, `no ${ref.className} entity with key ${pyRepr(ref.key)}`),
  });

  /** Serve one client request to completion. */
  const serve = (request: { kind: 'call' | 'create' | 'read' } & Record<string, unknown>): Resumption => {
    const ctx: ExecContext = { print, stepBudget: { remaining: limits.stepsPerRequest }, onTransactional: tx.hook };
    const stack: { entity: EntityInstance; continuation: Continuation }[] = [];
    let current: EntityInstance | null = null;
    let outcome: Outcome;

    const invoke = (target: EntityRef, method: string, args: Value[], kwargs: [string, Value][]): Outcome => {
      stats.methodCalls++;
      const entity = registry.get(target.className, target.key);
      if (entity === undefined) return missing(target);
      current = entity;
      return invokeMethod(program, entity, method, args, kwargs, ctx);
    };
    const create = (className: string, args: Value[], kwargs: [string, Value][]): Outcome => {
      stats.creations++;
      current = null;
      return constructEntity(program, className, args, kwargs, ctx);
    };

    if (request.kind === 'read') {
      stats.remoteReads++;
      const target = request.target as EntityRef;
      const entity = registry.get(target.className, target.key);
      if (entity === undefined) return { kind: 'exception', exception: missing(target).kind === 'raise' ? (missing(target) as { exception: Value }).exception : null };
      return readAttribute(program, entity, request.attr as string);
    }
    outcome = request.kind === 'call'
      ? invoke(request.target as EntityRef, request.method as string, request.args as Value[], request.kwargs as [string, Value][])
      : create(request.className as string, request.args as Value[], request.kwargs as [string, Value][]);

    for (;;) {
      let reply: Resumption;
      switch (outcome.kind) {
        case 'remoteCall': case 'create': {
          if (stack.length >= limits.callChainDepthMax) {
            outcome = resumeMethod(program, current!, outcome.continuation, { kind: 'exception', exception: makeException(exc.RecursionError, 'maximum recursion depth exceeded') }, ctx);
            continue;
          }
          stack.push({ entity: current!, continuation: outcome.continuation });
          stats.maxChainDepth = Math.max(stats.maxChainDepth, stack.length);
          outcome = outcome.kind === 'remoteCall'
            ? invoke(outcome.target, outcome.method, outcome.args, outcome.kwargs)
            : create(outcome.className, outcome.args, outcome.kwargs);
          continue;
        }
        case 'read': {
          stats.remoteReads++;
          const entity = registry.get(outcome.target.className, outcome.target.key);
          const r: Resumption = entity === undefined
            ? { kind: 'exception', exception: (missing(outcome.target) as { exception: Value }).exception }
            : readAttribute(program, entity, outcome.attr);
          outcome = resumeMethod(program, current!, outcome.continuation, r, ctx);
          continue;
        }
        case 'constructed': {
          const e = outcome.entity;
          if (registry.get(e.className, e.key) !== undefined) {
            reply = { kind: 'exception', exception: makeException(exc.ValueError, `${e.className} entity with key ${pyRepr(e.key)} already exists`) };
          } else {
            registry.add(e);
            reply = { kind: 'value', value: new EntityRef(e.className, e.key) };
          }
          break;
        }
        case 'return':
          reply = { kind: 'value', value: outcome.value };
          break;
        case 'raise':
          reply = { kind: 'exception', exception: outcome.exception };
          break;
      }
      const caller = stack.pop();
      if (caller === undefined) return reply;
      current = caller.entity;
      outcome = resumeMethod(program, caller.entity, caller.continuation, reply, ctx);
    }
  };

  const session = startClient(program, clientSource, { clientId: options.clientId ?? 0, print });
  let error: string | null = null;
  let reply: Resumption | undefined;
  for (;;) {
    const step = session.next(reply);
    if (step.kind === 'done') {
      error = step.error === null ? null : formatException(step.error);
      break;
    }
    stats.requests++;
    reply = serve(step as unknown as { kind: 'call' | 'create' | 'read' } & Record<string, unknown>);
  }

  const state: RunResult['state'] = {};
  for (const [className, entities] of registry.byClass) {
    if (entities.size === 0) continue;
    const byKey: Record<string, Record<string, JsonValue>> = {};
    for (const e of entities.values()) {
      const attrs: Record<string, JsonValue> = {};
      for (const [k, v] of e.attrs) attrs[k] = toJsonValue(v, new Set(), { exactFloats: options.exactFloats });
      byKey[pyStr(e.key)] = attrs;
    }
    state[className] = byKey;
  }

  const violations: Violation[] = [];
  for (const inv of program.ir.invariants) {
    const byClass = new Map<string, EntityInstance[]>();
    for (const [c, m] of registry.byClass) byClass.set(c, [...m.values()]);
    const r = evaluateInvariant(program, inv.name, byClass);
    if (r.kind === 'exception') violations.push({ kind: 'invariant', name: inv.name, message: `raised ${formatException(r.exception)}` });
    else if (!truthy(r.value)) violations.push({ kind: 'invariant', name: inv.name, message: `returned ${pyRepr(r.value)}` });
  }
  return { output, state, error, violations, stats };
}

/** Load `ir`, run `clientSource` against it, and return the result in the shape of `entflow run --json`. */
export function runDirect(ir: ProgramIR, clientSource: ClientSource, options: DirectOptions = {}): RunResult {
  const moduleLines: string[] = [];
  const loaded = loadProgram(ir, { limits: options.limits, print: (l) => { moduleLines.push(l); } });
  if ('error' in loaded) {
    return {
      output: moduleLines,
      state: {},
      error: loaded.error,
      violations: [],
      stats: { requests: 0, methodCalls: 0, creations: 0, remoteReads: 0, maxChainDepth: 0 },
    };
  }
  return runDirectProgram(loaded.program, clientSource, options);
}

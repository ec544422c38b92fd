// `simulate`: resolve the config, run the fault-free reference when the
// checkers need one, run the scenario, and assemble the plain-data result.

import { DEFAULT_LIMITS as RUNTIME_LIMITS } from '@entflow/runtime';
import { resolveConfig, type ResolvedConfig } from './config.ts';
import { Simulation, type ProgramFacts } from './engine.ts';
import type { Executor } from './executor.ts';
import { buildProgramFacts } from './programFacts.ts';
import { createRuntimeExecutor } from './runtimeExecutor.ts';
import { collectEntities, splitOutput, toStateJson } from './stateJson.ts';
import type {
  LatencyStats, ReferenceOutcome, RunResult, RunStats, SimulationConfig, SimulationRun, StepState,
} from './trace.ts';

/** What the checkers compare a faulty run with. */
export interface ReferenceBundle {
  /** Fault-free simulation's outcome. */
  simulated: ReferenceOutcome;
  /** Invocations applied per `requestId|Class/key|method` in the fault-free run. */
  effects: Map<string, number>;
  failingInvariants: Set<string>;
}

/** Ways to run the engine without the real runtime or to reuse a reference (sweeps, tests). */
export interface SimulateDependencies {
  createExecutor?: () => { executor: Executor } | { error: string };
  facts?: ProgramFacts;
  reference?: ReferenceBundle;
}

export function simulate(config: SimulationConfig, deps: SimulateDependencies = {}): SimulationRun {
  return runScenario(config, deps).run;
}

/** `simulate`, also returning the engine (null when the run could not start) for in-package callers. */
export function runScenario(config: SimulationConfig, deps: SimulateDependencies = {}): { run: SimulationRun; sim: Simulation | null } {
  const check = resolveConfig(config);
  if (!check.ok) {
    return { run: failedRun(config, 'invalid', `invalid configuration: ${check.errors.join('; ')}`), sim: null };
  }
  const resolved = check.config;
  const createExecutor = deps.createExecutor ?? (() => createRuntimeExecutor(config.program, config.client));
  const facts = deps.facts ?? buildProgramFacts(config.program);

  const isFaultFree = resolved.faults.length === 0 && resolved.chaosProfile === null;
  let bundle: ReferenceBundle | null = deps.reference ?? null;
  if (bundle === null && !isFaultFree) {
    const computed = computeReference(resolved, createExecutor, facts);
    if ('error' in computed) {
      return { run: failedRun(config, 'internal', computed.error), sim: null };
    }
    bundle = computed;
  }

  const loaded = createExecutor();
  if ('error' in loaded) {
    return { run: failedRun(config, 'internal', loaded.error), sim: null };
  }
  const given = config.reference ?? null;
  const failing = new Set([...(bundle?.failingInvariants ?? []), ...(given?.failingInvariants ?? [])]);
  const sim = new Simulation(loaded.executor, facts, {
    ...resolved,
    runtimeStepsPerRequest: RUNTIME_LIMITS.stepsPerRequest,
    reference: given ?? bundle?.simulated ?? null,
    referenceEffects: bundle?.effects ?? null,
    invariantsFailingInReference: failing,
    isReferenceRun: isFaultFree,
  });
  sim.run();
  const result = finishRun(sim, resolved, isFaultFree ? null : (given ?? bundle?.simulated ?? null), bundle?.effects ?? null);
  const run: SimulationRun = {
    result,
    trace: sim.recorder.events,
    stateAt: (step: number): StepState => sim.recorder.stateAt(step),
  };
  return { run, sim };
}

/** Run the scenario fault-free in exactly-once mode and keep what the checkers need. */
export function computeReference(
  resolved: ResolvedConfig,
  createExecutor: () => { executor: Executor } | { error: string },
  facts: ProgramFacts,
): ReferenceBundle | { error: string } {
  const loaded = createExecutor();
  if ('error' in loaded) {
    return { error: loaded.error };
  }
  const sim = new Simulation(loaded.executor, facts, {
    ...resolved,
    mode: 'exactly-once',
    faults: [],
    chaosProfile: null,
    recordTrace: false,
    stopAfterSteps: null,
    runtimeStepsPerRequest: RUNTIME_LIMITS.stepsPerRequest,
    reference: null,
    referenceEffects: null,
    invariantsFailingInReference: new Set(),
    isReferenceRun: true,
  });
  sim.run();
  if (sim.ended !== null && sim.ended.reason !== 'completed') {
    return { error: `the fault-free reference run did not complete: ${sim.ended.message ?? sim.ended.reason}` };
  }
  const result = finishRun(sim, resolved, null, null);
  return {
    simulated: { output: result.output, state: result.state, error: result.error },
    effects: collectEffects(sim),
    failingInvariants: new Set(result.violations.filter((v) => v.invariant !== undefined).map((v) => v.invariant!)),
  };
}

export function collectEffects(sim: Simulation): Map<string, number> {
  const effects = new Map<string, number>();
  for (const worker of sim.workers) {
    for (const [key, count] of worker.state.effects) {
      effects.set(key, (effects.get(key) ?? 0) + count);
    }
  }
  return effects;
}

function finishRun(sim: Simulation, resolved: ResolvedConfig, reference: ReferenceOutcome | null, referenceEffects: Map<string, number> | null): RunResult {
  const entities = collectEntities(sim);
  const state = toStateJson(sim, entities);
  const ended = sim.ended ?? { reason: 'completed' as const, message: null };
  const clientError = sim.gateway.clients.map((c) => c.error).find((e) => e !== null) ?? null;
  const error = clientError ?? (ended.reason === 'completed' || ended.reason === 'stopped' ? null : ended.message);
  const output = splitOutput(sim.output);

  if (resolved.checkInvariants && ended.reason !== 'stopped') {
    sim.checkers.evaluateInvariants(entities, 'at the end of the run', true);
  }
  const effects = collectEffects(sim);
  if (ended.reason !== 'stopped') {
    sim.checkers.finish({ output, state, error }, reference, referenceEffects, effects);
  }
  sim.recorder.hashText(JSON.stringify({ output, state, error }, (_key, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value)));

  let applied = 0;
  for (const count of effects.values()) {
    applied += count;
  }
  const s = sim.stats;
  const stats: RunStats = {
    steps: sim.stepIndex,
    ticks: sim.now,
    requests: s.requests,
    repliesReleased: s.repliesReleased,
    throughputPerKiloTick: sim.now === 0 ? 0 : Math.round((s.repliesReleased * 1000 * 100) / sim.now) / 100,
    latencyTicks: percentiles(sim.gateway.latencies),
    messagesSent: s.messagesSent,
    messagesDropped: s.messagesDropped,
    messagesDuplicated: s.messagesDuplicated,
    messagesReplayed: s.messagesReplayed,
    duplicatesSuppressed: s.duplicatesSuppressed,
    checkpointsCompleted: s.checkpointsCompleted,
    checkpointsAbandoned: s.checkpointsAbandoned,
    checkpointDurationTicks: percentiles(s.checkpointDurations),
    checkpointSizeLast: s.checkpointSizeLast,
    crashes: s.crashes,
    recoveries: s.recoveries,
    recoveryTicks: percentiles(s.recoveryDurations),
    invocationsExecuted: s.invocationsExecuted,
    invocationsApplied: applied,
  };
  return {
    mode: resolved.mode,
    seed: resolved.seed,
    output,
    state,
    error,
    endReason: ended.reason,
    endMessage: ended.message,
    stats,
    violations: sim.checkers.violations,
    traceHash: sim.recorder.traceHash,
    firedFaults: { faults: sim.faults.fired },
    chaosProfile: resolved.chaosProfile,
  };
}

export function percentiles(values: number[]): LatencyStats {
  if (values.length === 0) {
    return { p50: 0, p95: 0, p99: 0, max: 0 };
  }
  const sorted = values.slice().sort((a, b) => a - b);
  // Nearest-rank percentile.
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  return { p50: at(50), p95: at(95), p99: at(99), max: sorted[sorted.length - 1] };
}

function failedRun(config: SimulationConfig, reason: 'invalid' | 'internal', message: string): SimulationRun {
  const empty = percentiles([]);
  const result: RunResult = {
    mode: config.mode,
    seed: config.seed,
    output: [],
    state: {},
    error: message,
    endReason: reason,
    endMessage: message,
    stats: {
      steps: 0, ticks: 0, requests: 0, repliesReleased: 0, throughputPerKiloTick: 0, latencyTicks: empty,
      messagesSent: 0, messagesDropped: 0, messagesDuplicated: 0, messagesReplayed: 0, duplicatesSuppressed: 0,
      checkpointsCompleted: 0, checkpointsAbandoned: 0, checkpointDurationTicks: empty, checkpointSizeLast: 0,
      crashes: 0, recoveries: 0, recoveryTicks: empty, invocationsExecuted: 0, invocationsApplied: 0,
    },
    violations: [],
    traceHash: '00000000',
    firedFaults: { faults: [] },
    chaosProfile: null,
  };
  const state: StepState = { step: -1, time: 0, entities: [], inFlight: [], workers: [], output: [], lastCompletedCheckpoint: null };
  return { result, trace: [], stateAt: () => state };
}

// Seed sweeps and fault-plan shrinking. A sweep runs one scenario under many
// seeds against one shared fault-free reference; shrinking reduces the
// faults that fired in a failing run to a smaller plan that still fails
// (delta debugging over the list of faults), so it can be replayed and read.

import { resolveConfig } from './config.ts';
import type { ProgramFacts } from './engine.ts';
import type { Executor } from './executor.ts';
import { buildProgramFacts } from './programFacts.ts';
import { createRuntimeExecutor } from './runtimeExecutor.ts';
import { computeReference, simulate, type ReferenceBundle } from './simulate.ts';
import type { FaultPlan, PlannedFault, RunResult, SimulationConfig, Violation } from './trace.ts';

export interface SweepOutcome {
  seed: number;
  isFailing: boolean;
  violations: Violation[];
  endReason: RunResult['endReason'];
  endMessage: string | null;
  traceHash: string;
  firedFaults: FaultPlan;
}

/** Everything a sweep reuses across seeds. */
export interface SweepContext {
  createExecutor: () => { executor: Executor } | { error: string };
  facts: ProgramFacts;
  reference: ReferenceBundle;
}

export function prepareSweep(config: SimulationConfig): SweepContext | { error: string } {
  const check = resolveConfig(config);
  if (!check.ok) {
    return { error: check.errors.join('; ') };
  }
  const createExecutor = () => createRuntimeExecutor(config.program, config.client);
  const facts = buildProgramFacts(config.program);
  const reference = computeReference(check.config, createExecutor, facts);
  if ('error' in reference) {
    return reference;
  }
  return { createExecutor, facts, reference };
}

/** A run fails when it breaks a guarantee: a violation the reference does not share, or no normal end. */
export function isFailingRun(result: RunResult): boolean {
  return result.endReason !== 'completed' || result.violations.some((v) => !v.isInReference);
}

export function runSeed(config: SimulationConfig, context: SweepContext, seed: number): SweepOutcome {
  const { result } = simulate({ ...config, seed, recordTrace: false }, context);
  return {
    seed,
    isFailing: isFailingRun(result),
    violations: result.violations.filter((v) => !v.isInReference),
    endReason: result.endReason,
    endMessage: result.endMessage,
    traceHash: result.traceHash,
    firedFaults: result.firedFaults,
  };
}

/**
 * Shrink the faults of a failing run with delta debugging (ddmin): try
 * dropping chunks of the plan, keep any smaller plan that still fails.
 * `runsMax` bounds the number of simulations.
 */
export function shrinkFaultPlan(config: SimulationConfig, context: SweepContext, seed: number, plan: FaultPlan, runsMax = 400): { plan: FaultPlan; runs: number } {
  let runs = 0;
  const fails = (faults: PlannedFault[]): boolean => {
    runs++;
    const { result } = simulate({ ...config, seed, chaos: false, faults: { faults }, recordTrace: false }, context);
    return isFailingRun(result);
  };
  let current = plan.faults.slice();
  if (!fails(current)) {
    // The fired faults alone do not reproduce the failure (rare: chaos also shapes timing); keep them all.
    return { plan: { faults: current }, runs };
  }
  let chunks = 2;
  while (current.length >= 2 && runs < runsMax) {
    const size = Math.ceil(current.length / chunks);
    let isReduced = false;
    for (let start = 0; start < current.length && runs < runsMax; start += size) {
      const complement = [...current.slice(0, start), ...current.slice(start + size)];
      if (complement.length > 0 && fails(complement)) {
        current = complement;
        chunks = Math.max(chunks - 1, 2);
        isReduced = true;
        break;
      }
    }
    if (!isReduced) {
      if (chunks >= current.length) {
        break;
      }
      chunks = Math.min(current.length, chunks * 2);
    }
  }
  return { plan: { faults: current }, runs };
}

/** Parse `A..B` (inclusive); null when malformed. */
export function parseSeedRange(text: string): { first: number; last: number } | null {
  const match = /^(\d+)\.\.(\d+)$/.exec(text);
  if (match === null) {
    return null;
  }
  const first = Number(match[1]);
  const last = Number(match[2]);
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(last) || first > last || last > 0xffffffff) {
    return null;
  }
  return { first, last };
}

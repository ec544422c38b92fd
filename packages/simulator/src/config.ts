// Resolves a SimulationConfig: defaults for timing and limits, and checks of
// every number a caller can pass. Problems come back as messages, never as
// exceptions.

import { resolveProfile } from './chaos.ts';
import { validateFaultPlan } from './faultPlan.ts';
import { DEFAULT_LIMITS, type SimulationLimits } from './limits.ts';
import { GUARANTEE_MODES, type ChaosProfile, type GuaranteeMode, type PlannedFault, type SimulationConfig, type TimingConfig } from './trace.ts';

export const DEFAULT_TIMING: TimingConfig = {
  latencyTicksMin: 2,
  latencyTicksMax: 10,
  serviceTicks: 1,
  checkpointIntervalTicks: 100,
  checkpointTimeoutTicks: 2000,
  failureDetectionTicks: 30,
  retransmitTicks: 40,
  requestTimeoutTicks: 3000,
  clientThinkTicks: 1,
};

export interface ResolvedConfig {
  mode: GuaranteeMode;
  seed: number;
  workers: number;
  clients: number;
  partitions: number;
  timing: TimingConfig;
  limits: SimulationLimits;
  faults: PlannedFault[];
  chaosProfile: ChaosProfile | null;
  recordTrace: boolean;
  stopAfterSteps: number | null;
  checkInvariants: boolean;
}

export type ConfigCheck = { ok: true; config: ResolvedConfig } | { ok: false; errors: string[] };

function checkCount(errors: string[], name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    errors.push(`${name} must be an integer from ${min} to ${max}, got ${String(value)}`);
  }
}

export function resolveConfig(config: SimulationConfig): ConfigCheck {
  const errors: string[] = [];
  const limits: SimulationLimits = { ...DEFAULT_LIMITS, ...config.limits };
  const timing: TimingConfig = { ...DEFAULT_TIMING, ...config.timing };
  const workers = config.workers;
  const clients = config.clients ?? 1;

  if (!GUARANTEE_MODES.includes(config.mode)) {
    errors.push(`mode must be one of ${GUARANTEE_MODES.join(', ')}, got ${String(config.mode)}`);
  }
  checkCount(errors, 'seed', config.seed, 0, 0xffffffff);
  checkCount(errors, 'workers', workers, 1, limits.workersMax);
  checkCount(errors, 'clients', clients, 1, limits.clientsMax);
  const partitions = config.partitions ?? workers * 4;
  checkCount(errors, 'partitions', partitions, 1, 1 << 20);
  for (const [name, value] of Object.entries(timing)) {
    checkCount(errors, `timing.${name}`, value, name === 'latencyTicksMin' || name === 'clientThinkTicks' ? 0 : 1, limits.ticksMax);
  }
  if (timing.latencyTicksMax < timing.latencyTicksMin) {
    errors.push(`timing.latencyTicksMax (${timing.latencyTicksMax}) is below timing.latencyTicksMin (${timing.latencyTicksMin})`);
  }
  if (config.stopAfterSteps !== undefined) {
    checkCount(errors, 'stopAfterSteps', config.stopAfterSteps, 0, limits.stepsMax);
  }

  let faults: PlannedFault[] = [];
  if (config.faults !== undefined && Number.isInteger(workers) && workers >= 1) {
    const check = validateFaultPlan(config.faults, workers, limits.faultsMax);
    if (check.ok) {
      faults = check.plan.faults;
    } else {
      errors.push(...check.errors);
    }
  }
  if (errors.length > 0) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    config: {
      mode: config.mode,
      seed: config.seed >>> 0,
      workers,
      clients,
      partitions,
      timing,
      limits,
      faults,
      chaosProfile: resolveProfile(config.seed >>> 0, config.chaos),
      recordTrace: config.recordTrace ?? true,
      stopAfterSteps: config.stopAfterSteps ?? null,
      checkInvariants: config.checkInvariants ?? true,
    },
  };
}

import { describe, expect, it } from 'vitest';
import { simulate } from '../src/simulate.ts';
import type { ProgramIR } from '@entflow/compiler';
import type { FaultPlan, GuaranteeMode, SimulationConfig } from '../src/trace.ts';
import { createFakeExecutor, fakeFacts, sharedTransfersScript } from './fakeExecutor.ts';

const deps = { createExecutor: () => ({ executor: createFakeExecutor() }), facts: fakeFacts };

function config(overrides: Partial<SimulationConfig> = {}): SimulationConfig {
  return { program: {} as ProgramIR, client: '', mode: 'exactly-once', seed: 1, workers: 3, ...overrides };
}

function run(overrides: Partial<SimulationConfig> = {}) {
  return simulate(config(overrides), deps);
}

describe('engine with the fake bank', () => {
  it('fault-free run completes with expected state', () => {
    const { result } = run();
    expect(result.endReason).toBe('completed');
    expect(result.state.Account.alice.balance).toBe(60);
    expect(result.state.Account.bob.balance).toBe(90);
    expect(result.output).toContain('transfer_tx: ValueError');
    expect(result.output).toContain('bob has 90');
    expect(result.violations).toEqual([]);
  });

  it('same seed gives same trace hash', () => {
    const a = run({ seed: 7, chaos: true });
    const b = run({ seed: 7, chaos: true });
    expect(a.result.traceHash).toBe(b.result.traceHash);
    expect(a.trace.length).toBe(b.trace.length);
  });

  it('exactly-once survives crashes on many seeds', () => {
    for (let seed = 0; seed < 40; seed++) {
      const { result } = run({ seed, chaos: { crash: [1, 60], drop: [1, 20], duplicate: [1, 20] } });
      expect(result.endReason, `seed ${seed}: ${result.endMessage}`).toBe('completed');
      expect(result.violations.filter((v) => !v.isInReference), `seed ${seed}`).toEqual([]);
      expect(result.state.Account.bob.balance).toBe(90);
    }
  });

  it('weak modes are caught on some seeds', () => {
    const caught: Record<GuaranteeMode, number> = { 'exactly-once': 0, 'at-least-once': 0, 'at-most-once': 0 };
    for (const mode of ['at-least-once', 'at-most-once'] as const) {
      for (let seed = 0; seed < 40; seed++) {
        const { result } = run({ mode, seed, chaos: { crash: [1, 60], drop: [1, 20], duplicate: [1, 20] } });
        if (result.violations.some((v) => !v.isInReference)) {
          caught[mode]++;
        }
      }
    }
    expect(caught['at-least-once']).toBeGreaterThan(0);
    expect(caught['at-most-once']).toBeGreaterThan(0);
  });

  it('stateAt matches a run stopped at that step', () => {
    const full = run({ seed: 3, chaos: { crash: [1, 80] } });
    for (const k of [5, 40, 77, 130]) {
      const partial = simulate(config({ seed: 3, chaos: { crash: [1, 80] }, stopAfterSteps: k }), deps);
      const last = partial.result.stats.steps - 1;
      const fresh = partial.stateAt(last);
      expect(full.stateAt(last)).toEqual(fresh);
    }
  });

  it('planned crash plan replays', () => {
    const plan: FaultPlan = { faults: [{ at: { event: 30 }, kind: 'crash', worker: 1, restartAfterTicks: 50 }] };
    const { result } = run({ faults: plan });
    expect(result.stats.crashes).toBe(1);
    expect(result.stats.recoveries).toBe(1);
    expect(result.violations).toEqual([]);
  });

  it('transactions stay isolated with concurrent clients', () => {
    const shared = { createExecutor: () => ({ executor: createFakeExecutor(sharedTransfersScript) }), facts: fakeFacts };
    for (let seed = 0; seed < 20; seed++) {
      const { result } = simulate(config({ seed, clients: 3, chaos: { crash: [1, 150] }, timing: { checkpointIntervalTicks: 20 } }), shared);
      expect(result.endReason).toBe('completed');
      expect(result.violations.filter((v) => !v.isInReference), `seed ${seed}`).toEqual([]);
      const total = (result.state.Account.alice.balance as number) + (result.state.Account.bob.balance as number);
      expect(total).toBe(1000);
    }
  });
});

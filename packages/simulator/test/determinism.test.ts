import { describe, expect, it } from 'vitest';
import { simulate } from '../src/simulate.ts';
import { prepareSweep } from '../src/sweep.ts';
import { GUARANTEE_MODES } from '../src/trace.ts';
import { configFor, scenario } from './corpusHelpers.ts';

describe('determinism', () => {
  it('every seed twice gives one trace hash', () => {
    for (const name of ['02-bank-transfer', '03-bank-transfer-transactional', '13-self-calls']) {
      const program = scenario(name);
      for (const mode of GUARANTEE_MODES) {
        const context = prepareSweep(configFor(program, { mode, chaos: true }));
        if ('error' in context) {
          throw new Error(context.error);
        }
        for (let seed = 1; seed <= 6; seed++) {
          const config = configFor(program, { mode, seed, chaos: true, recordTrace: false });
          const first = simulate(config, context).result;
          const second = simulate(config, context).result;
          expect(second.traceHash, `${name} ${mode} seed ${seed}`).toBe(first.traceHash);
          expect(second.stats).toEqual(first.stats);
        }
      }
    }
  });

  it('recording the trace does not change the hash', () => {
    const config = configFor(scenario('02-bank-transfer'), { seed: 4, chaos: true });
    const recorded = simulate(config);
    const hashed = simulate({ ...config, recordTrace: false });
    expect(recorded.result.traceHash).toBe(hashed.result.traceHash);
    expect(recorded.trace.length).toBe(recorded.result.stats.steps);
  });

  it('different seeds give different traces', () => {
    const program = scenario('02-bank-transfer');
    const hashes = new Set<string>();
    for (let seed = 1; seed <= 5; seed++) {
      hashes.add(simulate(configFor(program, { seed, recordTrace: false })).result.traceHash);
    }
    expect(hashes.size).toBe(5);
  });

  it('golden trace hash of the bank transfer', () => {
    // Regression value: a change here means the simulator (or the compiler's
    // block layout or the runtime's behaviour) changed what a run does.
    const { result } = simulate(configFor(scenario('02-bank-transfer'), {
      seed: 7,
      faults: { faults: [{ at: { event: 50 }, kind: 'crash', worker: 1, restartAfterTicks: 60 }, { at: { time: 120 }, kind: 'drop', from: 1, to: 0 }] },
      recordTrace: false,
    }));
    expect(result.endReason).toBe('completed');
    expect(result.stats.crashes).toBe(1);
    expect(result.traceHash).toMatchInlineSnapshot(`"9fe2ecc5"`);
  });
});

describe('fault replay', () => {
  it('fired faults replay the chaos run exactly', () => {
    const program = scenario('02-bank-transfer');
    for (const mode of GUARANTEE_MODES) {
      for (const seed of [3, 8, 21]) {
        const config = configFor(program, { mode, seed, recordTrace: false });
        const chaotic = simulate({ ...config, chaos: true }).result;
        const replayed = simulate({ ...config, faults: chaotic.firedFaults }).result;
        expect(replayed.traceHash, `${mode} seed ${seed}`).toBe(chaotic.traceHash);
      }
    }
  });

  it('crash during a checkpoint recovers', () => {
    const program = scenario('03-bank-transfer-transactional');
    const plan = { faults: [
      { at: { checkpoint: 2 }, kind: 'crash' as const, worker: 0, restartAfterTicks: 30 },
      { at: { checkpoint: 4 }, kind: 'crash' as const, worker: 2, restartAfterTicks: 90 },
    ] };
    const { result } = simulate(configFor(program, { faults: plan, recordTrace: false }));
    expect(result.stats.crashes).toBe(2);
    expect(result.stats.checkpointsAbandoned).toBeGreaterThanOrEqual(2);
    expect(result.stats.recoveries).toBe(2);
    expect(result.violations.filter((v) => !v.isInReference)).toEqual([]);
    expect(result.state).toEqual(program.reference.state);
  });

  it('partition and slow worker cost time only in exactly-once', () => {
    const program = scenario('04-hotel');
    const plan = { faults: [
      { at: { time: 100 }, kind: 'partition' as const, groups: [[0], [1, 2]] as [number[], number[]], healAfterTicks: 300 },
      { at: { time: 50 }, kind: 'slow' as const, worker: 1, factor: 8, durationTicks: 500 },
      { at: { time: 400 }, kind: 'duplicate' as const, count: 5 },
      { at: { time: 450 }, kind: 'reorder' as const, count: 5 },
    ] };
    const faulty = simulate(configFor(program, { faults: plan, recordTrace: false })).result;
    const clean = simulate(configFor(program, { recordTrace: false })).result;
    expect(faulty.violations.filter((v) => !v.isInReference)).toEqual([]);
    expect(faulty.output).toEqual(program.reference.output);
    expect(faulty.stats.ticks).toBeGreaterThan(clean.stats.ticks);
    expect(faulty.stats.duplicatesSuppressed).toBeGreaterThan(0);
  });
});

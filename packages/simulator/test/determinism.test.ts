import { describe, expect, it } from 'vitest';
import { simulate } from '../src/simulate.ts';
import { GUARANTEE_MODES } from '../src/trace.ts';
import { configFor, scenario } from './corpusHelpers.ts';

describe('determinism', () => {
  it('every seed twice gives one trace hash', () => {
    for (const name of ['02-bank-transfer', '03-bank-transfer-transactional', '13-self-calls']) {
      const program = scenario(name);
      for (const mode of GUARANTEE_MODES) {
        for (let seed = 1; seed <= 8; seed++) {
          const config = configFor(program, { mode, seed, chaos: true, recordTrace: false });
          const first = simulate(config).result;
          const second = simulate(config).result;
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

import { describe, expect, it } from 'vitest';
import { compareModes } from '../src/compare.ts';
import { simulate } from '../src/simulate.ts';
import { prepareSweep } from '../src/sweep.ts';
import type { GuaranteeMode, Violation } from '../src/trace.ts';
import { configFor, scenario } from './corpusHelpers.ts';

const SEEDS = 30;

/** Violations that break a guarantee, per seed, for the bank transfer under crashes. */
function sweepBank(mode: GuaranteeMode): Violation[][] {
  const bank = scenario('02-bank-transfer');
  const base = configFor(bank, { mode, chaos: { crash: [1, 400] }, recordTrace: false });
  const context = prepareSweep(base);
  if ('error' in context) {
    throw new Error(context.error);
  }
  const found: Violation[][] = [];
  for (let seed = 0; seed < SEEDS; seed++) {
    const { result } = simulate({ ...base, seed }, context);
    found.push(result.violations.filter((v) => !v.isInReference));
  }
  return found;
}

describe('guarantee modes on the bank transfer', () => {
  it('exactly-once is never flagged', () => {
    expect(sweepBank('exactly-once').flat()).toEqual([]);
  });

  it('at-least-once repeats an effect', () => {
    const flagged = sweepBank('at-least-once').filter((v) => v.length > 0);
    expect(flagged.length).toBeGreaterThan(0);
    const messages = flagged.flat().map((v) => v.message);
    expect(messages.some((m) => /request \d+ \(Account\.transfer\): Account\/\w+\.balance is \d+, reference \d+ \(effect applied twice\)/.test(m))).toBe(true);
    const repeated = flagged.flat().find((v) => v.kind === 'state' && v.message.includes('applied twice'))!;
    expect(repeated.requestId).not.toBeNull();
    expect(repeated.entity).toMatch(/^Account\//);
    expect(repeated.attribute).not.toBeNull();
  });

  it('at-most-once loses an effect', () => {
    const flagged = sweepBank('at-most-once').filter((v) => v.length > 0);
    expect(flagged.length).toBeGreaterThan(0);
    const messages = flagged.flat().map((v) => v.message);
    expect(messages.some((m) => /Account\/\w+\.\w+ is .*, reference .*\(.*lost\)/.test(m))).toBe(true);
  });

  it('compareModes classifies the differences', () => {
    const bank = scenario('02-bank-transfer');
    const plan = { faults: [{ at: { event: 60 }, kind: 'crash' as const, worker: 0, restartAfterTicks: 40 }, { at: { event: 120 }, kind: 'crash' as const, worker: 1, restartAfterTicks: 40 }] };
    const comparison = compareModes(configFor(bank, { seed: 3, faults: plan }));
    expect(comparison.error).toBeUndefined();
    const byMode = new Map(comparison.modes.map((m) => [m.mode, m]));
    expect(byMode.get('exactly-once')!.diffs).toEqual([]);
    expect(byMode.get('exactly-once')!.state).toEqual(bank.reference.state);
    for (const mode of comparison.modes) {
      expect(mode.traceHash).toMatch(/^[0-9a-f]{8}$/);
    }
  });
});

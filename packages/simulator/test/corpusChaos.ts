// Shared body of the corpus chaos tests: every program in exactly-once mode
// under seeded faults must end with CPython's output, state and error.

import { expect, it } from 'vitest';
import { simulate } from '../src/simulate.ts';
import { prepareSweep } from '../src/sweep.ts';
import { compiledCorpus, configFor } from './corpusHelpers.ts';

export const CHAOS_SEEDS = 20;

export function defineCorpusChaosTests(part: 0 | 1): void {
  const programs = compiledCorpus().filter((_, i) => i % 2 === part);
  for (const program of programs) {
    it(`${program.name} matches CPython under chaos`, () => {
      const base = configFor(program, { chaos: true, recordTrace: false });
      const context = prepareSweep(base);
      if ('error' in context) {
        throw new Error(context.error);
      }
      let crashes = 0;
      for (let seed = 1; seed <= CHAOS_SEEDS; seed++) {
        const { result } = simulate({ ...base, seed }, context);
        crashes += result.stats.crashes;
        expect(result.endReason, `seed ${seed}: ${result.endMessage}`).toBe('completed');
        const broken = result.violations.filter((v) => !v.isInReference).map((v) => v.message);
        expect(broken, `seed ${seed}`).toEqual([]);
        expect(result.output, `seed ${seed}`).toEqual(program.reference.output);
        expect(result.error, `seed ${seed}`).toBe(program.reference.error);
      }
      // The profile turns crashes on for most seeds; the test is void without them.
      expect(crashes).toBeGreaterThan(0);
    });
  }
}

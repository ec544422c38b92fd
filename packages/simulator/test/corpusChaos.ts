// Shared body of the corpus chaos tests: every program in exactly-once mode
// under seeded faults must end with CPython's output, state and error.

import { runDirect } from '@entflow/runtime';
import { expect, it } from 'vitest';
import { simulate } from '../src/simulate.ts';
import { prepareSweep } from '../src/sweep.ts';
import { compiledCorpus, configFor, type CompiledScenario } from './corpusHelpers.ts';
import { jsonEqual } from '../src/stateJson.ts';
import type { JsonValue } from '../src/trace.ts';

export const CHAOS_SEEDS = 20;

/**
 * Programs the simulator cannot run as CPython does for a reason outside
 * the simulator. The test expects them to fail, so once one is fixed its
 * test fails until the entry is removed.
 */
const KNOWN_GAPS: Record<string, string> = {};

/** True when the runtime alone (no simulation) already differs from CPython: the runtime's tests own that. */
function differsInDirectMode(program: CompiledScenario): boolean {
  const direct = runDirect(program.ir, program.client, { clientId: 0 });
  return direct.error !== program.reference.error
    || !jsonEqual(direct.output as JsonValue, program.reference.output)
    || !jsonEqual(direct.state as JsonValue, program.reference.state as JsonValue);
}

export function defineCorpusChaosTests(part: 0 | 1): void {
  const programs = compiledCorpus().filter((_, i) => i % 2 === part);
  for (const program of programs) {
    const test = program.name in KNOWN_GAPS ? it.fails : it;
    test(`${program.name} matches CPython under chaos`, (context) => {
      if (differsInDirectMode(program)) {
        context.skip(`the runtime's direct mode already differs from CPython on ${program.name}`);
      }
      // A planned crash early in every run, besides the seeded faults, so short programs see one too.
      const base = configFor(program, { chaos: true, recordTrace: false });
      const sweep = prepareSweep(base);
      if ('error' in sweep) {
        throw new Error(sweep.error);
      }
      let crashes = 0;
      for (let seed = 1; seed <= CHAOS_SEEDS; seed++) {
        const crash = { at: { event: 12 }, kind: 'crash' as const, worker: seed % 3, restartAfterTicks: 25 };
        const { result } = simulate({ ...base, seed, faults: { faults: [crash] } }, sweep);
        crashes += result.stats.crashes;
        expect(result.endReason, `seed ${seed}: ${result.endMessage}`).toBe('completed');
        const broken = result.violations.filter((v) => !v.isInReference).map((v) => v.message);
        expect(broken, `seed ${seed}`).toEqual([]);
        expect(result.output, `seed ${seed}`).toEqual(program.reference.output);
        expect(result.error, `seed ${seed}`).toBe(program.reference.error);
      }
      expect(crashes).toBeGreaterThanOrEqual(CHAOS_SEEDS);
    });
  }
}

// Property: a method split into blocks and run by the block executor
// behaves as the original method under CPython. Generated programs put
// remote calls, creations, reads and split self-calls in conditions, loops,
// short-circuit operators, comprehensions and try statements; each is run in
// direct mode and on the reference harness, and output, final state and
// uncaught error must agree. Set ENTFLOW_SPLIT_SEED to replay one seed.

import { compile } from '@entflow/compiler';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';

import { programArbitrary, type GeneratedProgram } from '../../compiler/test/support/programGen.ts';
import { runReference, type ReferenceResult } from '../../../corpus/reference/runReference.ts';
import { runDirect } from '../src/index.ts';

const PROGRAM_COUNT = 60;
const seed = Number(process.env['ENTFLOW_SPLIT_SEED'] ?? 20_261_204);
const programs: GeneratedProgram[] = fc.sample(programArbitrary, { numRuns: PROGRAM_COUNT, seed });
let reference: ReferenceResult[] = [];

function normalise(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? `${v}n` : v)));
}

describe(`split methods against CPython (seed ${seed})`, () => {
  beforeAll(async () => {
    reference = await runReference(programs, { timeoutSecondsPerScenario: 20 });
  }, 300_000);

  for (const [index, program] of programs.entries()) {
    it(`generated program ${index} matches`, () => {
      const expected = reference[index]!;
      expect(expected.harnessError).toBeUndefined();
      const compiled = compile(program.entities, 'generated.py');
      expect(compiled.diagnostics).toEqual([]);
      const result = runDirect(compiled.ir!, program.client);
      const context = `program ${index} of seed ${seed}:\n${program.entities}`;
      expect(result.output, context).toEqual(expected.output);
      expect(result.error, context).toBe(expected.error);
      expect(normalise(result.state), context).toEqual(normalise(expected.state));
    });
  }
});

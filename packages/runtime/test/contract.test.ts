// Differential test: every corpus program, compiled and run in direct mode,
// must print the same lines, end in the same state, raise the same uncaught
// error and report the same invariant violations as CPython running the
// same two files on the reference harness.

import { compile } from '@entflow/compiler';
import { beforeAll, describe, expect, it } from 'vitest';

import { loadCorpus } from '../../../corpus/reference/loadCorpus.ts';
import { runReference, type ReferenceResult } from '../../../corpus/reference/runReference.ts';
import { runDirect } from '../src/index.ts';

const programs = loadCorpus();
let reference: ReferenceResult[] = [];

function normalise(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? `${v}n` : v)));
}

describe('corpus against CPython', () => {
  beforeAll(async () => {
    reference = await runReference(programs.map((p) => ({ entities: p.entities, client: p.client })));
  }, 120_000);

  it('has at least 20 programs', () => {
    expect(programs.length).toBeGreaterThanOrEqual(20);
  });

  for (const [index, program] of programs.entries()) {
    it(`${program.name} matches`, () => {
      const expected = reference[index];
      expect(expected.harnessError).toBeUndefined();
      const compiled = compile(program.entities, 'entities.py');
      expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const result = runDirect(compiled.ir!, program.client);
      expect(result.output).toEqual(expected.output);
      expect(result.error).toBe(expected.error);
      expect(normalise(result.state)).toEqual(normalise(expected.state));
      expect(result.violations).toEqual(expected.violations);
    });
  }
});

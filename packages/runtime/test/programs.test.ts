// Small entity programs for single runtime features, each run in direct mode
// and on the CPython reference harness; output, error and state must agree.
// A case is `test/programs/NAME.entities.py` with `NAME.client.py`; a case
// with only a client uses the shared `plain.entities.py`.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { compile } from '@entflow/compiler';
import { beforeAll, describe, expect, it } from 'vitest';

import { runReference, type ReferenceResult } from '../../../corpus/reference/runReference.ts';
import { runDirect } from '../src/index.ts';

const DIR = join(import.meta.dirname, 'programs');
const read = (name: string) => readFileSync(join(DIR, name), 'utf8');
const cases = readdirSync(DIR)
  .filter((f) => f.endsWith('.client.py'))
  .sort()
  .map((f) => {
    const name = f.slice(0, -'.client.py'.length);
    const own = readdirSync(DIR).includes(`${name}.entities.py`);
    return { name, entities: read(own ? `${name}.entities.py` : 'plain.entities.py'), client: read(f) };
  });
let reference: ReferenceResult[] = [];

function normalise(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? `${v}n` : v)));
}

describe('feature programs against CPython', () => {
  beforeAll(async () => {
    reference = await runReference(cases.map(({ entities, client }) => ({ entities, client })));
  }, 120_000);

  for (const [index, c] of cases.entries()) {
    it(`${c.name} matches`, () => {
      const expected = reference[index]!;
      expect(expected.harnessError).toBeUndefined();
      const compiled = compile(c.entities, 'entities.py');
      expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const result = runDirect(compiled.ir!, c.client);
      expect(result.output).toEqual(expected.output);
      expect(result.error).toBe(expected.error);
      expect(normalise(result.state)).toEqual(normalise(expected.state));
    });
  }
});

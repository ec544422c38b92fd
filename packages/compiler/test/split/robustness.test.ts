// compile() on broken user input: programs made by deleting, duplicating
// and re-indenting lines of the split fixtures compile to IR or to
// diagnostics, never to an exception or an internal error (E0999).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compile } from '../../src/compile.ts';

const fixtureDir = fileURLToPath(new URL('../fixtures/split/', import.meta.url));
const programs = readdirSync(fixtureDir)
  .filter((name) => name.endsWith('.py'))
  .sort()
  .map((name) => readFileSync(join(fixtureDir, name), 'utf8'));

type Edit = { kind: 'delete' | 'duplicate' | 'indent' | 'dedent'; line: number };

const editArbitrary: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('delete', 'duplicate', 'indent', 'dedent'),
  line: fc.nat(400),
});

function applyEdits(source: string, edits: Edit[]): string {
  const lines = source.split('\n');
  for (const edit of edits) {
    const index = edit.line % lines.length;
    const line = lines[index]!;
    if (edit.kind === 'delete') lines.splice(index, 1);
    else if (edit.kind === 'duplicate') lines.splice(index, 0, line);
    else if (edit.kind === 'indent') lines[index] = `    ${line}`;
    else lines[index] = line.replace(/^ {4}/, '');
  }
  return lines.join('\n');
}

describe('compile robustness', () => {
  test('edited programs never fail internally', () => {
    fc.assert(
      fc.property(fc.nat(programs.length - 1), fc.array(editArbitrary, { minLength: 1, maxLength: 4 }), (programIndex, edits) => {
        const source = applyEdits(programs[programIndex]!, edits);
        const result = compile(source, 'edited.py');
        const internal = result.diagnostics.filter((diagnostic) => diagnostic.code === 'E0999');
        expect(internal, source).toEqual([]);
        expect(result.ir === null).toBe(result.diagnostics.some((diagnostic) => diagnostic.severity === 'error'));
      }),
      { numRuns: 300 },
    );
  });
});

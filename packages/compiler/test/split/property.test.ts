// Property: every generated program compiles, and its IR passes the
// validator (blocks exist and are reachable, temporaries are assigned on
// every path, remote calls resolve with matching arity).

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compile } from '../../src/compile.ts';
import { validateIr } from '../../src/irValidate.ts';
import { programArbitrary } from '../support/programGen.ts';

describe('split property', () => {
  test('generated programs give valid IR', () => {
    let splitMethods = 0;
    fc.assert(
      fc.property(programArbitrary, (program) => {
        const result = compile(program.entities, 'generated.py');
        expect(result.diagnostics).toEqual([]);
        expect(result.ir).not.toBeNull();
        expect(validateIr(result.ir!)).toEqual([]);
        const run = result.ir!.entities.find((entity) => entity.name === 'Main')!.methods.find((method) => method.name === 'run')!;
        if (run.isSplit) splitMethods++;
      }),
      { numRuns: 250 },
    );
    // Nearly every generated body makes a remote call; the property would
    // be empty if splitting never happened.
    expect(splitMethods).toBeGreaterThan(200);
  });
});

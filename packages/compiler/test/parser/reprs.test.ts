// Constant reprs in dumpAst against CPython's repr: random floats, str and
// bytes values are written as literals, parsed by both, and the Constant
// nodes must print alike (one batched python3 process).

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { dumpAst, reprFloat } from '../../src/dumpAst.ts';
import { parse } from '../../src/parse.ts';
import { parseWithCPython } from './cpython.ts';

const SEED = Number(process.env.ENTFLOW_SEED ?? 20251204);

/** Writes a value as a Python str literal made only of \U escapes, so no quoting rule is involved. */
function strLiteral(codePoints: number[]): string {
  return `'${codePoints.map((c) => `\\U${c.toString(16).padStart(8, '0')}`).join('')}'`;
}

function bytesLiteral(bytes: number[]): string {
  return `b'${bytes.map((b) => `\\x${b.toString(16).padStart(2, '0')}`).join('')}'`;
}

const codePointArb = fc.oneof(
  fc.integer({ min: 0, max: 0x7f }),
  fc.integer({ min: 0x80, max: 0xff }),
  fc.integer({ min: 0x100, max: 0xffff }),
  fc.integer({ min: 0x10000, max: 0x10ffff }),
  fc.constantFrom(0x27, 0x22, 0x5c, 0x0a, 0x0d, 0x09, 0x7f, 0xa0, 0xad, 0x2028, 0xfeff, 0xd800, 0xdfff),
);

// A high surrogate followed by a low one is one character in a JavaScript
// string but two in a Python str, and the tree stores JavaScript strings.
// NOTE: such a pair prints as the combined character, where CPython prints
// two escapes, so the generator leaves these pairs out.
const codePointsArb = fc.array(codePointArb, { maxLength: 12 }).filter((codes) =>
  codes.every((code, i) => !(code >= 0xdc00 && code <= 0xdfff && i > 0 && codes[i - 1]! >= 0xd800 && codes[i - 1]! <= 0xdbff)),
);

describe('constant reprs', () => {
  test('floats, str and bytes print as CPython repr', () => {
    const floats = fc.sample(fc.double({ noNaN: true, min: 0 }), { seed: SEED, numRuns: 1500 });
    const strings = fc.sample(codePointsArb, { seed: SEED, numRuns: 1500 });
    const bytes = fc.sample(fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 12 }), { seed: SEED, numRuns: 300 });
    const sources = [
      ...floats.map((x) => (Number.isFinite(x) ? x.toExponential() : '1e400')),
      ...strings.map(strLiteral),
      ...bytes.map(bytesLiteral),
      // Complex literals print without a trailing `.0`.
      ...['1j', '2.5j', '1e16j', '1e-5j', '0j', '1e400j', '100j', '1.5e300j'],
    ];
    const reference = parseWithCPython(sources);
    for (let i = 0; i < sources.length; i++) {
      const expected = reference[i]!;
      expect(expected.ok, sources[i]).toBe(true);
      const result = parse(sources[i]!);
      expect(result.diagnostics, sources[i]).toEqual([]);
      expect(dumpAst(result.module), `literal ${sources[i]} (seed ${SEED})`).toBe(expected.ok ? expected.dump : '');
    }
  });

  test('float repr switches to exponent form at 1e16 and 1e-4', () => {
    expect(reprFloat(1e16)).toBe('1e+16');
    expect(reprFloat(1e15)).toBe('1000000000000000.0');
    expect(reprFloat(0.0001)).toBe('0.0001');
    expect(reprFloat(0.00001)).toBe('1e-05');
    expect(reprFloat(-2.5)).toBe('-2.5');
    expect(reprFloat(Infinity)).toBe('inf');
    expect(reprFloat(-0)).toBe('-0.0');
  });
});

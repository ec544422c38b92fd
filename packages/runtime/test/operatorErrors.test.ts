// TypeErrors of binary, augmented and three-argument power operations on
// wrong operand types, including ints too large for a float: the runtime
// must raise the exception python3 raises, with the same message.

import { describe, expect, it } from 'vitest';

import { runSnippet } from '../src/index.ts';
import { runPythonBatch } from './pythonBatch.ts';

const AUGMENTED = ['+=', '-=', '*=', '/=', '//=', '%=', '**=', '<<=', '>>=', '&=', '|=', '^=', '@='];

const AUGMENTED_CASES = [
  ...AUGMENTED.map((op) => `x = 1\nx ${op} "a"`),
  ...AUGMENTED.map((op) => `x = 2**1100\nx ${op} None`),
  ...AUGMENTED.map((op) => `x = 1.5\nx ${op} [1]`),
  'x = 1\nx @= 2',
  'x = 2**1100\nx &= 1.5',
  'x = 1.5\nx <<= 2**1100',
  "x = 'a'\nx += 1",
  "x = 'a'\nx -= 'b'",
  'x = [1]\nx -= [1]',
  'x = [1]\nx @= 2',
  'x = (1,)\nx += [1]',
  'x = {1}\nx |= [1]',
  'x = {}\nx |= [(1, 2)]\nprint(x)',
  'x = {}\nx |= [1]',
  'x = {}\nx |= 1',
  'x = [1]\nx[0] += "a"',
  'class C:\n    pass\nx = C()\nx.n = 1\nx.n **= None',
];

const BIG_INT_CASES = [
  'divmod(2**100, range(3))',
  'divmod(10**400, range(3))',
  'divmod(range(3), 10**400)',
  'divmod(10**400, None)',
  'divmod(10**400, 1.5)',
  '2**100 % [1]',
  '10**400 % [1]',
  '2**100 // "a"',
  '10**400 // "a"',
  '2**100 ** None',
  '(10**400) ** None',
  '10**400 / "a"',
  '10**400 & 1.5',
  '2**1100 | 2.0',
  '2.0 ^ 2**1100',
  '2**1100 << 2.0',
  '2.0 >> 2**1100',
  '2**1100 @ 2.0',
  '2**1100 @ 2',
  '10**400 * 1.5',
  '10**400 // 1.5',
  'pow(2**100, 2, "a")',
  'pow(2, "a", 5)',
  'pow("a", 2, 5)',
  'pow(2, "a", 1.5)',
  'pow(2.0, 2, "a")',
  'pow(2, 2, 1.5)',
  'pow(10**400, None)',
  "'a' + C()",
  '[1] + C()',
].map((e) => `class C:\n    pass\nprint(${e})`);

describe('operator TypeErrors', () => {
  it('augmented assignment names the augmented operator', () => {
    expect(runSnippet('x = 1\nx += "a"').error).toBe("TypeError: unsupported operand type(s) for +=: 'int' and 'str'");
    expect(runSnippet('x = 1\nx **= "a"').error).toBe("TypeError: unsupported operand type(s) for **=: 'int' and 'str'");
    expect(runSnippet('x = 1\nx @= 2').error).toBe("TypeError: unsupported operand type(s) for @=: 'int' and 'int'");
  });

  it('divmod of a big int and a range', () => {
    expect(runSnippet('divmod(10**400, range(3))').error).toBe("TypeError: unsupported operand type(s) for divmod(): 'int' and 'range'");
  });

  it('bitwise op of a big int and a float', () => {
    expect(runSnippet('2**1100 & 1.5').error).toBe("TypeError: unsupported operand type(s) for &: 'int' and 'float'");
  });

  it('augmented assignments match python3', () => {
    const expected = runPythonBatch(AUGMENTED_CASES);
    AUGMENTED_CASES.forEach((source, i) => {
      expect({ source, ...runSnippet(source) }).toEqual({ source, ...expected[i] });
    });
  });

  it('big int and wrong-type operands match python3', () => {
    const expected = runPythonBatch(BIG_INT_CASES);
    BIG_INT_CASES.forEach((source, i) => {
      expect({ source, ...runSnippet(source) }).toEqual({ source, ...expected[i] });
    });
  });
});

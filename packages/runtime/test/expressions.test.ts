// Generated expressions, evaluated by the runtime and by one batched python3
// process: every result must have the same repr, or both sides must raise
// the same exception (class and message).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { runSnippet } from '../src/index.ts';
import { runPythonBatch } from './pythonBatch.ts';

const EXPRESSION_COUNT = 2500;
const SEED = Number(process.env.ENTFLOW_FUZZ_SEED ?? 20241204);

const smallInt = fc.integer({ min: -20, max: 20 }).map(String);
const specialInt = fc.constantFrom('0', '1', '-1', '7', '255', '1000', '2147483648', '9007199254740993', '10**15', '-(2**53)', '12345678901234567890', '-98765432109876543210987');
const floatLit = fc.oneof(
  fc.constantFrom('0.1', '0.5', '1.5', '2.5', '-2.5', '3.0', '1e16', '1e-5', '123.456', '-0.0', '1e300', '0.125', '2.675', '1e22', '5e-324', "float('inf')", "float('nan')", '0.30000000000000004'),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => {
    const s = String(x);
    return /[.e]/.test(s) ? s : s + '.0';
  }),
);
const strLit = fc.constantFrom("'abc'", "'a b  c'", "''", "'Hello World'", '"it\'s"', "'ab\\ncd'", "'\\u00fcml'", "'\\U0001f600x'", "'12'", "'  pad  '", "'a,b,,c'", "'x\\ty'", '\'say "hi"\'', "'MiXeD'");
const atom = fc.oneof(
  { weight: 4, arbitrary: smallInt },
  { weight: 2, arbitrary: specialInt },
  { weight: 3, arbitrary: floatLit },
  { weight: 3, arbitrary: strLit },
  { weight: 1, arbitrary: fc.constantFrom('True', 'False', 'None') },
);

const BINOPS = ['+', '-', '*', '/', '//', '%', '&', '|', '^', '<', '<=', '>', '>=', '==', '!=', 'and', 'or', 'in', 'not in'];
const SPECS = ['', 'd', '5', '<6', '>8', '^7', '*^9', '+', ' ', ',', '_', '08.3f', '.2f', '.0f', '.3e', 'e', 'g', '.3g', '.10g', '%', '.1%', 'x', '#x', 'X', 'o', '#b', 's', '.2', '10.3', '=+9', '0>5', 'n', 'c', ',.2f'];
const PERCENT = ['%s', '%r', '%d', '%5d', '%-5d|', '%05.1f', '%.3f', '%e', '%g', '%x', '%o', '%c', '%+d', '%%'];
const METHODS = ['upper()', 'lower()', 'title()', 'capitalize()', 'strip()', 'split()', "split(',')", 'isdigit()', 'isalpha()', "replace('a', 'Z')", "find('b')", "count('a')", "startswith('a')", 'zfill(6)', "center(9, '*')", "partition(' ')", 'swapcase()', 'splitlines()', "join(['x', 'y'])", "rsplit(None, 1)", 'isspace()', 'lstrip()'];

type Arb = fc.Arbitrary<string>;

/** f-string fields without quotes or backslashes (a 3.11 f-string cannot nest its own quotes). */
const fstringArg = fc.oneof(smallInt, specialInt, floatLit, fc.tuple(smallInt, floatLit).map(([a, b]) => `[${a}, ${b}]`), fc.tuple(smallInt, smallInt).map(([a, b]) => `(${a} / ${b})`));

const { expr } = fc.letrec<{ expr: string; seq: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 6, arbitrary: atom },
    { weight: 2, arbitrary: tie('seq') },
    { weight: 5, arbitrary: fc.tuple(tie('expr'), fc.constantFrom(...BINOPS), tie('expr')).map(([a, op, b]) => `(${a} ${op} ${b})`) },
    { weight: 1, arbitrary: fc.tuple(atom, fc.integer({ min: -3, max: 40 })).map(([a, n]) => `(${a} ** ${n})`) },
    { weight: 1, arbitrary: fc.tuple(atom, fc.constantFrom('<<', '>>'), fc.integer({ min: 0, max: 70 })).map(([a, op, n]) => `(${a} ${op} ${n})`) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('-', 'not ', '~', '+'), tie('expr')).map(([op, a]) => `(${op}${a})`) },
    { weight: 1, arbitrary: fc.tuple(tie('expr'), fc.constantFrom('<', '<=', '=='), tie('expr'), fc.constantFrom('<', '!='), tie('expr')).map(([a, o1, b, o2, c]) => `(${a} ${o1} ${b} ${o2} ${c})`) },
    { weight: 2, arbitrary: fc.tuple(tie('seq'), smallInt).map(([s, i]) => `${s}[${i}]`) },
    // hash(None) and hash(nan), and so of anything holding them, depend on addresses in CPython 3.11.
    { weight: 1, arbitrary: fc.oneof(smallInt, specialInt, floatLit.filter((x) => !x.includes('nan')), strLit).map((a) => `hash(${a})`) },
    { weight: 2, arbitrary: fc.tuple(tie('seq'), fc.option(smallInt), fc.option(smallInt), fc.option(fc.constantFrom('1', '2', '-1', '-2', '3', '0'))).map(([s, a, b, c]) => `${s}[${a ?? ''}:${b ?? ''}${c === null ? '' : ':' + c}]`) },
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom('len', 'abs', 'round', 'str', 'repr', 'int', 'float', 'bool', 'list', 'tuple', 'sorted', 'sum', 'min', 'max', 'hex', 'bin', 'oct', 'chr', 'ord', 'reversed', 'set', 'any', 'all'), tie('expr')).map(([f, a]) => (f === 'reversed' ? `list(reversed(${a}))` : `${f}(${a})`)) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('divmod', 'pow', 'round', 'min', 'max', 'isinstance'), tie('expr'), tie('expr')).map(([f, a, b]) => (f === 'isinstance' ? `isinstance(${a}, (int, str))` : f === 'pow' ? `pow(${a}, ${b} % 9 if isinstance(${b}, int) else 2)` : `${f}(${a}, ${b})`)) },
    { weight: 2, arbitrary: fc.tuple(tie('expr'), fc.constantFrom(...SPECS)).map(([a, s]) => `format(${a}, '${s}')`) },
    { weight: 2, arbitrary: fc.tuple(fstringArg, fc.constantFrom(...SPECS), fc.constantFrom('', '!r', '!s')).map(([a, s, c]) => `f"<{${a}${c}${s ? ':' + s : ''}}>"`) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...PERCENT), tie('expr')).map(([p, a]) => `('${p}' % (${a},))`) },
    { weight: 1, arbitrary: fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => `'{} and {!r}'.format(${a}, ${b})`) },
    { weight: 2, arbitrary: fc.tuple(tie('expr'), fc.constantFrom(...METHODS)).map(([a, m]) => `(${a}).${m}`) },
    { weight: 1, arbitrary: fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([a, b, c]) => `(${a} if ${b} else ${c})`) },
  ) as Arb,
  seq: fc.oneof(
    { depthSize: 'small' },
    fc.array(tie('expr'), { maxLength: 4 }).map((xs) => `[${xs.join(', ')}]`),
    fc.array(tie('expr'), { maxLength: 4 }).map((xs) => (xs.length === 1 ? `(${xs[0]},)` : `(${xs.join(', ')})`)),
    fc.array(fc.tuple(fc.oneof(smallInt, strLit, floatLit, fc.constantFrom('True', 'None')), tie('expr')), { maxLength: 3 }).map((kv) => `{${kv.map(([k, v]) => `${k}: ${v}`).join(', ')}}`),
    fc.array(fc.oneof(smallInt, specialInt, fc.constantFrom('0.5', '1.0', '-2.5', '(1, 2)')), { minLength: 1, maxLength: 6 }).map((xs) => `{${xs.join(', ')}}`),
    strLit,
    fc.tuple(smallInt, smallInt).map(([a, b]) => `range(${a}, ${b})`),
  ) as Arb,
}));

/** Exception classes that CPython and the runtime may pick differently for resource limits. */
function normaliseError(e: string): string {
  return e.replace(/^MemoryError(: .*)?$/, 'OverflowError: (size)').replace(/^OverflowError: cannot fit .*/, 'OverflowError: (size)');
}

/** Expressions on which the runtime once disagreed with CPython; they run with every seed. */
const REGRESSIONS = [
  'divmod(-7.5, 2)',
  'sorted({(1, 2), -8, -5, 0.5, 0})',
  "('%05.1f' % (float('nan'),))",
  "format(('%05.1f' % (float('inf'),)), '0>5')",
  "('%+06.1f' % (float('-inf'),))",
  "sorted([3, 1, 2, 'x', 0])",
];

describe('generated expressions against CPython', () => {
  it(`${EXPRESSION_COUNT} expressions agree`, () => {
    const expressions = [...REGRESSIONS, ...fc.sample(expr, { numRuns: EXPRESSION_COUNT, seed: SEED })];
    const snippets = expressions.map((e) => `print(repr(${e}))`);
    const reference = runPythonBatch(snippets);
    const mismatches: string[] = [];
    snippets.forEach((snippet, i) => {
      const started = process.hrtime.bigint();
      let ours: { output: string[]; error: string | null };
      try {
        ours = runSnippet(snippet);
      } catch (e) {
        ours = { output: [], error: `JS ${String(e)}` };
      }
      const theirs = reference[i];
      // CPython took over 2 s (a huge int): nothing to compare.
      if (theirs.error === 'Timeout') return;
      const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (elapsedMs > 1000) mismatches.push(`${expressions[i]}\n    took ${elapsedMs.toFixed(0)} ms`);
      const a = ours.error === null ? ours.output.join('\n') : '!' + normaliseError(ours.error);
      const b = theirs.error === null ? theirs.output.join('\n') : '!' + normaliseError(theirs.error);
      if (a !== b) mismatches.push(`${expressions[i]}\n    ours:    ${a}\n    CPython: ${b}`);
    });
    expect(mismatches.slice(0, 15).join('\n')).toBe('');
  }, 120_000);
});

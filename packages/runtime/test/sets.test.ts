// Generated programs of set operations (add, discard, pop, operators,
// in-place operators, methods with sets and lists), run by the runtime and
// by one batched python3 process: every printed set must iterate in
// CPython's order, which depends on CPython's table layout.

import { describe, expect, it } from 'vitest';

import { runSnippet } from '../src/index.ts';
import { runPythonBatch } from './pythonBatch.ts';

const PROGRAM_COUNT = 400;

/** A linear congruential generator, so every run generates the same programs. */
function makeRandom(seed: number): (bound: number) => number {
  let state = seed;
  return (bound) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return (state >> 8) % bound;
  };
}

function generatePrograms(): string[] {
  const random = makeRandom(12345);
  const element = (): string => {
    const r = random(10);
    if (r < 6) return String(random(40) - 10);
    if (r < 8) return `'s${random(12)}'`;
    if (r < 9) return `${random(8)}.5`;
    return `(${random(5)}, ${random(5)})`;
  };
  const elements = (n: number) => Array.from({ length: n }, element).join(', ');
  const programs: string[] = [];
  for (let k = 0; k < PROGRAM_COUNT; k++) {
    const lines = [`a = {${elements(random(8) + 1)}}`, `b = set([${elements(random(12))}])`, 'c = set()'];
    for (let i = 0; i < 6; i++) {
      const operations = [
        `a.add(${element()})`, `a.discard(${element()})`, `b.add(${element()})`, 'c = a | b', 'c = a & b', 'c = a - b',
        'c = a ^ b', 'a |= b', 'a &= b', 'a -= b', 'a ^= b', `c = a.union([${element()}, ${element()}])`,
        `c = a.intersection([${element()}])`, 'c = a.difference(b)', 'c = set(a)', 'c = frozenset(b)',
        'x = a.pop() if a else None', `c = {x * 2 for x in range(${random(20)})}`, `c = set({${element()}: 1, ${element()}: 2})`,
      ];
      lines.push(operations[random(operations.length)]);
      lines.push('print(a, b, c)');
    }
    programs.push(lines.join('\n'));
  }
  return programs;
}

describe('set iteration order against CPython', () => {
  it(`${PROGRAM_COUNT} programs agree`, () => {
    const programs = generatePrograms();
    const reference = runPythonBatch(programs);
    const mismatches: string[] = [];
    programs.forEach((program, i) => {
      const ours = runSnippet(program);
      const a = JSON.stringify([ours.output, ours.error]);
      const b = JSON.stringify([reference[i].output, reference[i].error]);
      if (a !== b) mismatches.push(`${program}\n  ours:    ${a}\n  CPython: ${b}`);
    });
    expect(mismatches.slice(0, 5).join('\n\n')).toBe('');
  }, 60_000);
});

// Robustness of the parser on broken input: fixture programs with random
// deletions, insertions and swaps of characters, tokens and lines. The parse
// must never throw, must finish quickly, and must keep every span inside the
// source. Where CPython still accepts a mutated program the trees must agree;
// where it rejects one, Entflow must report an error too.

import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Node } from '../../src/ast.ts';
import { dumpAst } from '../../src/dumpAst.ts';
import { parse } from '../../src/parse.ts';
import { parseWithCPython } from './cpython.ts';

const SEED = Number(process.env.ENTFLOW_SEED ?? 20251204);
const MUTANT_COUNT = 2400;
const PARSE_MS_MAX = 50;
const LINES_MAX = 200;

function readFixtures(folder: string): string[] {
  const dir = new URL(`../fixtures/${folder}/`, import.meta.url);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.py'))
    .sort()
    .map((name) => readFileSync(new URL(name, dir), 'utf8'));
}

const fixtures = [...readFixtures('parse'), ...readFixtures('syntax-errors')];

// Larger programs, up to LINES_MAX lines, made by joining fixtures.
const BASES = [...fixtures];
for (let i = 0; i + 8 <= fixtures.length; i += 8) {
  const joined = fixtures.slice(i, i + 8).join('\n').split('\n').slice(0, LINES_MAX).join('\n');
  BASES.push(joined);
}

const INSERTIONS = [
  '(', ')', '[', ']', '{', '}', "'", '"', '"""', "'''", '\\', '\n', '\r\n', '\r', '\t', ' ', '    ',
  ':', '=', ',', '.', ';', '*', '**', '@', '#', "f'{", '}', '!r', ':=', '->', 'é', '😀', '\u00a0', '\0',
  'if ', 'else', 'elif x:', 'lambda', 'yield', 'def ', 'class ', 'for x in ', 'try:', 'except', 'match ',
  'case ', 'not ', 'await ', '0x', '1_', '1e', '.5', 'rb', 'f"', '\\N{', '\n    ', '\n  ',
];

type Mutation =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'swap'; at: number }
  | { kind: 'deleteLine'; at: number }
  | { kind: 'duplicateLine'; at: number }
  | { kind: 'reindentLine'; at: number; indent: string }
  | { kind: 'moveToken'; from: number; to: number };

const positionArb = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: positionArb, length: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: positionArb, text: fc.constantFrom(...INSERTIONS) }),
  fc.record({ kind: fc.constant('swap' as const), at: positionArb }),
  fc.record({ kind: fc.constant('deleteLine' as const), at: positionArb }),
  fc.record({ kind: fc.constant('duplicateLine' as const), at: positionArb }),
  fc.record({ kind: fc.constant('reindentLine' as const), at: positionArb, indent: fc.constantFrom('', ' ', '  ', '\t', '        ', ' \t') }),
  fc.record({ kind: fc.constant('moveToken' as const), from: positionArb, to: positionArb }),
);
const mutantArb = fc.record({
  base: fc.nat({ max: BASES.length - 1 }),
  mutations: fc.array(mutationArb, { minLength: 1, maxLength: 4 }),
});

function applyMutation(source: string, mutation: Mutation): string {
  const index = (fraction: number) => Math.floor(fraction * (source.length + 1));
  switch (mutation.kind) {
    case 'delete': {
      const at = index(mutation.at);
      return source.slice(0, at) + source.slice(at + mutation.length);
    }
    case 'insert': {
      const at = index(mutation.at);
      return source.slice(0, at) + mutation.text + source.slice(at);
    }
    case 'swap': {
      const at = Math.min(index(mutation.at), Math.max(0, source.length - 2));
      return source.slice(0, at) + source.charAt(at + 1) + source.charAt(at) + source.slice(at + 2);
    }
    case 'deleteLine':
    case 'duplicateLine':
    case 'reindentLine': {
      const lines = source.split('\n');
      const line = Math.floor(mutation.at * lines.length);
      if (mutation.kind === 'deleteLine') lines.splice(line, 1);
      else if (mutation.kind === 'duplicateLine') lines.splice(line, 0, lines[line] ?? '');
      else lines[line] = mutation.indent + (lines[line] ?? '').trimStart();
      return lines.join('\n');
    }
    case 'moveToken': {
      // Cut a word-like chunk and paste it elsewhere.
      const from = index(mutation.from);
      const match = /^\s*\S+/.exec(source.slice(from));
      if (match === null) return source;
      const rest = source.slice(0, from) + source.slice(from + match[0].length);
      const to = Math.floor(mutation.to * (rest.length + 1));
      return rest.slice(0, to) + match[0] + rest.slice(to);
    }
  }
}

function checkSpans(node: unknown, length: number, problems: string[]): void {
  if (Array.isArray(node)) {
    for (const item of node) checkSpans(item, length, problems);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const record = node as Partial<Node> & Record<string, unknown>;
  if (typeof record.kind === 'string' && typeof record.start === 'number' && typeof record.end === 'number') {
    if (!(record.start >= 0 && record.start <= record.end && record.end <= length)) {
      problems.push(`${record.kind} span ${record.start}..${record.end} outside 0..${length}`);
    }
  }
  for (const [key, value] of Object.entries(record)) {
    if (key !== 'value' || typeof value === 'object') checkSpans(value, length, problems);
  }
}

/**
 * Parses `source` and returns the result with the parse time, in CPU time of
 * this process so that other processes on the machine do not count. A slow
 * parse is repeated and the fastest of three kept, so a garbage collection
 * pause or a JIT recompilation does not count as slowness of the parser.
 * NOTE: measured in the test only; the parser reads no clock.
 */
function timeParse(source: string): { result: ReturnType<typeof parse>; elapsedMs: number } {
  let elapsedMs = Infinity;
  let result: ReturnType<typeof parse> | null = null;
  for (let attempt = 0; attempt < 3 && elapsedMs > PARSE_MS_MAX / 5; attempt++) {
    const before = process.cpuUsage();
    result = parse(source);
    const used = process.cpuUsage(before);
    elapsedMs = Math.min(elapsedMs, (used.user + used.system) / 1000);
  }
  return { result: result!, elapsedMs };
}

describe('mutated programs', () => {
  test(`${MUTANT_COUNT} mutants parse safely and agree with CPython (seed ${SEED})`, () => {
    const mutants = fc.sample(mutantArb, { seed: SEED, numRuns: MUTANT_COUNT }).map(({ base, mutations }) =>
      mutations.reduce(applyMutation, BASES[base]!),
    );
    const reference = parseWithCPython(mutants);

    // Warm up the JIT so the timing bound measures the parser, not compilation.
    for (const source of BASES.slice(0, 20)) parse(source);

    let slowestMs = 0;
    let slowestIndex = -1;
    let agreedOnLine = 0;
    let rejected = 0;
    for (let i = 0; i < mutants.length; i++) {
      const source = mutants[i]!;
      const context = `seed ${SEED}, mutant ${i} (rerun with ENTFLOW_SEED=${SEED}):\n${JSON.stringify(source)}`;
      const { result, elapsedMs } = timeParse(source);
      if (elapsedMs > slowestMs) {
        slowestMs = elapsedMs;
        slowestIndex = i;
      }

      expect(result.module.kind).toBe('Module');
      const problems: string[] = [];
      checkSpans(result.module, source.length, problems);
      expect(problems, context).toEqual([]);
      for (const diagnostic of result.diagnostics) {
        expect(diagnostic.line, context).toBeGreaterThanOrEqual(1);
        expect(diagnostic.column, context).toBeGreaterThanOrEqual(1);
      }

      const expected = reference[i]!;
      if (expected.ok) {
        expect(result.diagnostics.map((d) => d.message), context).toEqual([]);
        expect(dumpAst(result.module), context).toBe(expected.dump);
      } else {
        expect(result.diagnostics.length, `CPython: ${expected.message}; ${context}`).toBeGreaterThan(0);
        if (expected.line === null) continue;
        rejected++;
        if (result.diagnostics[0]!.line === expected.line) agreedOnLine++;
      }
    }

    const slowest = JSON.stringify(mutants[slowestIndex]);
    expect(slowestMs, `slowest parse: seed ${SEED}, mutant ${slowestIndex}:\n${slowest}`).toBeLessThan(PARSE_MS_MAX);
    // CPython picks its error with a second, slower parse whose reach is not
    // modelled exactly, so a few mutants (under 1 in 300 on the seeds tried)
    // get another line.
    expect(agreedOnLine / rejected).toBeGreaterThan(0.97);
    console.log(
      `mutants: ${mutants.length}, rejected by CPython with a line: ${rejected}, first error on CPython's line: ${agreedOnLine}, slowest parse: ${slowestMs.toFixed(2)} ms`,
    );
  });
});

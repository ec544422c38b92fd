// Measures the parse time of a large file built from the parse fixtures and
// prints `{"lines": N, "fastestMs": T}`. Run by performance.test.ts in a
// plain Node process (through tsx), because vitest's module runner turns
// every imported binding into a getter call and slows the parser about
// fourfold.

import { readdirSync, readFileSync } from 'node:fs';
import { parse } from '../../src/parse.ts';

const FIXTURE_DIR = new URL('../fixtures/parse/', import.meta.url);
const LINE_COUNT_MIN = 10_000;
const RUNS = 10;

function buildLargeSource(): string {
  const fixtures = readdirSync(FIXTURE_DIR)
    .filter((name) => name.endsWith('.py'))
    .sort()
    .map((name) => readFileSync(new URL(name, FIXTURE_DIR), 'utf8').replace(/\r\n?/g, '\n'))
    .filter((text) => !text.includes('\f'));
  const chunks: string[] = [];
  let lineCount = 0;
  // Bounded: every round adds the fixtures' lines, which are more than zero.
  while (lineCount < LINE_COUNT_MIN) {
    for (const text of fixtures) {
      const chunk = text.endsWith('\n') || text === '' ? text : text + '\n';
      chunks.push(chunk);
      lineCount += chunk.split('\n').length - 1;
    }
  }
  return chunks.join('');
}

const source = buildLargeSource();
const errorCount = parse(source).diagnostics.length;

// Fastest of several runs after the warm-up above, in CPU time of this
// process, so other processes on the machine and garbage collection pauses
// do not decide the result.
let fastestMs = Infinity;
for (let run = 0; run < RUNS; run++) {
  const before = process.cpuUsage();
  parse(source);
  const used = process.cpuUsage(before);
  fastestMs = Math.min(fastestMs, (used.user + used.system) / 1000);
}
console.log(JSON.stringify({ lines: source.split('\n').length - 1, fastestMs, errorCount }));

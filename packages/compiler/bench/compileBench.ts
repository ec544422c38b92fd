// Compile-time benchmark: prints the median wall time of `compile()` for the
// largest corpus program and for generated programs of about 1k, 5k and 10k
// lines. Run with `node_modules/.bin/tsx packages/compiler/bench/compileBench.ts`.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { compile } from '../src/compile.ts';

const corpusDir = fileURLToPath(new URL('../../../corpus/', import.meta.url));

/** One entity class of about 100 lines with remote calls in loops, conditions and try statements. */
function generatedClass(index: number): string {
  const name = `Node${index}`;
  const peer = `Node${index === 0 ? 0 : index - 1}`;
  const methods: string[] = [];
  for (let m = 0; m < 8; m++) {
    methods.push(`
    def step${m}(self, other: ${peer}, n: int) -> int:
        total = 0
        for i in range(n):
            if other.value(i) > ${m}:
                total += other.value(i) * 2
            elif i % 3 == 0:
                continue
            else:
                total -= 1
        try:
            total += other.value(total)
        except ValueError as error:
            total = len(str(error))
        return total + self.count`);
  }
  return `
@entity
class ${name}:
    def __init__(self, key: str, peers: List[${peer}]):
        self.key: str = key
        self.count: int = 0
        self.peers: List[${peer}] = peers

    def __key__(self):
        return self.key

    def value(self, n: int) -> int:
        self.count += n
        return self.count
${methods.join('\n')}

    def fan_out(self) -> int:
        return sum(p.value(1) for p in self.peers) + len([p for p in self.peers if p.value(0) > 2])
`;
}

function generatedProgram(lineTarget: number): string {
  const parts = ['from typing import List\n\nfrom stateflow import entity\n'];
  let lines = 3;
  for (let index = 0; lines < lineTarget; index++) {
    const text = generatedClass(index);
    parts.push(text);
    lines += text.split('\n').length;
  }
  return parts.join('');
}

/** Median of `runs` timed compilations, after `warmups` untimed ones so the JIT has compiled the hot paths. */
function medianMilliseconds(source: string, runs: number, warmups: number): number {
  for (let run = 0; run < warmups; run++) compile(source);
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const result = compile(source);
    times.push(performance.now() - started);
    if (result.ir === null) throw new Error(`benchmark program does not compile: ${result.diagnostics[0]?.message}`);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

function largestCorpusProgram(): { name: string; source: string } {
  let largest = { name: '', source: '' };
  for (const name of readdirSync(corpusDir).filter((entry) => /^\d/.test(entry)).sort()) {
    const source = readFileSync(join(corpusDir, name, 'entities.py'), 'utf8');
    if (source.length > largest.source.length) largest = { name, source };
  }
  return largest;
}

const corpus = largestCorpusProgram();
const rows: [string, number, number][] = [
  [`corpus ${corpus.name}`, corpus.source.split('\n').length, medianMilliseconds(corpus.source, 201, 300)],
];
for (const target of [1_000, 5_000, 10_000]) {
  const source = generatedProgram(target);
  const runs = target >= 10_000 ? 15 : 31;
  rows.push([`generated ${target}`, source.split('\n').length, medianMilliseconds(source, runs, 10)]);
}
for (const [label, lines, milliseconds] of rows) {
  console.log(`${label.padEnd(28)} ${String(lines).padStart(6)} lines  median ${milliseconds.toFixed(2).padStart(8)} ms`);
}

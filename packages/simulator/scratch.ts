import { compile } from '@entflow/compiler';
import { readFileSync, readdirSync } from 'node:fs';
import { simulate } from './src/simulate.ts';
import { parseExactJson } from '../../corpus/reference/parseExactJson.ts';
const mode = (process.argv[2] ?? 'exactly-once') as any;
const seeds = Number(process.argv[3] ?? 20);
const only = process.argv[4];
for (const d of readdirSync('corpus').filter((n) => /^\d\d-/.test(n) && (!only || n.startsWith(only)))) {
  const src = readFileSync(`corpus/${d}/entities.py`, 'utf8');
  const client = readFileSync(`corpus/${d}/client.py`, 'utf8');
  const expected = parseExactJson(readFileSync(`corpus/${d}/expected.json`, 'utf8')) as any;
  const ir = compile(src, 'entities.py').ir!;
  const t0 = performance.now();
  let bad = 0; let steps = 0;
  const reference = { output: expected.output, state: expected.state, error: expected.error, failingInvariants: expected.violations.map((v: any) => v.name) };
  for (let seed = 0; seed < seeds; seed++) {
    const r = simulate({ program: ir, client, mode, seed, workers: 3, chaos: true, recordTrace: false, reference }).result;
    steps += r.stats.steps;
    const v = r.violations.filter((x) => !x.isInReference);
    if (v.length || r.endReason !== 'completed') { bad++; if (bad <= 2) console.log('  ', d, seed, r.endReason, r.endMessage, v.slice(0, 3).map((x) => x.message)); }
  }
  console.log(d, 'bad', bad, 'ms/run', ((performance.now() - t0) / seeds).toFixed(1), 'steps/run', Math.round(steps / seeds));
}

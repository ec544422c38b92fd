import { compile } from '@entflow/compiler';
import { readFileSync } from 'node:fs';
import { simulate } from './src/simulate.ts';
import { prepareSweep } from './src/sweep.ts';
const d = process.argv[2] ?? '02-bank-transfer';
const src = readFileSync(`corpus/${d}/entities.py`, 'utf8');
const client = readFileSync(`corpus/${d}/client.py`, 'utf8');
const ir = compile(src, 'entities.py').ir!;
for (const mode of ['exactly-once', 'at-least-once', 'at-most-once'] as const) {
  const base = { program: ir, client, mode, seed: 0, workers: 3, chaos: { crash: [1, 400] as [number, number] }, recordTrace: false };
  const ctx = prepareSweep(base) as any;
  let caught = 0;
  for (let seed = 0; seed < 30; seed++) {
    const r = simulate({ ...base, seed }, ctx).result;
    const v = r.violations.filter((x) => !x.isInReference);
    if (v.length) { caught++; if (caught <= 2) console.log(mode, seed, r.stats.crashes, v.slice(0, 4).map((x) => x.message)); }
  }
  console.log(mode, 'caught', caught);
}

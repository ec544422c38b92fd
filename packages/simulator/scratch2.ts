import { compile } from '@entflow/compiler';
import { readFileSync } from 'node:fs';
import { simulate } from './src/simulate.ts';
const [d, seedText, req] = process.argv.slice(2);
const src = readFileSync(`corpus/${d}/entities.py`, 'utf8');
const client = readFileSync(`corpus/${d}/client.py`, 'utf8');
const ir = compile(src, 'entities.py').ir!;
const run = simulate({ program: ir, client, mode: (process.env.MODE ?? 'exactly-once') as any, seed: Number(seedText), workers: 3, chaos: true });
for (const e of run.trace) {
  if (req && e.requestId !== Number(req) && !['crash', 'recovery', 'restart', 'checkpointComplete', 'snapshot'].includes(e.kind)) continue;
  console.log(e.step, e.time, e.kind, e.component, e.from, e.requestId, e.entity, e.blockId, e.text, e.sent.map((s) => `${s.id}:${s.kind}->${s.to}`).join(' '), e.faults.map((f) => f.kind).join(','), JSON.stringify(e.frames.map(f => f.locals)));
}
console.log(run.result.violations.map((v) => v.message));

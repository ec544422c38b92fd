// Direct-mode benchmark: the YCSB-style corpus program (reads, updates,
// read-modify-writes and transactional transfers) run by the runtime and by
// CPython on the reference harness. Both sides time only the scenario run
// (not process start-up or compilation) and report the median of several
// runs. Usage: node_modules/.bin/tsx packages/runtime/bench/directBench.ts [requests]

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { compile } from '@entflow/compiler';
import { runDirect } from '../src/index.ts';

const PROGRAM_DIRECTORY = fileURLToPath(new URL('../../../corpus/05-ycsb/', import.meta.url));
const REFERENCE_DIRECTORY = fileURLToPath(new URL('../../../corpus/reference/', import.meta.url));
const RUNS = 15;

const requestCount = Number(process.argv[2] ?? 2000);
const entities = readFileSync(PROGRAM_DIRECTORY + 'entities.py', 'utf8');
const client = readFileSync(PROGRAM_DIRECTORY + 'client.py', 'utf8').replace(/^REQUEST_COUNT = \d+$/m, `REQUEST_COUNT = ${requestCount}`);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeRuntime(): { ms: number; output: string[] } {
  const compiled = compile(entities, 'entities.py');
  if (compiled.ir === null) throw new Error('the benchmark program does not compile');
  const times: number[] = [];
  let output: string[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    const result = runDirect(compiled.ir, client);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    output = result.output;
    if (result.error !== null) throw new Error(`the benchmark client failed: ${result.error}`);
  }
  return { ms: median(times), output };
}

const PYTHON_TIMER = `
import sys, json, time, io, contextlib
sys.path.insert(0, ${JSON.stringify(REFERENCE_DIRECTORY)})
from run_reference import run_scenario
data = json.loads(sys.stdin.read())
times = []
result = None
for _ in range(${RUNS}):
    started = time.perf_counter()
    result = run_scenario(data["entities"], data["client"])
    times.append((time.perf_counter() - started) * 1000)
times.sort()
print(json.dumps({"ms": times[len(times) // 2], "output": result["output"]}))
`;

function timeCPython(): { ms: number; output: string[] } {
  const r = spawnSync('python3', ['-c', PYTHON_TIMER], {
    input: JSON.stringify({ entities, client }),
    encoding: 'utf8',
    env: { ...process.env, PYTHONHASHSEED: '0' },
  });
  if (r.error) throw new Error('python3 (CPython 3.11) is required for this benchmark');
  if (r.status !== 0) throw new Error(`python3 failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

const ours = timeRuntime();
const reference = timeCPython();
const same = JSON.stringify(ours.output) === JSON.stringify(reference.output);
console.log(`YCSB-style workload, ${requestCount} requests, median of ${RUNS} runs`);
console.log(`  runtime (direct mode): ${ours.ms.toFixed(1)} ms`);
console.log(`  CPython 3.11 harness:  ${reference.ms.toFixed(1)} ms`);
console.log(`  ratio runtime/CPython: ${(ours.ms / reference.ms).toFixed(2)}x (target <= 3x)`);
console.log(`  outputs identical: ${same ? 'yes' : 'NO'}`);
if (!same) process.exitCode = 1;

// Simulator benchmarks (run: node_modules/.bin/tsx packages/simulator/bench/simBench.ts).
//
// 1. YCSB corpus workload in exactly-once mode with checkpoints, fault-free:
//    simulated requests per wall-clock second, and the simulation's wall time
//    as a ratio to CPython running the same program directly with the
//    reference harness (target: at most 10x CPython's time).
// 2. A 1,000-seed chaos sweep of the bank transfer in exactly-once mode on
//    two worker threads (target: under 30 s on 2 cores).
//
// Wall-clock time is read here only, never inside the simulator.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compile } from '@entflow/compiler';
import { simulate } from '../src/simulate.ts';
import { sweepInThreads } from '../src/cli/parallelSweep.ts';
import type { SimulationConfig } from '../src/trace.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const RUNS = 10;
/** Runs before measuring, so V8 has compiled the hot paths (CPython has no JIT to warm up). */
const WARMUP_RUNS = 5;
const SWEEP_SEEDS = 1000;

function load(name: string): { entities: string; client: string; config: SimulationConfig } {
  const entities = readFileSync(`${ROOT}corpus/${name}/entities.py`, 'utf8');
  const client = readFileSync(`${ROOT}corpus/${name}/client.py`, 'utf8');
  const ir = compile(entities, 'entities.py').ir;
  if (ir === null) {
    throw new Error(`${name} does not compile`);
  }
  return { entities, client, config: { program: ir, client, mode: 'exactly-once', seed: 1, workers: 3, recordTrace: false } };
}

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median seconds per run of the scenario on CPython with the reference harness, start-up excluded. */
function cpythonSeconds(entities: string, client: string): number | null {
  const script = `
import json, sys, time
sys.path.insert(0, ${JSON.stringify(`${ROOT}corpus/reference`)})
import run_reference
scenario = json.load(sys.stdin)
times = []
for _ in range(${RUNS}):
    start = time.perf_counter()
    run_reference.run_scenario(scenario["entities"], scenario["client"])
    times.append(time.perf_counter() - start)
times.sort()
print(times[len(times) // 2])
`;
  const result = spawnSync('python3', ['-c', script], {
    input: JSON.stringify({ entities, client }),
    env: { ...process.env, PYTHONHASHSEED: '0' },
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    console.log(`python3 failed: ${result.error?.message ?? result.stderr}`);
    return null;
  }
  return Number(result.stdout.trim());
}

function benchYcsb(): void {
  const { entities, client, config } = load('05-ycsb');
  for (let i = 0; i < WARMUP_RUNS; i++) {
    simulate(config);
  }
  const times: number[] = [];
  let requests = 0;
  let checkpoints = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const { result } = simulate(config);
    times.push((performance.now() - start) / 1000);
    requests = result.stats.requests;
    checkpoints = result.stats.checkpointsCompleted;
    if (result.endReason !== 'completed') {
      throw new Error(`YCSB run did not complete: ${result.endMessage}`);
    }
  }
  const simSeconds = median(times);
  const pySeconds = cpythonSeconds(entities, client);
  console.log('YCSB (05-ycsb), exactly-once, 3 workers, checkpoints every 100 ticks, fault-free');
  console.log(`  simulator: ${(simSeconds * 1000).toFixed(1)} ms per run (median of ${RUNS} after ${WARMUP_RUNS} warm-up runs), ${requests} requests, ${checkpoints} checkpoints`);
  console.log(`  simulated requests per wall-clock second: ${Math.round(requests / simSeconds)}`);
  if (pySeconds !== null) {
    console.log(`  CPython direct (reference harness): ${(pySeconds * 1000).toFixed(1)} ms per run (median of ${RUNS})`);
    console.log(`  ratio simulator / CPython: ${(simSeconds / pySeconds).toFixed(2)}x (target <= 10x)`);
  }
}

async function benchSweep(): Promise<void> {
  const { config } = load('02-bank-transfer');
  const seeds = Array.from({ length: SWEEP_SEEDS }, (_, i) => i + 1);
  const start = performance.now();
  const outcomes = await sweepInThreads({ ...config, chaos: true }, seeds, 2);
  const seconds = (performance.now() - start) / 1000;
  const failing = outcomes.filter((o) => o.isFailing).length;
  console.log(`Chaos sweep of the bank transfer (02-bank-transfer), exactly-once, ${SWEEP_SEEDS} seeds, 2 threads`);
  console.log(`  wall time: ${seconds.toFixed(1)} s (target < 30 s), ${failing} failing seeds`);
}

benchYcsb();
await benchSweep();

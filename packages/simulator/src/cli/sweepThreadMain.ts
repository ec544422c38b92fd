// Body of a sweep worker thread: prepare the shared reference, run each seed, post the outcomes.

import { parentPort, workerData } from 'node:worker_threads';
import { prepareSweep, runSeed } from '../sweep.ts';
import type { SimulationConfig } from '../trace.ts';

export function runThread(): void {
  const { config, seeds } = workerData as { config: SimulationConfig; seeds: number[] };
  const context = prepareSweep(config);
  if ('error' in context) {
    parentPort?.postMessage({ error: context.error });
    return;
  }
  parentPort?.postMessage({ outcomes: seeds.map((seed) => runSeed(config, context, seed)) });
}

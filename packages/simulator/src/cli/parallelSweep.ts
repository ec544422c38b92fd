// Runs a sweep's seeds on several worker threads (Node only). Each thread
// compiles nothing: it receives the IR and client source, prepares its own
// reference run, and returns plain outcomes.

import { Worker } from 'node:worker_threads';
import type { SweepOutcome } from '../sweep.ts';
import type { SimulationConfig } from '../trace.ts';

export function sweepInThreads(config: SimulationConfig, seeds: number[], threads: number): Promise<SweepOutcome[]> {
  const shares: number[][] = Array.from({ length: Math.min(threads, seeds.length) }, () => []);
  seeds.forEach((seed, i) => shares[i % shares.length].push(seed));
  const runs = shares.map((share) => new Promise<SweepOutcome[]>((resolve, reject) => {
    const worker = new Worker(new URL('./sweepThread.mjs', import.meta.url), { workerData: { config, seeds: share } });
    worker.once('message', (message: { outcomes?: SweepOutcome[]; error?: string }) => {
      if (message.error !== undefined) {
        reject(new Error(message.error));
      } else {
        resolve(message.outcomes ?? []);
      }
      void worker.terminate();
    });
    worker.once('error', reject);
    // A thread that ends without its outcomes would otherwise leave the sweep waiting forever.
    worker.once('exit', (code) => reject(new Error(`a sweep thread stopped (exit code ${code}) before it sent its outcomes`)));
  }));
  return Promise.all(runs).then((parts) => parts.flat().sort((a, b) => a.seed - b.seed));
}

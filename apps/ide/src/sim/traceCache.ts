// Message log rows fetched from the simulator worker in fixed chunks, kept
// for the current run only, so the windowed log requests each chunk once.
import type { LogRow } from '../workers/simulatorProtocol.ts';
import { getSimulator } from './simulatorSession.ts';
import { isSuperseded } from './simulatorConnection.ts';

export const CHUNK_EVENTS = 256;
const CHUNKS_KEPT_MAX = 64;

let cachedRun = -1;
const chunks = new Map<number, LogRow[]>();
const loading = new Set<number>();

function resetFor(runCount: number): void {
  if (runCount === cachedRun) return;
  cachedRun = runCount;
  chunks.clear();
  loading.clear();
}

/** Returns the row of `step` if its chunk is loaded; otherwise starts loading it and returns undefined. */
export function getLogRow(runCount: number, step: number, onLoaded: () => void): LogRow | undefined {
  resetFor(runCount);
  const chunkIndex = Math.floor(step / CHUNK_EVENTS);
  const chunk = chunks.get(chunkIndex);
  if (chunk) return chunk[step - chunkIndex * CHUNK_EVENTS];
  if (!loading.has(chunkIndex)) {
    loading.add(chunkIndex);
    const from = chunkIndex * CHUNK_EVENTS;
    getSimulator()
      .logRows(from, from + CHUNK_EVENTS)
      .then((rows) => {
        if (cachedRun !== runCount) return;
        chunks.set(chunkIndex, rows);
        if (chunks.size > CHUNKS_KEPT_MAX) chunks.delete(chunks.keys().next().value as number);
        onLoaded();
      })
      .catch((error: unknown) => {
        if (!isSuperseded(error)) console.warn(`loading message log rows ${from}..${from + CHUNK_EVENTS} failed`, error);
      })
      .finally(() => loading.delete(chunkIndex));
  }
  return undefined;
}

// Trace events fetched from the simulator worker in fixed chunks, kept for
// the current run only, so windowed views ask for each chunk once.
import type { TraceEvent } from '@entflow/simulator';
import { getSimulator } from './simulatorSession.ts';
import { isSuperseded } from './simulatorConnection.ts';

export const CHUNK_EVENTS = 256;
const CHUNKS_KEPT_MAX = 64;

let cachedRun = -1;
const chunks = new Map<number, TraceEvent[]>();
const loading = new Set<number>();

function resetFor(runCount: number): void {
  if (runCount === cachedRun) return;
  cachedRun = runCount;
  chunks.clear();
  loading.clear();
}

/** The event at `step` if its chunk is loaded; otherwise starts loading it and returns undefined. */
export function getEvent(runCount: number, step: number, onLoaded: () => void): TraceEvent | undefined {
  resetFor(runCount);
  const chunkIndex = Math.floor(step / CHUNK_EVENTS);
  const chunk = chunks.get(chunkIndex);
  if (chunk) return chunk[step - chunkIndex * CHUNK_EVENTS];
  if (!loading.has(chunkIndex)) {
    loading.add(chunkIndex);
    const from = chunkIndex * CHUNK_EVENTS;
    getSimulator()
      .events(from, from + CHUNK_EVENTS)
      .then((events) => {
        if (cachedRun !== runCount) return;
        chunks.set(chunkIndex, events);
        if (chunks.size > CHUNKS_KEPT_MAX) chunks.delete(chunks.keys().next().value as number);
        onLoaded();
      })
      .catch((error: unknown) => {
        if (!isSuperseded(error)) console.warn('loading trace events failed', error);
      })
      .finally(() => loading.delete(chunkIndex));
  }
  return undefined;
}

// Builds the columnar trace index the space-time diagram draws from.
import type { TraceEvent } from '@entflow/simulator';
import type { TraceIndex } from '../workers/simulatorProtocol.ts';
import { STEP_FLAGS } from '../workers/simulatorProtocol.ts';
import { isCheckpointKind, isFaultKind, kindCode } from './traceKinds.ts';

function laneRank(component: string): [number, number] {
  const number = Number(component.slice(component.lastIndexOf('-') + 1));
  const index = Number.isFinite(number) ? number : 0;
  if (component.startsWith('client')) return [0, index];
  if (component === 'ingress') return [1, 0];
  if (component.startsWith('worker')) return [2, index];
  if (component === 'egress') return [3, 0];
  if (component === 'coordinator') return [4, 0];
  return [5, 0];
}

/** Lanes in a stable order: clients, ingress, workers by number, egress, coordinator, others by name. */
export function orderLanes(components: Iterable<string>): string[] {
  return [...new Set(components)].sort((a, b) => {
    const [groupA, indexA] = laneRank(a);
    const [groupB, indexB] = laneRank(b);
    return groupA - groupB || indexA - indexB || a.localeCompare(b);
  });
}

export function buildTraceIndex(trace: readonly TraceEvent[], workerCount: number): TraceIndex {
  const components: string[] = ['ingress', 'egress', 'coordinator'];
  for (let worker = 0; worker < workerCount; worker++) components.push(`worker-${worker}`);
  for (const event of trace) {
    components.push(event.component);
    if (event.from) components.push(event.from);
  }
  const lanes = orderLanes(components);
  const laneOf = new Map(lanes.map((lane, index) => [lane, index]));

  const count = trace.length;
  const index: TraceIndex = {
    lanes,
    kind: new Uint8Array(count),
    lane: new Uint16Array(count),
    time: new Float64Array(count),
    fromLane: new Int16Array(count),
    sentAt: new Float64Array(count),
    flags: new Uint8Array(count),
  };

  for (let step = 0; step < count; step++) {
    const event = trace[step]!;
    index.kind[step] = kindCode(event.kind);
    index.lane[step] = laneOf.get(event.component) ?? 0;
    index.time[step] = event.time;
    const sender = event.consumed?.from ?? event.from;
    index.fromLane[step] = sender ? (laneOf.get(sender) ?? -1) : -1;
    index.sentAt[step] = event.consumed ? event.consumed.sentAt : Number.NaN;

    let flags = 0;
    if (event.faults.length > 0 || isFaultKind(event.kind)) flags |= STEP_FLAGS.fault;
    if (isCheckpointKind(event.kind)) flags |= STEP_FLAGS.checkpoint;
    if (event.kind === 'drop') flags |= STEP_FLAGS.dropped;
    if (event.printed.length > 0) flags |= STEP_FLAGS.printed;
    index.flags[step] = flags;
  }
  return index;
}

export function transferablesOf(index: TraceIndex): Transferable[] {
  return [index.kind, index.lane, index.time, index.fromLane, index.sentAt, index.flags].map((array) => array.buffer);
}

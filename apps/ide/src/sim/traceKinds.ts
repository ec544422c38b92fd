// Trace event kinds in a fixed order, so a kind fits in one byte of the
// trace index; and how the space-time diagram groups them.
import type { TraceEventKind } from '@entflow/simulator';

export const TRACE_KINDS: readonly TraceEventKind[] = [
  'clientRequest', 'dispatch', 'invoke', 'resume', 'construct', 'install', 'read', 'reply', 'release',
  'clientDone', 'checkpointStart', 'barrier', 'snapshot', 'checkpointComplete', 'checkpointAbandoned',
  'txEnd', 'fault', 'crash', 'restart', 'recovery', 'timeout', 'heal', 'drop', 'wait',
];

const CHECKPOINT_KINDS = new Set<TraceEventKind>([
  'checkpointStart', 'barrier', 'snapshot', 'checkpointComplete', 'checkpointAbandoned',
]);
const FAULT_KINDS = new Set<TraceEventKind>(['fault', 'crash', 'restart', 'recovery', 'timeout', 'heal', 'drop']);

export function kindCode(kind: TraceEventKind): number {
  const code = TRACE_KINDS.indexOf(kind);
  return code < 0 ? 255 : code;
}

export function isCheckpointKind(kind: TraceEventKind): boolean {
  return CHECKPOINT_KINDS.has(kind);
}

export function isFaultKind(kind: TraceEventKind): boolean {
  return FAULT_KINDS.has(kind);
}

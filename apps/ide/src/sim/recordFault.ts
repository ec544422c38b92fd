// Faults recorded by clicking: each is planned before the step after the one
// on screen, so re-running replays the same prefix and the fault lands where
// the person clicked.
import type { PlannedFault } from '@entflow/simulator';
import { useFaultStore } from '../stores/faultStore.ts';
import { usePlaybackStore } from '../stores/playbackStore.ts';
import { useConfigStore } from '../stores/configStore.ts';
import { getSimulator } from './simulatorSession.ts';

export const RESTART_AFTER_TICKS = 40;
export const HEAL_AFTER_TICKS = 200;
export const DELAY_TICKS = 60;
export const SLOW_FACTOR = 4;
export const SLOW_TICKS = 300;

function nextStep(): { event: number } {
  return { event: usePlaybackStore.getState().step + 1 };
}

function record(fault: PlannedFault): void {
  useFaultStore.getState().addFault(fault);
}

export function recordCrash(worker: number, restartAfterTicks = RESTART_AFTER_TICKS): void {
  record({ at: nextStep(), kind: 'crash', worker, restartAfterTicks });
}

export function recordSlow(worker: number): void {
  record({ at: nextStep(), kind: 'slow', worker, factor: SLOW_FACTOR, durationTicks: SLOW_TICKS });
}

export function recordPartition(worker: number): void {
  const workers = useConfigStore.getState().workers;
  const others = Array.from({ length: workers }, (_, index) => index).filter((index) => index !== worker);
  record({ at: nextStep(), kind: 'partition', groups: [[worker], others], healAfterTicks: HEAL_AFTER_TICKS });
}

export type LinkFaultKind = 'drop' | 'delay' | 'duplicate';

/**
 * Plans a fault on the worker channel that the next message along a graph
 * edge will use. Returns a sentence for the person: what was planned, or why
 * nothing was (no such message after this step).
 */
export async function recordLinkFault(kind: LinkFaultKind, fromNode: string, toNode: string, relation: string): Promise<string> {
  const step = usePlaybackStore.getState().step;
  const link = await getSimulator().findLinkMessage(step, fromNode, toNode, relation);
  if (!link) return `No ${relation} message crosses this edge after step ${step + 1}, so nothing was planned.`;
  const at = { event: step + 1 };
  if (kind === 'delay') record({ at, kind, from: link.from, to: link.to, count: 1, ticks: DELAY_TICKS });
  else record({ at, kind, from: link.from, to: link.to, count: 1 });
  return `Planned: ${kind} the next message ${link.from}→${link.to} (step ${link.step + 1}: ${link.text}).`;
}

// The changes of one step: the values that differ between two states.
import type { StepState } from '@entflow/simulator';

/**
 * Returns `Class/key.attribute` for every attribute whose value differs, and
 * `Class/key` for every entity that appeared or disappeared.
 */
export function diffStates(before: StepState | null, after: StepState): string[] {
  const previous = new Map((before?.entities ?? []).map((entity) => [entity.id, entity]));
  const changed: string[] = [];

  for (const entity of after.entities) {
    const old = previous.get(entity.id);
    previous.delete(entity.id);
    if (!old) {
      changed.push(entity.id);
      continue;
    }
    const attributes = new Set([...Object.keys(old.state), ...Object.keys(entity.state)]);
    for (const attribute of attributes) {
      if (JSON.stringify(old.state[attribute]) !== JSON.stringify(entity.state[attribute])) {
        changed.push(`${entity.id}.${attribute}`);
      }
    }
  }
  for (const removed of previous.keys()) changed.push(removed);
  return changed;
}

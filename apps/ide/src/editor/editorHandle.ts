// The mounted editor, for the few places outside the editor pane that must
// reach it imperatively (keyboard focus, revealing a line).
import type { BoundEditor } from './bindModels.ts';

let current: BoundEditor | null = null;

export function setBoundEditor(bound: BoundEditor | null): void {
  current = bound;
}

export function getBoundEditor(): BoundEditor | null {
  return current;
}

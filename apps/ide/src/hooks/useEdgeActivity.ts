// The message crossing a graph edge at the current step, as a short label,
// or null when the edge is idle.
import { useOverlayStore } from '../stores/overlayStore.ts';

export function useEdgeActivity(edgeId: string): string | null {
  return useOverlayStore((state) => (state.activeEdgeId === edgeId ? state.activeEdgeLabel : null));
}

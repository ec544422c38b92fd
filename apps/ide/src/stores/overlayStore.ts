// What the current simulation step draws over the graphs: the edge a message
// is crossing, and the operator that is executing.
import { create } from 'zustand';

interface OverlayState {
  activeEdgeId: string | null;
  activeEdgeLabel: string | null;
  /** Operator node id (`op:Class`) executing at the current step. */
  activeNodeId: string | null;
  setOverlay: (overlay: { activeEdgeId: string | null; activeEdgeLabel: string | null; activeNodeId: string | null }) => void;
}

export const useOverlayStore = create<OverlayState>((set) => ({
  activeEdgeId: null,
  activeEdgeLabel: null,
  activeNodeId: null,
  setOverlay: (overlay) => set(overlay),
}));

// The playhead of a simulation run. Kept apart from the run itself so
// that moving the playhead re-renders only what shows the current step.
import { create } from 'zustand';

interface PlaybackState {
  /** Trace index of the last event applied; -1 is the state before the first event. */
  step: number;
  isPlaying: boolean;
  /** Events per second while playing. */
  speed: number;
  /** Block executing at `step`, for the editor highlight; null between blocks. */
  executingBlockId: string | null;
  /** Step to show once the next run is ready (a permalink's step); null keeps the current one. */
  pendingStep: number | null;
  setPendingStep: (pendingStep: number | null) => void;
  setStep: (step: number) => void;
  setPlaying: (isPlaying: boolean) => void;
  setSpeed: (speed: number) => void;
  setExecutingBlock: (blockId: string | null) => void;
}

export const usePlaybackStore = create<PlaybackState>((set) => ({
  step: -1,
  isPlaying: false,
  speed: 8,
  executingBlockId: null,
  pendingStep: null,
  setPendingStep: (pendingStep) => set({ pendingStep }),
  setStep: (step) => set({ step }),
  setPlaying: (isPlaying) => set({ isPlaying }),
  setSpeed: (speed) => set({ speed }),
  setExecutingBlock: (executingBlockId) => set({ executingBlockId }),
}));

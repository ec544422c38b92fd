// Where the person is in a simulation run. Kept apart from the run itself so
// that moving the playhead re-renders only what shows the current step.
import { create } from 'zustand';

interface PlaybackState {
  /** Index into the run's trace: the number of events already applied. */
  step: number;
  isPlaying: boolean;
  /** Events per second while playing. */
  speed: number;
  /** Block executing at `step`, for the editor highlight; null between blocks. */
  executingBlockId: string | null;
  setStep: (step: number) => void;
  setPlaying: (isPlaying: boolean) => void;
  setSpeed: (speed: number) => void;
  setExecutingBlock: (blockId: string | null) => void;
}

export const usePlaybackStore = create<PlaybackState>((set) => ({
  step: 0,
  isPlaying: false,
  speed: 8,
  executingBlockId: null,
  setStep: (step) => set({ step }),
  setPlaying: (isPlaying) => set({ isPlaying }),
  setSpeed: (speed) => set({ speed }),
  setExecutingBlock: (executingBlockId) => set({ executingBlockId }),
}));

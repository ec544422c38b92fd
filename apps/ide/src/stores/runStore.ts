// The newest simulation run and the detail of the step on screen.
import { create } from 'zustand';
import type { RunSummary, StepDetail } from '../workers/simulatorProtocol.ts';

export type RunStatus = 'idle' | 'running' | 'ready' | 'unavailable' | 'blocked' | 'failed';

interface RunState {
  status: RunStatus;
  /** Why there is no run: unavailable simulator, program errors, or a failure. */
  message: string | null;
  summary: RunSummary | null;
  /** Counts runs, so a step detail can be matched to its run. */
  runCount: number;
  detail: StepDetail | null;
  setRunning: () => void;
  setSummary: (summary: RunSummary) => void;
  setProblem: (status: 'unavailable' | 'blocked' | 'failed', message: string) => void;
  setDetail: (detail: StepDetail | null) => void;
}

export const useRunStore = create<RunState>((set) => ({
  status: 'idle',
  message: null,
  summary: null,
  runCount: 0,
  detail: null,
  setRunning: () => set({ status: 'running' }),
  setSummary: (summary) => set((state) => ({ status: 'ready', message: null, summary, runCount: state.runCount + 1 })),
  setProblem: (status, message) => set({ status, message, summary: null, detail: null }),
  setDetail: (detail) => set({ detail }),
}));

/** Index of the last step of the current run, or -1 when there is none. */
export function lastStep(): number {
  const summary = useRunStore.getState().summary;
  return summary ? summary.stepCount - 1 : -1;
}

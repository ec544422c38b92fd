// The newest comparison of the three guarantee modes.
import { create } from 'zustand';
import type { ComparisonResult } from '@entflow/simulator';

interface VerdictState {
  status: 'idle' | 'running' | 'ready' | 'unavailable' | 'failed';
  result: ComparisonResult | null;
  message: string | null;
  /** Seed and fault count the result was computed with, shown beside it. */
  inputs: { seed: number; faults: number; chaos: boolean } | null;
  setRunning: () => void;
  setResult: (result: ComparisonResult, inputs: { seed: number; faults: number; chaos: boolean }) => void;
  setProblem: (status: 'unavailable' | 'failed', message: string) => void;
}

export const useVerdictStore = create<VerdictState>((set) => ({
  status: 'idle',
  result: null,
  message: null,
  inputs: null,
  setRunning: () => set({ status: 'running', result: null, message: null }),
  setResult: (result, inputs) => set({ status: 'ready', result, inputs, message: null }),
  setProblem: (status, message) => set({ status, message, result: null }),
}));

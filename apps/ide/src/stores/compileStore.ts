// The newest compiler output and the edit it belongs to.
import { create } from 'zustand';
import type { ProgramIR } from '@entflow/compiler';
import type { CompileOutput } from '../workers/compilerProtocol.ts';

interface CompileState {
  output: CompileOutput | null;
  /** The newest program that compiled without errors; the graph keeps showing it while errors are fixed. */
  lastGoodIr: ProgramIR | null;
  /** The editor's editRevision that `output` was compiled from. */
  revision: number;
  isCompiling: boolean;
  /** Set when the worker itself failed (a bug, not a user error). */
  workerError: string | null;
  setOutput: (output: CompileOutput, revision: number) => void;
  setCompiling: (isCompiling: boolean) => void;
  setWorkerError: (workerError: string | null) => void;
}

export const useCompileStore = create<CompileState>((set) => ({
  output: null,
  lastGoodIr: null,
  revision: -1,
  isCompiling: false,
  workerError: null,
  setOutput: (output, revision) =>
    set((state) => ({ output, revision, workerError: null, lastGoodIr: output.ir ?? state.lastGoodIr })),
  setCompiling: (isCompiling) => set({ isCompiling }),
  setWorkerError: (workerError) => set({ workerError }),
}));

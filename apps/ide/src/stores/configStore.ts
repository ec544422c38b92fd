// The simulation configuration a person chooses: it is part of a permalink.
import { create } from 'zustand';

export type GuaranteeMode = 'exactly-once' | 'at-least-once' | 'at-most-once';

export const GUARANTEE_MODES: readonly GuaranteeMode[] = ['exactly-once', 'at-least-once', 'at-most-once'];

export interface SimulationConfig {
  mode: GuaranteeMode;
  seed: number;
  workers: number;
  /** Draw extra faults from the seed on top of the explicit plan. */
  chaos: boolean;
}

export const WORKERS_MIN = 1;
export const WORKERS_MAX = 8;
export const DEFAULT_CONFIG: SimulationConfig = { mode: 'exactly-once', seed: 1, workers: 2, chaos: false };

interface ConfigState extends SimulationConfig {
  setConfig: (patch: Partial<SimulationConfig>) => void;
}

export const useConfigStore = create<ConfigState>((set) => ({
  ...DEFAULT_CONFIG,
  setConfig: (patch) => set(patch),
}));

export function readConfig(): SimulationConfig {
  const { mode, seed, workers, chaos } = useConfigStore.getState();
  return { mode, seed, workers, chaos };
}

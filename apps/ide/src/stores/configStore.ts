// The run settings a person chooses; they are part of a permalink.
import { create } from 'zustand';
import type { GuaranteeMode } from '@entflow/simulator';

export { GUARANTEE_MODES } from '@entflow/simulator';

export interface RunSettings {
  mode: GuaranteeMode;
  /** Unsigned 32-bit seed of every random choice in the run. */
  seed: number;
  workers: number;
  /** Draw extra faults from the seed on top of the explicit plan. */
  chaos: boolean;
}

export const WORKERS_MIN = 1;
export const WORKERS_MAX = 8;
export const SEED_MAX = 0xffff_ffff;
export const DEFAULT_SETTINGS: RunSettings = { mode: 'exactly-once', seed: 1, workers: 2, chaos: false };

interface ConfigState extends RunSettings {
  setSettings: (patch: Partial<RunSettings>) => void;
}

export const useConfigStore = create<ConfigState>((set) => ({
  ...DEFAULT_SETTINGS,
  setSettings: (patch) => set(patch),
}));

export function readSettings(): RunSettings {
  const { mode, seed, workers, chaos } = useConfigStore.getState();
  return { mode, seed, workers, chaos };
}

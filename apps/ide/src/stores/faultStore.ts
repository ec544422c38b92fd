// The fault plan: faults recorded by clicking, edited in the list, or loaded
// with an example. It is part of a permalink.
import { create } from 'zustand';
import type { FaultPlan, PlannedFault } from '@entflow/simulator';

interface FaultState {
  plan: FaultPlan;
  setPlan: (plan: FaultPlan) => void;
  addFault: (fault: PlannedFault) => void;
  replaceFault: (index: number, fault: PlannedFault) => void;
  removeFault: (index: number) => void;
}

function triggerOrder(fault: PlannedFault): number {
  const at = fault.at;
  if ('event' in at) return at.event;
  return Number.MAX_SAFE_INTEGER;
}

export const useFaultStore = create<FaultState>((set) => ({
  plan: { faults: [] },
  setPlan: (plan) => set({ plan }),
  addFault: (fault) =>
    set((state) => ({
      plan: { faults: [...state.plan.faults, fault].sort((a, b) => triggerOrder(a) - triggerOrder(b)) },
    })),
  replaceFault: (index, fault) =>
    set((state) => ({ plan: { faults: state.plan.faults.map((old, i) => (i === index ? fault : old)) } })),
  removeFault: (index) => set((state) => ({ plan: { faults: state.plan.faults.filter((_, i) => i !== index) } })),
}));

// The open fault menu (one at a time) and short notices for the person.
import { create } from 'zustand';

export type FaultMenuTarget =
  | { kind: 'worker'; worker: number; x: number; y: number }
  | { kind: 'edge'; fromNode: string; toNode: string; relation: string; label: string; x: number; y: number };

interface MenuState {
  faultMenu: FaultMenuTarget | null;
  notice: { text: string; tone: 'info' | 'error' } | null;
  openFaultMenu: (target: FaultMenuTarget) => void;
  closeFaultMenu: () => void;
  showNotice: (text: string, tone?: 'info' | 'error') => void;
  clearNotice: () => void;
}

export const useMenuStore = create<MenuState>((set) => ({
  faultMenu: null,
  notice: null,
  openFaultMenu: (faultMenu) => set({ faultMenu }),
  closeFaultMenu: () => set({ faultMenu: null }),
  showNotice: (text, tone = 'info') => set({ notice: { text, tone } }),
  clearNotice: () => set({ notice: null }),
}));

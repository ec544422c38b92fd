// The open fault menu (one at a time) and short notices for the person.
import { create } from 'zustand';

export type FaultMenuTarget =
  | { kind: 'worker'; worker: number; x: number; y: number }
  | { kind: 'edge'; fromNode: string; toNode: string; relation: string; label: string; x: number; y: number };

/** A button beside a notice, such as "Open autosaved work". */
export interface NoticeAction {
  label: string;
  run: () => void;
}

export interface Notice {
  text: string;
  tone: 'info' | 'error';
  action?: NoticeAction;
}

interface MenuState {
  faultMenu: FaultMenuTarget | null;
  notice: Notice | null;
  openFaultMenu: (target: FaultMenuTarget) => void;
  closeFaultMenu: () => void;
  showNotice: (text: string, tone?: 'info' | 'error', action?: NoticeAction) => void;
  clearNotice: () => void;
}

export const useMenuStore = create<MenuState>((set) => ({
  faultMenu: null,
  notice: null,
  openFaultMenu: (faultMenu) => set({ faultMenu }),
  closeFaultMenu: () => set({ faultMenu: null }),
  showNotice: (text, tone = 'info', action) => set({ notice: { text, tone, action } }),
  clearNotice: () => set({ notice: null }),
}));

// The open panel tab and the open overlays (help, gallery).
import { create } from 'zustand';

export type BottomTab = 'state' | 'log' | 'spacetime' | 'faults' | 'verdict' | 'output';

export const BOTTOM_TABS: readonly { id: BottomTab; label: string }[] = [
  { id: 'state', label: 'State' },
  { id: 'log', label: 'Message log' },
  { id: 'spacetime', label: 'Space-time' },
  { id: 'faults', label: 'Faults' },
  { id: 'verdict', label: 'Verdict' },
  { id: 'output', label: 'Output & checks' },
];

interface LayoutState {
  bottomTab: BottomTab;
  isHelpOpen: boolean;
  isGalleryOpen: boolean;
  /** The graph takes the whole right column (the run panels fold away). */
  isGraphMaximized: boolean;
  setGraphMaximized: (isGraphMaximized: boolean) => void;
  setBottomTab: (bottomTab: BottomTab) => void;
  setHelpOpen: (isHelpOpen: boolean) => void;
  setGalleryOpen: (isGalleryOpen: boolean) => void;
}

export const useLayoutStore = create<LayoutState>((set) => ({
  bottomTab: 'state',
  isHelpOpen: false,
  isGalleryOpen: false,
  isGraphMaximized: false,
  setGraphMaximized: (isGraphMaximized) => set({ isGraphMaximized }),
  setBottomTab: (bottomTab) => set({ bottomTab }),
  setHelpOpen: (isHelpOpen) => set({ isHelpOpen }),
  setGalleryOpen: (isGalleryOpen) => set({ isGalleryOpen }),
}));

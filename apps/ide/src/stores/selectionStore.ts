// What the graph shows and which part of the program is selected. The editor
// and the graphs both read and write it, which links them both ways.
import { create } from 'zustand';

export type GraphView = { kind: 'dataflow' } | { kind: 'method'; qualifiedName: string };

interface SelectionState {
  graphView: GraphView;
  /** Block chosen in a block graph; its source lines are highlighted. */
  selectedBlockId: string | null;
  /** Method under the editor cursor (`Class.method`), or null. */
  cursorMethod: string | null;
  /** Block under the editor cursor, or null. */
  cursorBlockId: string | null;
  openMethod: (qualifiedName: string) => void;
  showDataflow: () => void;
  selectBlock: (blockId: string | null) => void;
  setCursorTarget: (method: string | null, blockId: string | null) => void;
}

export const useSelectionStore = create<SelectionState>((set) => ({
  graphView: { kind: 'dataflow' },
  selectedBlockId: null,
  cursorMethod: null,
  cursorBlockId: null,
  openMethod: (qualifiedName) => set({ graphView: { kind: 'method', qualifiedName }, selectedBlockId: null }),
  showDataflow: () => set({ graphView: { kind: 'dataflow' }, selectedBlockId: null }),
  selectBlock: (selectedBlockId) => set({ selectedBlockId }),
  setCursorTarget: (cursorMethod, cursorBlockId) => set({ cursorMethod, cursorBlockId }),
}));

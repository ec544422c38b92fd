// The two source files and where the person is in them.
import { create } from 'zustand';
import type { FileId, SourceFiles } from '../workers/compilerProtocol.ts';

export interface CursorPosition {
  file: FileId;
  /** UTF-16 offset into the file, as the compiler's spans count. */
  offset: number;
}

interface EditorState {
  files: SourceFiles;
  activeFile: FileId;
  cursor: CursorPosition | null;
  /** Counts edits, so consumers can tell a newer text from an older one. */
  editRevision: number;
  /** Counts whole-program loads (example, permalink, restore), which refit the graph. */
  loadCount: number;
  /** Gallery example the files came from, or null for the person's own program. */
  exampleId: string | null;
  setFileText: (file: FileId, text: string) => void;
  replaceFiles: (files: SourceFiles, exampleId?: string | null) => void;
  setActiveFile: (file: FileId) => void;
  setCursor: (cursor: CursorPosition | null) => void;
}

export const useEditorStore = create<EditorState>((set) => ({
  files: { entities: '', client: '' },
  activeFile: 'entities',
  cursor: null,
  editRevision: 0,
  loadCount: 0,
  exampleId: null,
  setFileText: (file, text) =>
    set((state) =>
      state.files[file] === text
        ? state
        : { files: { ...state.files, [file]: text }, editRevision: state.editRevision + 1 },
    ),
  replaceFiles: (files, exampleId = null) =>
    set((state) => ({ files, exampleId, editRevision: state.editRevision + 1, loadCount: state.loadCount + 1, cursor: null })),
  setActiveFile: (activeFile) => set({ activeFile }),
  setCursor: (cursor) => set({ cursor }),
}));

// Connects one Monaco editor to the editor store: one model per file (each
// keeps its own undo history and scroll position), text flowing both ways,
// the cursor reported as an offset, and diagnostics shown as markers.
import type { Diagnostic } from '@entflow/compiler';
import { monaco } from './setupMonaco.ts';
import { FILE_IDS, FILE_NAMES } from '../workers/compilerProtocol.ts';
import type { FileId } from '../workers/compilerProtocol.ts';
import { useEditorStore } from '../stores/editorStore.ts';
import { useCompileStore } from '../stores/compileStore.ts';

type CodeEditor = monaco.editor.IStandaloneCodeEditor;
type TextModel = monaco.editor.ITextModel;

const MARKER_OWNER = 'entflow';

export interface BoundEditor {
  editor: CodeEditor;
  models: Record<FileId, TextModel>;
  dispose: () => void;
}

function getOrCreateModel(file: FileId, text: string): TextModel {
  const uri = monaco.Uri.parse(`file:///${FILE_NAMES[file]}`);
  const existing = monaco.editor.getModel(uri);
  if (existing) {
    if (existing.getValue() !== text) existing.setValue(text);
    return existing;
  }
  return monaco.editor.createModel(text, 'python', uri);
}

/** Replaces a model's text as one undoable edit, so Ctrl+Z brings the old text back. */
function replaceText(model: TextModel, text: string): void {
  model.pushStackElement();
  model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
  model.pushStackElement();
}

function toMarker(diagnostic: Diagnostic): monaco.editor.IMarkerData {
  return {
    severity: diagnostic.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
    code: diagnostic.code,
    message: diagnostic.message,
    startLineNumber: diagnostic.line,
    startColumn: diagnostic.column,
    endLineNumber: diagnostic.endLine,
    endColumn: Math.max(diagnostic.endColumn, diagnostic.line === diagnostic.endLine ? diagnostic.column + 1 : 1),
    source: 'entflow',
  };
}

export function bindModels(editor: CodeEditor): BoundEditor {
  const store = useEditorStore.getState();
  const models = {
    entities: getOrCreateModel('entities', store.files.entities),
    client: getOrCreateModel('client', store.files.client),
  };
  const viewStates = new Map<FileId, monaco.editor.ICodeEditorViewState | null>();
  const disposables: monaco.IDisposable[] = [];

  editor.setModel(models[store.activeFile]);

  for (const file of FILE_IDS) {
    disposables.push(
      models[file].onDidChangeContent(() => useEditorStore.getState().setFileText(file, models[file].getValue())),
    );
  }

  disposables.push(
    editor.onDidChangeCursorPosition((event) => {
      const model = editor.getModel();
      const file = FILE_IDS.find((id) => models[id] === model);
      if (!model || !file) return;
      useEditorStore.getState().setCursor({ file, offset: model.getOffsetAt(event.position) });
    }),
  );

  // Markers are replaced only when the diagnostics change, not on every compile.
  const shownMarkers: Record<FileId, string> = { entities: '', client: '' };
  const showMarkers = (): void => {
    const output = useCompileStore.getState().output;
    for (const file of FILE_IDS) {
      const diagnostics = output?.diagnostics[file] ?? [];
      const key = JSON.stringify(diagnostics);
      if (key === shownMarkers[file]) continue;
      shownMarkers[file] = key;
      monaco.editor.setModelMarkers(models[file], MARKER_OWNER, diagnostics.map(toMarker));
    }
  };
  showMarkers();

  const unsubscribeEditor = useEditorStore.subscribe((state, previous) => {
    for (const file of FILE_IDS) {
      if (state.files[file] !== models[file].getValue()) replaceText(models[file], state.files[file]);
    }
    if (state.activeFile !== previous.activeFile) {
      viewStates.set(previous.activeFile, editor.saveViewState());
      editor.setModel(models[state.activeFile]);
      const viewState = viewStates.get(state.activeFile);
      if (viewState) editor.restoreViewState(viewState);
    }
  });
  const unsubscribeCompile = useCompileStore.subscribe((state, previous) => {
    if (state.output !== previous.output) showMarkers();
  });

  return {
    editor,
    models,
    dispose: () => {
      unsubscribeEditor();
      unsubscribeCompile();
      for (const disposable of disposables) disposable.dispose();
    },
  };
}

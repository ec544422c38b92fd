import { useCallback, useEffect, useRef } from 'react';
import Editor from '@monaco-editor/react';
import type { OnMount } from '@monaco-editor/react';
import { DARK_THEME, LIGHT_THEME } from '../editor/setupMonaco.ts';
import { bindModels } from '../editor/bindModels.ts';
import type { BoundEditor } from '../editor/bindModels.ts';
import { bindHighlights } from '../editor/bindHighlights.ts';
import { setBoundEditor } from '../editor/editorHandle.ts';
import { useColorScheme } from '../hooks/useColorScheme.ts';
import { EditorTabs } from './EditorTabs.tsx';

const EDITOR_OPTIONS = {
  automaticLayout: true,
  fontSize: 13,
  minimap: { enabled: false },
  scrollBeyondLastLine: false,
  tabSize: 4,
  insertSpaces: true,
  renderLineHighlight: 'line',
  glyphMargin: false,
  fixedOverflowWidgets: true,
  stickyScroll: { enabled: false },
  // Enter always breaks the line; Tab accepts a suggestion.
  acceptSuggestionOnEnter: 'off',
} as const;

/**
 * The Monaco editor with its file tabs. The `nokey` class keeps React Flow's
 * window key handler from taking Space (its pan key) while a person types.
 */
export function EditorPane() {
  const scheme = useColorScheme();
  const boundRef = useRef<{ bound: BoundEditor; unbindHighlights: () => void } | null>(null);

  const handleMount = useCallback<OnMount>((editor) => {
    const bound = bindModels(editor);
    boundRef.current = { bound, unbindHighlights: bindHighlights(bound) };
    setBoundEditor(bound);
  }, []);

  useEffect(
    () => () => {
      boundRef.current?.unbindHighlights();
      boundRef.current?.bound.dispose();
      setBoundEditor(null);
    },
    [],
  );

  return (
    <section className="pane editor-pane nokey" data-testid="editor.pane" aria-label="Source editor">
      <EditorTabs />
      <div className="editor-host" data-testid="editor.host">
        <Editor
          theme={scheme === 'dark' ? DARK_THEME : LIGHT_THEME}
          options={EDITOR_OPTIONS}
          onMount={handleMount}
          loading={<div className="pane-placeholder">Loading editor…</div>}
        />
      </div>
    </section>
  );
}

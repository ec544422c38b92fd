// The Monaco editor itself, bound to the editor store.
import { useCallback, useEffect, useRef } from 'react';
import Editor from '@monaco-editor/react';
import type { OnMount } from '@monaco-editor/react';
import { DARK_THEME, LIGHT_THEME } from '../editor/setupMonaco.ts';
import { bindModels } from '../editor/bindModels.ts';
import type { BoundEditor } from '../editor/bindModels.ts';
import { bindHighlights } from '../editor/bindHighlights.ts';
import { setBoundEditor } from '../editor/editorHandle.ts';
import { useColorScheme } from '../hooks/useColorScheme.ts';

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

export default function MonacoHost() {
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
    <Editor
      theme={scheme === 'dark' ? DARK_THEME : LIGHT_THEME}
      options={EDITOR_OPTIONS}
      onMount={handleMount}
      loading={<div className="pane-placeholder">Loading editor…</div>}
    />
  );
}

import { Suspense, lazy } from 'react';
import { EditorTabs } from './EditorTabs.tsx';

// Requested at once (before the first render), so Monaco loads while the
// page renders and the first compile runs.
const monacoHostModule = import('./MonacoHost.tsx');
const MonacoHost = lazy(() => monacoHostModule);

/**
 * The Monaco editor with its file tabs. The `nokey` class keeps React Flow's
 * window key handler from taking Space (its pan key) while a person types.
 */
export function EditorPane() {
  return (
    <section className="pane editor-pane nokey" data-testid="editor.pane" aria-label="Source editor">
      <EditorTabs />
      <div className="editor-host" data-testid="editor.host">
        <Suspense fallback={<div className="pane-placeholder">Loading editor…</div>}>
          <MonacoHost />
        </Suspense>
      </div>
    </section>
  );
}

import { EditorTabs } from './EditorTabs.tsx';
// NOTE: loading Monaco lazily (a dynamic import started at once) drew the
// graph sooner but the editor later than this static import, measured with
// e2e/perf.spec.ts on a loaded 2-core machine.
import MonacoHost from './MonacoHost.tsx';

/**
 * Renders the Monaco editor with its file tabs. The `nokey` class keeps React Flow's
 * window key handler from taking Space (its pan key) while a person types.
 */
export function EditorPane() {
  return (
    <section className="pane editor-pane nokey" data-testid="editor.pane" aria-label="Source editor">
      <EditorTabs />
      <div className="editor-host" data-testid="editor.host">
        <MonacoHost />
      </div>
    </section>
  );
}

import { useCompileStore } from '../stores/compileStore.ts';
import { useEditorStore } from '../stores/editorStore.ts';
import { FILE_IDS, FILE_NAMES } from '../workers/compilerProtocol.ts';
import type { FileId } from '../workers/compilerProtocol.ts';
import { getBoundEditor } from '../editor/editorHandle.ts';

function reveal(file: FileId, line: number, column: number): void {
  useEditorStore.getState().setActiveFile(file);
  requestAnimationFrame(() => {
    const editor = getBoundEditor()?.editor;
    if (!editor) return;
    editor.setPosition({ lineNumber: line, column });
    editor.revealLineInCenterIfOutsideViewport(line);
    editor.focus();
  });
}

/** Every diagnostic of both files; clicking one moves the cursor to it. */
export function ProblemsPanel() {
  const diagnostics = useCompileStore((state) => state.output?.diagnostics);
  const rows = FILE_IDS.flatMap((file) => (diagnostics?.[file] ?? []).map((diagnostic) => ({ file, diagnostic })));

  return (
    <section className="pane problems-pane" aria-label="Problems" data-testid="problems.pane">
      <div className="pane-header">
        <h2>Problems</h2>
        <span className={`badge ${rows.length > 0 ? 'badge-error' : 'badge-ok'}`} data-testid="problems.count">
          {rows.length}
        </span>
      </div>
      <ul className="problems-list">
        {rows.length === 0 && <li className="muted">No problems.</li>}
        {rows.map(({ file, diagnostic }, index) => (
          <li key={`${file}:${index}`}>
            <button
              type="button"
              className={`problem problem-${diagnostic.severity}`}
              data-testid="problems.item"
              onClick={() => reveal(file, diagnostic.line, diagnostic.column)}
            >
              <span className="problem-where">
                {FILE_NAMES[file]}:{diagnostic.line}:{diagnostic.column}
              </span>
              <span className="problem-code">{diagnostic.code}</span>
              <span className="problem-message">{diagnostic.message}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

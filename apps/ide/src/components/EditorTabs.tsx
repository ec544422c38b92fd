import { useEditorStore } from '../stores/editorStore.ts';
import { useCompileStore } from '../stores/compileStore.ts';
import { FILE_IDS, FILE_NAMES } from '../workers/compilerProtocol.ts';

export function EditorTabs() {
  const activeFile = useEditorStore((state) => state.activeFile);
  const setActiveFile = useEditorStore((state) => state.setActiveFile);
  const diagnostics = useCompileStore((state) => state.output?.diagnostics);

  return (
    <div className="tabs" role="tablist" aria-label="Files">
      {FILE_IDS.map((file) => {
        const errorCount = diagnostics?.[file].filter((d) => d.severity === 'error').length ?? 0;
        return (
          <button
            key={file}
            role="tab"
            type="button"
            aria-selected={activeFile === file}
            className="tab"
            data-testid={`editor.tab.${file}`}
            onClick={() => setActiveFile(file)}
          >
            {FILE_NAMES[file]}
            {errorCount > 0 && (
              <span className="badge badge-error" data-testid={`editor.tab.${file}.errors`} title={`${errorCount} errors`}>
                {errorCount}
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
}

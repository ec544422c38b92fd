import { useLayoutStore } from '../stores/layoutStore.ts';
import { useEditorStore } from '../stores/editorStore.ts';
import { findExample } from '../examples/gallery.ts';
import { ShareButton } from './ShareButton.tsx';

export function Toolbar() {
  const setGalleryOpen = useLayoutStore((state) => state.setGalleryOpen);
  const setHelpOpen = useLayoutStore((state) => state.setHelpOpen);
  const exampleId = useEditorStore((state) => state.exampleId);
  const example = exampleId ? findExample(exampleId) : undefined;

  return (
    <header className="toolbar" data-testid="toolbar">
      <span className="brand">
        <span className="brand-mark" aria-hidden="true">⇶</span> Entflow
      </span>
      <button type="button" className="btn" data-testid="gallery.button" onClick={() => setGalleryOpen(true)} title="Examples (Alt+G)">
        Examples
      </button>
      {example && (
        <span className="example-name" data-testid="toolbar.example" title={example.note}>
          {example.title}
          <span className="muted"> · {example.note}</span>
        </span>
      )}
      <span className="spacer" />
      <ShareButton />
      <button type="button" className="btn btn-icon" data-testid="help.button" title="Keyboard shortcuts (?)" onClick={() => setHelpOpen(true)}>
        ?
      </button>
    </header>
  );
}

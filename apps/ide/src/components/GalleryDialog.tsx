import { useModalDialog } from '../hooks/useModalDialog.ts';
import { EXAMPLES } from '../examples/gallery.ts';
import type { Example } from '../examples/gallery.ts';
import { useLayoutStore } from '../stores/layoutStore.ts';
import { useEditorStore } from '../stores/editorStore.ts';
import { useFaultStore } from '../stores/faultStore.ts';
import { usePlaybackStore } from '../stores/playbackStore.ts';
import { useSelectionStore } from '../stores/selectionStore.ts';
import { checkFaultPlan, describeFault } from '../sim/faultPlan.ts';

function openExample(example: Example, withFaults: boolean): void {
  const plan = withFaults && example.faults ? checkFaultPlan(example.faults) : null;
  useEditorStore.getState().replaceFiles({ ...example.files }, example.id);
  useFaultStore.getState().setPlan(plan?.ok ? plan.plan : { faults: [] });
  usePlaybackStore.getState().setPlaying(false);
  usePlaybackStore.getState().setPendingStep(-1);
  useSelectionStore.getState().showDataflow();
  useLayoutStore.getState().setGalleryOpen(false);
}

/** Lists the examples from the corpus, each with its note and suggested fault plan. */
export function GalleryDialog() {
  const isOpen = useLayoutStore((state) => state.isGalleryOpen);
  const setOpen = useLayoutStore((state) => state.setGalleryOpen);
  const dialogRef = useModalDialog(isOpen);

  return (
    <dialog ref={dialogRef} className="dialog gallery" onClose={() => setOpen(false)} data-testid="gallery.dialog" aria-label="Examples">
      <header className="dialog-header">
        <h2>Examples</h2>
        <button type="button" className="btn btn-icon" onClick={() => setOpen(false)} aria-label="Close">
          ✕
        </button>
      </header>
      {EXAMPLES.length === 0 && <p className="muted">The build found no examples under corpus/.</p>}
      <ul className="gallery-grid">
        {EXAMPLES.map((example) => {
          const plan = example.faults ? checkFaultPlan(example.faults) : null;
          const faults = plan?.ok ? plan.plan.faults : [];
          return (
            <li key={example.id} className="gallery-card" data-testid="gallery.item" data-example={example.id}>
              <h3>{example.title}</h3>
              <p className="gallery-note">{example.note || 'No note.'}</p>
              {faults.length > 0 && (
                <p className="muted gallery-faults" title={faults.map(describeFault).join('\n')}>
                  Suggested faults: {faults.map(describeFault).join('; ')}
                </p>
              )}
              <div className="gallery-actions">
                <button type="button" className="btn btn-primary" data-testid="gallery.open" onClick={() => openExample(example, false)}>
                  Open
                </button>
                {faults.length > 0 && (
                  <button type="button" className="btn" data-testid="gallery.openWithFaults" onClick={() => openExample(example, true)}>
                    Open with faults
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </dialog>
  );
}

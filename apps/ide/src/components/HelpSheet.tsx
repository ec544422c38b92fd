import { useModalDialog } from '../hooks/useModalDialog.ts';
import { SHORTCUTS } from '../hooks/shortcuts.ts';
import { useLayoutStore } from '../stores/layoutStore.ts';

export function HelpSheet() {
  const isOpen = useLayoutStore((state) => state.isHelpOpen);
  const setOpen = useLayoutStore((state) => state.setHelpOpen);
  const dialogRef = useModalDialog(isOpen);

  return (
    <dialog ref={dialogRef} className="dialog help" onClose={() => setOpen(false)} data-testid="help.dialog" aria-label="Keyboard shortcuts">
      <header className="dialog-header">
        <h2>Keyboard</h2>
        <button type="button" className="btn btn-icon" onClick={() => setOpen(false)} aria-label="Close">
          ✕
        </button>
      </header>
      <table className="shortcut-table">
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.command}>
              <th>
                <kbd>{shortcut.keys}</kbd>
              </th>
              <td>{shortcut.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        Plain keys act when the focus is outside the editor and text fields; Alt combinations work everywhere. Click a
        worker chip or an edge label in the graph to record a fault at the current step.
      </p>
    </dialog>
  );
}

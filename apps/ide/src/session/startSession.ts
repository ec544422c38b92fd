// Chooses what the page opens with, before the first render: a permalink in
// the URL hash, else the autosaved session, else the default example. A
// broken link loads the default example and leaves the autosave alone.
import { getDefaultExample } from '../examples/defaultExample.ts';
import { useEditorStore } from '../stores/editorStore.ts';
import { useMenuStore } from '../stores/menuStore.ts';
import { decodeShareState, readHashPayload } from '../share/encodeShareState.ts';
import { applyShareState } from '../share/currentShareState.ts';
import { readAutosave, startAutosave } from './autosave.ts';

function loadDefault(): void {
  const example = getDefaultExample();
  useEditorStore.getState().replaceFiles({ ...example.files }, example.id === 'starter' ? null : example.id);
}

function dropHash(): void {
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
}

export function startSession(): void {
  const payload = readHashPayload(location.hash);
  let isFromLink = false;

  if (payload !== null) {
    isFromLink = true;
    const decoded = decodeShareState(payload);
    if (decoded.ok) {
      applyShareState(decoded.state);
      if (decoded.warning) useMenuStore.getState().showNotice(`Opened the link, but ${decoded.warning}.`);
    } else {
      loadDefault();
      const saved = readAutosave();
      const action = saved
        ? {
            label: 'Open autosaved work',
            run: () => {
              applyShareState(saved);
              dropHash();
            },
          }
        : undefined;
      const kept = saved ? ' Your autosaved work is kept.' : '';
      useMenuStore
        .getState()
        .showNotice(`This link could not be opened: ${decoded.error}. The default example is loaded.${kept}`, 'error', action);
    }
  } else {
    const saved = readAutosave();
    if (saved) applyShareState(saved);
    else loadDefault();
  }

  // After a link, the first edit turns the page into the person's own
  // session: the hash goes (a reload then restores the autosave).
  startAutosave(!isFromLink, dropHash);
}

// Autosave to localStorage, in the permalink's versioned format, so a saved
// session from an older IDE still opens. Writing starts only once the person
// changes the program, settings or faults: opening a link, good or broken,
// never overwrites the work saved before.
import { useEditorStore } from '../stores/editorStore.ts';
import { useConfigStore } from '../stores/configStore.ts';
import { useFaultStore } from '../stores/faultStore.ts';
import { usePlaybackStore } from '../stores/playbackStore.ts';
import { parseShareState } from '../share/shareState.ts';
import type { ShareState } from '../share/shareState.ts';
import { readShareState } from '../share/currentShareState.ts';

export const AUTOSAVE_KEY = 'entflow.autosave';
const WRITE_DEBOUNCE_MS = 400;

export function readAutosave(): ShareState | null {
  let text: string | null;
  try {
    text = localStorage.getItem(AUTOSAVE_KEY);
  } catch {
    return null;
  }
  if (!text) return null;
  try {
    const parsed = parseShareState(JSON.parse(text));
    return parsed.ok ? parsed.state : null;
  } catch {
    return null;
  }
}

function write(): void {
  try {
    localStorage.setItem(AUTOSAVE_KEY, JSON.stringify(readShareState()));
  } catch (error) {
    console.warn('autosave failed', error);
  }
}

/**
 * Starts saving. With `isArmed` false, nothing is written until the first
 * change of files, settings or faults; `onArm` runs at that moment.
 */
export function startAutosave(isArmed: boolean, onArm: () => void): () => void {
  let armed = isArmed;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = (): void => {
    if (!armed) return;
    clearTimeout(timer);
    timer = setTimeout(write, WRITE_DEBOUNCE_MS);
  };
  const arm = (): void => {
    if (!armed) {
      armed = true;
      onArm();
    }
    schedule();
  };

  const unsubscribers = [
    useEditorStore.subscribe((state, previous) => {
      if (state.files !== previous.files) arm();
    }),
    useConfigStore.subscribe(arm),
    useFaultStore.subscribe(arm),
    usePlaybackStore.subscribe((state, previous) => {
      if (state.step !== previous.step) schedule();
    }),
  ];
  const flush = () => {
    if (armed) write();
  };
  window.addEventListener('pagehide', flush);
  return () => {
    clearTimeout(timer);
    window.removeEventListener('pagehide', flush);
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}

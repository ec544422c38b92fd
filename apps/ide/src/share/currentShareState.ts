// Collects the live state into a ShareState, and applies one to the stores.
import { useEditorStore } from '../stores/editorStore.ts';
import { readSettings, useConfigStore } from '../stores/configStore.ts';
import { useFaultStore } from '../stores/faultStore.ts';
import { usePlaybackStore } from '../stores/playbackStore.ts';
import type { ShareState } from './shareState.ts';
import { SHARE_VERSION } from './shareState.ts';

export function readShareState(): ShareState {
  const editor = useEditorStore.getState();
  return {
    v: SHARE_VERSION,
    files: editor.files,
    settings: readSettings(),
    faults: useFaultStore.getState().plan,
    step: usePlaybackStore.getState().step,
    exampleId: editor.exampleId,
  };
}

/** Loads a state: files, settings and plan now, the step once the run is ready. */
export function applyShareState(state: ShareState): void {
  useEditorStore.getState().replaceFiles({ ...state.files }, state.exampleId);
  useConfigStore.getState().setSettings(state.settings);
  useFaultStore.getState().setPlan(state.faults);
  const playback = usePlaybackStore.getState();
  playback.setPlaying(false);
  playback.setPendingStep(state.step);
}

// Chooses what the page opens with, before the first render.
import { getDefaultExample } from '../examples/defaultExample.ts';
import { useEditorStore } from '../stores/editorStore.ts';

export function startSession(): void {
  useEditorStore.getState().replaceFiles({ ...getDefaultExample().files });
}

// Source highlights that follow the rest of the IDE: the block selected in a
// block graph, and the block the simulator is executing. The other direction
// is here too: moving the cursor selects the method and block under it.
import { monaco } from './setupMonaco.ts';
import type { BoundEditor } from './bindModels.ts';
import { useCompileStore } from '../stores/compileStore.ts';
import { useEditorStore } from '../stores/editorStore.ts';
import { useSelectionStore } from '../stores/selectionStore.ts';
import { usePlaybackStore } from '../stores/playbackStore.ts';
import { findBlock, findBlockAt, findMethodAt } from '../graph/locate.ts';
import type { Span } from '@entflow/compiler';

const PLAYING_HIGHLIGHT_INTERVAL_MS = 250;

function toRange(model: monaco.editor.ITextModel, span: Span): monaco.Range {
  const start = model.getPositionAt(span.start);
  const end = model.getPositionAt(span.end);
  return new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column);
}

function blockSpans(blockId: string | null): Span[] {
  const ir = useCompileStore.getState().output?.ir;
  if (!ir || !blockId) return [];
  return findBlock(ir, blockId)?.spans ?? [];
}

export function bindHighlights(bound: BoundEditor): () => void {
  const model = bound.models.entities;
  let decorationIds: string[] = [];

  let shownKey = '';
  let playingTimer: ReturnType<typeof setTimeout> | undefined;
  /** Updates the decorations; `shouldReveal` scrolls to them (on a step or a selection, never on an edit). */
  const render = (shouldReveal: boolean): void => {
    const selected = blockSpans(useSelectionStore.getState().selectedBlockId);
    const executing = blockSpans(usePlaybackStore.getState().executingBlockId);
    const key = JSON.stringify([selected, executing]);
    if (key === shownKey && !shouldReveal) return;
    shownKey = key;
    const decorations: monaco.editor.IModelDeltaDecoration[] = [
      ...selected.map((span) => ({
        range: toRange(model, span),
        options: { isWholeLine: true, className: 'ef-line-selected', description: 'selected block' },
      })),
      ...executing.map((span) => ({
        range: toRange(model, span),
        options: {
          isWholeLine: true,
          className: 'ef-line-executing',
          linesDecorationsClassName: 'ef-gutter-executing',
          description: 'executing block',
        },
      })),
    ];
    decorationIds = model.deltaDecorations(decorationIds, decorations);

    const first = executing[0] ?? selected[0];
    if (shouldReveal && first && bound.editor.getModel() === model) {
      bound.editor.revealRangeInCenterIfOutsideViewport(toRange(model, first), monaco.editor.ScrollType.Immediate);
    }
  };

  const followCursor = (): void => {
    const cursor = useEditorStore.getState().cursor;
    const ir = useCompileStore.getState().output?.ir;
    const selection = useSelectionStore.getState();
    if (!cursor || cursor.file !== 'entities' || !ir) {
      if (selection.cursorMethod !== null) selection.setCursorTarget(null, null);
      return;
    }
    const method = findMethodAt(ir, cursor.offset);
    const block = method ? findBlockAt(method, cursor.offset) : null;
    const methodName = method?.qualifiedName ?? null;
    const blockId = block?.id ?? null;
    if (methodName !== selection.cursorMethod || blockId !== selection.cursorBlockId) {
      selection.setCursorTarget(methodName, blockId);
    }
  };

  const unsubscribers = [
    useSelectionStore.subscribe((state, previous) => {
      if (state.selectedBlockId !== previous.selectedBlockId) render(true);
    }),
    usePlaybackStore.subscribe((state, previous) => {
      // While playing, the highlight moves at most every
      // PLAYING_HIGHLIGHT_INTERVAL_MS and without scrolling the editor;
      // pausing scrolls to where the run stopped.
      if (previous.isPlaying && !state.isPlaying) {
        clearTimeout(playingTimer);
        playingTimer = undefined;
        render(true);
      } else if (state.executingBlockId !== previous.executingBlockId) {
        if (!state.isPlaying) {
          render(true);
          return;
        }
        playingTimer ??= setTimeout(() => {
          playingTimer = undefined;
          render(false);
        }, PLAYING_HIGHLIGHT_INTERVAL_MS);
      }
    }),
    useCompileStore.subscribe((state, previous) => {
      if (state.output === previous.output) return;
      render(false);
      followCursor();
    }),
    useEditorStore.subscribe((state, previous) => {
      if (state.cursor !== previous.cursor) followCursor();
    }),
  ];
  render(false);

  return () => {
    clearTimeout(playingTimer);
    for (const unsubscribe of unsubscribers) unsubscribe();
    decorationIds = model.deltaDecorations(decorationIds, []);
  };
}

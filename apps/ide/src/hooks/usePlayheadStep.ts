// The playhead step for views that need not follow every played frame: it
// updates at once when stepping or scrubbing, and at most every
// `intervalWhilePlayingMs` while a run plays.
import { useEffect, useState } from 'react';
import { usePlaybackStore } from '../stores/playbackStore.ts';

export function usePlayheadStep(intervalWhilePlayingMs: number): number {
  const [step, setStep] = useState(() => usePlaybackStore.getState().step);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let shownAtMs = 0;
    const show = (): void => {
      timer = undefined;
      shownAtMs = performance.now();
      setStep(usePlaybackStore.getState().step);
    };
    const unsubscribe = usePlaybackStore.subscribe((state, previous) => {
      if (state.step === previous.step && state.isPlaying === previous.isPlaying) return;
      if (!state.isPlaying) {
        clearTimeout(timer);
        show();
        return;
      }
      if (timer !== undefined) return;
      timer = setTimeout(show, Math.max(0, intervalWhilePlayingMs - (performance.now() - shownAtMs)));
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [intervalWhilePlayingMs]);

  return step;
}

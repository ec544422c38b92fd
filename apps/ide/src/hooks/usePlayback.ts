// Advances the playhead while playing: at most one store update per
// animation frame, however high the speed, so a long run plays without
// flooding React or the simulator worker.
import { useEffect } from 'react';
import { usePlaybackStore } from '../stores/playbackStore.ts';
import { lastStep } from '../stores/runStore.ts';

export function usePlayback(): void {
  const isPlaying = usePlaybackStore((state) => state.isPlaying);

  useEffect(() => {
    if (!isPlaying) return;
    let frame = 0;
    let previousMs = performance.now();
    let carried = 0;

    const tick = (nowMs: number): void => {
      const playback = usePlaybackStore.getState();
      const last = lastStep();
      carried += ((nowMs - previousMs) / 1000) * playback.speed;
      previousMs = nowMs;
      const advance = Math.floor(carried);
      if (advance > 0) {
        carried -= advance;
        const next = Math.min(playback.step + advance, last);
        playback.setStep(next);
        if (next >= last) {
          playback.setPlaying(false);
          return;
        }
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [isPlaying]);
}

// Playhead commands shared by the controls, the keyboard and the panels.
import { usePlaybackStore } from '../stores/playbackStore.ts';
import { lastStep } from '../stores/runStore.ts';

/** Moves the playhead; a step the person chooses overrides one still waiting for its run. */
export function jumpToStep(step: number): void {
  const clamped = Math.max(-1, Math.min(step, lastStep()));
  const playback = usePlaybackStore.getState();
  playback.setPendingStep(null);
  playback.setStep(clamped);
}

export function stepForward(count = 1): void {
  const playback = usePlaybackStore.getState();
  playback.setPlaying(false);
  jumpToStep(playback.step + count);
}

export function stepBack(count = 1): void {
  const playback = usePlaybackStore.getState();
  playback.setPlaying(false);
  jumpToStep(playback.step - count);
}

export function jumpToStart(): void {
  usePlaybackStore.getState().setPlaying(false);
  jumpToStep(-1);
}

export function jumpToEnd(): void {
  usePlaybackStore.getState().setPlaying(false);
  jumpToStep(lastStep());
}

/** Plays from the current step, or from the start when the run has ended. */
export function togglePlay(): void {
  const playback = usePlaybackStore.getState();
  if (playback.isPlaying) {
    playback.setPlaying(false);
    return;
  }
  const last = lastStep();
  if (last < 0) return;
  if (playback.step >= last) playback.setStep(-1);
  playback.setPlaying(true);
}

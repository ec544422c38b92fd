import { usePlaybackStore } from '../stores/playbackStore.ts';
import { useRunStore } from '../stores/runStore.ts';
import { jumpToStep } from '../sim/playbackCommands.ts';

/** Renders the slider and the step counter, the only controls that change on every played frame. */
export function StepScrubber() {
  const step = usePlaybackStore((state) => state.step);
  const stepCount = useRunStore((state) => state.summary?.stepCount ?? 0);
  return (
    <>
      <input
        type="range"
        className="scrubber"
        aria-label="Step"
        data-testid="sim.scrub"
        min={-1}
        max={Math.max(stepCount - 1, -1)}
        value={step}
        disabled={stepCount === 0}
        onChange={(event) => jumpToStep(Number(event.target.value))}
      />
      <span className="step-counter mono" data-testid="sim.stepCounter" title="Events applied / events in the run">
        {step + 1} / {stepCount}
      </span>
    </>
  );
}

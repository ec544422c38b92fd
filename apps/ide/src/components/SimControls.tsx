import { usePlaybackStore } from '../stores/playbackStore.ts';
import { useRunStore } from '../stores/runStore.ts';
import { GUARANTEE_MODES, SEED_MAX, WORKERS_MAX, WORKERS_MIN, useConfigStore } from '../stores/configStore.ts';
import type { GuaranteeMode } from '@entflow/simulator';
import { jumpToEnd, jumpToStart, stepBack, stepForward, togglePlay } from '../sim/playbackCommands.ts';
import { RunStatus } from './RunStatus.tsx';
import { Icon } from './Icon.tsx';
import { StepScrubber } from './StepScrubber.tsx';

const SPEEDS = [1, 2, 4, 8, 16, 32, 64, 256, 1024, 4096, 16384, 65536];

function clampInt(value: string, min: number, max: number, fallback: number): number {
  const parsed = Number.parseInt(value, 10);
  return Number.isFinite(parsed) ? Math.max(min, Math.min(max, parsed)) : fallback;
}

/** Run, pause, step, scrub and the run settings, in one bar. */
export function SimControls() {
  // Only whether stepping back or forward is possible, not the step itself:
  // the bar then re-renders at the ends of the run, not on every frame.
  const isAtStart = usePlaybackStore((state) => state.step < 0);
  const stepCount = useRunStore((state) => state.summary?.stepCount ?? 0);
  const isAtEnd = usePlaybackStore((state) => state.step >= stepCount - 1);
  const isPlaying = usePlaybackStore((state) => state.isPlaying);
  const speed = usePlaybackStore((state) => state.speed);
  const setSpeed = usePlaybackStore((state) => state.setSpeed);
  const settings = useConfigStore();
  const hasRun = stepCount > 0;

  return (
    <section className="pane sim-controls" aria-label="Simulation controls" data-testid="sim.controls">
      <div className="control-row">
        <div className="btn-group" role="group" aria-label="Playback">
          <button type="button" className="btn btn-icon" title="First step (Home)" data-testid="sim.first" disabled={!hasRun} onClick={jumpToStart}>
            <Icon name="first" />
          </button>
          <button type="button" className="btn btn-icon" title="Step back (, or ←; Alt+, anywhere)" data-testid="sim.back" disabled={!hasRun || isAtStart} onClick={() => stepBack()}>
            <Icon name="back" />
          </button>
          <button
            type="button"
            className="btn btn-primary btn-play"
            title="Run or pause (Space; Alt+P anywhere)"
            data-testid="sim.play"
            disabled={!hasRun}
            onClick={togglePlay}
          >
            <Icon name={isPlaying ? 'pause' : 'play'} />
            {isPlaying ? 'Pause' : 'Run'}
          </button>
          <button type="button" className="btn btn-icon" title="Step (. or →; Alt+. anywhere)" data-testid="sim.step" disabled={!hasRun || isAtEnd} onClick={() => stepForward()}>
            <Icon name="forward" />
          </button>
          <button type="button" className="btn btn-icon" title="Last step (End)" data-testid="sim.last" disabled={!hasRun} onClick={jumpToEnd}>
            <Icon name="last" />
          </button>
        </div>
        <StepScrubber />
      </div>
      <div className="control-row">
        <label className="field">
          speed
          <select data-testid="sim.speed" value={speed} onChange={(event) => setSpeed(Number(event.target.value))}>
            {SPEEDS.map((value) => (
              <option key={value} value={value}>
                {value}/s
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          mode
          <select data-testid="sim.mode" value={settings.mode} onChange={(event) => settings.setSettings({ mode: event.target.value as GuaranteeMode })}>
            {GUARANTEE_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {mode}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          seed
          <input
            type="number"
            data-testid="sim.seed"
            min={0}
            max={SEED_MAX}
            value={settings.seed}
            onChange={(event) => settings.setSettings({ seed: clampInt(event.target.value, 0, SEED_MAX, settings.seed) })}
          />
        </label>
        <label className="field">
          workers
          <input
            type="number"
            data-testid="sim.workers"
            min={WORKERS_MIN}
            max={WORKERS_MAX}
            value={settings.workers}
            onChange={(event) => settings.setSettings({ workers: clampInt(event.target.value, WORKERS_MIN, WORKERS_MAX, settings.workers) })}
          />
        </label>
        <label className="field switch" title="Draw extra faults from the seed">
          <input type="checkbox" data-testid="sim.chaos" checked={settings.chaos} onChange={(event) => settings.setSettings({ chaos: event.target.checked })} />
          chaos
        </label>
        <RunStatus />
      </div>
    </section>
  );
}

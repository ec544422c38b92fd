// Keeps a simulation run in step with the program, the client script, the
// run settings and the fault plan, and fetches the detail of the step on
// screen. Runs are debounced; a newer run replaces one still in flight.
import { useEffect } from 'react';
import { useCompileStore } from '../stores/compileStore.ts';
import { useEditorStore } from '../stores/editorStore.ts';
import { readSettings, useConfigStore } from '../stores/configStore.ts';
import { useFaultStore } from '../stores/faultStore.ts';
import { usePlaybackStore } from '../stores/playbackStore.ts';
import { useRunStore } from '../stores/runStore.ts';
import { useOverlayStore } from '../stores/overlayStore.ts';
import { getSimulator } from '../sim/simulatorSession.ts';
import { isSuperseded } from '../sim/simulatorConnection.ts';
import { EMPTY_OVERLAY, overlayOf } from '../sim/overlay.ts';

const RUN_DEBOUNCE_MS = 120;
const PLAYING_DETAIL_INTERVAL_MS = 120;

function clampStep(step: number, stepCount: number): number {
  return Math.max(-1, Math.min(step, stepCount - 1));
}

export function useSimulation(): void {
  useEffect(() => {
    const simulator = getSimulator();
    const runStore = useRunStore.getState();
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The inputs of the newest run; an edit that leaves them alone (a
    // comment, blank lines at the end) does not run the simulation again.
    let lastRunKey = '';
    const runKeyOf = (irKey: string): string =>
      JSON.stringify([irKey, useEditorStore.getState().files.client, readSettings(), useFaultStore.getState().plan]);

    // One step detail request at a time. While playing, details (state
    // tables, inspector, graph overlay, editor highlight) refresh at most
    // every PLAYING_DETAIL_INTERVAL_MS; the step counter and the space-time
    // diagram still move every frame.
    let isDetailInFlight = false;
    let isDetailRequested = false;
    let lastDetailAtMs = 0;
    let detailTimer: ReturnType<typeof setTimeout> | undefined;

    const fetchDetail = (): void => {
      const { summary, runCount } = useRunStore.getState();
      if (!summary) return;
      isDetailInFlight = true;
      isDetailRequested = false;
      lastDetailAtMs = performance.now();
      const step = usePlaybackStore.getState().step;
      simulator
        .stepDetail(step)
        .then((detail) => {
          if (useRunStore.getState().runCount !== runCount) return;
          runStore.setDetail(detail);
          usePlaybackStore.getState().setExecutingBlock(detail.event?.blockId ?? null);
          useOverlayStore.getState().setOverlay(overlayOf(detail));
        })
        .catch((error: unknown) => {
          if (!isSuperseded(error)) console.warn('step detail failed', error);
        })
        .finally(() => {
          isDetailInFlight = false;
          if (isDetailRequested) showStep();
        });
    };

    const showStep = (): void => {
      if (!useRunStore.getState().summary) {
        useOverlayStore.getState().setOverlay(EMPTY_OVERLAY);
        usePlaybackStore.getState().setExecutingBlock(null);
        return;
      }
      isDetailRequested = true;
      if (isDetailInFlight || detailTimer !== undefined) return;
      const waitMs = usePlaybackStore.getState().isPlaying ? PLAYING_DETAIL_INTERVAL_MS - (performance.now() - lastDetailAtMs) : 0;
      if (waitMs <= 0) {
        fetchDetail();
        return;
      }
      detailTimer = setTimeout(() => {
        detailTimer = undefined;
        fetchDetail();
      }, waitMs);
    };

    const runNow = async (): Promise<void> => {
      const output = useCompileStore.getState().output;
      if (!output) return;
      if (!output.ir) {
        runStore.setProblem('blocked', 'Fix the errors in entities.py to run the simulation.');
        showStep();
        return;
      }
      const clientErrors = output.diagnostics.client.filter((d) => d.severity === 'error').length;
      if (clientErrors > 0) {
        runStore.setProblem('blocked', 'Fix the errors in client.py to run the simulation.');
        showStep();
        return;
      }

      const settings = readSettings();
      const plan = useFaultStore.getState().plan;
      const client = useEditorStore.getState().files.client;
      const runKey = runKeyOf(output.irKey);
      lastRunKey = runKey;

      runStore.setRunning();
      try {
        const response = await simulator.run({ program: output.ir, client, ...settings, faults: plan });
        if ('unavailableReason' in response) {
          lastRunKey = '';
          runStore.setProblem('unavailable', response.unavailableReason);
          showStep();
          return;
        }
        runStore.setSummary(response);
        const playback = usePlaybackStore.getState();
        const wanted = playback.pendingStep ?? playback.step;
        playback.setPendingStep(null);
        playback.setStep(clampStep(wanted, response.stepCount));
        showStep();
      } catch (error) {
        if (isSuperseded(error)) return;
        lastRunKey = '';
        runStore.setProblem('failed', `The simulation failed: ${(error as Error).message}`);
      }
    };

    const scheduleRun = (): void => {
      const output = useCompileStore.getState().output;
      const previousSummary = useRunStore.getState().summary;
      if (output?.ir && previousSummary && runKeyOf(output.irKey) === lastRunKey) {
        clearTimeout(timer);
        const playback = usePlaybackStore.getState();
        if (playback.pendingStep !== null) {
          playback.setStep(clampStep(playback.pendingStep, previousSummary.stepCount));
          playback.setPendingStep(null);
        }
        return;
      }
      // The status is "running" from the change on, so no panel or test
      // takes the previous run for the result of the new inputs.
      if (useRunStore.getState().status === 'ready') runStore.setRunning();
      clearTimeout(timer);
      timer = setTimeout(() => void runNow(), RUN_DEBOUNCE_MS);
    };

    const unsubscribers = [
      useCompileStore.subscribe((state, previous) => {
        if (state.output !== previous.output) scheduleRun();
      }),
      useEditorStore.subscribe((state, previous) => {
        if (state.files.client !== previous.files.client) scheduleRun();
      }),
      useConfigStore.subscribe(scheduleRun),
      useFaultStore.subscribe((state, previous) => {
        if (state.plan !== previous.plan) scheduleRun();
      }),
      usePlaybackStore.subscribe((state, previous) => {
        if (state.step !== previous.step || (previous.isPlaying && !state.isPlaying)) showStep();
      }),
    ];
    scheduleRun();

    return () => {
      clearTimeout(timer);
      clearTimeout(detailTimer);
      for (const unsubscribe of unsubscribers) unsubscribe();
    };
  }, []);
}

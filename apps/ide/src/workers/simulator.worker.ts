// Runs simulations off the main thread and keeps the newest run, so the page
// can step, scrub and page through a large trace by asking for small pieces.
import * as simulatorModule from '@entflow/simulator';
import type { ComparisonResult, SimulationConfig, SimulationRun, TraceEvent } from '@entflow/simulator';
import { serveRequests } from './rpc.ts';
import type { LinkTarget, RunRequest, RunSummary, SimulatorProtocol, StepDetail } from './simulatorProtocol.ts';
import { buildTraceIndex, transferablesOf } from '../sim/buildTraceIndex.ts';
import { diffStates } from '../sim/diffStates.ts';
import { findLinkMessage } from '../sim/findLinkMessage.ts';

const EVENTS_PER_REQUEST_MAX = 2_000;

// The simulator package grew its API in steps; the worker uses what it
// exports and reports a missing function plainly instead of inventing results.
const api = simulatorModule as unknown as {
  simulate?: (config: SimulationConfig) => SimulationRun;
  compareModes?: (config: SimulationConfig) => ComparisonResult | { error: string };
};

let current: { run: SimulationRun; senderByMessage: Map<number, string> } | null = null;

function toConfig(request: RunRequest): SimulationConfig {
  return {
    program: request.program,
    client: request.client,
    programFile: 'entities.py',
    clientFile: 'client.py',
    mode: request.mode,
    seed: request.seed,
    workers: request.workers,
    chaos: request.chaos,
    faults: request.faults,
  };
}

/** Message id → the entity (or component) whose step sent it. */
function indexSenders(trace: readonly TraceEvent[]): Map<number, string> {
  const senders = new Map<number, string>();
  for (const event of trace) {
    for (const message of event.sent) senders.set(message.id, event.entity ?? event.component);
  }
  return senders;
}

function requireRun(): SimulationRun {
  if (!current) throw new Error('no simulation has run yet; run one first');
  return current.run;
}

serveRequests<SimulatorProtocol>(
  {
    run: (request) => {
      if (typeof api.simulate !== 'function') {
        current = null;
        return { unavailableReason: 'The simulator package does not export simulate() yet.' };
      }
      const started = performance.now();
      const run = api.simulate(toConfig(request));
      current = { run, senderByMessage: indexSenders(run.trace) };
      const summary: RunSummary = {
        result: run.result,
        stepCount: run.trace.length,
        index: buildTraceIndex(run.trace, request.workers),
        durationMs: performance.now() - started,
      };
      return summary;
    },

    stepDetail: ({ step }): StepDetail => {
      const run = requireRun();
      const state = run.stateAt(step);
      const before = step >= 0 ? run.stateAt(step - 1) : null;
      const event = run.trace[step] ?? null;
      const consumedId = event?.consumed?.id;
      return {
        step,
        event,
        state,
        changed: before ? diffStates(before, state) : [],
        consumedFrom: consumedId === undefined ? null : (current?.senderByMessage.get(consumedId) ?? event?.consumed?.from ?? null),
      };
    },

    logRows: ({ from, to }) => {
      const trace = requireRun().trace;
      const start = Math.max(0, from);
      return trace.slice(start, Math.min(to, start + EVENTS_PER_REQUEST_MAX)).map((event) => ({
        time: event.time,
        component: event.component,
        kind: event.kind,
        text: event.text,
        hasFault: event.faults.length > 0,
      }));
    },

    findLinkMessage: ({ step, fromNode, toNode, relation }): LinkTarget | null =>
      findLinkMessage(requireRun().trace, step, fromNode, toNode, relation),

    compare: (request) => {
      if (typeof api.compareModes !== 'function') {
        return { unavailableReason: 'The simulator package does not export compareModes() yet.' };
      }
      const result = api.compareModes(toConfig(request));
      if ('error' in result) throw new Error(result.error);
      return result;
    },
  },
  (response) => {
    const summary = response as Partial<RunSummary>;
    return summary.index ? transferablesOf(summary.index) : [];
  },
);


// Messages between the page and the simulator worker. The worker keeps the
// whole run (trace and state snapshots); the page requests what it shows:
// a compact index of every step for the space-time diagram, one step's
// detail, or a window of the message log.
import type { ProgramIR } from '@entflow/compiler';
import type {
  ComparisonResult,
  Endpoint,
  FaultPlan,
  GuaranteeMode,
  RunResult,
  StepState,
  TraceEvent,
} from '@entflow/simulator';
import type { Exchange } from './rpc.ts';

export interface RunRequest {
  program: ProgramIR;
  client: string;
  mode: GuaranteeMode;
  seed: number;
  workers: number;
  chaos: boolean;
  faults: FaultPlan;
}

/**
 * One entry per trace step in parallel typed arrays, so the page can draw
 * any window of a 100,000-step run without asking the worker.
 */
export interface TraceIndex {
  /** Component ids in lane order: clients, ingress, workers, egress, coordinator. */
  lanes: string[];
  /** Index into TRACE_KINDS. */
  kind: Uint8Array;
  /** Lane where the step ran. */
  lane: Uint16Array;
  /** Simulated time of the step, in ticks. */
  time: Float64Array;
  /** Lane of the consumed message's sender, or -1. */
  fromLane: Int16Array;
  /** Send time of the consumed message, or NaN. */
  sentAt: Float64Array;
  /** Bit set of STEP_FLAGS. */
  flags: Uint8Array;
}

export const STEP_FLAGS = {
  fault: 1,
  checkpoint: 2,
  dropped: 4,
  printed: 8,
} as const;

export interface RunSummary {
  result: RunResult;
  stepCount: number;
  index: TraceIndex;
  /** Worker-side time of the run, in milliseconds. */
  durationMs: number;
}

export interface StepDetail {
  step: number;
  event: TraceEvent | null;
  /** State after `step`. */
  state: StepState;
  /** `Class/key.attribute` of every value this step changed; `Class/key` for created entities. */
  changed: string[];
  /** `Class/key` or component id that sent the message this step consumed. */
  consumedFrom: string | null;
}

/** One message log row: the few fields the log shows, so paging through a long run copies little. */
export interface LogRow {
  time: number;
  component: string;
  kind: TraceEvent['kind'];
  text: string;
  hasFault: boolean;
}

/** The channel the next message on a graph edge travels, as fault-plan endpoints. */
export interface LinkTarget {
  from: Endpoint;
  to: Endpoint;
  /** Step that sends the message, for the fault's trigger. */
  step: number;
  text: string;
}

/** The response when the simulator package cannot run yet. */
export interface RunUnavailable {
  unavailableReason: string;
}

export type SimulatorProtocol = {
  run: Exchange<RunRequest, RunSummary | RunUnavailable>;
  stepDetail: Exchange<{ step: number }, StepDetail>;
  logRows: Exchange<{ from: number; to: number }, LogRow[]>;
  findLinkMessage: Exchange<{ step: number; fromNode: string; toNode: string; relation: string }, LinkTarget | null>;
  compare: Exchange<RunRequest, ComparisonResult | RunUnavailable>;
};

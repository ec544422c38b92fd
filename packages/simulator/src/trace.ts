// Public data types of the simulator: configuration, fault plans, the trace,
// per-step state and run results. Everything here is plain data (no classes,
// no functions, no Map, no bigint), so it can be posted between a Web Worker
// and the page with structured clone and written as JSON.

import type { ProgramIR, Span } from '@entflow/compiler';
import type { SimulationLimits } from './limits.ts';

/** A JSON value as produced by the runtime's `toJsonValue`. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export type GuaranteeMode = 'exactly-once' | 'at-least-once' | 'at-most-once';

export const GUARANTEE_MODES: readonly GuaranteeMode[] = ['exactly-once', 'at-least-once', 'at-most-once'];

/**
 * Component ids used in traces: `client-N`, `ingress`, `egress`, `coordinator`
 * and `worker-N` (N counts from 0).
 */
export type ComponentId = string;

// ---------------------------------------------------------------- fault plans

/** When a planned fault fires. */
export type FaultTrigger =
  /** Before the simulator processes step N (0-based trace index). */
  | { event: number }
  /** At simulated time T (ticks). */
  | { time: number }
  /** When the first worker takes its snapshot for checkpoint N (1-based). */
  | { checkpoint: number };

/** A channel endpoint: a worker index, or `ingress` / `egress`. */
export type Endpoint = number | 'ingress' | 'egress';

export type PlannedFault =
  | { at: FaultTrigger; kind: 'crash'; worker: number; restartAfterTicks: number }
  /**
   * The next `count` messages sent from `from` to `to` (any channel when
   * omitted) are lost, after letting `after` matching messages pass.
   */
  | { at: FaultTrigger; kind: 'drop'; from?: Endpoint; to?: Endpoint; count?: number; after?: number }
  | { at: FaultTrigger; kind: 'duplicate'; from?: Endpoint; to?: Endpoint; count?: number; after?: number }
  | { at: FaultTrigger; kind: 'delay'; from?: Endpoint; to?: Endpoint; count?: number; after?: number; ticks: number }
  /** The next `count` messages are delivered after the message sent after them on the same channel. */
  | { at: FaultTrigger; kind: 'reorder'; from?: Endpoint; to?: Endpoint; count?: number; after?: number }
  /** Messages between the two groups are lost (weak modes) or held (exactly-once) until the heal. */
  | { at: FaultTrigger; kind: 'partition'; groups: [number[], number[]]; healAfterTicks: number }
  /** The worker's service time is multiplied by `factor` for `durationTicks`. */
  | { at: FaultTrigger; kind: 'slow'; worker: number; factor: number; durationTicks: number };

export type FaultKind = PlannedFault['kind'];

export interface FaultPlan {
  faults: PlannedFault[];
}

/** A probability as an integer ratio: `[1, 500]` is 1 in 500. */
export type Ratio = [number, number];

/**
 * Rates of seeded faults. Crash, partition and slow rates are per tick of
 * simulated time; message fault rates are per message sent.
 */
export interface ChaosProfile {
  crash: Ratio;
  partition: Ratio;
  slow: Ratio;
  drop: Ratio;
  duplicate: Ratio;
  delay: Ratio;
  reorder: Ratio;
  /** Restart delay after a crash, drawn uniformly in [min, max] ticks. */
  restartTicks: [number, number];
  /** Extra latency of a delayed message, drawn uniformly in [min, max] ticks. */
  delayTicks: [number, number];
  healTicks: [number, number];
  slowFactor: [number, number];
  slowTicks: [number, number];
}

// ---------------------------------------------------------------- configuration

/** Timing of the simulated cluster, in ticks. */
export interface TimingConfig {
  /** Network latency of one message is drawn uniformly in [min, max]. */
  latencyTicksMin: number;
  latencyTicksMax: number;
  /** Time a worker spends on one message. */
  serviceTicks: number;
  /** Time between the end of one checkpoint and the start of the next. */
  checkpointIntervalTicks: number;
  /** An incomplete checkpoint is abandoned after this long. */
  checkpointTimeoutTicks: number;
  /** Time until the coordinator notices a crashed worker. */
  failureDetectionTicks: number;
  /** Exactly-once transport: a lost message is sent again after this long. */
  retransmitTicks: number;
  /** Weak modes: a request with no progress for this long is given up (at-most-once) or retried (at-least-once). */
  requestTimeoutTicks: number;
  /** Pause of a client between a reply and its next request. */
  clientThinkTicks: number;
}

export interface SimulationConfig {
  program: ProgramIR;
  /** Source text of the client script. */
  client: string;
  /** File names used in messages; default `entities.py` and `client.py`. */
  programFile?: string;
  clientFile?: string;
  mode: GuaranteeMode;
  /** Unsigned 32-bit seed; every random choice of the run derives from it. */
  seed: number;
  workers: number;
  /** Copies of the client script running at once; copy N runs with `client_id` set to N (0-based). */
  clients?: number;
  /** Key partitions per entity class; default 4 per worker. */
  partitions?: number;
  faults?: FaultPlan;
  /** Draw faults from the seed: `true` draws the profile itself from the seed too. */
  chaos?: boolean | Partial<ChaosProfile>;
  timing?: Partial<TimingConfig>;
  limits?: Partial<SimulationLimits>;
  /** Keep every TraceEvent and per-step state (default true); hashing runs either way. */
  recordTrace?: boolean;
  /** End the run after this many steps (for stepping and tests). */
  stopAfterSteps?: number;
  /**
   * Expected output and state (for instance CPython's) that the semantic
   * checker compares with. When absent the simulator runs the same scenario
   * fault-free in exactly-once mode and uses that.
   */
  reference?: ReferenceOutcome;
  /** Check @invariant functions after each completed checkpoint and at the end (default true). */
  checkInvariants?: boolean;
}

// ---------------------------------------------------------------- results

/** Entity state by class, then key (as `str(key)`), then attribute. */
export type StateJson = Record<string, Record<string, Record<string, JsonValue>>>;

export interface ReferenceOutcome {
  output: string[];
  state: StateJson;
  /** Uncaught exception of the client script as `ExcClass: message`, or null. */
  error: string | null;
  /** Names of @invariant functions that fail at the end of the reference run, when known. */
  failingInvariants?: string[];
}

export type ViolationKind =
  | 'output'      // released output differs from the reference
  | 'state'       // final entity state differs from the reference
  | 'reply'       // a request got no reply, or more than one
  | 'effect'      // a request's effects were applied a different number of times than in the reference
  | 'invariant'   // an @invariant function returned false or raised
  | 'error';      // the client's uncaught exception differs from the reference

export interface Violation {
  kind: ViolationKind;
  /** One line naming the request, entity, attribute and difference. */
  message: string;
  requestId: number | null;
  entity: string | null;
  attribute: string | null;
  /** Step after which the violation was observed (end of run: the last step). */
  step: number;
  /** Name of the @invariant function, for invariant violations. */
  invariant?: string;
  /**
   * True when the reference run shows the same failure (for instance an
   * invariant the program itself breaks): the program's behaviour, not a
   * broken guarantee.
   */
  isInReference: boolean;
}

export interface LatencyStats {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface RunStats {
  steps: number;
  /** Simulated time at the end of the run. */
  ticks: number;
  requests: number;
  repliesReleased: number;
  /** Requests per 1000 ticks. */
  throughputPerKiloTick: number;
  latencyTicks: LatencyStats;
  messagesSent: number;
  messagesDropped: number;
  messagesDuplicated: number;
  /** Messages re-sent after a recovery (ingress replay and restored in-flight messages). */
  messagesReplayed: number;
  /** Duplicates discarded by the exactly-once transport and by the egress. */
  duplicatesSuppressed: number;
  checkpointsCompleted: number;
  checkpointsAbandoned: number;
  checkpointDurationTicks: LatencyStats;
  /** Values copied into the last completed checkpoint (entities and logged messages). */
  checkpointSizeLast: number;
  crashes: number;
  recoveries: number;
  /** Ticks from a crash to the end of the recovery it caused, over all recoveries. */
  recoveryTicks: LatencyStats;
  /** Executions of method invocations, counting ones later rolled back. */
  invocationsExecuted: number;
  /** Invocations whose effects are part of the final state. */
  invocationsApplied: number;
}

export type EndReason =
  | 'completed'    // every client finished
  | 'stopped'      // stopAfterSteps reached
  | 'limit'        // a simulation limit was exceeded (see `error`)
  | 'stuck'        // no event left while clients still wait (a request was lost for good)
  | 'invalid'      // the configuration was rejected before the run (see `endMessage`)
  | 'internal';    // the runtime threw a JavaScript error (a bug, reported with its message)

export interface RunResult {
  mode: GuaranteeMode;
  seed: number;
  /** Client output and entity output, in the order the client saw it. */
  output: string[];
  state: StateJson;
  /** The uncaught exception of the client (client 0 when several), or a simulation error. */
  error: string | null;
  endReason: EndReason;
  /** Set when `endReason` is `limit` or `stuck`: what happened, in one sentence. */
  endMessage: string | null;
  stats: RunStats;
  violations: Violation[];
  /** FNV-1a (32 bit, hex) over the canonical text of every step. */
  traceHash: string;
  /** The faults that actually fired, as a plan that replays them without chaos. */
  firedFaults: FaultPlan;
  /** The chaos profile in force, or null. */
  chaosProfile: ChaosProfile | null;
}

// ---------------------------------------------------------------- trace

export type TraceEventKind =
  | 'clientRequest'   // a client hands a request to the ingress
  | 'dispatch'        // the ingress sends a logged request to a worker
  | 'invoke'          // a worker starts a method on an entity
  | 'resume'          // a worker resumes a suspended method with a reply
  | 'construct'       // a worker runs a constructor
  | 'install'         // a worker registers a constructed entity under its key
  | 'read'            // a worker reads an attribute for a remote read
  | 'reply'           // the egress receives a request's final reply
  | 'release'         // the egress delivers a reply (and its output) to a client
  | 'clientDone'      // a client script finished
  | 'checkpointStart'
  | 'barrier'         // a component receives a checkpoint barrier
  | 'snapshot'        // a worker or the ingress records its state
  | 'checkpointComplete'
  | 'checkpointAbandoned'
  | 'txEnd'           // a worker commits or undoes its part of a transaction
  | 'fault'           // a planned or seeded fault fires
  | 'crash'
  | 'restart'
  | 'recovery'        // global rollback (exactly-once) or replay of unanswered requests
  | 'timeout'         // a request is given up or retried (weak modes)
  | 'heal'
  | 'drop'            // a message is lost on arrival
  | 'wait';           // a message waits for a lock held by a transaction

/** A fault that affected this step. */
export interface FaultMark {
  kind: FaultKind | 'retransmit' | 'dedup' | 'stale';
  description: string;
}

/** A suspended method's frame as shown in traces. */
export interface FrameSummary {
  method: string;
  resumeBlock: string;
  /** Live variables as Python reprs (shortened). */
  locals: Record<string, string>;
}

export interface MessageSummary {
  id: number;
  kind: MessageKind;
  from: ComponentId;
  to: ComponentId;
  requestId: number | null;
  /** Target `Class/key` when the message is about one entity. */
  entity: string | null;
  /** Summary of the content in a few words (method and arguments, returned value, ...). */
  text: string;
  sentAt: number;
  deliverAt: number;
}

export type MessageKind =
  | 'invoke' | 'return' | 'construct' | 'install' | 'read' | 'reply'
  | 'barrier' | 'snapshotAck' | 'txEnd' | 'txEndAck' | 'control';

export interface TraceEvent {
  step: number;
  time: number;
  kind: TraceEventKind;
  /** Component where the step runs. */
  component: ComponentId;
  /** Sender of the message this step consumed, if any. */
  from: ComponentId | null;
  requestId: number | null;
  /** `Class/key` of the entity the step ran on. */
  entity: string | null;
  method: string | null;
  /** Block where execution started in this step, with its source spans. */
  blockId: string | null;
  spans: Span[];
  /** Block the method will resume at, when it suspended in this step. */
  suspendedAt: string | null;
  /** Frames of the continuation the step resumed or parked (innermost last). */
  frames: FrameSummary[];
  /** Messages this step consumed and sent. */
  consumed: MessageSummary | null;
  sent: MessageSummary[];
  /** Text printed by entity code during this step, as raw fragments (newlines included). */
  printed: string[];
  faults: FaultMark[];
  /** One line for message logs. */
  text: string;
}

// ---------------------------------------------------------------- step state

export interface EntityView {
  /** `Class/key`. */
  id: string;
  className: string;
  key: JsonValue;
  worker: number;
  state: Record<string, JsonValue>;
  /** Request id of the transaction holding this entity's lock, or null. */
  lockedBy: number | null;
}

export interface WorkerView {
  id: ComponentId;
  index: number;
  isUp: boolean;
  queueLength: number;
  /** Suspended frames parked on this worker. */
  parkedFrames: number;
}

export interface StepState {
  step: number;
  time: number;
  entities: EntityView[];
  inFlight: MessageSummary[];
  workers: WorkerView[];
  /** Released output so far. */
  output: string[];
  lastCompletedCheckpoint: number | null;
}

// ---------------------------------------------------------------- mode comparison

export interface EffectDiff {
  entity: string;
  attribute: string;
  actual: JsonValue | undefined;
  expected: JsonValue | undefined;
  /** `lost`, `repeated` or `changed` (when the effect count does not explain it). */
  effect: 'lost' | 'repeated' | 'changed';
  /** The one-line explanation, as in violations. */
  message: string;
}

export interface ModeComparison {
  mode: GuaranteeMode;
  state: StateJson;
  output: string[];
  diffs: EffectDiff[];
  messagesReplayed: number;
  duplicatesSuppressed: number;
  invariantFailures: Violation[];
  violations: Violation[];
  traceHash: string;
}

export interface ComparisonResult {
  reference: ReferenceOutcome;
  /** One entry per mode; empty when `error` is set. */
  modes: ModeComparison[];
  /** Reason nothing could be compared (invalid configuration, failed reference run); absent on success. */
  error?: string;
}

// ---------------------------------------------------------------- the run object

/**
 * The result of `simulate`. `result` and `trace` are plain data, and so is
 * what `stateAt` returns. `stateAt` rebuilds the state after a step from
 * periodic snapshots and per-step changes, so stepping back costs about the
 * same at any depth.
 */
export interface SimulationRun {
  result: RunResult;
  /** Empty when the config set `recordTrace: false`. */
  trace: TraceEvent[];
  /** State after step `step` (clamped to the recorded steps); `-1` is the state before the first step. */
  stateAt(step: number): StepState;
}

/** A fault plan check: the plan, or every problem found with its JSON path. */
export type FaultPlanCheck = { ok: true; plan: FaultPlan } | { ok: false; errors: string[] };

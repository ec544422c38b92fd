// The discrete-event loop. One Simulation owns the clock, the event queue,
// the random streams and the components; each processed queue event yields
// zero or more trace steps. Nothing here reads a wall clock or Math.random:
// the same inputs give the same steps.

import type { Span } from '@entflow/compiler';
import type { ClientRequest } from '@entflow/runtime';
import { Checkers } from './checkers.ts';
import { Coordinator } from './coordinator.ts';
import { EventQueue } from './eventQueue.ts';
import type { Executor, Resumption, Value } from './executor.ts';
import { FaultInjector } from './faults.ts';
import { Gateway } from './gateway.ts';
import type { SimulationLimits } from './limits.ts';
import { SUMMARY_REPR_CHARS_MAX } from './limits.ts';
import { componentId, EGRESS, type Chain, type Message } from './model.ts';
import { Network } from './network.ts';
import { Recorder, type StepDraft } from './recorder.ts';
import { fnv1a, Rng } from './rng.ts';
import type {
  ChaosProfile, EndReason, FaultMark, GuaranteeMode, PlannedFault, ReferenceOutcome, TimingConfig, TraceEventKind,
} from './trace.ts';
import { WorkerNode } from './worker.ts';

export type SimEvent =
  | { kind: 'deliver'; message: Message }
  | { kind: 'workerRun'; worker: number; incarnation: number }
  | { kind: 'clientRun'; client: number }
  | { kind: 'checkpointTimer' }
  | { kind: 'checkpointTimeout'; checkpoint: number }
  | { kind: 'checkpointAck'; checkpoint: number; worker: number }
  | { kind: 'fault'; fault: PlannedFault; isChaos?: boolean }
  | { kind: 'restart'; worker: number }
  | { kind: 'detect'; worker: number }
  | { kind: 'heal'; partition: number }
  | { kind: 'slowEnd'; worker: number; incarnation: number }
  | { kind: 'requestTimeout'; requestId: number; attempt: number };

/** Facts about the program that the engine needs beyond the executor. */
export interface ProgramFacts {
  isTxCapable(request: ClientRequest): boolean;
  entryBlock(className: string, method: string): string | null;
  blockSpans(blockId: string): Span[];
}

export interface EngineOptions {
  mode: GuaranteeMode;
  seed: number;
  workers: number;
  clients: number;
  partitions: number;
  timing: TimingConfig;
  limits: SimulationLimits;
  faults: PlannedFault[];
  chaosProfile: ChaosProfile | null;
  recordTrace: boolean;
  stopAfterSteps: number | null;
  runtimeStepsPerRequest: number;
  checkInvariants: boolean;
  /** Reference for the semantic checker; null skips it (the fault-free reference run itself). */
  reference: ReferenceOutcome | null;
  referenceEffects: Map<string, number> | null;
  /** Invariants that fail in the reference run and so are not the mode's fault. */
  invariantsFailingInReference: Set<string>;
  /** True for a run without faults: it is its own reference, so nothing it shows breaks a guarantee. */
  isReferenceRun: boolean;
}

export class Simulation {
  readonly queue = new EventQueue<SimEvent>();
  now = 0;
  generation = 0;
  stepIndex = 0;
  /** Messages and client steps processed so far, besides checkpoint traffic: idle periods skip checkpoints. */
  activity = 0;
  /** Simulated time when a reply was last released or a client last finished: the stall guard's start. */
  lastProgressAt = 0;
  /** Queue events processed so far. */
  eventsProcessed = 0;
  /** Index of the first step of the event being processed: where a planned `{event: N}` fault fires. */
  eventFirstStep = 0;
  readonly mode: GuaranteeMode;
  readonly seed: number;
  readonly workerCount: number;
  readonly clientCount: number;
  readonly timing: TimingConfig;
  readonly limits: SimulationLimits;
  readonly runtimeStepsPerRequest: number;
  readonly rngNetwork: Rng;
  readonly rngWorkload: Rng;
  readonly network: Network;
  readonly workers: WorkerNode[];
  readonly gateway: Gateway;
  readonly coordinator: Coordinator;
  readonly faults: FaultInjector;
  readonly recorder: Recorder;
  readonly checkers: Checkers;
  readonly stats = newMutableStats();
  /** Printed text released to the clients so far, as raw fragments (see `splitOutput`). */
  readonly output: string[] = [];
  ended: { reason: EndReason; message: string | null } | null = null;
  private current: StepDraft | null = null;
  private readonly partitions: number;

  constructor(readonly executor: Executor, readonly facts: ProgramFacts, readonly options: EngineOptions) {
    this.mode = options.mode;
    this.seed = options.seed >>> 0;
    this.workerCount = options.workers;
    this.clientCount = options.clients;
    this.partitions = options.partitions;
    this.timing = options.timing;
    this.limits = options.limits;
    this.runtimeStepsPerRequest = options.runtimeStepsPerRequest;
    this.rngNetwork = new Rng(this.seed, 'network');
    this.rngWorkload = new Rng(this.seed, 'workload');
    this.recorder = new Recorder(this, options.recordTrace);
    this.network = new Network(this);
    this.workers = Array.from({ length: this.workerCount }, (_, i) => new WorkerNode(this, i));
    this.gateway = new Gateway(this);
    this.output.push(...executor.moduleOutput);
    for (let c = 0; c < this.clientCount; c++) {
      const session = executor.startClient(c, (line) => this.output.push(line));
      this.gateway.addClient(c, session);
    }
    this.coordinator = new Coordinator(this, this.gateway.snapshot());
    this.checkers = new Checkers(this);
    this.faults = new FaultInjector(this, options.faults, options.chaosProfile);
    if (options.chaosProfile !== null) {
      this.network.chaos = options.chaosProfile;
    }
  }

  // ------------------------------------------------------------ loop

  run(): void {
    for (let c = 0; c < this.clientCount; c++) {
      const start = this.clientCount > 1 ? this.rngWorkload.intBetween(0, 10) : 0;
      this.schedule(start, { kind: 'clientRun', client: c });
    }
    this.coordinator.scheduleNext();
    this.recorder.start();

    while (this.ended === null) {
      if (this.options.stopAfterSteps !== null && this.stepIndex >= this.options.stopAfterSteps) {
        this.end('stopped', null);
        break;
      }
      if (this.isFaultWindowOpen()) {
        this.faults.beforeEvent(this.stepIndex);
        this.closeStep();
      }
      const next = this.queue.pop();
      if (next === undefined) {
        const waiting = this.gateway.unanswered();
        if (this.areClientsDone() || waiting.length === 0) {
          this.end('completed', null);
        } else {
          const first = waiting[0];
          this.end('stuck', `no event left while request ${first.requestId} (${first.label}) still waits for its reply`);
        }
        break;
      }
      if (next.time - this.lastProgressAt > this.limits.stallTicksMax && !this.areClientsDone()) {
        this.failStalled();
        break;
      }
      if (next.time > this.limits.ticksMax) {
        if (this.areClientsDone()) {
          // Only leftovers remain (a restart or heal planned far ahead, stray
          // messages): the clients saw everything, so the run is complete.
          this.end('completed', null);
        } else {
          this.fail('limit', `simulated time passed ${this.limits.ticksMax} ticks (limit ticksMax)`);
        }
        break;
      }
      this.now = next.time;
      this.eventFirstStep = this.stepIndex;
      this.eventsProcessed++;
      this.process(next.item);
      this.closeStep();
      if (this.stepIndex > this.limits.stepsMax) {
        this.fail('limit', `the run took more than ${this.limits.stepsMax} steps (limit stepsMax)`);
      } else if (this.queue.size > this.limits.queueEventsMax) {
        this.fail('limit', `more than ${this.limits.queueEventsMax} pending events (limit queueEventsMax)`);
      }
    }
    this.closeStep();
  }

  private process(event: SimEvent): void {
    switch (event.kind) {
      case 'deliver':
        return this.deliver(event.message);
      case 'workerRun':
        return this.workers[event.worker].run(event.incarnation);
      case 'clientRun':
        return this.gateway.runClient(event.client);
      case 'checkpointTimer':
        return this.coordinator.start();
      case 'checkpointTimeout':
        return this.coordinator.onTimeout(event.checkpoint);
      case 'checkpointAck':
        return this.coordinator.onAck(event.checkpoint, event.worker);
      case 'fault':
        return this.faults.fire(event.fault, event.isChaos === true);
      case 'restart':
        return this.restart(event.worker);
      case 'detect':
        return this.coordinator.onDetect(event.worker);
      case 'heal':
        this.network.healPartition(event.partition);
        this.beginStep('heal', -3, null, {}).text = 'network partition healed';
        return;
      case 'slowEnd': {
        const worker = this.workers[event.worker];
        if (worker.incarnation === event.incarnation) {
          worker.slowFactor = 1;
        }
        return;
      }
      case 'requestTimeout':
        return this.gateway.onTimeout(event.requestId, event.attempt);
    }
  }

  private deliver(message: Message): void {
    if (message.generation !== this.generation) {
      this.network.consumed(message);
      return;
    }
    if (message.isDuplicate && this.mode === 'exactly-once') {
      // The receiver has already seen this sequence number.
      this.network.consumed(message);
      this.stats.duplicatesSuppressed++;
      return;
    }
    if (message.to === EGRESS) {
      this.network.consumed(message);
      this.gateway.onReply(message);
      return;
    }
    const worker = this.workers[message.to];
    if (worker.isUnreachable) {
      this.network.consumed(message);
      this.stats.messagesDropped++;
      const chain = 'chain' in message.payload ? message.payload.chain : null;
      this.beginStep('drop', message.to, message, { chain }).text = worker.isUp
        ? `message ${message.id} lost: worker-${message.to} restarted empty and waits for the rollback`
        : `message ${message.id} lost: worker-${message.to} is down`;
      return;
    }
    worker.enqueue(message);
  }

  private restart(index: number): void {
    const worker = this.workers[index];
    if (worker.isUp) {
      return;
    }
    worker.restart();
    this.beginStep('restart', index, null, {}).text = `worker-${index} restarted`;
    this.coordinator.tryRecover();
    worker.kick();
  }

  schedule(time: number, event: SimEvent): void {
    this.queue.push(time, event);
  }

  end(reason: EndReason, message: string | null): void {
    this.ended ??= { reason, message };
  }

  fail(reason: EndReason, message: string): void {
    this.end(reason, message);
  }

  /** Run a call into the executor; a JavaScript exception ends the run instead of escaping. */
  guard<T>(call: () => T): T | null {
    try {
      return call();
    } catch (error) {
      const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      this.fail('internal', `the runtime threw ${text}`);
      return null;
    }
  }

  // ------------------------------------------------------------ steps

  beginStep(kind: TraceEventKind, component: number, consumed: Message | null, init: {
    entity?: string | null; method?: string | null; chain?: Chain | null; requestId?: number | null; fault?: FaultMark;
  }): StepDraft {
    this.closeStep();
    const chain = init.chain ?? null;
    const draft = this.recorder.newDraft(this.stepIndex, this.now, kind, componentId(component));
    draft.from = consumed === null ? null : componentId(consumed.from);
    draft.requestId = chain?.requestId ?? init.requestId ?? null;
    draft.entity = init.entity ?? null;
    draft.method = init.method ?? null;
    draft.consumedMessage = consumed;
    if (consumed?.marks !== undefined) {
      draft.faults.push(...consumed.marks.map((m) => ({ kind: m.kind, description: m.description })));
    }
    if (init.fault !== undefined) {
      draft.faults.push(init.fault);
    }
    this.current = draft;
    this.stepIndex++;
    return draft;
  }

  private closeStep(): void {
    if (this.current !== null) {
      const draft = this.current;
      this.current = null;
      this.recorder.record(draft);
    }
  }

  markStepFault(kind: FaultMark['kind'], description: string): void {
    this.current?.faults.push({ kind, description });
  }

  noteSent(message: Message): void {
    this.current?.sentMessages.push(message);
    this.recorder.noteMessageSent(message);
  }

  /**
   * Steps per request attempt, over every copy of its chain: a duplicated
   * message forks the chain, and each fork carries its own `hops`, so
   * forks of a deep recursion could multiply without any one copy reaching
   * the limit.
   */
  private readonly attemptSteps = new Map<string, number>();

  /** Start counting a fresh dispatch of a request (a replay after a rollback counts anew). */
  resetChainSteps(requestId: number, attempt: number): void {
    this.attemptSteps.delete(`${requestId}:${attempt}`);
  }

  /** Undo the count of a step that only waited for a lock. */
  uncountChainStep(chain: Chain): void {
    chain.hops--;
    const key = `${chain.requestId}:${chain.attempt}`;
    this.attemptSteps.set(key, (this.attemptSteps.get(key) ?? 1) - 1);
  }

  /** Count a step of a request's chain; false (and the run ends) past the per-request limit. */
  noteChainStep(chain: Chain): boolean {
    const key = `${chain.requestId}:${chain.attempt}`;
    const steps = (this.attemptSteps.get(key) ?? 0) + 1;
    this.attemptSteps.set(key, steps);
    if (++chain.hops > this.limits.stepsPerRequestMax || steps > this.limits.stepsPerRequestMax) {
      this.fail('limit', `request ${chain.requestId} took more than ${this.limits.stepsPerRequestMax} steps (limit stepsPerRequestMax)`);
      return false;
    }
    this.gateway.noteProgress(chain.requestId);
    return true;
  }

  // ------------------------------------------------------------ helpers

  areClientsDone(): boolean {
    return this.gateway.clients.every((c) => c.isDone);
  }

  onClientDone(): void {
    // The fault window closes by itself once every client is done.
    this.lastProgressAt = this.now;
  }

  private failStalled(): void {
    const waiting = this.gateway.unanswered()[0];
    const what = waiting === undefined ? 'the clients wait' : `request ${waiting.requestId} (${waiting.label}) waits`;
    this.fail('limit', `no reply reached a client for ${this.limits.stallTicksMax} ticks while ${what} `
      + `(limit stallTicksMax); the run retries or recovers without progress: look at the last steps of the trace, or raise the limit`);
  }

  isFaultWindowOpen(): boolean {
    return !this.areClientsDone();
  }

  isChaosActive(): boolean {
    return this.options.chaosProfile !== null && this.isFaultWindowOpen();
  }

  isTxCapable(request: ClientRequest): boolean {
    return this.facts.isTxCapable(request);
  }

  entryBlock(className: string, method: string): string | null {
    return this.facts.entryBlock(className, method);
  }

  entityId(className: string, key: Value): string {
    return `${className}/${this.executor.keyText(key)}`;
  }

  ownerOf(_className: string, key: Value): number {
    const partition = fnv1a(this.executor.repr(key)) % this.partitions;
    return partition % this.workerCount;
  }

  appendOutput(fragments: readonly string[]): void {
    for (const fragment of fragments) {
      this.output.push(fragment);
    }
  }

  shortRepr(value: Value): string {
    const text = this.executor.repr(value);
    return text.length > SUMMARY_REPR_CHARS_MAX ? `${text.slice(0, SUMMARY_REPR_CHARS_MAX - 3)}...` : text;
  }

  describeArgs(args: Value[], kwargs: [string, Value][]): string {
    if (!this.recorder.isRecording) {
      return '';
    }
    return [...args.map((a) => this.shortRepr(a)), ...kwargs.map(([k, v]) => `${k}=${this.shortRepr(v)}`)].join(', ');
  }

  describeResumption(resumption: Resumption): string {
    if (!this.recorder.isRecording) {
      return '';
    }
    return resumption.kind === 'value' ? this.shortRepr(resumption.value) : `raise ${this.executor.formatException(resumption.exception)}`;
  }

  describeRequest(request: ClientRequest): string {
    if (!this.recorder.isRecording) {
      return '';
    }
    if (request.kind === 'read') {
      return ` on ${this.entityId(request.target.className, request.target.key)}`;
    }
    const args = `(${this.describeArgs(request.args, request.kwargs)})`;
    return request.kind === 'call' ? ` on ${this.entityId(request.target.className, request.target.key)}${args}` : args;
  }
}

export interface MutableStats {
  requests: number;
  repliesReleased: number;
  messagesSent: number;
  messagesDropped: number;
  messagesDuplicated: number;
  messagesRetransmitted: number;
  messagesReplayed: number;
  duplicatesSuppressed: number;
  checkpointsCompleted: number;
  checkpointsAbandoned: number;
  checkpointDurations: number[];
  checkpointSizeLast: number;
  crashes: number;
  recoveries: number;
  recoveryDurations: number[];
  invocationsExecuted: number;
}

function newMutableStats(): MutableStats {
  return {
    requests: 0,
    repliesReleased: 0,
    messagesSent: 0,
    messagesDropped: 0,
    messagesDuplicated: 0,
    messagesRetransmitted: 0,
    messagesReplayed: 0,
    duplicatesSuppressed: 0,
    checkpointsCompleted: 0,
    checkpointsAbandoned: 0,
    checkpointDurations: [],
    checkpointSizeLast: 0,
    crashes: 0,
    recoveries: 0,
    recoveryDurations: [],
    invocationsExecuted: 0,
  };
}

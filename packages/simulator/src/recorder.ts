// Records the trace and enough per-step changes to rebuild the state after
// any step: every STATE_SNAPSHOT_INTERVAL_STEPS steps a full view of
// entities and in-flight messages, and between them per-step deltas. So
// `stateAt` costs at most one interval of delta applications, at any depth.
// The trace hash covers every step whether or not the trace is kept.

import type { Continuation } from './executor.ts';
import type { Simulation } from './engine.ts';
import { STATE_SNAPSHOT_INTERVAL_STEPS } from './limits.ts';
import { chainOf, componentId, type Message, type Payload } from './model.ts';
import { fnv1a } from './rng.ts';
import { splitOutput } from './stateJson.ts';
import type {
  ComponentId, EntityView, FrameSummary, JsonValue, MessageSummary, StepState, TraceEvent, TraceEventKind, WorkerView,
} from './trace.ts';

export interface StepDraft extends TraceEvent {
  sentMessages: Message[];
  consumedMessage: Message | null;
}

interface StepDelta {
  time: number;
  entities: [string, EntityView | null][];
  added: MessageSummary[];
  removed: number[];
  workers: WorkerView[];
  outputLength: number;
  checkpoint: number | null;
}

interface StateSnapshot {
  step: number;
  entities: Map<string, EntityView>;
  inFlight: Map<number, MessageSummary>;
}

export class Recorder {
  readonly events: TraceEvent[] = [];
  private hash = 0x811c9dc5;
  private readonly entityViews = new Map<string, EntityView>();
  private readonly inFlightViews = new Map<number, MessageSummary>();
  private readonly dirty = new Set<string>();
  private isAllDirty = false;
  private pendingAdded: MessageSummary[] = [];
  private pendingRemoved: number[] = [];
  private lastCheckpoint: number | null = null;
  private readonly deltas: StepDelta[] = [];
  private readonly snapshots: StateSnapshot[] = [];
  private initialWorkers: WorkerView[] = [];
  private initialOutputLength = 0;

  constructor(private readonly sim: Simulation, public isRecording: boolean) {}

  get traceHash(): string {
    return this.hash.toString(16).padStart(8, '0');
  }

  /** Mix text that is not part of a step (the final state) into the hash. */
  hashText(text: string): void {
    this.hash = fnv1a(text, this.hash);
  }

  start(): void {
    this.initialWorkers = this.workerViews();
    this.initialOutputLength = this.sim.output.length;
    this.snapshots.push({ step: -1, entities: new Map(), inFlight: new Map() });
  }

  newDraft(step: number, time: number, kind: TraceEventKind, component: ComponentId): StepDraft {
    return {
      step, time, kind, component,
      from: null, requestId: null, entity: null, method: null, blockId: null, spans: [], suspendedAt: null,
      frames: [], consumed: null, sent: [], printed: [], faults: [], text: '',
      sentMessages: [], consumedMessage: null,
    };
  }

  // ------------------------------------------------------------ notes from components

  touchEntity(entityId: string): void {
    if (this.isRecording) {
      this.dirty.add(entityId);
    }
  }

  touchAllEntities(): void {
    this.isAllDirty = true;
  }

  noteMessageSent(message: Message): void {
    if (this.isRecording) {
      const summary = this.summarize(message);
      this.inFlightViews.set(message.id, summary);
      this.pendingAdded.push(summary);
    }
  }

  noteMessageGone(id: number): void {
    if (this.isRecording && this.inFlightViews.delete(id)) {
      this.pendingRemoved.push(id);
    }
  }

  noteCheckpoint(id: number): void {
    this.lastCheckpoint = id;
  }

  describeFrames(step: StepDraft, continuation: Continuation): void {
    if (!this.isRecording) {
      return;
    }
    const sim = this.sim;
    step.frames = continuation.frames.map((frame): FrameSummary => {
      const names = sim.executor.frameVariables(continuation.className, frame);
      const locals: Record<string, string> = {};
      frame.locals.forEach((value, i) => {
        if (value !== undefined && names[i] !== undefined) {
          locals[names[i]] = sim.shortRepr(value);
        }
      });
      return { method: frame.method, resumeBlock: frame.resumeBlock, locals };
    });
  }

  // ------------------------------------------------------------ steps

  record(draft: StepDraft): void {
    this.hash = fnv1a(canonicalText(draft), this.hash);
    if (!this.isRecording) {
      return;
    }
    if (this.events.length >= this.sim.limits.traceEventsMax) {
      // Past the limit the run goes on, hashed but no longer stored.
      this.isRecording = false;
      return;
    }
    const event: TraceEvent = {
      step: draft.step,
      time: draft.time,
      kind: draft.kind,
      component: draft.component,
      from: draft.from,
      requestId: draft.requestId,
      entity: draft.entity,
      method: draft.method,
      blockId: draft.blockId,
      spans: draft.blockId === null ? [] : this.sim.facts.blockSpans(draft.blockId),
      suspendedAt: draft.suspendedAt,
      frames: draft.frames,
      consumed: draft.consumedMessage === null ? null : this.summarize(draft.consumedMessage),
      sent: draft.sentMessages.map((m) => this.inFlightViews.get(m.id) ?? this.summarize(m)),
      printed: draft.printed,
      faults: draft.faults,
      text: draft.text,
    };
    this.events.push(event);
    this.recordDelta(draft.time);
  }

  private recordDelta(time: number): void {
    const entities = this.isAllDirty ? this.rebuildAllEntities() : this.refreshDirtyEntities();
    this.isAllDirty = false;
    this.dirty.clear();
    this.deltas.push({
      time,
      entities,
      added: this.pendingAdded,
      removed: this.pendingRemoved,
      workers: this.workerViews(),
      outputLength: this.sim.output.length,
      checkpoint: this.lastCheckpoint,
    });
    this.pendingAdded = [];
    this.pendingRemoved = [];
    const step = this.deltas.length - 1;
    if ((step + 1) % STATE_SNAPSHOT_INTERVAL_STEPS === 0) {
      this.snapshots.push({ step, entities: new Map(this.entityViews), inFlight: new Map(this.inFlightViews) });
    }
  }

  private refreshDirtyEntities(): [string, EntityView | null][] {
    const changes: [string, EntityView | null][] = [];
    for (const id of this.dirty) {
      const view = this.findView(id);
      if (view === null) {
        this.entityViews.delete(id);
      } else {
        this.entityViews.set(id, view);
      }
      changes.push([id, view]);
    }
    return changes;
  }

  private rebuildAllEntities(): [string, EntityView | null][] {
    const changes: [string, EntityView | null][] = [];
    const seen = new Set<string>();
    for (const worker of this.sim.workers) {
      for (const [id, record] of worker.state.entities) {
        seen.add(id);
        const view = this.viewOf(id, record, worker.index);
        this.entityViews.set(id, view);
        changes.push([id, view]);
      }
    }
    for (const id of [...this.entityViews.keys()]) {
      if (!seen.has(id)) {
        this.entityViews.delete(id);
        changes.push([id, null]);
      }
    }
    return changes;
  }

  private findView(id: string): EntityView | null {
    for (const worker of this.sim.workers) {
      const record = worker.state.entities.get(id);
      if (record !== undefined) {
        return this.viewOf(id, record, worker.index);
      }
    }
    return null;
  }

  private viewOf(id: string, record: import('./model.ts').EntityRecord, worker: number): EntityView {
    const executor = this.sim.executor;
    const state: Record<string, JsonValue> = {};
    for (const [name, value] of record.state.attrs) {
      state[name] = executor.toJson(value);
    }
    return { id, className: record.state.className, key: executor.toJson(record.state.key), worker, state, lockedBy: record.lockedBy };
  }

  private workerViews(): WorkerView[] {
    return this.sim.workers.map((w) => ({
      id: componentId(w.index),
      index: w.index,
      isUp: w.isUp,
      queueLength: w.queueLength,
      parkedFrames: w.state.frames.size,
    }));
  }

  summarize(message: Message): MessageSummary {
    const chain = chainOf(message.payload);
    return {
      id: message.id,
      kind: message.payload.kind === 'forget' ? 'control' : message.payload.kind,
      from: componentId(message.from),
      to: componentId(message.to),
      requestId: chain?.requestId ?? null,
      entity: this.entityOf(message.payload),
      text: this.isRecording ? this.describePayload(message.payload) : '',
      sentAt: message.sentAt,
      deliverAt: message.deliverAt,
    };
  }

  private entityOf(payload: Payload): string | null {
    switch (payload.kind) {
      case 'invoke':
      case 'read':
        return this.sim.entityId(payload.className, payload.key);
      case 'install':
        return this.sim.entityId(payload.entity.className, payload.entity.key);
      default:
        return null;
    }
  }

  private describePayload(payload: Payload): string {
    const sim = this.sim;
    switch (payload.kind) {
      case 'invoke':
        return `${payload.method}(${sim.describeArgs(payload.args, payload.kwargs)})`;
      case 'construct':
        return `${payload.className}(${sim.describeArgs(payload.args, payload.kwargs)})`;
      case 'install':
        return `register ${sim.entityId(payload.entity.className, payload.entity.key)}`;
      case 'read':
        return `read .${payload.attr}`;
      case 'return':
        return `return ${sim.describeResumption(payload.resumption)} to frame ${payload.frameId}`;
      case 'reply':
        return `reply ${sim.describeResumption(payload.resumption)}`;
      case 'barrier':
        return `barrier ${payload.checkpoint}`;
      case 'txEnd':
        return `${payload.abort ? 'undo' : 'commit'} request ${payload.requestId}`;
      case 'txEndAck':
        return `undo done for request ${payload.requestId}`;
      case 'forget':
        return `forget request ${payload.requestId} attempts < ${payload.attemptBelow}`;
    }
  }

  // ------------------------------------------------------------ stepping

  get recordedSteps(): number {
    return this.deltas.length;
  }

  stateAt(step: number): StepState {
    const target = Math.max(-1, Math.min(step, this.deltas.length - 1));
    const index = Math.min(Math.floor((target + 1) / STATE_SNAPSHOT_INTERVAL_STEPS), this.snapshots.length - 1);
    const base = this.snapshots[index];
    const entities = new Map(base.entities);
    const inFlight = new Map(base.inFlight);
    for (let s = base.step + 1; s <= target; s++) {
      const delta = this.deltas[s];
      for (const [id, view] of delta.entities) {
        if (view === null) {
          entities.delete(id);
        } else {
          entities.set(id, view);
        }
      }
      for (const id of delta.removed) {
        inFlight.delete(id);
      }
      for (const summary of delta.added) {
        inFlight.set(summary.id, summary);
      }
    }
    const delta = target >= 0 ? this.deltas[target] : null;
    return {
      step: target,
      time: delta?.time ?? 0,
      entities: [...entities.values()].sort(compareViews),
      inFlight: [...inFlight.values()].sort((a, b) => a.id - b.id),
      workers: delta?.workers ?? this.initialWorkers,
      output: splitOutput(this.sim.output.slice(0, delta?.outputLength ?? this.initialOutputLength)),
      lastCompletedCheckpoint: delta?.checkpoint ?? null,
    };
  }

  /** The live state, built from the engine rather than from recorded deltas (for tests). */
  liveState(): StepState {
    const entities: EntityView[] = [];
    for (const worker of this.sim.workers) {
      for (const [id, record] of worker.state.entities) {
        entities.push(this.viewOf(id, record, worker.index));
      }
    }
    const inFlight = [...this.sim.network.inFlight.values()].map((m) => this.summarize(m));
    return {
      step: this.sim.stepIndex - 1,
      time: this.sim.now,
      entities: entities.sort(compareViews),
      inFlight: inFlight.sort((a, b) => a.id - b.id),
      workers: this.workerViews(),
      output: splitOutput(this.sim.output),
      lastCompletedCheckpoint: this.lastCheckpoint,
    };
  }
}

function compareViews(a: EntityView, b: EntityView): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The text a step contributes to the trace hash: ids and names, no value reprs. */
function canonicalText(draft: StepDraft): string {
  let text = `${draft.step}|${draft.time}|${draft.kind}|${draft.component}|${draft.from}|${draft.requestId}|${draft.entity}|${draft.method}|${draft.blockId}|${draft.suspendedAt}|${draft.printed.length}`;
  for (const message of draft.sentMessages) {
    text += `|>${message.id}:${message.to}@${message.deliverAt}`;
  }
  for (const fault of draft.faults) {
    text += `|!${fault.kind}`;
  }
  return text;
}

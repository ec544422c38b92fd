// A worker: hosts the entities of its key partitions, runs one message at a
// time, parks suspended frames until their reply arrives, and keeps the undo
// log and locks of transactions. Checkpoint alignment lives in
// workerCheckpoint.ts.

import type { EntityState, ExecContext, Outcome, Resumption, Value } from './executor.ts';
import type { Simulation } from './engine.ts';
import {
  chainOf, EGRESS, effectKey, emptyWorkerState, FINISHED_ATTEMPT,
  type Chain, type Message, type Payload, type ReplyAddress, type WorkerState,
} from './model.ts';
import type { StepDraft } from './recorder.ts';
import { WorkerCheckpoint } from './workerCheckpoint.ts';

type Invoke = Extract<Payload, { kind: 'invoke' }>;
type Construct = Extract<Payload, { kind: 'construct' }>;
type Install = Extract<Payload, { kind: 'install' }>;
type Read = Extract<Payload, { kind: 'read' }>;
type Return = Extract<Payload, { kind: 'return' }>;

export class WorkerNode {
  state: WorkerState = emptyWorkerState();
  isUp = true;
  /** Bumped at every crash and restore; scheduled runs of an older incarnation are ignored. */
  incarnation = 0;
  inbox: Message[] = [];
  private inboxHead = 0;
  busyUntil = 0;
  private isRunScheduled = false;
  slowFactor = 1;
  /**
   * Exactly-once: restarted but empty until the global rollback restores its
   * state. It accepts no messages meanwhile, so no step reads the lost state.
   */
  isAwaitingRestore = false;
  readonly checkpoint: WorkerCheckpoint;

  constructor(private readonly sim: Simulation, readonly index: number) {
    this.checkpoint = new WorkerCheckpoint(sim, this);
  }

  get queueLength(): number {
    return this.inbox.length - this.inboxHead + this.state.ready.length;
  }

  // ------------------------------------------------------------ queueing

  enqueue(message: Message): void {
    if (this.queueLength >= this.sim.limits.workerQueueMax) {
      this.sim.fail('limit', `worker ${this.index} has more than ${this.sim.limits.workerQueueMax} queued messages (limit workerQueueMax)`);
      return;
    }
    this.inbox.push(message);
    this.kick();
  }

  /** Put messages back at the front of the input queue, in order. */
  requeueFront(messages: Message[]): void {
    const rest = this.inbox.slice(this.inboxHead);
    this.inbox = messages.concat(rest);
    this.inboxHead = 0;
    this.kick();
  }

  clearInbox(): Message[] {
    const dropped = this.inbox.slice(this.inboxHead);
    this.inbox = [];
    this.inboxHead = 0;
    return dropped;
  }

  /** True when messages sent to this worker are lost. */
  get isUnreachable(): boolean {
    return !this.isUp || this.isAwaitingRestore;
  }

  kick(): void {
    if (this.isRunScheduled || this.isUnreachable || this.queueLength === 0) {
      return;
    }
    this.isRunScheduled = true;
    this.sim.schedule(Math.max(this.sim.now, this.busyUntil), { kind: 'workerRun', worker: this.index, incarnation: this.incarnation });
  }

  /** Process the next message, if any. */
  run(incarnation: number): void {
    if (incarnation !== this.incarnation) {
      return;
    }
    this.isRunScheduled = false;
    if (this.isUnreachable) {
      return;
    }
    const message = this.nextMessage();
    if (message !== null) {
      this.busyUntil = this.sim.now + this.sim.timing.serviceTicks * this.slowFactor;
      this.handle(message);
    }
    this.kick();
  }

  private nextMessage(): Message | null {
    if (this.state.ready.length > 0) {
      return this.state.ready.shift()!;
    }
    while (this.inboxHead < this.inbox.length) {
      const message = this.inbox[this.inboxHead++];
      if (this.inboxHead > 1024 && this.inboxHead * 2 > this.inbox.length) {
        this.inbox = this.inbox.slice(this.inboxHead);
        this.inboxHead = 0;
      }
      if (this.checkpoint.admit(message)) {
        return message;
      }
    }
    return null;
  }

  // ------------------------------------------------------------ handling

  private handle(message: Message): void {
    const payload = message.payload;
    if (payload.kind === 'barrier') {
      this.sim.network.consumed(message);
      this.checkpoint.onBarrier(message, payload.checkpoint);
      return;
    }
    const sim = this.sim;
    sim.activity++;
    const chain = 'chain' in payload ? payload.chain : null;
    if (chain !== null && !sim.noteChainStep(chain)) {
      return;
    }
    sim.network.consumed(message);
    switch (payload.kind) {
      case 'invoke':
        return this.onInvoke(message, payload);
      case 'construct':
        return this.onConstruct(message, payload);
      case 'install':
        return this.onInstall(message, payload);
      case 'read':
        return this.onRead(message, payload);
      case 'return':
        return this.onReturn(message, payload);
      case 'txEnd':
        return this.onTxEnd(message, payload.requestId, payload.attempt, payload.abort, payload.origin);
      case 'txEndAck':
        return this.onTxEndAck(message, payload.requestId, payload.attempt);
      case 'forget':
        return this.onForget(message, payload.requestId, payload.attemptBelow);
      case 'reply':
        return;
    }
  }

  private onInvoke(message: Message, p: Invoke): void {
    const sim = this.sim;
    const entityId = sim.entityId(p.className, p.key);
    const step = sim.beginStep('invoke', this.index, message, { entity: entityId, method: p.method, chain: p.chain });
    const record = this.state.entities.get(entityId);
    if (record === undefined) {
      step.text = `${entityId} does not exist`;
      this.sendResult(p.replyTo, this.missingEntity(p.className, p.key), p.chain);
      return;
    }
    if (this.waitForLock(message, entityId, p.chain, step)) {
      return;
    }
    step.blockId = sim.entryBlock(p.className, p.method);
    this.touchForTransaction(p.chain, entityId);
    this.countEffect(p.chain.requestId, entityId, p.method);
    sim.stats.invocationsExecuted++;
    sim.recorder.touchEntity(entityId);
    step.text = `${entityId}.${p.method}(${sim.describeArgs(p.args, p.kwargs)})`;
    const outcome = this.execute(p.chain, step, (ctx) => sim.executor.invoke(record.state, p.method, p.args, p.kwargs, ctx));
    if (outcome !== null) {
      this.handleOutcome(outcome, p.chain, p.replyTo, entityId, step);
    }
  }

  private onReturn(message: Message, p: Return): void {
    const sim = this.sim;
    const frame = this.state.frames.get(p.frameId);
    const step = sim.beginStep('resume', this.index, message, { entity: frame?.entityId ?? null, chain: p.chain });
    if (frame === undefined) {
      // A duplicate or late reply (weak modes), or a frame lost in a crash.
      step.kind = 'drop';
      step.text = `no frame ${p.frameId} waiting for this reply; dropped`;
      return;
    }
    const entity = this.frameEntity(frame.entityId, frame.continuation.constructing);
    if (entity === null) {
      this.state.frames.delete(p.frameId);
      step.kind = 'drop';
      step.text = `${frame.entityId} no longer exists; reply dropped`;
      return;
    }
    if (frame.entityId !== null && this.waitForLock(message, frame.entityId, p.chain, step)) {
      return;
    }

    this.state.frames.delete(p.frameId);
    p.chain.depth--;
    const top = frame.continuation.frames[frame.continuation.frames.length - 1];
    step.method = top?.method ?? null;
    step.blockId = top?.resumeBlock ?? null;
    sim.recorder.describeFrames(step, frame.continuation);
    if (frame.entityId !== null) {
      this.touchForTransaction(p.chain, frame.entityId);
      sim.recorder.touchEntity(frame.entityId);
    }

    step.text = `${frame.entityId ?? frame.continuation.className + ' (constructing)'} resumes ${top?.method ?? ''} with ${sim.describeResumption(p.resumption)}`;
    const outcome = this.execute(p.chain, step, (ctx) => sim.executor.resume(entity, frame.continuation, p.resumption, ctx));
    if (outcome !== null) {
      this.handleOutcome(outcome, p.chain, frame.replyTo, frame.entityId, step);
    }
  }

  private onConstruct(message: Message, p: Construct): void {
    const sim = this.sim;
    const step = sim.beginStep('construct', this.index, message, { method: '__init__', chain: p.chain });
    step.text = `${p.className}(${sim.describeArgs(p.args, p.kwargs)})`;
    step.blockId = sim.entryBlock(p.className, '__init__');
    const outcome = this.execute(p.chain, step, (ctx) => sim.executor.construct(p.className, p.args, p.kwargs, ctx));
    if (outcome !== null) {
      this.handleOutcome(outcome, p.chain, p.replyTo, null, step);
    }
  }

  private onInstall(message: Message, p: Install): void {
    const sim = this.sim;
    const className = p.entity.className;
    const key = p.entity.key;
    const entityId = sim.entityId(className, key);
    const step = sim.beginStep('install', this.index, message, { entity: entityId, chain: p.chain });
    if (this.state.entities.has(entityId)) {
      step.text = `${entityId} already exists`;
      const error = sim.executor.makeException('ValueError', `${className} entity with key ${sim.executor.repr(key)} already exists`);
      this.sendResult(p.replyTo, { kind: 'exception', exception: error }, p.chain);
      return;
    }
    const order: [number, number] = [p.chain.requestId, p.chain.creations++];
    this.state.entities.set(entityId, { state: p.entity, order, lockedBy: null });
    if (p.chain.txDepth > 0 && !this.isForgotten(p.chain)) {
      this.addUndo(p.chain, entityId, null, order);
    }
    this.countEffect(p.chain.requestId, entityId, '__init__');
    sim.recorder.touchEntity(entityId);
    step.text = `${entityId} registered`;
    this.sendResult(p.replyTo, { kind: 'value', value: sim.executor.makeRef(className, key) }, p.chain);
  }

  private onRead(message: Message, p: Read): void {
    const sim = this.sim;
    const entityId = sim.entityId(p.className, p.key);
    const step = sim.beginStep('read', this.index, message, { entity: entityId, chain: p.chain });
    const record = this.state.entities.get(entityId);
    if (record === undefined) {
      this.sendResult(p.replyTo, this.missingEntity(p.className, p.key), p.chain);
      return;
    }
    if (this.waitForLock(message, entityId, p.chain, step)) {
      return;
    }
    const resumption = sim.guard(() => sim.executor.readAttribute(record.state, p.attr));
    if (resumption === null) {
      return;
    }
    step.text = `${entityId}.${p.attr} -> ${sim.describeResumption(resumption)}`;
    this.sendResult(p.replyTo, resumption, p.chain);
  }

  // ------------------------------------------------------------ outcomes

  private handleOutcome(outcome: Outcome, chain: Chain, replyTo: ReplyAddress, entityId: string | null, step: StepLike): void {
    const sim = this.sim;
    switch (outcome.kind) {
      case 'return':
        this.sendResult(replyTo, { kind: 'value', value: outcome.value }, chain);
        return;
      case 'raise':
        this.sendResult(replyTo, { kind: 'exception', exception: outcome.exception }, chain);
        return;
      case 'constructed': {
        const owner = sim.ownerOf(outcome.entity.className, outcome.entity.key);
        this.emit(owner, { kind: 'install', entity: outcome.entity, replyTo, chain }, chain);
        return;
      }
      default:
        break;
    }

    const frameId = this.state.nextFrameId++;
    if (++chain.depth > sim.limits.chainDepthMax) {
      sim.fail('limit', `request ${chain.requestId} has more than ${sim.limits.chainDepthMax} suspended frames (limit chainDepthMax)`);
      return;
    }
    this.state.frames.set(frameId, {
      entityId,
      continuation: outcome.continuation,
      replyTo,
      requestId: chain.requestId,
      attempt: chain.attempt,
    });
    const here: ReplyAddress = { kind: 'frame', worker: this.index, frameId };
    const frames = outcome.continuation.frames;
    step.suspendedAt = frames[frames.length - 1]?.resumeBlock ?? null;
    sim.recorder.describeFrames(step, outcome.continuation);

    if (outcome.kind === 'remoteCall') {
      const target = outcome.target;
      this.emit(sim.ownerOf(target.className, target.key), {
        kind: 'invoke', className: target.className, key: target.key, method: outcome.method,
        args: outcome.args, kwargs: outcome.kwargs, replyTo: here, chain,
      }, chain);
    } else if (outcome.kind === 'create') {
      // The constructor runs here; the key it computes decides where the entity lives.
      this.emit(this.index, {
        kind: 'construct', className: outcome.className, args: outcome.args, kwargs: outcome.kwargs, replyTo: here, chain,
      }, chain);
    } else {
      const target = outcome.target;
      this.emit(sim.ownerOf(target.className, target.key), {
        kind: 'read', className: target.className, key: target.key, attr: outcome.attr, replyTo: here, chain,
      }, chain);
    }
  }

  private sendResult(replyTo: ReplyAddress, resumption: Resumption, chain: Chain): void {
    if (replyTo.kind === 'egress') {
      this.emit(EGRESS, { kind: 'reply', resumption, chain }, chain);
    } else {
      this.emit(replyTo.worker, { kind: 'return', frameId: replyTo.frameId, resumption, chain }, chain);
    }
  }

  /** Send, unless the chain waits for undo acknowledgements: then hold the message. */
  private emit(to: number, payload: Payload, chain: Chain): void {
    const held = this.state.held.get(chain.requestId);
    if (held !== undefined) {
      held.messages.push({ to, payload });
      return;
    }
    this.sim.network.send(this.index, to, payload);
  }

  private missingEntity(className: string, key: Value): Resumption {
    const executor = this.sim.executor;
    return {
      kind: 'exception',
      // The same error as the runtime's direct mode gives for a reference to no entity.
      exception: executor.makeException('RuntimeError', `no ${className} entity with key ${executor.repr(key)}`),
    };
  }

  private frameEntity(entityId: string | null, constructing: EntityState | null): EntityState | null {
    if (entityId === null) {
      return constructing;
    }
    return this.state.entities.get(entityId)?.state ?? null;
  }

  /** Run `call` with an execution context bound to the chain; writes the step budget back. */
  private execute<T>(chain: Chain, step: StepLike, call: (ctx: ExecContext) => T): T | null {
    const budget = { remaining: chain.stepsLeft };
    const ctx: ExecContext = {
      print: (line: string) => {
        chain.output.push(line);
        step.printed.push(line);
      },
      stepBudget: budget,
      onTransactional: (event, entity) => this.onTransactional(event, entity, chain),
    };
    const result = this.sim.guard(() => call(ctx));
    chain.stepsLeft = budget.remaining;
    return result;
  }

  // ------------------------------------------------------------ transactions

  private onTransactional(event: 'enter' | 'return' | 'raise', entity: EntityState, chain: Chain): void {
    if (event === 'enter') {
      chain.txDepth++;
      if (chain.txDepth === 1) {
        chain.txWorkers = [];
      }
      this.touchForTransaction(chain, this.sim.entityId(entity.className, entity.key));
      return;
    }
    chain.txDepth--;
    if (chain.txDepth === 0) {
      this.endTransaction(chain, event === 'raise');
    }
  }

  /** Record a pre-image and take the lock the first time a running transaction touches an entity. */
  private touchForTransaction(chain: Chain, entityId: string): void {
    if (chain.txDepth === 0 || this.isForgotten(chain)) {
      return;
    }
    const record = this.state.entities.get(entityId);
    if (record === undefined) {
      return;
    }
    const entries = this.state.undo.get(chain.requestId);
    // An older attempt's pre-image does not count: a forget may drop it
    // while this attempt still runs.
    if (entries?.some((entry) => entry.entityId === entityId && entry.attempt === chain.attempt)) {
      return;
    }
    this.addUndo(chain, entityId, this.sim.executor.deepCopy(record.state, new Map()), record.order);
    record.lockedBy = chain.requestId;
  }

  private addUndo(chain: Chain, entityId: string, preimage: EntityState | null, order: [number, number]): void {
    let entries = this.state.undo.get(chain.requestId);
    if (entries === undefined) {
      entries = [];
      this.state.undo.set(chain.requestId, entries);
    }
    entries.push({ entityId, preimage, order, attempt: chain.attempt });
    const record = this.state.entities.get(entityId);
    if (record !== undefined) {
      record.lockedBy = chain.requestId;
    }
    if (!chain.txWorkers.includes(this.index)) {
      chain.txWorkers.push(this.index);
    }
  }

  private endTransaction(chain: Chain, isAbort: boolean): void {
    const attempt = chain.attempt;
    this.finishLocalTransaction(chain.requestId, isAbort, (a) => a === attempt);
    const others = chain.txWorkers.filter((w) => w !== this.index);
    chain.txWorkers = [];
    for (const worker of others) {
      this.sim.network.send(this.index, worker, { kind: 'txEnd', requestId: chain.requestId, attempt, abort: isAbort, origin: this.index });
    }
    if (isAbort && others.length > 0) {
      // The chain continues only after every worker restored its pre-images.
      this.state.held.set(chain.requestId, { attempt, pendingAcks: others.length, messages: [] });
    }
  }

  /**
   * Restore (on abort) or drop this worker's pre-images of a transaction
   * taken by the attempts `isMine` accepts, and release their locks. Entries
   * of other attempts of the request stay, with their locks.
   */
  finishLocalTransaction(requestId: number, isAbort: boolean, isMine: (attempt: number) => boolean): void {
    const all = this.state.undo.get(requestId) ?? [];
    const entries = all.filter((entry) => isMine(entry.attempt));
    const others = all.filter((entry) => !isMine(entry.attempt));
    if (others.length === 0) {
      this.state.undo.delete(requestId);
    } else {
      this.state.undo.set(requestId, others);
    }
    const executor = this.sim.executor;
    for (const entry of entries) {
      const record = this.state.entities.get(entry.entityId);
      this.sim.recorder.touchEntity(entry.entityId);
      if (isAbort && entry.preimage === null) {
        this.state.entities.delete(entry.entityId);
      } else if (isAbort && record !== undefined) {
        executor.restoreInPlace(record.state, executor.deepCopy(entry.preimage!, new Map()));
      }
    }
    for (const [entityId, record] of this.state.entities) {
      const isStillHeld = others.some((other) => other.entityId === entityId);
      if (record.lockedBy === requestId && !isStillHeld) {
        record.lockedBy = null;
        this.wakeLockWaiters(entityId);
      }
    }
    for (const entry of entries) {
      this.wakeLockWaiters(entry.entityId);
    }
  }

  private onTxEnd(message: Message, requestId: number, attempt: number, isAbort: boolean, origin: number): void {
    const step = this.sim.beginStep('txEnd', this.index, message, { requestId });
    step.text = `${isAbort ? 'undo' : 'commit'} of request ${requestId}`;
    this.finishLocalTransaction(requestId, isAbort, (a) => a === attempt);
    if (isAbort) {
      this.sim.network.send(this.index, origin, { kind: 'txEndAck', requestId, attempt });
    }
  }

  private onTxEndAck(message: Message, requestId: number, attempt: number): void {
    const step = this.sim.beginStep('txEnd', this.index, message, { requestId });
    const held = this.state.held.get(requestId);
    step.text = `undo acknowledged for request ${requestId}`;
    if (held === undefined || held.attempt !== attempt) {
      return;
    }
    held.pendingAcks--;
    if (held.pendingAcks > 0) {
      return;
    }
    this.state.held.delete(requestId);
    for (const output of held.messages) {
      this.sim.network.send(this.index, output.to, output.payload);
    }
  }

  /**
   * Weak modes: a request was answered, given up or retried; drop what its
   * older attempts left here (frames, held output, locks and the messages
   * waiting for a lock) and remember them, so their stray messages take no
   * more locks.
   */
  private onForget(message: Message, requestId: number, attemptBelow: number): void {
    const step = this.sim.beginStep('timeout', this.index, message, { requestId });
    step.text = attemptBelow === FINISHED_ATTEMPT
      ? `forget request ${requestId}: it has its reply`
      : `forget attempts of request ${requestId} below ${attemptBelow}`;
    const known = this.state.forgotten.get(requestId) ?? 0;
    if (attemptBelow > known) {
      this.state.forgotten.set(requestId, attemptBelow);
    }
    for (const [frameId, frame] of this.state.frames) {
      if (frame.requestId === requestId && frame.attempt < attemptBelow) {
        this.state.frames.delete(frameId);
      }
    }
    const isStale = (m: Message): boolean => {
      const chain = chainOf(m.payload);
      return chain !== null && chain.requestId === requestId && chain.attempt < attemptBelow;
    };
    for (const [entityId, waiters] of this.state.lockWaiters) {
      const kept = waiters.filter((m) => !isStale(m));
      if (kept.length === 0) {
        this.state.lockWaiters.delete(entityId);
      } else {
        this.state.lockWaiters.set(entityId, kept);
      }
    }
    const held = this.state.held.get(requestId);
    if (held !== undefined && held.attempt < attemptBelow) {
      this.state.held.delete(requestId);
    }
    this.finishLocalTransaction(requestId, false, (a) => a < attemptBelow);
  }

  /** True when the chain's attempt was forgotten here: it may still run, but it takes no locks. */
  private isForgotten(chain: Chain): boolean {
    return chain.attempt < (this.state.forgotten.get(chain.requestId) ?? 0);
  }

  private waitForLock(message: Message, entityId: string, chain: Chain, step: StepLike): boolean {
    const record = this.state.entities.get(entityId);
    if (record === undefined || record.lockedBy === null || record.lockedBy === chain.requestId) {
      return false;
    }
    step.kind = 'wait';
    step.text = `${entityId} is locked by the transaction of request ${record.lockedBy}; waiting`;
    this.sim.uncountChainStep(chain);
    let waiters = this.state.lockWaiters.get(entityId);
    if (waiters === undefined) {
      waiters = [];
      this.state.lockWaiters.set(entityId, waiters);
    }
    waiters.push(message);
    return true;
  }

  private wakeLockWaiters(entityId: string): void {
    const waiters = this.state.lockWaiters.get(entityId);
    if (waiters === undefined) {
      return;
    }
    this.state.lockWaiters.delete(entityId);
    this.state.ready.push(...waiters);
    this.kick();
  }

  private countEffect(requestId: number, entityId: string, method: string): void {
    const key = effectKey(requestId, entityId, method);
    this.state.effects.set(key, (this.state.effects.get(key) ?? 0) + 1);
  }

  // ------------------------------------------------------------ faults

  /** Crash: lose everything volatile. In the weak modes entity state is durable (written through). */
  crash(): void {
    this.isUp = false;
    this.incarnation++;
    this.isRunScheduled = false;
    const lost = this.clearInbox();
    for (const message of lost) {
      this.sim.network.consumed(message);
    }
    this.checkpoint.reset();
    if (this.sim.mode === 'exactly-once') {
      this.state = emptyWorkerState();
      return;
    }
    const durable = emptyWorkerState();
    durable.entities = this.state.entities;
    durable.effects = this.state.effects;
    // Written through like the entities, so the stray messages of attempts
    // that are over take no locks after a restart either.
    durable.forgotten = this.state.forgotten;
    durable.nextFrameId = this.state.nextFrameId;
    for (const record of durable.entities.values()) {
      record.lockedBy = null;
    }
    this.state = durable;
  }

  restart(): void {
    this.isUp = true;
    this.isAwaitingRestore = this.sim.mode === 'exactly-once';
    this.incarnation++;
    this.isRunScheduled = false;
    this.busyUntil = this.sim.now;
    this.slowFactor = 1;
  }

  /** Replace the whole state (global rollback). */
  restore(state: WorkerState): void {
    for (const message of this.clearInbox()) {
      this.sim.network.consumed(message);
    }
    this.state = state;
    this.isAwaitingRestore = false;
    this.incarnation++;
    this.isRunScheduled = false;
    this.busyUntil = this.sim.now;
    this.checkpoint.reset();
    this.kick();
  }
}

/** The trace step a worker fills in. */
type StepLike = StepDraft;

// Ingress and egress. The ingress keeps a durable log of every client
// request and dispatches a client's requests one at a time, in order (a
// replayed request waits for the reply to the one before it, as the client
// did). It also admits at most one request at a time that can start a
// split @transactional chain, so two transactions never wait on each other's
// locks. The egress deduplicates replies by request id and releases each
// reply, with the entity output of its request, exactly once.

import type { ClientRequest, ClientSession } from '@entflow/runtime';
import type { Resumption } from './executor.ts';
import type { Simulation } from './engine.ts';
import { copyMessage } from './copying.ts';
import { clientEndpoint, EGRESS, FINISHED_ATTEMPT, INGRESS, type Chain, type Message, type Payload } from './model.ts';

/** The ingress part of a checkpoint: how far each client's log was dispatched and replied to. */
export interface GatewaySnapshot {
  dispatched: number[];
  answered: number[];
  txSlot: number | null;
}

export interface LogEntry {
  requestId: number;
  clientId: number;
  /** Position in the client's own sequence of requests. */
  index: number;
  request: ClientRequest;
  isTxCapable: boolean;
  /** `Class.method`, `Class()` or `Class.attr`, for messages. */
  label: string;
  loggedAt: number;
  attempt: number;
  dispatchCount: number;
}

interface ClientState {
  id: number;
  session: ClientSession;
  isDone: boolean;
  error: string | null;
  log: LogEntry[];
  dispatched: number;
  answered: number;
  pendingReply: Resumption | undefined;
}

interface HeldReply {
  entry: LogEntry;
  resumption: Resumption;
  output: string[];
  /** Released once a checkpoint with at least this id completes. */
  coverage: number;
}

export class Gateway {
  readonly clients: ClientState[] = [];
  readonly entries = new Map<number, LogEntry>();
  private readonly released = new Set<number>();
  private txSlot: number | null = null;
  private heldReplies: HeldReply[] = [];
  private readonly progress = new Map<number, number>();
  private alignment: { checkpoint: number; barriersFrom: Set<number>; logged: Message[] } | null = null;
  readonly latencies: number[] = [];

  constructor(private readonly sim: Simulation) {}

  addClient(id: number, session: ClientSession): void {
    this.clients.push({ id, session, isDone: false, error: null, log: [], dispatched: 0, answered: 0, pendingReply: undefined });
  }

  snapshot(): GatewaySnapshot {
    return {
      dispatched: this.clients.map((c) => c.dispatched),
      answered: this.clients.map((c) => c.answered),
      txSlot: this.txSlot,
    };
  }

  /** Requests logged but not yet replied to, for the reply checker. */
  unanswered(): LogEntry[] {
    return this.clients.flatMap((c) => c.log.slice(c.answered));
  }

  isReleased(requestId: number): boolean {
    return this.released.has(requestId);
  }

  // ------------------------------------------------------------ clients

  runClient(clientId: number): void {
    const sim = this.sim;
    const client = this.clients[clientId];
    if (client.isDone) {
      return;
    }
    sim.activity++;
    const step = sim.beginStep('clientRequest', clientEndpoint(clientId), null, {});
    const reply = client.pendingReply;
    client.pendingReply = undefined;
    const next = sim.guard(() => client.session.next(reply));
    if (next === null) {
      return;
    }
    if (next.kind === 'done') {
      client.isDone = true;
      client.error = next.error === null ? null : sim.executor.formatException(next.error);
      step.kind = 'clientDone';
      step.text = client.error === null ? `client-${clientId} finished` : `client-${clientId} stopped: ${client.error}`;
      sim.onClientDone();
      return;
    }
    if (client.log.length >= sim.limits.requestsPerClientMax) {
      sim.fail('limit', `client-${clientId} sent more than ${sim.limits.requestsPerClientMax} requests (limit requestsPerClientMax)`);
      return;
    }
    const entry = this.log(client, next);
    step.requestId = entry.requestId;
    step.method = entry.label;
    step.text = `request ${entry.requestId}: ${entry.label}${sim.describeRequest(next)}`;
    this.tryDispatch();
  }

  private log(client: ClientState, request: ClientRequest): LogEntry {
    const sim = this.sim;
    const index = client.log.length;
    const entry: LogEntry = {
      // Stable across runs and modes: the n-th request of client c always gets the same id.
      requestId: 1 + index * sim.clientCount + client.id,
      clientId: client.id,
      index,
      request,
      isTxCapable: sim.isTxCapable(request),
      label: labelOf(request),
      loggedAt: sim.now,
      attempt: 0,
      dispatchCount: 0,
    };
    client.log.push(entry);
    this.entries.set(entry.requestId, entry);
    sim.stats.requests++;
    return entry;
  }

  // ------------------------------------------------------------ ingress

  private tryDispatch(): void {
    for (const client of this.clients) {
      if (client.dispatched !== client.answered || client.dispatched >= client.log.length) {
        continue;
      }
      const entry = client.log[client.dispatched];
      if (entry.isTxCapable) {
        if (this.txSlot !== null && this.txSlot !== entry.requestId) {
          continue;
        }
        this.txSlot = entry.requestId;
      }
      client.dispatched++;
      this.dispatch(entry);
    }
  }

  private dispatch(entry: LogEntry): void {
    const sim = this.sim;
    if (entry.dispatchCount > 0) {
      sim.stats.messagesReplayed++;
    }
    entry.dispatchCount++;
    sim.resetChainSteps(entry.requestId, entry.attempt);
    const chain: Chain = {
      requestId: entry.requestId,
      attempt: entry.attempt,
      output: [],
      txDepth: 0,
      txWorkers: [],
      stepsLeft: sim.runtimeStepsPerRequest,
      hops: 0,
      depth: 0,
      creations: 0,
    };
    const request = entry.request;
    const copy = <T>(value: T): T => sim.executor.deepCopy(value, new Map());
    let to: number;
    let payload: Payload;
    if (request.kind === 'call') {
      to = sim.ownerOf(request.target.className, request.target.key);
      payload = {
        kind: 'invoke', className: request.target.className, key: request.target.key, method: request.method,
        args: copy(request.args), kwargs: copy(request.kwargs), replyTo: { kind: 'egress' }, chain,
      };
    } else if (request.kind === 'create') {
      to = entry.requestId % sim.workerCount;
      payload = { kind: 'construct', className: request.className, args: copy(request.args), kwargs: copy(request.kwargs), replyTo: { kind: 'egress' }, chain };
    } else {
      to = sim.ownerOf(request.target.className, request.target.key);
      payload = { kind: 'read', className: request.target.className, key: request.target.key, attr: request.attr, replyTo: { kind: 'egress' }, chain };
    }
    sim.network.send(INGRESS, to, payload);
    if (sim.mode !== 'exactly-once') {
      this.progress.set(entry.requestId, sim.now);
      sim.schedule(sim.now + sim.timing.requestTimeoutTicks, { kind: 'requestTimeout', requestId: entry.requestId, attempt: entry.attempt });
    }
  }

  noteProgress(requestId: number): void {
    if (this.sim.mode !== 'exactly-once') {
      this.progress.set(requestId, this.sim.now);
    }
  }

  // ------------------------------------------------------------ egress

  onReply(message: Message): void {
    const sim = this.sim;
    const payload = message.payload;
    if (payload.kind === 'barrier') {
      this.onBarrier(message, payload.checkpoint);
      return;
    }
    if (payload.kind !== 'reply') {
      return;
    }
    sim.activity++;
    const step = sim.beginStep('reply', EGRESS, message, { chain: payload.chain });
    if (this.alignment !== null && !this.alignment.barriersFrom.has(message.from)) {
      this.alignment.logged.push(copyMessage(sim.executor, message, sim.coordinator.memoOf(this.alignment.checkpoint)));
    }
    step.text = this.acceptReply(payload.chain, payload.resumption);
  }

  /** Record the reply to a request and release it, or hold it for the next checkpoint. Returns a trace line. */
  private acceptReply(chain: Chain, resumption: Resumption): string {
    const sim = this.sim;
    const entry = this.entries.get(chain.requestId);
    if (entry === undefined) {
      return `reply to unknown request ${chain.requestId}`;
    }
    const client = this.clients[entry.clientId];
    if (entry.index < client.answered) {
      sim.stats.duplicatesSuppressed++;
      sim.markStepFault('dedup', `duplicate reply to request ${entry.requestId} suppressed`);
      return `request ${entry.requestId}: duplicate reply suppressed`;
    }
    client.answered++;
    this.progress.delete(entry.requestId);
    if (sim.mode !== 'exactly-once' && entry.isTxCapable) {
      // A duplicated message may have forked the chain. A fork still inside
      // the transaction could lock entities after the commit, and nothing
      // would release them because a request with a reply is never retried.
      this.forget(entry.requestId, FINISHED_ATTEMPT);
    }
    if (this.txSlot === entry.requestId) {
      this.txSlot = null;
    }
    const description = `request ${entry.requestId} (${entry.label}) -> ${sim.describeResumption(resumption)}`;
    if (sim.mode === 'exactly-once' && sim.clientCount > 1) {
      // Several clients may interleave differently on replay, so a reply is
      // released only once a checkpoint containing its effects completed.
      const inProgress = sim.coordinator.inProgressId;
      const isInCut = this.alignment !== null && inProgress !== null;
      this.heldReplies.push({ entry, resumption, output: chain.output, coverage: isInCut ? inProgress : (inProgress ?? sim.coordinator.nextCheckpointId - 1) + 1 });
      this.tryDispatch();
      return `${description}; held until the next checkpoint`;
    }
    this.release(entry, resumption, chain.output);
    this.tryDispatch();
    return description;
  }

  private release(entry: LogEntry, resumption: Resumption, output: string[]): void {
    const sim = this.sim;
    if (this.released.has(entry.requestId)) {
      sim.stats.duplicatesSuppressed++;
      sim.markStepFault('dedup', `request ${entry.requestId} was already released; replayed reply suppressed`);
      return;
    }
    this.released.add(entry.requestId);
    sim.stats.repliesReleased++;
    sim.lastProgressAt = sim.now;
    this.latencies.push(sim.now - entry.loggedAt);
    sim.appendOutput(output);
    const client = this.clients[entry.clientId];
    client.pendingReply = resumption;
    sim.schedule(sim.now + sim.timing.clientThinkTicks, { kind: 'clientRun', client: entry.clientId });
  }

  onCheckpointComplete(id: number): void {
    if (this.heldReplies.length === 0) {
      return;
    }
    const ready = this.heldReplies.filter((h) => h.coverage <= id);
    this.heldReplies = this.heldReplies.filter((h) => h.coverage > id);
    for (const held of ready) {
      this.release(held.entry, held.resumption, held.output);
    }
  }

  // ------------------------------------------------------------ checkpoints

  startCheckpoint(id: number): void {
    const sim = this.sim;
    sim.coordinator.storeGatewaySnapshot(id, this.snapshot());
    this.alignment = { checkpoint: id, barriersFrom: new Set(), logged: [] };
    for (let w = 0; w < sim.workerCount; w++) {
      sim.network.send(INGRESS, w, { kind: 'barrier', checkpoint: id });
    }
  }

  abandonCheckpoint(): void {
    this.alignment = null;
  }

  private onBarrier(message: Message, checkpoint: number): void {
    const step = this.sim.beginStep('barrier', EGRESS, message, {});
    const alignment = this.alignment;
    if (alignment === null || alignment.checkpoint !== checkpoint) {
      step.text = `stale barrier of checkpoint ${checkpoint} ignored`;
      return;
    }
    alignment.barriersFrom.add(message.from);
    step.text = `barrier ${checkpoint} from worker-${message.from} at the egress`;
    if (alignment.barriersFrom.size === this.sim.workerCount) {
      this.alignment = null;
      this.sim.coordinator.acknowledgeGateway(checkpoint, alignment.logged);
    }
  }

  /** Global rollback: back to the checkpoint's dispatch counters, then replay. */
  restore(snapshot: GatewaySnapshot, logged: Message[]): void {
    this.clients.forEach((client, i) => {
      client.dispatched = snapshot.dispatched[i] ?? 0;
      client.answered = snapshot.answered[i] ?? 0;
    });
    this.txSlot = snapshot.txSlot;
    this.heldReplies = [];
    this.progress.clear();
    this.alignment = null;
    for (const message of logged) {
      if (message.payload.kind === 'reply') {
        this.sim.stats.messagesReplayed++;
        this.acceptReply(message.payload.chain, message.payload.resumption);
      }
    }
    this.tryDispatch();
  }

  // ------------------------------------------------------------ weak modes

  /** At-least-once recovery: send every unanswered request again, as a new attempt. */
  replayUnanswered(): void {
    for (const client of this.clients) {
      if (client.dispatched > client.answered) {
        this.retry(client.log[client.answered]);
      }
    }
  }

  private retry(entry: LogEntry): void {
    const sim = this.sim;
    if (entry.attempt + 1 >= sim.limits.attemptsPerRequestMax) {
      sim.fail('limit', `request ${entry.requestId} (${entry.label}) was sent ${sim.limits.attemptsPerRequestMax} times without a reply `
        + `(limit attemptsPerRequestMax); look at its last attempt in the trace for what it waits on, or raise the limit`);
      return;
    }
    entry.attempt++;
    this.forget(entry.requestId, entry.attempt);
    this.dispatch(entry);
  }

  private forget(requestId: number, attemptBelow: number): void {
    for (let w = 0; w < this.sim.workerCount; w++) {
      this.sim.network.send(INGRESS, w, { kind: 'forget', requestId, attemptBelow });
    }
  }

  onTimeout(requestId: number, attempt: number): void {
    const sim = this.sim;
    const entry = this.entries.get(requestId);
    if (entry === undefined || entry.attempt !== attempt) {
      return;
    }
    const client = this.clients[entry.clientId];
    if (entry.index < client.answered) {
      return;
    }
    const last = this.progress.get(requestId) ?? entry.loggedAt;
    if (sim.now < last + sim.timing.requestTimeoutTicks) {
      sim.schedule(last + sim.timing.requestTimeoutTicks, { kind: 'requestTimeout', requestId, attempt });
      return;
    }
    const step = sim.beginStep('timeout', INGRESS, null, { requestId });
    step.method = entry.label;
    if (sim.mode === 'at-least-once') {
      step.text = `request ${requestId} (${entry.label}) got no reply for ${sim.timing.requestTimeoutTicks} ticks; sent again`;
      this.retry(entry);
      return;
    }
    step.text = `request ${requestId} (${entry.label}) got no reply for ${sim.timing.requestTimeoutTicks} ticks; given up`;
    this.forget(requestId, entry.attempt + 1);
    const error = sim.executor.makeException('TimeoutError',
      `request ${requestId} (${entry.label}) got no reply within ${sim.timing.requestTimeoutTicks} ticks`);
    this.acceptReply({ requestId, attempt, output: [], txDepth: 0, txWorkers: [], stepsLeft: 0, hops: 0, depth: 0, creations: 0 },
      { kind: 'exception', exception: error });
  }
}

function labelOf(request: ClientRequest): string {
  switch (request.kind) {
    case 'call':
      return `${request.target.className}.${request.method}`;
    case 'create':
      return `${request.className}()`;
    case 'read':
      return `${request.target.className}.${request.attr}`;
  }
}

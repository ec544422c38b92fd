// The coordinator: starts checkpoints, collects the snapshots and logged
// in-flight messages of every component, detects crashed workers and runs
// recovery. In exactly-once mode recovery is a global rollback to the last
// completed checkpoint followed by ingress replay; in at-least-once mode it
// replays the unanswered requests without rolling state back; in at-most-once
// mode it only brings the worker back.

import { copyMessage, copyWorkerState, countStateItems, type Memo } from './copying.ts';
import type { Simulation } from './engine.ts';
import type { GatewaySnapshot } from './gateway.ts';
import { COORDINATOR, emptyWorkerState, type Message, type WorkerState } from './model.ts';

interface InProgress {
  id: number;
  startedAt: number;
  memo: Memo;
  workers: (WorkerState | null)[];
  logged: (Message[] | null)[];
  acknowledged: number;
  gateway: GatewaySnapshot | null;
  gatewayLogged: Message[] | null;
}

export interface CompletedCheckpoint {
  id: number;
  time: number;
  workers: WorkerState[];
  logged: Message[][];
  gateway: GatewaySnapshot;
  gatewayLogged: Message[];
}

export class Coordinator {
  private nextId = 1;
  private current: InProgress | null = null;
  lastCompleted: CompletedCheckpoint;
  /** Crashed workers not yet detected, and the time of the first crash of the current outage. */
  private undetected = new Set<number>();
  private outageSince: number | null = null;
  /** `sim.activity` when the last checkpoint started. */
  private activityAtLastStart = -1;

  constructor(private readonly sim: Simulation, initialGateway: GatewaySnapshot) {
    // Checkpoint 0: the empty cluster before the first request.
    this.lastCompleted = {
      id: 0,
      time: 0,
      workers: Array.from({ length: sim.workerCount }, () => emptyWorkerState()),
      logged: Array.from({ length: sim.workerCount }, () => []),
      gateway: initialGateway,
      gatewayLogged: [],
    };
  }

  /** Id the next checkpoint will get. */
  get nextCheckpointId(): number {
    return this.nextId;
  }

  get inProgressId(): number | null {
    return this.current?.id ?? null;
  }

  isInProgress(id: number): boolean {
    return this.current !== null && this.current.id === id;
  }

  isRecovering(): boolean {
    return this.outageSince !== null;
  }

  memoOf(id: number): Memo {
    return this.current !== null && this.current.id === id ? this.current.memo : new Map();
  }

  scheduleNext(): void {
    this.sim.schedule(this.sim.now + this.sim.timing.checkpointIntervalTicks, { kind: 'checkpointTimer' });
  }

  // ------------------------------------------------------------ checkpoints

  start(): void {
    const sim = this.sim;
    if (sim.areClientsDone() || this.current !== null) {
      return;
    }
    if (this.outageSince !== null || sim.activity === this.activityAtLastStart) {
      // Nothing ran since the last checkpoint started, so a new one would save the same state.
      this.scheduleNext();
      return;
    }
    this.activityAtLastStart = sim.activity;
    const id = this.nextId++;
    this.current = {
      id,
      startedAt: sim.now,
      memo: new Map(),
      workers: Array.from({ length: sim.workerCount }, () => null),
      logged: Array.from({ length: sim.workerCount }, () => null),
      acknowledged: 0,
      gateway: null,
      gatewayLogged: null,
    };
    sim.beginStep('checkpointStart', COORDINATOR, null, {}).text = `checkpoint ${id} started`;
    sim.gateway.startCheckpoint(id);
    sim.schedule(sim.now + sim.timing.checkpointTimeoutTicks, { kind: 'checkpointTimeout', checkpoint: id });
  }

  storeWorkerSnapshot(id: number, worker: number, snapshot: WorkerState): void {
    if (this.current?.id === id) {
      this.current.workers[worker] = snapshot;
    }
  }

  storeGatewaySnapshot(id: number, snapshot: GatewaySnapshot): void {
    if (this.current?.id === id) {
      this.current.gateway = snapshot;
    }
  }

  acknowledgeWorker(id: number, worker: number, logged: Message[]): void {
    if (this.current?.id !== id) {
      return;
    }
    this.current.logged[worker] = logged;
    this.sim.schedule(this.sim.now + this.sim.timing.latencyTicksMin, { kind: 'checkpointAck', checkpoint: id, worker });
  }

  acknowledgeGateway(id: number, logged: Message[]): void {
    if (this.current?.id !== id) {
      return;
    }
    this.current.gatewayLogged = logged;
    this.tryComplete();
  }

  onAck(id: number, worker: number): void {
    if (this.current?.id !== id) {
      return;
    }
    this.current.acknowledged++;
    this.sim.beginStep('snapshot', COORDINATOR, null, {}).text = `checkpoint ${id}: worker-${worker} acknowledged`;
    this.tryComplete();
  }

  private tryComplete(): void {
    const current = this.current;
    const sim = this.sim;
    if (current === null || current.acknowledged < sim.workerCount || current.gatewayLogged === null || current.gateway === null) {
      return;
    }
    this.current = null;
    const completed: CompletedCheckpoint = {
      id: current.id,
      time: sim.now,
      workers: current.workers.map((w) => w ?? emptyWorkerState()),
      logged: current.logged.map((l) => l ?? []),
      gateway: current.gateway,
      gatewayLogged: current.gatewayLogged,
    };
    this.lastCompleted = completed;
    const size = completed.workers.reduce((sum, w) => sum + countStateItems(w), 0)
      + completed.logged.reduce((sum, l) => sum + l.length, 0) + completed.gatewayLogged.length;
    sim.stats.checkpointsCompleted++;
    sim.stats.checkpointDurations.push(sim.now - current.startedAt);
    sim.stats.checkpointSizeLast = size;
    const step = sim.beginStep('checkpointComplete', COORDINATOR, null, {});
    step.text = `checkpoint ${current.id} complete after ${sim.now - current.startedAt} ticks (${size} items)`;
    sim.recorder.noteCheckpoint(current.id);
    sim.checkers.onCheckpoint(completed);
    sim.gateway.onCheckpointComplete(current.id);
    this.scheduleNext();
  }

  onTimeout(id: number): void {
    if (this.current?.id === id) {
      this.abandon(`checkpoint ${id} abandoned: not complete after ${this.sim.timing.checkpointTimeoutTicks} ticks`);
      this.scheduleNext();
    }
  }

  private abandon(text: string): void {
    if (this.current === null) {
      return;
    }
    this.current = null;
    this.sim.stats.checkpointsAbandoned++;
    this.sim.beginStep('checkpointAbandoned', COORDINATOR, null, {}).text = text;
    this.sim.gateway.abandonCheckpoint();
  }

  // ------------------------------------------------------------ failures

  onCrash(worker: number): void {
    const sim = this.sim;
    if (this.current !== null) {
      this.abandon(`checkpoint ${this.current.id} abandoned: worker-${worker} crashed`);
      this.scheduleNext();
    }
    this.undetected.add(worker);
    this.outageSince ??= sim.now;
    sim.schedule(sim.now + sim.timing.failureDetectionTicks, { kind: 'detect', worker });
  }

  onDetect(worker: number): void {
    this.undetected.delete(worker);
    this.sim.beginStep('recovery', COORDINATOR, null, {}).text = `coordinator detected the crash of worker-${worker}`;
    this.tryRecover();
  }

  /** Called when a worker restarts. */
  tryRecover(): void {
    const sim = this.sim;
    if (this.outageSince === null || this.undetected.size > 0 || sim.workers.some((w) => !w.isUp)) {
      return;
    }
    if (sim.stats.recoveries >= sim.limits.recoveriesMax) {
      sim.fail('limit', `more than ${sim.limits.recoveriesMax} recoveries (limit recoveriesMax)`);
      return;
    }
    const since = this.outageSince;
    this.outageSince = null;
    sim.stats.recoveries++;
    if (sim.mode === 'exactly-once') {
      this.rollback();
    } else {
      const step = sim.beginStep('recovery', COORDINATOR, null, {});
      step.text = sim.mode === 'at-least-once'
        ? 'workers are back; the ingress replays every unanswered request (state is not rolled back)'
        : 'workers are back; nothing is replayed (at-most-once)';
      if (sim.mode === 'at-least-once') {
        sim.gateway.replayUnanswered();
      }
    }
    sim.stats.recoveryDurations.push(sim.now - since);
  }

  /** Exactly-once: every component back to the last completed checkpoint, then replay. */
  private rollback(): void {
    const sim = this.sim;
    const checkpoint = this.lastCompleted;
    sim.generation++;
    sim.network.clearInFlight();
    const step = sim.beginStep('recovery', COORDINATOR, null, {});
    step.text = `global rollback to checkpoint ${checkpoint.id} (tick ${checkpoint.time}); generation ${sim.generation}`;

    // One memo for all restored state, so aliasing inside the snapshot survives.
    const memo: Memo = new Map();
    const restoredStates = checkpoint.workers.map((state) => copyWorkerState(sim.executor, state, memo));
    const restoredLogs = checkpoint.logged.map((messages) => messages.map((m) => copyMessage(sim.executor, m, memo)));
    sim.workers.forEach((worker, index) => worker.restore(restoredStates[index]));
    sim.recorder.touchAllEntities();

    restoredLogs.forEach((messages, index) => {
      for (const message of messages) {
        message.generation = sim.generation;
        message.deliverAt = sim.now;
        sim.stats.messagesReplayed++;
        sim.network.inFlight.set(message.id, message);
        sim.noteSent(message);
        sim.workers[index].enqueue(message);
      }
    });
    const gatewayLogged = checkpoint.gatewayLogged.map((m) => copyMessage(sim.executor, m, memo));
    sim.gateway.restore(checkpoint.gateway, gatewayLogged);
  }
}

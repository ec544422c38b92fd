// A worker's side of the checkpoint protocol. The barrier from the ingress
// is the worker's only input on an acyclic path, so the worker aligns on it:
// it takes its snapshot when that barrier arrives, and until then it holds
// back messages from worker channels whose barrier already came (they were
// sent after the sender's snapshot). Worker-to-worker channels form cycles
// (entity calls go both ways), so after the snapshot the worker logs what
// arrives on each of them until that channel's barrier: those messages were
// in flight at the cut and are saved with the checkpoint.

import { copyMessage, copyWorkerState } from './copying.ts';
import type { Simulation } from './engine.ts';
import { EGRESS, INGRESS, type Message } from './model.ts';
import type { WorkerNode } from './worker.ts';

interface Alignment {
  checkpoint: number;
  isSnapshotTaken: boolean;
  /** Workers whose barrier arrived on their channel to this worker. */
  barriersFrom: Set<number>;
  /** Messages held back from channels whose barrier came before the snapshot. */
  held: Message[];
  /** Messages in flight at the cut, in arrival order. */
  logged: Message[];
}

export class WorkerCheckpoint {
  private alignment: Alignment | null = null;

  constructor(private readonly sim: Simulation, private readonly worker: WorkerNode) {}

  reset(): void {
    this.alignment = null;
  }

  /**
   * Decide what to do with the next channel message before it runs: false
   * when it must wait for the snapshot; logs it when it crosses the cut.
   */
  admit(message: Message): boolean {
    const alignment = this.alignment;
    if (alignment === null || message.from < 0 || message.payload.kind === 'barrier') {
      return true;
    }
    const hasBarrier = alignment.barriersFrom.has(message.from);
    if (!alignment.isSnapshotTaken) {
      if (hasBarrier) {
        alignment.held.push(message);
        return false;
      }
      return true;
    }
    if (!hasBarrier) {
      alignment.logged.push(copyMessage(this.sim.executor, message, this.sim.coordinator.memoOf(alignment.checkpoint)));
    }
    return true;
  }

  onBarrier(message: Message, checkpoint: number): void {
    const sim = this.sim;
    if (!sim.coordinator.isInProgress(checkpoint)) {
      sim.beginStep('barrier', this.worker.index, message, {}).text = `stale barrier of checkpoint ${checkpoint} ignored`;
      return;
    }
    if (this.alignment === null || this.alignment.checkpoint !== checkpoint) {
      this.alignment = { checkpoint, isSnapshotTaken: false, barriersFrom: new Set(), held: [], logged: [] };
    }
    const alignment = this.alignment;
    if (message.from === INGRESS) {
      this.takeSnapshot(message, alignment);
    } else {
      alignment.barriersFrom.add(message.from);
      sim.beginStep('barrier', this.worker.index, message, {}).text =
        `barrier ${checkpoint} from worker-${message.from}${alignment.isSnapshotTaken ? '' : '; channel held until the snapshot'}`;
    }
    this.acknowledgeIfDone(alignment);
  }

  private takeSnapshot(message: Message, alignment: Alignment): void {
    const sim = this.sim;
    sim.faults.onCheckpointSnapshot(alignment.checkpoint);
    if (!this.worker.isUp) {
      return;
    }
    const step = sim.beginStep('snapshot', this.worker.index, message, {});
    const memo = sim.coordinator.memoOf(alignment.checkpoint);
    const snapshot = copyWorkerState(sim.executor, this.worker.state, memo);
    sim.coordinator.storeWorkerSnapshot(alignment.checkpoint, this.worker.index, snapshot);
    alignment.isSnapshotTaken = true;
    step.text = `worker-${this.worker.index} snapshot for checkpoint ${alignment.checkpoint} (${this.worker.state.entities.size} entities, ${this.worker.state.frames.size} frames)`;

    for (let w = 0; w < sim.workerCount; w++) {
      sim.network.send(this.worker.index, w, { kind: 'barrier', checkpoint: alignment.checkpoint });
    }
    sim.network.send(this.worker.index, EGRESS, { kind: 'barrier', checkpoint: alignment.checkpoint });

    const held = alignment.held;
    alignment.held = [];
    if (held.length > 0) {
      this.worker.requeueFront(held);
    }
  }

  private acknowledgeIfDone(alignment: Alignment): void {
    if (!alignment.isSnapshotTaken || alignment.barriersFrom.size < this.sim.workerCount) {
      return;
    }
    this.alignment = null;
    this.sim.coordinator.acknowledgeWorker(alignment.checkpoint, this.worker.index, alignment.logged);
  }
}

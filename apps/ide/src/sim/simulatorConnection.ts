// The page's side of the simulator worker. A new run replaces the one in
// flight by restarting the worker: a synchronous simulation cannot be
// interrupted, and its result would be thrown away anyway.
import SimulatorWorker from '../workers/simulator.worker.ts?worker';
import { SupersededError, WorkerClient } from '../workers/rpc.ts';
import type { RunRequest, SimulatorProtocol } from '../workers/simulatorProtocol.ts';

export class SimulatorConnection {
  private client = this.start();
  private isRunning = false;

  private start(): WorkerClient<SimulatorProtocol> {
    return new WorkerClient<SimulatorProtocol>(new SimulatorWorker({ name: 'simulator' }));
  }

  async run(request: RunRequest) {
    if (this.isRunning) {
      this.client.terminate();
      this.client = this.start();
    }
    this.isRunning = true;
    const client = this.client;
    try {
      return await client.request('run', request);
    } finally {
      if (client === this.client) this.isRunning = false;
    }
  }

  /** The newest step wins: responses for older steps reject with SupersededError. */
  stepDetail(step: number) {
    return this.client.requestLatest('stepDetail', { step });
  }

  logRows(from: number, to: number) {
    return this.client.request('logRows', { from, to });
  }

  findLinkMessage(step: number, fromNode: string, toNode: string, relation: string) {
    return this.client.request('findLinkMessage', { step, fromNode, toNode, relation });
  }

  dispose(): void {
    this.client.terminate();
  }
}

/** Runs mode comparisons in a worker of their own, so stepping stays responsive meanwhile. */
export class ComparisonConnection {
  private client: WorkerClient<SimulatorProtocol> | null = null;

  compare(request: RunRequest) {
    this.client?.terminate();
    this.client = new WorkerClient<SimulatorProtocol>(new SimulatorWorker({ name: 'comparison' }));
    return this.client.request('compare', request);
  }

  dispose(): void {
    this.client?.terminate();
  }
}

export function isSuperseded(error: unknown): boolean {
  return error instanceof SupersededError;
}

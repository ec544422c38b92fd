import { describe, expect, it } from 'vitest';
import { SupersededError, WorkerClient } from './rpc.ts';
import type { Exchange } from './rpc.ts';

type EchoProtocol = { echo: Exchange<{ value: number }, number> };

/** A stand-in for a Worker: records posted requests and responds to them on demand. */
class FakeWorker {
  posted: { id: number; kind: string; payload: { value: number } }[] = [];
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  isTerminated = false;

  postMessage(message: { id: number; kind: string; payload: { value: number } }): void {
    this.posted.push(message);
  }

  respond(index: number, ok = true): void {
    const request = this.posted[index]!;
    const data = ok
      ? { id: request.id, kind: request.kind, ok: true, payload: request.payload.value * 2 }
      : { id: request.id, kind: request.kind, ok: false, error: 'Error: boom' };
    this.onmessage?.({ data } as MessageEvent);
  }

  terminate(): void {
    this.isTerminated = true;
  }
}

function connect(): { worker: FakeWorker; client: WorkerClient<EchoProtocol> } {
  const worker = new FakeWorker();
  return { worker, client: new WorkerClient<EchoProtocol>(worker as unknown as Worker) };
}

describe('worker client', () => {
  it('matches responses to requests', async () => {
    const { worker, client } = connect();
    const first = client.request('echo', { value: 1 });
    const second = client.request('echo', { value: 2 });
    worker.respond(1);
    worker.respond(0);
    await expect(first).resolves.toBe(2);
    await expect(second).resolves.toBe(4);
  });

  it('rejects superseded latest requests', async () => {
    const { worker, client } = connect();
    const old = client.requestLatest('echo', { value: 1 });
    const newest = client.requestLatest('echo', { value: 2 });
    worker.respond(0);
    worker.respond(1);
    await expect(old).rejects.toBeInstanceOf(SupersededError);
    await expect(newest).resolves.toBe(4);
  });

  it('keeps plain requests beside latest ones', async () => {
    const { worker, client } = connect();
    const plain = client.request('echo', { value: 5 });
    client.requestLatest('echo', { value: 6 }).catch(() => undefined);
    worker.respond(0);
    await expect(plain).resolves.toBe(10);
  });

  it('passes worker errors on', async () => {
    const { worker, client } = connect();
    const failing = client.request('echo', { value: 1 });
    worker.respond(0, false);
    await expect(failing).rejects.toThrow('boom');
  });

  it('rejects pending requests on terminate', async () => {
    const { worker, client } = connect();
    const pending = client.request('echo', { value: 1 });
    client.terminate();
    expect(worker.isTerminated).toBe(true);
    await expect(pending).rejects.toBeInstanceOf(SupersededError);
  });
});

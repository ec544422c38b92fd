// A typed request/response channel over postMessage. A protocol is a map from
// request kind to { request, response } payload types; both sides of a worker
// use the same map, so a kind or a payload cannot drift between them.

export interface Exchange<Request, Response> {
  request: Request;
  response: Response;
}

export type Protocol = Record<string, Exchange<unknown, unknown>>;

export type RequestMessage<P extends Protocol> = {
  [K in keyof P]: { id: number; kind: K; payload: P[K]['request'] };
}[keyof P];

export type ResponseMessage<P extends Protocol> = {
  [K in keyof P]:
    | { id: number; kind: K; ok: true; payload: P[K]['response'] }
    | { id: number; kind: K; ok: false; error: string };
}[keyof P];

/** Raised to a caller whose request was replaced by a newer one, or whose worker was stopped. */
export class SupersededError extends Error {
  constructor(kind: string) {
    super(`request "${kind}" was replaced by a newer one or its worker was stopped`);
    this.name = 'SupersededError';
  }
}

type Handlers<P extends Protocol> = {
  [K in keyof P]: (payload: P[K]['request']) => P[K]['response'] | Promise<P[K]['response']>;
};

/**
 * Serves requests inside a worker. A handler's result is posted back with the
 * transferables that `collectTransfer` finds in it (typed array buffers).
 */
export function serveRequests<P extends Protocol>(
  handlers: Handlers<P>,
  collectTransfer: (response: unknown) => Transferable[] = () => [],
): void {
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  scope.onmessage = async (event: MessageEvent<RequestMessage<P>>) => {
    const { id, kind, payload } = event.data;
    try {
      const response = await handlers[kind](payload);
      scope.postMessage({ id, kind, ok: true, payload: response }, collectTransfer(response));
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      scope.postMessage({ id, kind, ok: false, error: message });
    }
  };
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/** The calling side of a worker protocol. */
export class WorkerClient<P extends Protocol> {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly latestByKind = new Map<keyof P, number>();
  private readonly latestModeIds = new Set<number>();

  constructor(private readonly worker: Worker) {
    worker.onmessage = (event: MessageEvent<ResponseMessage<P>>) => this.settle(event.data);
    worker.onerror = (event) => this.failAll(() => new Error(`worker failed: ${event.message || 'script error'}`));
  }

  /** Sends a request; every request gets its own response. */
  request<K extends keyof P>(kind: K, payload: P[K]['request'], transfer: Transferable[] = []): Promise<P[K]['response']> {
    const id = this.nextId++;
    const promise = new Promise<P[K]['response']>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
    });
    this.worker.postMessage({ id, kind, payload }, transfer);
    return promise;
  }

  /**
   * Sends a request whose response matters only while it is the newest of its
   * kind: an older one still in flight rejects with SupersededError when its
   * response arrives.
   */
  requestLatest<K extends keyof P>(kind: K, payload: P[K]['request']): Promise<P[K]['response']> {
    const promise = this.request(kind, payload);
    const id = this.nextId - 1;
    this.latestByKind.set(kind, id);
    this.latestModeIds.add(id);
    return promise;
  }

  terminate(): void {
    this.worker.terminate();
    this.failAll(() => new SupersededError('any'));
  }

  private settle(message: ResponseMessage<P>): void {
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);

    const isLatestMode = this.latestModeIds.delete(message.id);
    if (isLatestMode && this.latestByKind.get(message.kind) !== message.id) {
      pending.reject(new SupersededError(String(message.kind)));
      return;
    }
    if (message.ok) pending.resolve(message.payload);
    else pending.reject(new Error(message.error));
  }

  private failAll(makeError: () => Error): void {
    for (const pending of this.pending.values()) pending.reject(makeError());
    this.pending.clear();
  }
}

// Internal data of one simulation: endpoints, messages and the per-request
// chain context that travels with them. Messages carry plain values that are
// already copies (arguments, results), never live objects of an entity, so a
// logged message can be copied on its own without breaking aliasing.

import type { EntityState, Resumption, Value } from './executor.ts';
import type { ComponentId } from './trace.ts';

/** Worker indices are >= 0; the other components have fixed negative ids. */
export type Endpoint = number;
export const INGRESS = -1;
export const EGRESS = -2;
export const COORDINATOR = -3;

/** Clients are -100 - clientId. */
export function clientEndpoint(clientId: number): Endpoint {
  return -100 - clientId;
}

export function componentId(endpoint: Endpoint): ComponentId {
  if (endpoint <= -100) {
    return `client-${-100 - endpoint}`;
  }
  if (endpoint >= 0) {
    return `worker-${endpoint}`;
  }
  if (endpoint === INGRESS) {
    return 'ingress';
  }
  return endpoint === EGRESS ? 'egress' : 'coordinator';
}

/** Where the result of an invocation goes: a parked frame, or the egress (final reply). */
export type ReplyAddress = { kind: 'frame'; worker: number; frameId: number } | { kind: 'egress' };

/** Per-request context carried by every message of the request's call chain. */
export interface Chain {
  requestId: number;
  /** Retry number in at-least-once mode; 0 otherwise. */
  attempt: number;
  /** Text printed by entity code so far (raw, newlines included); released with the reply. */
  output: string[];
  /** Nesting depth of @transactional methods on this chain. */
  txDepth: number;
  /** Workers holding undo entries of the running transaction. */
  txWorkers: number[];
  /** Remaining runtime step budget, shared by all steps of the request. */
  stepsLeft: number;
  /** Simulator steps this chain has taken. */
  hops: number;
  /** Frames parked for this chain. */
  depth: number;
  /** Entities this request created so far: orders creations deterministically. */
  creations: number;
}

export type Payload =
  | { kind: 'invoke'; className: string; key: Value; method: string; args: Value[]; kwargs: [string, Value][]; replyTo: ReplyAddress; chain: Chain }
  | { kind: 'construct'; className: string; args: Value[]; kwargs: [string, Value][]; replyTo: ReplyAddress; chain: Chain }
  | { kind: 'install'; entity: EntityState; replyTo: ReplyAddress; chain: Chain }
  | { kind: 'read'; className: string; key: Value; attr: string; replyTo: ReplyAddress; chain: Chain }
  | { kind: 'return'; frameId: number; resumption: Resumption; chain: Chain }
  | { kind: 'reply'; resumption: Resumption; chain: Chain }
  | { kind: 'barrier'; checkpoint: number }
  | { kind: 'txEnd'; requestId: number; attempt: number; abort: boolean; origin: number }
  | { kind: 'txEndAck'; requestId: number; attempt: number }
  /** Weak modes: drop frames, locks and undo entries of attempts below `attemptBelow` (no undo). */
  | { kind: 'forget'; requestId: number; attemptBelow: number };

export interface Message {
  id: number;
  from: Endpoint;
  to: Endpoint;
  /** Recovery generation it was sent in; older ones are discarded on arrival. */
  generation: number;
  sentAt: number;
  deliverAt: number;
  payload: Payload;
  /** Set on the second copy made by a duplicate fault. */
  isDuplicate?: boolean;
  /** Faults that touched this message on its way, shown on the step that consumes it. */
  marks?: { kind: 'drop' | 'duplicate' | 'delay' | 'reorder' | 'partition' | 'retransmit' | 'dedup'; description: string }[];
}

export function chainOf(payload: Payload): Chain | null {
  switch (payload.kind) {
    case 'invoke':
    case 'construct':
    case 'install':
    case 'read':
    case 'return':
    case 'reply':
      return payload.chain;
    default:
      return null;
  }
}

/**
 * Data messages are subject to network faults. Engine control messages are
 * not (see docs/simulator.md): barriers, transaction ends and their
 * acknowledgements, and forgets. A lost `txEnd` or `forget` would leave a lock
 * that nothing releases, and every later request on that entity would wait
 * for it forever.
 */
export function isDataMessage(payload: Payload): boolean {
  switch (payload.kind) {
    case 'barrier':
    case 'txEnd':
    case 'txEndAck':
    case 'forget':
      return false;
    default:
      return true;
  }
}

/** A suspended method waiting on this worker for the reply to its remote request. */
export interface ParkedFrame {
  /** `Class/key` of the entity it runs on, or null for a constructor whose key is not known yet. */
  entityId: string | null;
  continuation: import('./executor.ts').Continuation;
  replyTo: ReplyAddress;
  requestId: number;
  attempt: number;
}

export interface EntityRecord {
  state: EntityState;
  /** Creation order: [request id, creation index within the request]. */
  order: [number, number];
  /** Request whose transaction holds the lock, or null. */
  lockedBy: number | null;
}

/** Pre-image of one entity taken when a transaction first touched it; null state = created by it. */
export interface UndoEntry {
  entityId: string;
  preimage: EntityState | null;
  order: [number, number];
  /** Attempt of the request that took it (weak modes retry; always 0 in exactly-once). */
  attempt: number;
}

/** A message a worker holds until every worker acknowledged a transaction's undo. */
export interface HeldOutput {
  /** Attempt of the request whose undo it waits for. */
  attempt: number;
  pendingAcks: number;
  messages: { to: Endpoint; payload: Payload }[];
}

/** Everything of a worker that a checkpoint saves. */
export interface WorkerState {
  entities: Map<string, EntityRecord>;
  frames: Map<number, ParkedFrame>;
  nextFrameId: number;
  undo: Map<number, UndoEntry[]>;
  /** Messages waiting for an entity lock, by entity id. */
  lockWaiters: Map<string, Message[]>;
  held: Map<number, HeldOutput>;
  /** Messages whose lock was released, processed before the input queue. */
  ready: Message[];
  /** Invocations applied, by `requestId|Class/key|method`. */
  effects: Map<string, number>;
  /**
   * Weak modes: per request, the attempts below this number were forgotten
   * (`FINISHED_ATTEMPT` once the request was answered). Their messages may
   * still run, but they take no locks, so an orphaned copy of a chain can
   * never hold a lock that nobody releases.
   */
  forgotten: Map<number, number>;
}

/** `attemptBelow` of the `forget` sent once a request has its reply: every attempt. */
export const FINISHED_ATTEMPT = Number.MAX_SAFE_INTEGER;

export function emptyWorkerState(): WorkerState {
  return {
    entities: new Map(),
    frames: new Map(),
    nextFrameId: 1,
    undo: new Map(),
    lockWaiters: new Map(),
    held: new Map(),
    ready: [],
    effects: new Map(),
    forgotten: new Map(),
  };
}

export function effectKey(requestId: number, entityId: string, method: string): string {
  return `${requestId}|${entityId}|${method}`;
}

// Deep copies of simulator state for checkpoints and restores. Python values
// go through the executor's deepCopy with ONE memo per checkpoint, so an
// object reachable from both an entity and a suspended frame (a local that
// aliases `self.items`) is still one object after a restore.

import type { Continuation, Executor, Resumption } from './executor.ts';
import type { Chain, EntityRecord, HeldOutput, Message, ParkedFrame, Payload, UndoEntry, WorkerState } from './model.ts';

export type Memo = Map<unknown, unknown>;

export function copyChain(chain: Chain): Chain {
  return { ...chain, output: chain.output.slice(), txWorkers: chain.txWorkers.slice() };
}

function copyResumption(executor: Executor, resumption: Resumption, memo: Memo): Resumption {
  return resumption.kind === 'value'
    ? { kind: 'value', value: executor.deepCopy(resumption.value, memo) }
    : { kind: 'exception', exception: executor.deepCopy(resumption.exception, memo) };
}

export function copyContinuation(executor: Executor, continuation: Continuation, memo: Memo): Continuation {
  return {
    className: continuation.className,
    key: executor.deepCopy(continuation.key, memo),
    constructing: continuation.constructing === null ? null : executor.deepCopy(continuation.constructing, memo),
    frames: continuation.frames.map((frame) => ({
      ...frame,
      locals: frame.locals.map((value) => (value === undefined ? undefined : executor.deepCopy(value, memo))),
    })),
  };
}

export function copyPayload(executor: Executor, payload: Payload, memo: Memo): Payload {
  const copy = <T>(value: T): T => executor.deepCopy(value, memo);
  switch (payload.kind) {
    case 'invoke':
      return { ...payload, key: copy(payload.key), args: copy(payload.args), kwargs: copy(payload.kwargs), chain: copyChain(payload.chain) };
    case 'construct':
      return { ...payload, args: copy(payload.args), kwargs: copy(payload.kwargs), chain: copyChain(payload.chain) };
    case 'install':
      return { ...payload, entity: copy(payload.entity), chain: copyChain(payload.chain) };
    case 'read':
      return { ...payload, key: copy(payload.key), chain: copyChain(payload.chain) };
    case 'return':
    case 'reply':
      return { ...payload, resumption: copyResumption(executor, payload.resumption, memo), chain: copyChain(payload.chain) };
    default:
      return { ...payload };
  }
}

export function copyMessage(executor: Executor, message: Message, memo: Memo): Message {
  return { ...message, payload: copyPayload(executor, message.payload, memo), marks: undefined };
}

function copyFrame(executor: Executor, frame: ParkedFrame, memo: Memo): ParkedFrame {
  return { ...frame, continuation: copyContinuation(executor, frame.continuation, memo) };
}

function copyRecord(executor: Executor, record: EntityRecord, memo: Memo): EntityRecord {
  return { state: executor.deepCopy(record.state, memo), order: [record.order[0], record.order[1]], lockedBy: record.lockedBy };
}

function copyUndo(executor: Executor, entry: UndoEntry, memo: Memo): UndoEntry {
  return { ...entry, preimage: entry.preimage === null ? null : executor.deepCopy(entry.preimage, memo) };
}

function copyHeld(executor: Executor, held: HeldOutput, memo: Memo): HeldOutput {
  return {
    attempt: held.attempt,
    pendingAcks: held.pendingAcks,
    messages: held.messages.map((m) => ({ to: m.to, payload: copyPayload(executor, m.payload, memo) })),
  };
}

function copyMap<K, V>(map: Map<K, V>, copyValue: (value: V) => V): Map<K, V> {
  const result = new Map<K, V>();
  for (const [key, value] of map) {
    result.set(key, copyValue(value));
  }
  return result;
}

/** Copy a worker's whole saved state; entities first, so frames alias into the copied entities. */
export function copyWorkerState(executor: Executor, state: WorkerState, memo: Memo): WorkerState {
  return {
    entities: copyMap(state.entities, (r) => copyRecord(executor, r, memo)),
    frames: copyMap(state.frames, (f) => copyFrame(executor, f, memo)),
    nextFrameId: state.nextFrameId,
    undo: copyMap(state.undo, (entries) => entries.map((e) => copyUndo(executor, e, memo))),
    lockWaiters: copyMap(state.lockWaiters, (messages) => messages.map((m) => copyMessage(executor, m, memo))),
    held: copyMap(state.held, (h) => copyHeld(executor, h, memo)),
    ready: state.ready.map((m) => copyMessage(executor, m, memo)),
    effects: new Map(state.effects),
    forgotten: new Map(state.forgotten),
  };
}

/** Rough size of a copied worker state: entities, frames and waiting messages. */
export function countStateItems(state: WorkerState): number {
  let count = state.entities.size + state.frames.size;
  for (const waiting of state.lockWaiters.values()) {
    count += waiting.length;
  }
  for (const entries of state.undo.values()) {
    count += entries.length;
  }
  return count;
}

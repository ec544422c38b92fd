// Checkers, kept apart from the fault injectors: they only look. They
// compare the run with a fault-free reference (output, client error, final
// state), check that every request got exactly one reply, compare the
// effects applied per request with the reference, and evaluate @invariant
// functions on consistent checkpoint snapshots and on the final state.

import { stringifyJson, type JsonValue as RuntimeJson } from '@entflow/runtime';
import type { CompletedCheckpoint } from './coordinator.ts';
import type { Simulation } from './engine.ts';
import type { EntityState } from './executor.ts';
import { effectKey, type Message, type WorkerState } from './model.ts';
import { diffStates, groupByClass, type AttributeDiff } from './stateJson.ts';
import type { EffectDiff, JsonValue, ReferenceOutcome, StateJson, Violation } from './trace.ts';

export class Checkers {
  readonly violations: Violation[] = [];
  private readonly reportedInvariants = new Set<string>();
  readonly effectDiffs: EffectDiff[] = [];

  constructor(private readonly sim: Simulation) {}

  // ------------------------------------------------------------ invariants

  onCheckpoint(checkpoint: CompletedCheckpoint): void {
    if (!this.sim.options.checkInvariants || this.sim.executor.invariantNames.length === 0) {
      return;
    }
    const entities = committedView(checkpoint.workers, checkpoint.logged);
    if (entities === null) {
      return;
    }
    this.evaluateInvariants(entities, `on the snapshot of checkpoint ${checkpoint.id} (tick ${checkpoint.time})`, false);
  }

  /** Evaluate every invariant; `isFinal` marks the end of the run, where CPython's runner checks too. */
  evaluateInvariants(entities: { state: EntityState }[], where: string, isFinal: boolean): void {
    const sim = this.sim;
    const failingInReference = sim.options.invariantsFailingInReference;
    for (const name of sim.executor.invariantNames) {
      const isInReference = failingInReference.has(name);
      if (!isFinal && isInReference) {
        continue;
      }
      const reportKey = `${name}|${isFinal}`;
      if (this.reportedInvariants.has(reportKey) || (!isFinal && this.reportedInvariants.has(`${name}|false`))) {
        continue;
      }
      const result = sim.guard(() => sim.executor.evaluateInvariant(name, groupByClass(entities)));
      if (result === null) {
        return;
      }
      let failure: string | null = null;
      if (result.kind === 'exception') {
        failure = `raised ${sim.executor.formatException(result.exception)}`;
      } else if (!sim.executor.isTruthy(result.value)) {
        failure = `returned ${sim.executor.repr(result.value)}`;
      }
      if (failure !== null) {
        this.reportedInvariants.add(reportKey);
        this.violations.push({
          kind: 'invariant',
          message: `invariant ${name} ${failure} ${where}`,
          requestId: null, entity: null, attribute: null,
          step: sim.stepIndex - 1,
          invariant: name,
          isInReference: sim.options.isReferenceRun || (isFinal && isInReference),
        });
      }
    }
  }

  // ------------------------------------------------------------ end of run

  /** Compare the finished run with the reference and the reference's effect ledger. */
  finish(outcome: ReferenceOutcome, reference: ReferenceOutcome | null, referenceEffects: Map<string, number> | null, effects: Map<string, number>): void {
    this.checkReplies();
    if (this.sim.clientCount > 1) {
      // Interleavings differ from the reference's, so only per-request facts are compared.
      this.checkTopLevelEffects(effects);
      return;
    }
    if (reference !== null) {
      this.checkOutput(outcome.output, reference.output);
      this.checkError(outcome.error, reference.error);
      this.checkState(outcome.state, reference.state, referenceEffects, effects);
    }
    if (referenceEffects !== null) {
      this.checkEffects(referenceEffects, effects);
    }
  }

  /** `request 7 (Account.deposit)`, or `request 7` for a request this run never logged. */
  private requestName(requestId: number): string {
    const label = this.sim.gateway.entries.get(requestId)?.label;
    return label === undefined ? `request ${requestId}` : `request ${requestId} (${label})`;
  }

  private add(kind: Violation['kind'], message: string, requestId: number | null = null, entity: string | null = null, attribute: string | null = null): void {
    this.violations.push({ kind, message, requestId, entity, attribute, step: this.sim.stepIndex - 1, isInReference: this.sim.options.isReferenceRun });
  }

  private checkReplies(): void {
    const gateway = this.sim.gateway;
    for (const entry of gateway.entries.values()) {
      if (!gateway.isReleased(entry.requestId)) {
        this.add('reply', `request ${entry.requestId} (${entry.label}): no reply reached the client`, entry.requestId);
      }
    }
  }

  private checkOutput(actual: string[], expected: string[]): void {
    const length = Math.max(actual.length, expected.length);
    for (let i = 0; i < length; i++) {
      if (actual[i] !== expected[i]) {
        const shown = (line: string | undefined) => (line === undefined ? 'missing' : JSON.stringify(line));
        this.add('output', `output line ${i + 1} is ${shown(actual[i])}, reference ${shown(expected[i])} (${actual.length} lines, reference ${expected.length})`);
        return;
      }
    }
  }

  private checkError(actual: string | null, expected: string | null): void {
    if (actual !== expected) {
      this.add('error', `client error is ${JSON.stringify(actual)}, reference ${JSON.stringify(expected)}`);
    }
  }

  private checkState(actual: StateJson, expected: StateJson, referenceEffects: Map<string, number> | null, effects: Map<string, number>): void {
    for (const diff of diffStates(actual, expected)) {
      const explanation = referenceEffects === null ? null : this.explain(diff, referenceEffects, effects);
      // stringifyJson writes big ints (bigint) with every digit, where JSON.stringify throws.
      const shown = (v: JsonValue | undefined) => (v === undefined ? 'missing' : stringifyJson(v as RuntimeJson));
      const what = diff.attribute === '*'
        ? `${diff.entity} ${diff.actual === undefined ? 'is missing' : 'exists'}, reference ${diff.expected === undefined ? 'has no such entity' : 'has it'}`
        : `${diff.entity}.${diff.attribute} is ${shown(diff.actual)}, reference ${shown(diff.expected)}`;
      if (explanation === null) {
        this.add('state', what, null, diff.entity, diff.attribute);
        this.effectDiffs.push({ ...diff, effect: 'changed', message: what });
        continue;
      }
      const message = `${this.requestName(explanation.requestId)}: ${what} (${explanation.text})`;
      this.add('state', message, explanation.requestId, diff.entity, diff.attribute);
      this.effectDiffs.push({ ...diff, effect: explanation.effect, message });
    }
  }

  /** Find the request whose effects on the entity were applied a different number of times. */
  private explain(diff: AttributeDiff, referenceEffects: Map<string, number>, effects: Map<string, number>): { requestId: number; text: string; effect: 'lost' | 'repeated' } | null {
    const keys = new Set([...referenceEffects.keys(), ...effects.keys()]);
    const candidates: { requestId: number; method: string; actual: number; expected: number }[] = [];
    for (const key of keys) {
      const [request, entity, method] = key.split('|');
      if (entity !== diff.entity) {
        continue;
      }
      const actual = effects.get(key) ?? 0;
      const expected = referenceEffects.get(key) ?? 0;
      if (actual !== expected) {
        candidates.push({ requestId: Number(request), method, actual, expected });
      }
    }
    if (candidates.length === 0) {
      return null;
    }
    candidates.sort((a, b) => a.requestId - b.requestId);
    const first = candidates[0];
    const label = this.sim.gateway.entries.get(first.requestId)?.label;
    const className = diff.entity.split('/')[0];
    const methodText = `${className}.${first.method}` === label ? 'effect' : `effect of ${className}.${first.method}`;
    return {
      requestId: first.requestId,
      text: describeCount(methodText, first.actual, first.expected),
      effect: first.actual > first.expected ? 'repeated' : 'lost',
    };
  }

  private checkEffects(referenceEffects: Map<string, number>, effects: Map<string, number>): void {
    const named = new Set(this.violations.map((v) => v.requestId).filter((id) => id !== null));
    const keys = [...new Set([...referenceEffects.keys(), ...effects.keys()])].sort(compareEffectKeys);
    for (const key of keys) {
      const actual = effects.get(key) ?? 0;
      const expected = referenceEffects.get(key) ?? 0;
      if (actual === expected) {
        continue;
      }
      const [request, entity, method] = key.split('|');
      const requestId = Number(request);
      if (named.has(requestId)) {
        continue;
      }
      named.add(requestId);
      const className = entity.split('/')[0];
      this.add('effect', `${this.requestName(requestId)}: ${className}.${method} on ${entity} ${describeCount('applied', actual, expected, true)}`, requestId, entity);
    }
  }

  private checkTopLevelEffects(effects: Map<string, number>): void {
    const sim = this.sim;
    for (const entry of sim.gateway.entries.values()) {
      if (entry.request.kind !== 'call') {
        continue;
      }
      const entity = sim.entityId(entry.request.target.className, entry.request.target.key);
      const count = effects.get(effectKey(entry.requestId, entity, entry.request.method)) ?? 0;
      if (count > 1) {
        this.add('effect', `request ${entry.requestId} (${entry.label}): invocation on ${entity} applied ${count} times (effect applied ${count === 2 ? 'twice' : `${count} times`})`, entry.requestId, entity);
      }
    }
  }
}

function describeCount(subject: string, actual: number, expected: number, isBare = false): string {
  const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);
  if (isBare) {
    return actual === 0 ? `never applied, reference ${times(expected)} (effect lost)` : `applied ${times(actual)}, reference ${times(expected)}${actual > expected ? ' (effect repeated)' : ' (effect lost)'}`;
  }
  if (actual === 0) {
    return `${subject} lost`;
  }
  if (actual > expected) {
    return `${subject} applied ${times(actual)}${expected !== 1 ? `, reference ${times(expected)}` : ''}`;
  }
  return `${subject} applied ${times(actual)}, reference ${times(expected)}`;
}

function compareEffectKeys(a: string, b: string): number {
  const ra = Number(a.slice(0, a.indexOf('|')));
  const rb = Number(b.slice(0, b.indexOf('|')));
  return ra - rb || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * The entities of a checkpoint as committed state: entities touched by a
 * running or undone transaction are seen at their pre-image, ones it created
 * are left out. A transaction that already committed at its origin but whose
 * commit message to this worker is still in flight at the cut (logged) keeps
 * the current state. Returns null when a non-transactional request is in the
 * middle of its chain at the cut, because invariants need not hold there (as
 * in CPython in the middle of a method).
 */
function committedView(workers: WorkerState[], logged: Message[][]): { state: EntityState; order: [number, number] }[] | null {
  const inTransaction = new Set<number>();
  for (const state of workers) {
    for (const requestId of state.undo.keys()) {
      inTransaction.add(requestId);
    }
  }
  const busy = new Set<number>();
  const noteChain = (message: Message) => {
    const payload = message.payload;
    if ('chain' in payload && payload.kind !== 'reply') {
      busy.add(payload.chain.requestId);
    }
  };
  for (const state of workers) {
    for (const frame of state.frames.values()) {
      busy.add(frame.requestId);
    }
    for (const waiting of state.lockWaiters.values()) {
      waiting.forEach(noteChain);
    }
    state.ready.forEach(noteChain);
    for (const requestId of state.held.keys()) {
      busy.add(requestId);
    }
  }
  logged.flat().forEach(noteChain);
  for (const requestId of busy) {
    if (!inTransaction.has(requestId)) {
      return null;
    }
  }

  const entities: { state: EntityState; order: [number, number] }[] = [];
  workers.forEach((state, index) => {
    const committed = new Set<number>();
    for (const message of logged[index] ?? []) {
      if (message.payload.kind === 'txEnd' && !message.payload.abort) {
        committed.add(message.payload.requestId);
      }
    }
    const preimages = new Map<string, EntityState | null>();
    for (const [requestId, entries] of state.undo) {
      if (committed.has(requestId)) {
        continue;
      }
      for (const entry of entries) {
        preimages.set(entry.entityId, entry.preimage);
      }
    }
    for (const [id, record] of state.entities) {
      const preimage = preimages.get(id);
      if (preimage === null) {
        continue;
      }
      entities.push({ state: preimage ?? record.state, order: record.order });
    }
  });
  return entities.sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1]);
}

// Entity state as JSON in registration order, and its comparison with a
// reference, as `entflow run --json` and CPython's reference runner print it.

import type { EntityState } from './executor.ts';
import type { Simulation } from './engine.ts';
import type { JsonValue, StateJson } from './trace.ts';

export interface LiveEntity {
  id: string;
  state: EntityState;
  order: [number, number];
}

/** Split printed text into lines as CPython's reference runner does: a last line without newline is kept. */
export function splitOutput(fragments: readonly string[]): string[] {
  const text = fragments.join('');
  if (text === '') {
    return [];
  }
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') {
    lines.pop();
  }
  return lines;
}

/** Every entity on every worker (up or not), sorted by creation order. */
export function collectEntities(sim: Simulation): LiveEntity[] {
  const entities: LiveEntity[] = [];
  for (const worker of sim.workers) {
    for (const [id, record] of worker.state.entities) {
      entities.push({ id, state: record.state, order: record.order });
    }
  }
  return entities.sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1]);
}

export function toStateJson(sim: Simulation, entities: LiveEntity[]): StateJson {
  const executor = sim.executor;
  const result: StateJson = {};
  for (const entity of entities) {
    const className = entity.state.className;
    const byKey = (result[className] ??= {});
    const attrs: Record<string, JsonValue> = {};
    for (const [name, value] of entity.state.attrs) {
      attrs[name] = executor.toJson(value);
    }
    byKey[executor.keyText(entity.state.key)] = attrs;
  }
  return result;
}

/** Entities grouped by class in creation order, as invariants receive them. */
export function groupByClass(entities: { state: EntityState }[]): Map<string, EntityState[]> {
  const groups = new Map<string, EntityState[]>();
  for (const entity of entities) {
    const list = groups.get(entity.state.className) ?? [];
    list.push(entity.state);
    groups.set(entity.state.className, list);
  }
  return groups;
}

export function jsonEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) {
    return true;
  }
  if (a === undefined || b === undefined || a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    return false;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  }
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return keysA.length === keysB.length && keysA.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]));
}

export interface AttributeDiff {
  entity: string;
  attribute: string;
  actual: JsonValue | undefined;
  expected: JsonValue | undefined;
}

/** Attribute-level differences; a missing or extra entity shows as attribute `*`. */
export function diffStates(actual: StateJson, expected: StateJson): AttributeDiff[] {
  const diffs: AttributeDiff[] = [];
  const classes = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  for (const className of classes) {
    const actualKeys = actual[className] ?? {};
    const expectedKeys = expected[className] ?? {};
    const keys = new Set([...Object.keys(expectedKeys), ...Object.keys(actualKeys)]);
    for (const key of keys) {
      const entity = `${className}/${key}`;
      const a = actualKeys[key];
      const e = expectedKeys[key];
      if (a === undefined || e === undefined) {
        diffs.push({ entity, attribute: '*', actual: a === undefined ? undefined : 'exists', expected: e === undefined ? undefined : 'exists' });
        continue;
      }
      for (const attribute of new Set([...Object.keys(e), ...Object.keys(a)])) {
        if (!jsonEqual(a[attribute], e[attribute])) {
          diffs.push({ entity, attribute, actual: a[attribute], expected: e[attribute] });
        }
      }
    }
  }
  return diffs;
}

// Validation of fault plans (docs/fault-plan.md). A plan comes from a JSON
// file or the IDE, so every field is checked and every problem is reported
// with its JSON path; nothing here throws on bad input.

import type { Endpoint, FaultPlan, FaultPlanCheck, FaultTrigger, PlannedFault } from './trace.ts';

const KIND_FIELDS: Record<PlannedFault['kind'], readonly string[]> = {
  crash: ['worker', 'restartAfterTicks'],
  drop: ['from', 'to', 'count', 'after'],
  duplicate: ['from', 'to', 'count', 'after'],
  delay: ['from', 'to', 'count', 'after', 'ticks'],
  reorder: ['from', 'to', 'count', 'after'],
  partition: ['groups', 'healAfterTicks'],
  slow: ['worker', 'factor', 'durationTicks'],
};

const KINDS = Object.keys(KIND_FIELDS);

/** Largest tick count a plan may name (about 31 years at one tick per millisecond). */
const TICKS_MAX = 1_000_000_000_000;

interface Checker {
  errors: string[];
  workers: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) {
    return 'nothing';
  }
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function checkInteger(c: Checker, path: string, value: unknown, min: number, max: number, hint = ''): number | null {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    c.errors.push(`${path}: expected an integer from ${min} to ${max}${hint}, got ${describe(value)}`);
    return null;
  }
  return value;
}

function checkWorker(c: Checker, path: string, value: unknown): number | null {
  return checkInteger(c, path, value, 0, c.workers - 1, ` (the cluster has ${c.workers} worker${c.workers === 1 ? '' : 's'})`);
}

function checkEndpoint(c: Checker, path: string, value: unknown): Endpoint | undefined {
  if (value === undefined || value === 'ingress' || value === 'egress') {
    return value;
  }
  return checkWorker(c, path, value) ?? undefined;
}

function checkTrigger(c: Checker, path: string, value: unknown): FaultTrigger | null {
  if (!isRecord(value)) {
    c.errors.push(`${path}: expected an object such as {"event": 40}, {"time": 200} or {"checkpoint": 2}, got ${describe(value)}`);
    return null;
  }
  const keys = Object.keys(value);
  if (keys.length !== 1 || !['event', 'time', 'checkpoint'].includes(keys[0])) {
    c.errors.push(`${path}: expected exactly one of "event", "time" or "checkpoint", got ${describe(value)}`);
    return null;
  }
  const key = keys[0] as 'event' | 'time' | 'checkpoint';
  const n = checkInteger(c, `${path}.${key}`, value[key], key === 'checkpoint' ? 1 : 0, TICKS_MAX);
  if (n === null) {
    return null;
  }
  return key === 'event' ? { event: n } : key === 'time' ? { time: n } : { checkpoint: n };
}

function checkGroups(c: Checker, path: string, value: unknown): [number[], number[]] | null {
  if (!Array.isArray(value) || value.length !== 2 || !value.every(Array.isArray)) {
    c.errors.push(`${path}: expected two lists of worker indices such as [[0], [1, 2]], got ${describe(value)}`);
    return null;
  }
  const groups = (value as unknown[][]).map((group, g) =>
    group.map((w, i) => checkWorker(c, `${path}[${g}][${i}]`, w)).filter((w): w is number => w !== null));
  const seen = new Set<number>();
  for (const w of [...groups[0], ...groups[1]]) {
    if (seen.has(w)) {
      c.errors.push(`${path}: worker ${w} is in both groups or listed twice`);
    }
    seen.add(w);
  }
  if (groups[0].length === 0 || groups[1].length === 0) {
    c.errors.push(`${path}: both groups need at least one worker`);
  }
  return [groups[0], groups[1]];
}

function checkFault(c: Checker, path: string, value: unknown): PlannedFault | null {
  if (!isRecord(value)) {
    c.errors.push(`${path}: expected a fault object, got ${describe(value)}`);
    return null;
  }
  const kind = value.kind;
  if (typeof kind !== 'string' || !KINDS.includes(kind)) {
    c.errors.push(`${path}.kind: expected one of ${KINDS.join(', ')}, got ${describe(kind)}`);
    return null;
  }
  const allowed = new Set(['at', 'kind', ...KIND_FIELDS[kind as PlannedFault['kind']]]);
  for (const key of Object.keys(value)) {
    if (!allowed.has(key)) {
      c.errors.push(`${path}.${key}: unknown field for a ${kind} fault (allowed: ${[...allowed].join(', ')})`);
    }
  }
  const errorsBefore = c.errors.length;
  const at = checkTrigger(c, `${path}.at`, value.at);
  const count = value.count === undefined ? undefined : checkInteger(c, `${path}.count`, value.count, 1, 1_000_000) ?? undefined;
  const after = value.after === undefined ? undefined : checkInteger(c, `${path}.after`, value.after, 0, 1_000_000) ?? undefined;
  let fault: PlannedFault | null = null;
  switch (kind) {
    case 'crash': {
      const worker = checkWorker(c, `${path}.worker`, value.worker);
      const restartAfterTicks = checkInteger(c, `${path}.restartAfterTicks`, value.restartAfterTicks, 1, TICKS_MAX);
      fault = { at: at!, kind, worker: worker!, restartAfterTicks: restartAfterTicks! };
      break;
    }
    case 'drop':
    case 'duplicate':
    case 'reorder':
      fault = { at: at!, kind, from: checkEndpoint(c, `${path}.from`, value.from), to: checkEndpoint(c, `${path}.to`, value.to), count, after };
      break;
    case 'delay': {
      const ticks = checkInteger(c, `${path}.ticks`, value.ticks, 1, TICKS_MAX);
      fault = { at: at!, kind, from: checkEndpoint(c, `${path}.from`, value.from), to: checkEndpoint(c, `${path}.to`, value.to), count, after, ticks: ticks! };
      break;
    }
    case 'partition': {
      const groups = checkGroups(c, `${path}.groups`, value.groups);
      const healAfterTicks = checkInteger(c, `${path}.healAfterTicks`, value.healAfterTicks, 1, TICKS_MAX);
      fault = { at: at!, kind, groups: groups!, healAfterTicks: healAfterTicks! };
      break;
    }
    case 'slow': {
      const worker = checkWorker(c, `${path}.worker`, value.worker);
      const factor = checkInteger(c, `${path}.factor`, value.factor, 1, 1000);
      const durationTicks = checkInteger(c, `${path}.durationTicks`, value.durationTicks, 1, TICKS_MAX);
      fault = { at: at!, kind, worker: worker!, factor: factor!, durationTicks: durationTicks! };
      break;
    }
  }
  return c.errors.length === errorsBefore ? stripUndefined(fault!) : null;
}

function stripUndefined(fault: PlannedFault): PlannedFault {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fault)) {
    if (value !== undefined) {
      result[key] = value;
    }
  }
  return result as unknown as PlannedFault;
}

/** Check a parsed JSON value against the fault plan format for a cluster of `workers` workers. */
export function validateFaultPlan(value: unknown, workers: number, faultsMax = 10_000): FaultPlanCheck {
  const c: Checker = { errors: [], workers };
  if (!isRecord(value)) {
    return { ok: false, errors: [`plan: expected an object {"faults": [...]}, got ${describe(value)}`] };
  }
  for (const key of Object.keys(value)) {
    if (key !== 'faults') {
      c.errors.push(`plan.${key}: unknown field (a plan has only "faults")`);
    }
  }
  if (!Array.isArray(value.faults)) {
    c.errors.push(`plan.faults: expected a list of faults, got ${describe(value.faults)}`);
    return { ok: false, errors: c.errors };
  }
  if (value.faults.length > faultsMax) {
    c.errors.push(`plan.faults: ${value.faults.length} faults, more than the limit of ${faultsMax}`);
  }
  const faults: PlannedFault[] = [];
  value.faults.forEach((item, i) => {
    const fault = checkFault(c, `faults[${i}]`, item);
    if (fault !== null) {
      faults.push(fault);
    }
  });
  return c.errors.length === 0 ? { ok: true, plan: { faults } } : { ok: false, errors: c.errors };
}

/** One line per fault, for the start of a CLI run. */
export function describeFaultPlan(plan: FaultPlan): string[] {
  return plan.faults.map((fault) => JSON.stringify(fault));
}

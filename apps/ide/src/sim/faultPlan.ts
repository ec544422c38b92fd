// Reading, checking and describing fault plans on the page side.
import type { FaultPlan, FaultTrigger, PlannedFault } from '@entflow/simulator';

const KINDS = ['crash', 'drop', 'duplicate', 'delay', 'reorder', 'partition', 'slow'] as const;
export const FAULTS_IN_PLAN_MAX = 10_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isEndpoint(value: unknown): boolean {
  return value === undefined || value === 'ingress' || value === 'egress' || isCount(value);
}

function checkTrigger(at: unknown, path: string, errors: string[]): void {
  if (!isRecord(at)) {
    errors.push(`${path}.at: expected {"event": N}, {"time": T} or {"checkpoint": N}`);
    return;
  }
  const keys = Object.keys(at);
  if (keys.length !== 1 || !['event', 'time', 'checkpoint'].includes(keys[0]!) || !isCount(at[keys[0]!])) {
    errors.push(`${path}.at: expected one of "event", "time" or "checkpoint" with a non-negative integer, got ${JSON.stringify(at)}`);
  }
}

function checkFault(fault: unknown, path: string, errors: string[]): void {
  if (!isRecord(fault)) {
    errors.push(`${path}: expected an object`);
    return;
  }
  checkTrigger(fault.at, path, errors);
  const kind = fault.kind;
  if (!KINDS.includes(kind as (typeof KINDS)[number])) {
    errors.push(`${path}.kind: expected one of ${KINDS.join(', ')}, got ${JSON.stringify(kind)}`);
    return;
  }
  const need = (field: string) => {
    if (!isCount(fault[field])) errors.push(`${path}.${field}: expected a non-negative integer, got ${JSON.stringify(fault[field])}`);
  };
  switch (kind) {
    case 'crash':
      need('worker');
      need('restartAfterTicks');
      break;
    case 'slow':
      need('worker');
      need('factor');
      need('durationTicks');
      break;
    case 'partition': {
      const groups = fault.groups;
      const isValid = Array.isArray(groups) && groups.length === 2 && groups.every((g) => Array.isArray(g) && g.every(isCount));
      if (!isValid) errors.push(`${path}.groups: expected two lists of worker numbers, got ${JSON.stringify(groups)}`);
      need('healAfterTicks');
      break;
    }
    default:
      if (!isEndpoint(fault.from)) errors.push(`${path}.from: expected a worker number, "ingress" or "egress"`);
      if (!isEndpoint(fault.to)) errors.push(`${path}.to: expected a worker number, "ingress" or "egress"`);
      if (fault.count !== undefined) need('count');
      if (kind === 'delay') need('ticks');
  }
}

/** Checks a plan's shape; returns the plan or every problem with its JSON path. */
export function checkFaultPlan(value: unknown): { ok: true; plan: FaultPlan } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  if (!isRecord(value) || !Array.isArray(value.faults)) {
    return { ok: false, errors: ['expected an object {"faults": [...]}'] };
  }
  if (value.faults.length > FAULTS_IN_PLAN_MAX) {
    return { ok: false, errors: [`faults: ${value.faults.length} faults, at most ${FAULTS_IN_PLAN_MAX} are allowed`] };
  }
  value.faults.forEach((fault, index) => checkFault(fault, `faults[${index}]`, errors));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, plan: { faults: value.faults as PlannedFault[] } };
}

export function describeTrigger(at: FaultTrigger): string {
  if ('event' in at) return `before step ${at.event + 1}`;
  if ('time' in at) return `at tick ${at.time}`;
  return `at checkpoint ${at.checkpoint}`;
}

function endpointName(endpoint: number | string | undefined): string {
  if (endpoint === undefined) return 'any';
  return typeof endpoint === 'number' ? `w${endpoint}` : endpoint;
}

export function describeFault(fault: PlannedFault): string {
  switch (fault.kind) {
    case 'crash':
      return `crash w${fault.worker}, restart after ${fault.restartAfterTicks} ticks`;
    case 'slow':
      return `slow w${fault.worker} ×${fault.factor} for ${fault.durationTicks} ticks`;
    case 'partition':
      return `partition [${fault.groups[0].map((w) => `w${w}`).join(' ')}] | [${fault.groups[1].map((w) => `w${w}`).join(' ')}], heal after ${fault.healAfterTicks} ticks`;
    case 'delay':
      return `delay next ${fault.count ?? 1} ${endpointName(fault.from)}→${endpointName(fault.to)} by ${fault.ticks} ticks`;
    default:
      return `${fault.kind} next ${fault.count ?? 1} ${endpointName(fault.from)}→${endpointName(fault.to)}`;
  }
}

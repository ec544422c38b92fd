import { describe, expect, it } from 'vitest';
import { validateFaultPlan } from '../src/faultPlan.ts';

describe('fault plan validation', () => {
  it('accepts every fault kind', () => {
    const plan = {
      faults: [
        { at: { event: 40 }, kind: 'crash', worker: 1, restartAfterTicks: 50 },
        { at: { time: 200 }, kind: 'drop', from: 0, to: 1 },
        { at: { time: 210 }, kind: 'duplicate', from: 'ingress', count: 2 },
        { at: { time: 220 }, kind: 'delay', to: 'egress', ticks: 30 },
        { at: { time: 230 }, kind: 'reorder' },
        { at: { checkpoint: 2 }, kind: 'partition', groups: [[0], [1, 2]], healAfterTicks: 100 },
        { at: { time: 0 }, kind: 'slow', worker: 2, factor: 4, durationTicks: 300 },
      ],
    };
    const check = validateFaultPlan(plan, 3);
    expect(check.ok).toBe(true);
    if (check.ok) {
      expect(check.plan.faults).toHaveLength(7);
      expect(check.plan.faults[1]).toEqual({ at: { time: 200 }, kind: 'drop', from: 0, to: 1 });
    }
  });

  it('rejects bad fields with their paths', () => {
    const check = validateFaultPlan({
      faults: [
        { at: { event: 1 }, kind: 'crash', worker: 5, restartAfterTicks: 10 },
        { at: { when: 3 }, kind: 'drop' },
        { at: { time: 1 }, kind: 'explode' },
        { at: { time: 1 }, kind: 'crash', worker: 0 },
        { at: { time: 1 }, kind: 'delay', ticks: 0 },
        { at: { time: 1 }, kind: 'partition', groups: [[0], [0, 1]], healAfterTicks: 5 },
        { at: { time: -1 }, kind: 'reorder', colour: 'red' },
      ],
    }, 3);
    expect(check.ok).toBe(false);
    const errors = check.ok ? [] : check.errors;
    expect(errors).toContain('faults[0].worker: expected an integer from 0 to 2 (the cluster has 3 workers), got 5');
    expect(errors.some((e) => e.startsWith('faults[1].at: expected exactly one of "event", "time" or "checkpoint"'))).toBe(true);
    expect(errors.some((e) => e.startsWith('faults[2].kind: expected one of crash, drop'))).toBe(true);
    expect(errors).toContain('faults[3].restartAfterTicks: expected an integer from 1 to 1000000000000, got nothing');
    expect(errors.some((e) => e.startsWith('faults[4].ticks: expected an integer from 1'))).toBe(true);
    expect(errors).toContain('faults[5].groups: worker 0 is in both groups or listed twice');
    expect(errors.some((e) => e.startsWith('faults[6].colour: unknown field for a reorder fault'))).toBe(true);
    expect(errors.some((e) => e.startsWith('faults[6].at.time: expected an integer from 0'))).toBe(true);
  });

  it('rejects a plan that is not an object', () => {
    expect(validateFaultPlan([], 2)).toEqual({ ok: false, errors: ['plan: expected an object {"faults": [...]}, got []'] });
    expect(validateFaultPlan({ faults: 3 }, 2)).toEqual({ ok: false, errors: ['plan.faults: expected a list of faults, got 3'] });
    expect(validateFaultPlan({ faults: [], extra: 1 }, 2)).toEqual({ ok: false, errors: ['plan.extra: unknown field (a plan has only "faults")'] });
  });
});

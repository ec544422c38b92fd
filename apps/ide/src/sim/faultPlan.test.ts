import { describe, expect, it } from 'vitest';
import { checkFaultPlan, describeFault, describeTrigger } from './faultPlan.ts';
import { formatValue } from './formatValue.ts';
import { EXAMPLES } from '../examples/gallery.ts';

describe('fault plan check', () => {
  it('accepts every corpus plan', () => {
    for (const example of EXAMPLES) {
      if (example.faults === null) continue;
      const checked = checkFaultPlan(example.faults);
      expect(checked.ok, `${example.id}: ${checked.ok ? '' : checked.errors.join('; ')}`).toBe(true);
    }
  });

  it('names each problem with its path', () => {
    const checked = checkFaultPlan({
      faults: [
        { at: { event: -1 }, kind: 'crash', worker: 0, restartAfterTicks: 5 },
        { at: { time: 3 }, kind: 'crash', worker: 'w1', restartAfterTicks: 5 },
        { at: { time: 3 }, kind: 'partition', groups: [[0]], healAfterTicks: 5 },
        { at: { time: 3 }, kind: 'delay', from: 'nowhere' },
      ],
    });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors.some((error) => error.startsWith('faults[0].at'))).toBe(true);
    expect(checked.errors.some((error) => error.startsWith('faults[1].worker'))).toBe(true);
    expect(checked.errors.some((error) => error.startsWith('faults[2].groups'))).toBe(true);
    expect(checked.errors.some((error) => error.startsWith('faults[3].from'))).toBe(true);
    expect(checked.errors.some((error) => error.startsWith('faults[3].ticks'))).toBe(true);
  });

  it('rejects a plan without a fault list', () => {
    expect(checkFaultPlan([]).ok).toBe(false);
    expect(checkFaultPlan({ faults: 'none' }).ok).toBe(false);
  });
});

describe('fault descriptions', () => {
  it('counts steps from one', () => {
    expect(describeTrigger({ event: 0 })).toBe('before step 1');
    expect(describeTrigger({ time: 40 })).toBe('at tick 40');
    expect(describeTrigger({ checkpoint: 2 })).toBe('at checkpoint 2');
  });

  it('describes faults in words', () => {
    expect(describeFault({ at: { event: 1 }, kind: 'crash', worker: 1, restartAfterTicks: 40 })).toBe('crash w1, restart after 40 ticks');
    expect(describeFault({ at: { event: 1 }, kind: 'drop', from: 0, to: 'egress' })).toBe('drop next 1 w0→egress');
    expect(describeFault({ at: { event: 1 }, kind: 'partition', groups: [[0], [1, 2]], healAfterTicks: 9 })).toBe(
      'partition [w0] | [w1 w2], heal after 9 ticks',
    );
  });
});

describe('value formatting', () => {
  it('reads like Python', () => {
    expect(formatValue(null)).toBe('None');
    expect(formatValue(true)).toBe('True');
    expect(formatValue("it's")).toBe('"it\'s"');
    expect(formatValue(['a', 1, { $ref: 'Item/apple' }])).toBe("['a', 1, → Item/apple]");
    expect(formatValue({ k: [1, 2] })).toBe("{'k': [1, 2]}");
    expect(formatValue(undefined)).toBe('—');
  });

  it('shortens long values', () => {
    expect(formatValue('x'.repeat(500)).length).toBe(120);
  });
});

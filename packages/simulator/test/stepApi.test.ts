import { describe, expect, it } from 'vitest';
import { simulate } from '../src/simulate.ts';
import { configFor, scenario } from './corpusHelpers.ts';

describe('step API', () => {
  const program = scenario('03-bank-transfer-transactional');
  const base = configFor(program, { seed: 11, chaos: { crash: [1, 300], drop: [1, 30] } });
  const full = simulate(base);

  it('trace steps are numbered and plain data', () => {
    expect(full.trace.length).toBeGreaterThan(100);
    full.trace.forEach((event, i) => expect(event.step).toBe(i));
    expect(structuredClone(full.trace)).toEqual(full.trace);
    expect(structuredClone(full.result)).toEqual(full.result);
    const invoke = full.trace.find((e) => e.kind === 'invoke' && e.entity !== null)!;
    expect(invoke.entity).toMatch(/^Account\//);
    expect(invoke.blockId).toMatch(/^Account\.\w+#\d+$/);
    expect(invoke.spans.length).toBeGreaterThan(0);
    const suspended = full.trace.find((e) => e.suspendedAt !== null)!;
    expect(suspended.frames.length).toBeGreaterThan(0);
    expect(Object.keys(suspended.frames[0].locals).length).toBeGreaterThan(0);
  });

  it('stateAt after stepping back equals a fresh run stopped there', () => {
    const last = full.trace.length - 1;
    for (const k of [last, 1, Math.floor(last / 2), 63, 64, 200, 7]) {
      // Step back from the end to k, as the IDE does.
      const stepped = full.stateAt(k);
      const fresh = simulate({ ...base, stopAfterSteps: k + 1 });
      const freshLast = fresh.result.stats.steps - 1;
      expect(full.stateAt(freshLast), `step ${k}`).toEqual(fresh.stateAt(freshLast));
      expect(stepped.step).toBe(k);
      expect(structuredClone(stepped)).toEqual(stepped);
    }
  });

  it('stateAt shows entities and messages in flight', () => {
    const middle = full.trace.findIndex((e) => e.kind === 'invoke' && e.sent.length > 0);
    const state = full.stateAt(middle);
    expect(state.inFlight.length).toBeGreaterThan(0);
    expect(state.workers).toHaveLength(3);
    const end = full.stateAt(full.trace.length - 1);
    const alice = end.entities.find((e) => e.id === 'Account/alice')!;
    expect(alice.state.balance).toBe((program.reference.state.Account.alice as Record<string, unknown>).balance);
    expect(full.stateAt(-1).entities).toEqual([]);
  });

  it('step back at any depth is fast', () => {
    const last = full.trace.length - 1;
    let checksum = 0;
    for (let k = last; k >= 0; k -= 7) {
      checksum += full.stateAt(k).entities.length;
    }
    expect(checksum).toBeGreaterThan(0);
  });
});

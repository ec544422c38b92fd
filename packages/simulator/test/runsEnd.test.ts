// Runs that once spun forever, and the bounds that end a run that makes no
// progress. Each case must end (completed or a named limit) within seconds.
import { describe, expect, it } from 'vitest';
import { simulate } from '../src/simulate.ts';
import { configFor, scenario } from './corpusHelpers.ts';

describe('runs end', () => {
  it('forked transactional chain releases its locks', () => {
    const s = scenario('03-bank-transfer-transactional');
    // A duplicated message forked pay_everyone's chain; the fork locked
    // Account/carol after the commit and the next request waited forever.
    const { result } = simulate(configFor(s, { mode: 'at-least-once', chaos: true, seed: 13, recordTrace: false }));
    expect(result.endReason).toBe('completed');
    expect(result.output.length).toBe(s.reference.output.length);
  }, 20_000);

  it('fired faults replay a run with forgets', () => {
    const s = scenario('03-bank-transfer-transactional');
    const config = configFor(s, { mode: 'at-least-once', seed: 13, recordTrace: false });
    const chaotic = simulate({ ...config, chaos: true }).result;
    const replayed = simulate({ ...config, faults: chaotic.firedFaults }).result;
    expect(replayed.traceHash).toBe(chaotic.traceHash);
  }, 20_000);

  it('a request that never gets a reply stops at the attempts limit', () => {
    const s = scenario('02-bank-transfer');
    const faults = { faults: [{ at: { time: 0 }, kind: 'drop' as const, to: 'egress' as const, count: 1000 }] };
    const { result } = simulate(configFor(s, { mode: 'at-least-once', faults, limits: { attemptsPerRequestMax: 5 }, recordTrace: false }));
    expect(result.endReason).toBe('limit');
    expect(result.endMessage).toMatch(/^request 1 \(Account\(\)\) was sent 5 times without a reply \(limit attemptsPerRequestMax\)/);
  }, 20_000);

  it('a partition that outlasts the stall bound ends the run', () => {
    const s = scenario('02-bank-transfer');
    const faults = { faults: [{ at: { time: 0 }, kind: 'partition' as const, groups: [[0], [1, 2]], healAfterTicks: 900_000_000 }] };
    const { result } = simulate(configFor(s, { faults, limits: { stallTicksMax: 20_000 }, recordTrace: false }));
    expect(result.endReason).toBe('limit');
    expect(result.endMessage).toContain('no reply reached a client for 20000 ticks');
    expect(result.endMessage).toContain('(limit stallTicksMax)');
  }, 20_000);

  it('a crash that never restarts ends at the stall bound', () => {
    const s = scenario('03-bank-transfer-transactional');
    const faults = { faults: [{ at: { time: 50 }, kind: 'crash' as const, worker: 1, restartAfterTicks: 999_999_999 }] };
    const { result } = simulate(configFor(s, { faults, recordTrace: false }));
    expect(result.endReason).toBe('limit');
    expect(result.endMessage).toMatch(/^no reply reached a client for 5000000 ticks while request \d+ \(.+\) waits \(limit stallTicksMax\)/);
  }, 20_000);

  it('a restart planned past the time bound leaves the run complete', () => {
    const s = scenario('03-bank-transfer-transactional');
    const faults = { faults: [{ at: { time: 50 }, kind: 'crash' as const, worker: 1, restartAfterTicks: 999_999_999 }] };
    const { result } = simulate(configFor(s, { mode: 'at-most-once', faults, recordTrace: false }));
    expect(result.endReason).toBe('completed');
    expect(result.error).toMatch(/^TimeoutError: /);
    expect(result.stats.ticks).toBeLessThan(1_000_000);
  }, 20_000);

  it('state differences show big ints in full', () => {
    const s = scenario('17-big-ints');
    const { result } = simulate(configFor(s, { mode: 'at-most-once', chaos: true, seed: 8, recordTrace: false }));
    const largest = result.violations.find((v) => v.attribute === 'largest');
    expect(largest?.message).toContain('Calculator/calc.largest is 0, reference 222232244629420445529739893461909967206666939096499764990979600');
  }, 20_000);

  it('duplicated forks of a deep recursion share the step limit', () => {
    const s = scenario('34-deep-recursion');
    // Duplicates fork the recursive chain on every hop; each fork used to
    // count its own steps, so the forks multiplied until the run's limit.
    const { result } = simulate(configFor(s, { mode: 'at-least-once', chaos: true, seed: 36, limits: { stepsPerRequestMax: 5_000 }, recordTrace: false }));
    expect(result.endReason).toBe('limit');
    expect(result.endMessage).toMatch(/^request \d+ took more than 5000 steps \(limit stepsPerRequestMax\)$/);
  }, 30_000);
});

import { describe, expect, it } from 'vitest';
import { compile } from '@entflow/compiler';
import { simulate } from '../src/simulate.ts';
import { configFor, scenario } from './corpusHelpers.ts';

const LOOPING = `
from stateflow import entity

@entity
class Counter:
    def __init__(self, name: str):
        self.name = name
        self.n = 0

    def __key__(self):
        return self.name

    def bump(self) -> int:
        self.n += 1
        return self.n

    def ping_forever(self, other: "Counter") -> int:
        while True:
            other.bump()
`;

const LOOPING_CLIENT = `
a = Counter("a")
b = Counter("b")
a.ping_forever(b)
`;

describe('limits', () => {
  it('steps per run end the run', () => {
    const { result } = simulate(configFor(scenario('02-bank-transfer'), { limits: { stepsMax: 40 } }));
    expect(result.endReason).toBe('limit');
    expect(result.endMessage).toContain('limit stepsMax');
  });

  it('steps per request stop an endless chain', () => {
    const ir = compile(LOOPING, 'entities.py').ir!;
    const { result } = simulate({ program: ir, client: LOOPING_CLIENT, mode: 'exactly-once', seed: 1, workers: 2, limits: { stepsPerRequestMax: 500 }, recordTrace: false });
    expect(result.endReason).toBe('limit');
    expect(result.endMessage).toBe('request 3 took more than 500 steps (limit stepsPerRequestMax)');
  });

  it('simulated time bound ends the run', () => {
    const { result } = simulate(configFor(scenario('02-bank-transfer'), { limits: { ticksMax: 5000 }, timing: { clientThinkTicks: 500 } }));
    expect(result.endReason).toBe('limit');
    expect(result.endMessage).toContain('ticksMax');
  });

  it('trace size bound keeps hashing', () => {
    const config = configFor(scenario('02-bank-transfer'), { limits: { traceEventsMax: 50 } });
    const capped = simulate(config);
    expect(capped.trace).toHaveLength(50);
    expect(capped.result.endReason).toBe('completed');
    expect(capped.result.traceHash).toBe(simulate({ ...config, recordTrace: false }).result.traceHash);
    expect(capped.stateAt(10_000).step).toBe(49);
  });

  it('invalid configuration is reported, not thrown', () => {
    const { result } = simulate(configFor(scenario('02-bank-transfer'), { workers: 0, faults: { faults: [{ at: { time: 1 }, kind: 'crash', worker: 3, restartAfterTicks: 1 }] } }));
    expect(result.endReason).toBe('invalid');
    expect(result.endMessage).toContain('workers must be an integer from 1 to 64, got 0');
  });
});

// The host API as the simulator uses it: invoke, suspend, resume, construct,
// transaction events and snapshots of states with continuations.

import { compile } from '@entflow/compiler';
import { describe, expect, it } from 'vitest';

import {
  constructEntity, deepCopy, EntityRef, formatException, invokeMethod, loadProgram, makeException, exc, pyRepr,
  resumeMethod, runDirect, type ExecContext, type Outcome, type RuntimeProgram,
} from '../src/index.ts';
import { PyList } from '../src/values.ts';

const SOURCE = `
from typing import List
from stateflow import entity, transactional


@entity
class Account:
    def __init__(self, name: str, bank: "Bank"):
        self.name: str = name
        self.balance: int = 0
        self.log: List[str] = []
        self.rate: int = bank.rate_for(name)

    def __key__(self):
        return self.name

    def deposit(self, amount: int) -> int:
        self.balance += amount
        return self.balance

    def pay(self, other: "Account", amount: int) -> str:
        try:
            other.deposit(amount)
        except ValueError as error:
            return "failed: " + str(error)
        self.balance -= amount
        return "ok"

    @transactional
    def pay_twice(self, other: "Account", amount: int) -> int:
        self.log.append("first")
        self.step(other, amount)
        self.log.append("second")
        return self.balance

    def step(self, other: "Account", amount: int) -> int:
        other.deposit(amount)
        self.balance -= amount
        return self.balance


@entity
class Bank:
    def __init__(self, name: str):
        self.name: str = name

    def __key__(self):
        return self.name

    def rate_for(self, name: str) -> int:
        return len(name)
`;

function load(): RuntimeProgram {
  const compiled = compile(SOURCE, 'entities.py');
  expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const loaded = loadProgram(compiled.ir!);
  if ('error' in loaded) throw new Error(loaded.error);
  return loaded.program;
}

function context(events: string[] = []): ExecContext {
  return {
    print: () => {},
    stepBudget: { remaining: 1_000_000 },
    onTransactional: (event, entity, method) => events.push(`${event} ${entity.className}.${method}`),
  };
}

function construct(program: RuntimeProgram, ctx: ExecContext) {
  const bankOutcome = constructEntity(program, 'Bank', ['central'], [], ctx);
  if (bankOutcome.kind !== 'constructed') throw new Error(`Bank not constructed: ${bankOutcome.kind}`);
  const outcome = constructEntity(program, 'Account', ['ann', new EntityRef('Bank', 'central')], [], ctx);
  if (outcome.kind !== 'read' && outcome.kind !== 'remoteCall') throw new Error(`expected a suspension, got ${outcome.kind}`);
  return { bank: bankOutcome.entity, outcome };
}

describe('host API', () => {
  it('split __init__ suspends and completes construction', () => {
    const program = load();
    const ctx = context();
    const { bank, outcome } = construct(program, ctx);
    expect(outcome.kind).toBe('remoteCall');
    if (outcome.kind !== 'remoteCall') return;
    expect(outcome.target.className).toBe('Bank');
    expect(outcome.method).toBe('rate_for');
    expect(outcome.continuation.constructing).not.toBeNull();
    expect(outcome.continuation.key).toBeNull();
    const reply = invokeMethod(program, bank, outcome.method, outcome.args, outcome.kwargs, ctx);
    expect(reply).toEqual({ kind: 'return', value: 3 });
    const done = resumeMethod(program, bank, outcome.continuation, { kind: 'value', value: 3 }, ctx);
    expect(done.kind).toBe('constructed');
    if (done.kind !== 'constructed') return;
    expect(done.entity.key).toBe('ann');
    expect(done.entity.attrs.get('rate')).toBe(3);
  });

  it('exception reply reaches the except handler', () => {
    const program = load();
    const ctx = context();
    const { bank, outcome } = construct(program, ctx);
    const done = resumeMethod(program, bank, outcome.continuation, { kind: 'value', value: 1 }, ctx) as Extract<Outcome, { kind: 'constructed' }>;
    const ann = done.entity;
    const call = invokeMethod(program, ann, 'pay', [new EntityRef('Account', 'bob'), 5], [], ctx);
    expect(call.kind).toBe('remoteCall');
    if (call.kind !== 'remoteCall') return;
    const failed = resumeMethod(program, ann, call.continuation, { kind: 'exception', exception: makeException(exc.ValueError, 'closed') }, ctx);
    expect(failed).toEqual({ kind: 'return', value: 'failed: closed' });
    expect(ann.attrs.get('balance')).toBe(0);
  });

  it('self call keeps two frames and reports transactions', () => {
    const program = load();
    const events: string[] = [];
    const ctx = context(events);
    const { bank, outcome } = construct(program, ctx);
    const ann = (resumeMethod(program, bank, outcome.continuation, { kind: 'value', value: 1 }, ctx) as Extract<Outcome, { kind: 'constructed' }>).entity;
    const call = invokeMethod(program, ann, 'pay_twice', [new EntityRef('Account', 'bob'), 5], [], ctx);
    expect(call.kind).toBe('remoteCall');
    if (call.kind !== 'remoteCall') return;
    expect(call.continuation.frames.map((f) => f.method)).toEqual(['pay_twice', 'step']);
    expect(call.continuation.frames[0].isTransactional).toBe(true);
    const failed = resumeMethod(program, ann, call.continuation, { kind: 'exception', exception: makeException(exc.ValueError, 'no') }, ctx);
    expect(failed.kind).toBe('raise');
    if (failed.kind !== 'raise') return;
    expect(formatException(failed.exception)).toBe('ValueError: no');
    expect(events).toEqual(['enter Account.pay_twice', 'raise Account.pay_twice']);
  });

  it('snapshot keeps aliasing between state and frames', () => {
    const program = load();
    const ctx = context();
    const { bank, outcome } = construct(program, ctx);
    const ann = (resumeMethod(program, bank, outcome.continuation, { kind: 'value', value: 1 }, ctx) as Extract<Outcome, { kind: 'constructed' }>).entity;
    const call = invokeMethod(program, ann, 'pay_twice', [new EntityRef('Account', 'bob'), 5], [], ctx);
    if (call.kind !== 'remoteCall') throw new Error('expected a remote call');
    const memo = new Map<unknown, unknown>();
    const [stateCopy, contCopy] = deepCopy([ann, call.continuation], memo);
    const log = stateCopy.attrs.get('log');
    expect(log).toBeInstanceOf(PyList);
    expect(log).not.toBe(ann.attrs.get('log'));
    const selfInFrame = contCopy.frames[0].locals.find((v) => v === stateCopy);
    expect(selfInFrame).toBe(stateCopy);
    const resumed = resumeMethod(program, stateCopy, contCopy, { kind: 'value', value: 5 }, ctx);
    expect(resumed).toEqual({ kind: 'return', value: -5 });
    expect(pyRepr(stateCopy.attrs.get('log')!)).toBe("['first', 'second']");
    expect(pyRepr(ann.attrs.get('log')!)).toBe("['first']");
  });

  it('unknown method raises AttributeError', () => {
    const program = load();
    const ctx = context();
    const bank = constructEntity(program, 'Bank', ['b'], [], ctx);
    if (bank.kind !== 'constructed') throw new Error('Bank not constructed');
    const r = invokeMethod(program, bank.entity, 'nope', [], [], ctx);
    expect(r.kind).toBe('raise');
    if (r.kind === 'raise') expect(formatException(r.exception)).toBe("AttributeError: 'Bank' object has no attribute 'nope'");
  });
});

describe('getattr on another entity in a method', () => {
  it('raises an error that names the dot syntax', () => {
    const source = `
from stateflow import entity


@entity
class A:
    def __init__(self, name: str):
        self.name: str = name
        self.v: int = 5

    def __key__(self):
        return self.name

    def peek(self, other: "A") -> int:
        return getattr(other, "v")
`;
    const compiled = compile(source, 'entities.py');
    const result = runDirect(compiled.ir!, 'a = A("a")\nb = A("b")\nprint(a.peek(b))\n');
    expect(result.error).toBe('RuntimeError: getattr() cannot read A.v of another entity here: in an entity method write the attribute with a dot (ref.v), which becomes a remote read');
  });
});

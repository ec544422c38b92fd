import { describe, expect, it } from 'vitest';
import { compile } from '@entflow/compiler';
import { simulate } from '../src/simulate.ts';
import { prepareSweep } from '../src/sweep.ts';
import type { SimulationConfig } from '../src/trace.ts';

const ENTITIES = `
from typing import List
from stateflow import entity, transactional, invariant

@entity
class Account:
    def __init__(self, owner: str, balance: int):
        self.owner = owner
        self.balance = balance
        self.opening = balance
        self.history: List[int] = []

    def __key__(self):
        return self.owner

    def deposit(self, amount: int) -> int:
        if self.balance + amount > 400:
            raise ValueError(f"{self.owner} would exceed 400")
        self.balance += amount
        self.history.append(amount)
        return self.balance

    def withdraw(self, amount: int) -> int:
        if amount > self.balance:
            raise ValueError(f"{self.owner} has only {self.balance}")
        self.balance -= amount
        self.history.append(-amount)
        return self.balance

    @transactional
    def transfer(self, to: "Account", amount: int) -> int:
        self.withdraw(amount)
        to.deposit(amount)
        return self.balance

@invariant
def conserved(accounts: List[Account]) -> bool:
    return sum(a.balance for a in accounts) == sum(a.opening for a in accounts)
`;

const CLIENT = `
a = Account(f"a{client_id}", 200)
b = Account(f"b{client_id}", 200)
for i in range(8):
    try:
        if i % 2 == 0:
            a.transfer(b, 60)
        else:
            b.transfer(a, 90)
    except ValueError as error:
        print(f"client {client_id} step {i}: {error}")
print(f"client {client_id}: {a.balance} {b.balance}")
`;

describe('concurrent clients', () => {
  const ir = compile(ENTITIES, 'entities.py').ir!;
  const base: SimulationConfig = { program: ir, client: CLIENT, mode: 'exactly-once', seed: 1, workers: 3, clients: 4 };

  it('each client sees its own client_id', () => {
    const { result } = simulate(base);
    expect(result.endReason).toBe('completed');
    expect(Object.keys(result.state.Account).sort()).toEqual(['a0', 'a1', 'a2', 'a3', 'b0', 'b1', 'b2', 'b3']);
    for (let c = 0; c < 4; c++) {
      expect(result.output.filter((line) => line.startsWith(`client ${c}: `))).toHaveLength(1);
    }
  });

  it('exactly-once holds with chaos and 4 clients', () => {
    const context = prepareSweep({ ...base, chaos: true });
    if ('error' in context) {
      throw new Error(context.error);
    }
    const clean = simulate(base).result;
    for (let seed = 1; seed <= 10; seed++) {
      const { result } = simulate({ ...base, seed, chaos: true, recordTrace: false }, context);
      expect(result.endReason, `seed ${seed}`).toBe('completed');
      expect(result.violations.filter((v) => !v.isInReference), `seed ${seed}`).toEqual([]);
      // Each client's accounts are its own, so their final state matches the fault-free run.
      expect(result.state, `seed ${seed}`).toEqual(clean.state);
      expect([...result.output].sort(), `seed ${seed}`).toEqual([...clean.output].sort());
    }
  });
});

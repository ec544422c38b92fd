import { describe, expect, it } from 'vitest';

import { loadCorpus } from './loadCorpus.ts';
import { parseExactJson } from './parseExactJson.ts';
import { PYTHON_MISSING_MESSAGE, runReference, type ReferenceResult } from './runReference.ts';

const ENTITIES = `
from typing import List
from stateflow import entity, transactional, invariant

@entity
class Box:
    def __init__(self, name: str, items: List[str]):
        self.name = name
        self.items = items
        self.peers: List["Box"] = []

    def __key__(self):
        return self.name

    def put(self, items: List[str]) -> List[str]:
        self.items.extend(items)
        items.append("seen by callee")
        return self.items

    def put_local(self, items: List[str]) -> List[str]:
        self.put(items)
        return items

    def link(self, other: "Box") -> None:
        self.peers.append(other)

    @transactional
    def fill_then_fail(self, other: "Box", child: str) -> None:
        self.items.append("filled")
        other.put(["from " + self.name])
        Box(child, [])
        raise RuntimeError()

    @transactional
    def inner(self) -> None:
        self.items.append("inner")
        raise ValueError("inner failed")

    @transactional
    def outer(self) -> str:
        try:
            self.inner()
        except ValueError:
            pass
        return "outer done"

@invariant
def small(boxes: List[Box]) -> bool:
    return all(len(box.items) < 3 for box in boxes)
`;

async function runOne(client: string, entities = ENTITIES): Promise<ReferenceResult> {
  const [result] = await runReference([{ entities, client }]);
  return result!;
}

describe('parseExactJson', () => {
  it('keeps ints beyond 2^53 as bigint', () => {
    expect(parseExactJson('[9007199254740993, -9007199254740993]')).toEqual([
      9007199254740993n,
      -9007199254740993n,
    ]);
  });

  it('keeps safe ints and floats as numbers', () => {
    expect(parseExactJson('[9007199254740991, 1.5, 1e+16, -0.0]')).toEqual([9007199254740991, 1.5, 1e16, -0]);
  });

  it('decodes strings and nesting', () => {
    expect(parseExactJson('{"a\\"b": ["\\u00e9", true, null, {}]}')).toEqual({ 'a"b': ['é', true, null, {}] });
  });

  it('rejects trailing text', () => {
    expect(() => parseExactJson('[1] x')).toThrow(/offset 4/);
  });
});

describe('runReference harness semantics', () => {
  it('copies arguments and return values across entities', async () => {
    const result = await runOne(`
mine = ["a"]
box = Box("b1", mine)
mine.append("client only")
returned = box.put(mine)
returned.append("client again")
print(mine, box.items)
`);
    expect(result.error).toBeNull();
    expect(result.output).toEqual(["['a', 'client only'] ['a', 'a', 'client only']"]);
  });

  it('copies nothing on a call to the same entity', async () => {
    const result = await runOne(`
box = Box("b1", [])
print(box.put_local(["x"]))
`);
    expect(result.output).toEqual(["['x', 'seen by callee']"]);
  });

  it('copies remote attribute reads', async () => {
    const result = await runOne(`
box = Box("b1", ["x"])
items = box.items
items.clear()
print(box.items)
`);
    expect(result.output).toEqual(["['x']"]);
  });

  it('raises on a duplicate key', async () => {
    const result = await runOne(`
Box("b1", [])
Box("b1", ["other"])
`);
    expect(result.error).toBe("ValueError: Box entity with key 'b1' already exists");
    expect(result.state).toEqual({ Box: { b1: { name: 'b1', items: [], peers: [] } } });
  });

  it('restores all entities and creations after a failed transaction', async () => {
    const result = await runOne(`
first = Box("b1", [])
second = Box("b2", [])
first.link(second)
try:
    first.fill_then_fail(second, "b3")
except RuntimeError as error:
    print(repr(error))
`);
    expect(result.output).toEqual(['RuntimeError()']);
    expect(result.state).toEqual({
      Box: {
        b1: { name: 'b1', items: [], peers: [{ $ref: 'Box/b2' }] },
        b2: { name: 'b2', items: [], peers: [] },
      },
    });
  });

  it('restores only at the outermost transactional call', async () => {
    const result = await runOne(`
box = Box("b1", [])
print(box.outer(), box.items)
`);
    expect(result.output).toEqual(["outer done ['inner']"]);
  });

  it('formats an exception without a message as its class name', async () => {
    const result = await runOne('raise RuntimeError()');
    expect(result.error).toBe('RuntimeError');
  });

  it('rejects a key that is not str or int', async () => {
    const entities = `
from stateflow import entity

@entity
class Pair:
    def __key__(self):
        return (1, 2)
`;
    const result = await runOne('Pair()', entities);
    expect(result.error).toBe('TypeError: Pair.__key__() must return a str or an int, not tuple');
    expect(result.state).toEqual({});
  });

  it('reports an invariant parameter that is not a list of entities', async () => {
    const entities = `
from stateflow import invariant

@invariant
def positive(total: int) -> bool:
    return total > 0
`;
    const result = await runOne('', entities);
    expect(result.violations).toEqual([
      {
        kind: 'invariant',
        name: 'positive',
        message:
          "raised TypeError: invariant parameter 'total' must be annotated List[C] with C an entity class, e.g. accounts: List[Account]",
      },
    ]);
  });

  it('reports a violated invariant', async () => {
    const result = await runOne('Box("b1", ["1", "2", "3"])');
    expect(result.violations).toEqual([{ kind: 'invariant', name: 'small', message: 'returned False' }]);
  });

  it('converts special floats, big ints and sets in state', async () => {
    const entities = `
from stateflow import entity

@entity
class Holder:
    def __init__(self):
        self.values = [float("nan"), float("inf"), -float("inf"), 2 ** 70, (1, 2)]
        self.numbers = {3, 1, 2}
        self.by_pair = {(1, 2): "a", 7: "b"}

    def __key__(self):
        return 1
`;
    const result = await runOne('Holder()\nprint("done", end="")', entities);
    expect(result.output).toEqual(['done']);
    expect(result.state).toEqual({
      Holder: {
        '1': {
          values: ['nan', 'inf', '-inf', 1180591620717411303424n, [1, 2]],
          numbers: [1, 2, 3],
          by_pair: { '(1, 2)': 'a', '7': 'b' },
        },
      },
    });
  });

  it('isolates scenarios of one batch', async () => {
    const client = 'Box("b1", [])\nprint("created")';
    const results = await runReference([
      { entities: ENTITIES, client },
      { entities: ENTITIES, client },
    ]);
    expect(results.map((result) => result.error)).toEqual([null, null]);
  });

  it('stops a scenario that runs too long', async () => {
    const [result] = await runReference([{ entities: '', client: 'while True:\n    pass' }], {
      timeoutSecondsPerScenario: 0.5,
    });
    expect(result!.harnessError).toBe('scenario timed out after 0.5 s');
  });

  it('explains a missing interpreter', async () => {
    await expect(runReference([], { python: 'python3-not-installed-here' })).rejects.toThrow(PYTHON_MISSING_MESSAGE);
  });
});

describe('corpus', () => {
  const programs = loadCorpus();

  it('has at least 24 programs', () => {
    expect(programs.length).toBeGreaterThanOrEqual(24);
  });

  it('reproduces every expected.json', async () => {
    const results = await runReference(programs.map(({ entities, client }) => ({ entities, client })));
    for (const [index, program] of programs.entries()) {
      expect(results[index], program.name).toEqual(program.expected);
      expect(results[index]!.harnessError, program.name).toBeUndefined();
    }
  });
});

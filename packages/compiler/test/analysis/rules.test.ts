// Entity analysis: every construct the entity language rejects is reported
// with its stable code on the offending line, and accepted look-alikes pass.
// Each body below starts at line 16, after the `Item` entity of withItem.

import { describe, expect, test } from 'vitest';
import { compile } from '../../src/compile.ts';
import { dedent, diagnosticsOf, HEADER, withItem } from '../support/programs.ts';

interface Case {
  name: string;
  body: string;
  expected: [number, string][];
}

const rejected: Case[] = [
  {
    name: 'missing __key__',
    body: `
      @entity
      class Cart:
          def __init__(self, owner: str):
              self.owner = owner
    `,
    expected: [[17, 'E0201']],
  },
  {
    name: 'attribute use on untyped parameter',
    body: `
      @entity
      class Cart:
          def __init__(self):
              self.n = 0
          def __key__(self):
              return "c"
          def add(self, item):
              return item.set_price(3)
    `,
    expected: [[23, 'E0202']],
  },
  {
    name: 'attribute read on untyped parameter',
    body: `
      @entity
      class Cart:
          def __init__(self):
              self.n = 0
          def __key__(self):
              return "c"
          def add(self, amount, item):
              return amount + item.price
    `,
    expected: [[23, 'E0202']],
  },
  {
    name: 'unknown method on entity type',
    body: `
      @entity
      class Cart:
          def __init__(self):
              self.n = 0
          def __key__(self):
              return "c"
          def add(self, item: Item):
              item.remove_all()
    `,
    expected: [[23, 'E0203']],
  },
  {
    name: 'unknown method on self',
    body: `
      @entity
      class Cart:
          def __init__(self):
              self.n = 0
          def __key__(self):
              return "c"
          def add(self):
              self.clear()
    `,
    expected: [[23, 'E0203']],
  },
  {
    name: 'unknown attribute on entity type',
    body: `
      @entity
      class Cart:
          def __init__(self):
              self.n = 0
          def __key__(self):
              return "c"
          def cost(self, item: Item) -> int:
              return item.cost
    `,
    expected: [[23, 'E0204']],
  },
  {
    name: 'too many arguments in remote call',
    body: `
      @entity
      class Cart:
          def __init__(self):
              self.n = 0
          def __key__(self):
              return "c"
          def add(self, item: Item):
              item.set_price(1, 2)
    `,
    expected: [[23, 'E0205']],
  },
  {
    name: 'missing argument in remote call',
    body: `
      @entity
      class Cart:
          def __init__(self):
              self.n = 0
          def __key__(self):
              return "c"
          def add(self, item: Item):
              item.set_price(reason="sale")
    `,
    expected: [[23, 'E0205']],
  },
  {
    name: 'unknown keyword in remote call',
    body: `
      @entity
      class Cart:
          def __init__(self):
              self.n = 0
          def __key__(self):
              return "c"
          def add(self, item: Item):
              item.set_price(1, why="sale")
    `,
    expected: [[23, 'E0205']],
  },
  {
    name: 'argument given twice in remote call',
    body: `
      @entity
      class Cart:
          def __init__(self):
              self.n = 0
          def __key__(self):
              return "c"
          def add(self, item: Item):
              item.set_price(1, price=2)
    `,
    expected: [[23, 'E0205']],
  },
  {
    name: 'wrong arguments in creation',
    body: `
      @entity
      class Cart:
          def __init__(self):
              self.n = 0
          def __key__(self):
              return "c"
          def add(self) -> Item:
              return Item()
    `,
    expected: [[23, 'E0205']],
  },
  {
    name: 'assignment to another entity attribute',
    body: `
      @entity
      class Cart:
          def __init__(self, item: Item):
              self.item: Item = item
          def __key__(self):
              return "c"
          def discount(self, other: Item):
              other.price = 0
              self.item.price -= 1
              del other.name
    `,
    expected: [[23, 'E0206'], [24, 'E0206'], [25, 'E0206']],
  },
  {
    name: 'setattr and delattr on another entity',
    body: `
      @entity
      class Cart:
          def __init__(self):
              self.n = 0
          def __key__(self):
              return "c"
          def poke(self, item: Item):
              setattr(self, "n", 1)
              setattr(item, "price", 7)
              delattr(item, "price")
    `,
    expected: [[24, 'E0206'], [25, 'E0206']],
  },
  {
    name: 'entity decorator on function',
    body: `
      @entity
      def helper():
          pass
    `,
    expected: [[16, 'E0218']],
  },
  {
    name: 'async method and await',
    body: `
      @entity
      class Cart:
          def __init__(self):
              self.n = 0
          def __key__(self):
              return "c"
          async def add(self):
              pass
          async def wait(self):
              return await self.n
    `,
    expected: [[22, 'E0207'], [24, 'E0207']],
  },
  {
    name: 'yield',
    body: `
      @entity
      class Cart:
          def __init__(self):
              self.n = 0
          def __key__(self):
              return "c"
          def counts(self):
              yield self.n
    `,
    expected: [[23, 'E0208']],
  },
  {
    name: 'import of other modules',
    body: `
      import os
      from dataclasses import dataclass
      import typing
      from typing import Tuple
    `,
    expected: [[16, 'E0209'], [17, 'E0209']],
  },
  {
    name: 'with statement',
    body: `
      @entity
      class Cart:
          def __init__(self):
              self.n = 0
          def __key__(self):
              return "c"
          def add(self, lock: Item):
              with lock:
                  self.n += 1
    `,
    expected: [[23, 'E0210']],
  },
  {
    name: 'match statement',
    body: `
      @entity
      class Cart:
          def __init__(self):
              self.n = 0
          def __key__(self):
              return "c"
          def kind(self):
              match self.n:
                  case 0:
                      return "empty"
    `,
    expected: [[23, 'E0211']],
  },
  {
    name: 'nested class in entity and method',
    body: `
      @entity
      class Cart:
          class Line:
              pass
          def __init__(self):
              self.n = 0
          def __key__(self):
              return "c"
          def make(self):
              class Local:
                  pass
              return Local
    `,
    expected: [[18, 'E0212'], [25, 'E0212']],
  },
  {
    name: 'global in entity method',
    body: `
      counter = 0

      @entity
      class Cart:
          def __init__(self):
              self.n = 0
          def __key__(self):
              return "c"
          def bump(self):
              global counter
              counter += 1
    `,
    expected: [[25, 'E0213']],
  },
  {
    name: 'remote call inside lambda and nested function',
    body: `
      @entity
      class Cart:
          def __init__(self, items: List[Item]):
              self.items: List[Item] = items
          def __key__(self):
              return "c"
          def cheapest(self) -> List[Item]:
              return sorted(self.items, key=lambda item: item.price)
          def total(self, item: Item) -> int:
              def price_of(other: Item) -> int:
                  return other.price
              return price_of(item)
    `,
    expected: [[23, 'E0214'], [26, 'E0214']],
  },
  {
    name: 'split method called inside lambda',
    body: `
      @entity
      class Cart:
          def __init__(self, item: Item):
              self.item: Item = item
          def __key__(self):
              return "c"
          def reprice(self) -> None:
              self.item.set_price(1)
          def later(self):
              return lambda: self.reprice()
    `,
    expected: [[25, 'E0214']],
  },
  {
    name: 'conflicting state annotations',
    body: `
      @entity
      class Cart:
          def __init__(self):
              self.total: int = 0
          def __key__(self):
              return "c"
          def reset(self):
              self.total: float = 0.0
    `,
    expected: [[23, 'E0215']],
  },
  {
    name: 'remote call outside entity methods',
    body: `
      def price_of(item: Item) -> int:
          return item.price

      def make() -> Item:
          return Item("x")

      default_item = Item("y")
    `,
    expected: [[17, 'E0216'], [20, 'E0216'], [22, 'E0216']],
  },
  {
    name: 'invariant parameter not a list of entities',
    body: `
      @invariant
      def positive(items: List[Item], limit: int) -> bool:
          return all(item.price >= 0 for item in items)
    `,
    expected: [[17, 'E0217']],
  },
  {
    name: 'unsupported method decorator',
    body: `
      @entity
      class Cart:
          def __init__(self):
              self.n = 0
          def __key__(self):
              return "c"
          @staticmethod
          def helper():
              return 1
    `,
    expected: [[22, 'E0218'], [23, 'E0224']],
  },
  {
    name: 'entity inheritance',
    body: `
      class Base:
          pass

      @entity
      class Cart(Base):
          def __init__(self):
              self.n = 0
          def __key__(self):
              return "c"
    `,
    expected: [[20, 'E0219']],
  },
  {
    name: 'key with parameters or remote calls',
    body: `
      @entity
      class Cart:
          def __init__(self, item: Item):
              self.item: Item = item
          def __key__(self, prefix):
              return prefix
      @entity
      class Bag:
          def __init__(self, item: Item):
              self.item: Item = item
          def __key__(self):
              return self.item.name
    `,
    expected: [[20, 'E0220'], [26, 'E0220']],
  },
  {
    name: 'split method used as a value',
    body: `
      @entity
      class Cart:
          def __init__(self, item: Item):
              self.item: Item = item
          def __key__(self):
              return "c"
          def reprice(self) -> None:
              self.item.set_price(1)
          def callbacks(self):
              return [self.reprice]
    `,
    expected: [[25, 'E0221']],
  },
  {
    name: 'method call on entity class',
    body: `
      @entity
      class Cart:
          def __init__(self):
              self.n = 0
          def __key__(self):
              return "c"
          def reprice(self):
              Item.set_price(self, 1)
    `,
    expected: [[23, 'E0222']],
  },
  {
    name: 'except star',
    body: `
      @entity
      class Cart:
          def __init__(self):
              self.n = 0
          def __key__(self):
              return "c"
          def safe(self):
              try:
                  self.n += 1
              except* ValueError:
                  pass
    `,
    expected: [[23, 'E0223']],
  },
  {
    name: 'unsupported class body statement',
    body: `
      @entity
      class Cart:
          if True:
              limit = 3
          def __init__(self):
              self.n = 0
          def __key__(self):
              return "c"
    `,
    expected: [[18, 'E0224']],
  },
  {
    name: 'remote method used as a value',
    body: `
      @entity
      class Cart:
          def __init__(self):
              self.n = 0
          def __key__(self):
              return "c"
          def handler(self, item: Item):
              return item.set_price
    `,
    expected: [[23, 'E0224']],
  },
  {
    name: 'remote call in except clause type',
    body: `
      @entity
      class Cart:
          def __init__(self):
              self.n = 0
          def __key__(self):
              return "c"
          def kind(self, item: Item) -> type:
              return ValueError
          def safe(self, item: Item):
              try:
                  self.n += 1
              except item.set_price(1):
                  pass
    `,
    expected: [[27, 'E0224']],
  },
  {
    name: 'assignment to self',
    body: `
      @entity
      class Cart:
          def __init__(self):
              self.n = 0
          def __key__(self):
              return "c"
          def swap(self, other: "Cart"):
              self = other
    `,
    expected: [[23, 'E0225']],
  },
  {
    name: 'method defined twice',
    body: `
      @entity
      class Cart:
          def __init__(self):
              self.n = 0
          def __key__(self):
              return "c"
          def add(self):
              pass
          def add(self):
              pass
    `,
    expected: [[24, 'E0226']],
  },
];

describe('analysis rejects', () => {
  for (const { name, body, expected } of rejected) {
    test(name, () => {
      expect(diagnosticsOf(withItem(body))).toEqual(expected);
    });
  }
});

describe('analysis accepts', () => {
  test('methods on annotated plain values', () => {
    const source = withItem(`
      @entity
      class Cart:
          def __init__(self):
              self.names: List[str] = []
          def __key__(self):
              return "c"
          def add(self, name: str, extra: Optional[str] = None) -> str:
              self.names.append(name.upper())
              return name.strip() + (extra or "").lower()
    `);
    expect(diagnosticsOf(source)).toEqual([]);
  });

  test('remote calls with defaults and keywords', () => {
    const source = withItem(`
      @entity
      class Cart:
          def __init__(self):
              self.n = 0
          def __key__(self):
              return "c"
          def reprice(self, item: Item, values: List[int]):
              item.set_price(1)
              item.set_price(price=2, reason="sale")
              item.set_price(*values)
              return Item("y", price=3)
    `);
    expect(diagnosticsOf(source)).toEqual([]);
  });

  test('stateflow module import forms', () => {
    const source = dedent(`
      import stateflow
      from stateflow import *
      import typing

      @stateflow.entity
      class A:
          def __init__(self):
              self.n = 0
          def __key__(self):
              return "a"
          @stateflow.transactional
          def bump(self) -> int:
              self.n += 1
              return self.n

      @stateflow
      class B:
          def __init__(self, a: A):
              self.a: A = a
          def __key__(self):
              return "b"
          @transactional
          def bump(self) -> int:
              return self.a.bump()
    `);
    const result = compile(source);
    expect(result.diagnostics).toEqual([]);
    expect(result.ir?.entities.map((entity) => [entity.name, entity.decorator])).toEqual([['A', 'entity'], ['B', 'stateflow']]);
    expect(result.ir?.entities[1]?.methods.find((m) => m.name === 'bump')?.isTransactional).toBe(true);
  });

  test('invariant with entity list parameters', () => {
    const source = withItem(`
      @invariant
      def positive(items: List[Item], others: "List[Item]") -> bool:
          return all(item.price >= 0 for item in items)
    `);
    const result = compile(source);
    expect(result.diagnostics).toEqual([]);
    expect(result.ir?.invariants).toEqual([
      { name: 'positive', params: [{ name: 'items', className: 'Item' }, { name: 'others', className: 'Item' }], span: expect.any(Object) },
    ]);
  });
});

describe('analysis reporting', () => {
  test('several errors in one pass', () => {
    const source = withItem(`
      import os

      @entity
      class Cart:
          def __init__(self):
              self.n = 0
          def add(self, item):
              with item:
                  yield item.name
    `);
    expect(diagnosticsOf(source)).toEqual([[16, 'E0209'], [19, 'E0201'], [23, 'E0210']]);
  });

  test('diagnostic range covers offending node', () => {
    const source = withItem(`
      @entity
      class Cart:
          def __init__(self):
              self.n = 0
          def __key__(self):
              return "c"
          def cost(self, item: Item) -> int:
              return item.cost
    `);
    const [diagnostic] = compile(source).diagnostics;
    expect(source.slice(diagnostic!.span.start, diagnostic!.span.end)).toBe('item.cost');
    expect([diagnostic!.line, diagnostic!.column, diagnostic!.endLine, diagnostic!.endColumn]).toEqual([23, 16, 23, 25]);
    expect(diagnostic!.message).toBe("Entity class 'Item' has no attribute 'cost'.");
  });

  test('syntax errors stop before analysis', () => {
    const result = compile(withItem(`
      @entity
      class Cart:
          def __init__(self):
              self.n = 0
          def add(self, item):
              return item.price +
    `));
    expect(result.ir).toBeNull();
    expect(result.diagnostics.map((d) => d.code)).toEqual(['E0001']);
  });
});

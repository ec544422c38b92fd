// Entity analysis: reference typing from hints and assignments, state
// collection, and the classification of every call site.

import { describe, expect, test } from 'vitest';
import type { CallSite } from '../../src/analysis/model.ts';
import { analyzeSource } from '../support/analyzeSource.ts';
import { dedent, HEADER } from '../support/programs.ts';

const ITEM = dedent(`
  @entity
  class Item:
      def __init__(self, name: str):
          self.name: str = name
          self.price: int = 0
          self.next_item: Optional["Item"] = None

      def __key__(self):
          return self.name

      def bump(self) -> int:
          self.price += 1
          return self.price

      def following(self) -> "Item":
          return self.next_item

`);

/** Analyzes `Item` plus a `Cart` entity whose method bodies are `methods`. */
function analyzeCart(methods: string, init = 'self.n = 0') {
  const source = HEADER + ITEM + dedent(`
    @entity
    class Cart:
        def __init__(self):
            ${init}

        def __key__(self):
            return "cart"

  `) + dedent(methods).split('\n').map((line) => (line ? '    ' + line : line)).join('\n');
  const result = analyzeSource(source);
  const cart = result.model.entityByName.get('Cart')!;
  return { result, cart };
}

function describeSite(site: CallSite): string {
  switch (site.kind) {
    case 'remoteCall':
      return `remoteCall ${site.className}.${site.method}`;
    case 'remoteRead':
      return `remoteRead ${site.className}.${site.attr}`;
    case 'create':
      return `create ${site.className}`;
    case 'selfCall':
      return `selfCall ${site.method}`;
    case 'local':
      return `local ${site.target}`;
    case 'builtin':
      return `builtin ${site.name}`;
  }
}

function sitesOf(methods: string, method: string, init?: string): string[] {
  const { result, cart } = analyzeCart(methods, init);
  expect(result.diagnostics.map((d) => `${d.line} ${d.code} ${d.message}`)).toEqual([]);
  return cart.methodByName.get(method)!.sites.map(describeSite);
}

describe('reference typing', () => {
  const hints: [string, string][] = [
    ['plain class name', 'item: Item'],
    ['string hint', 'item: "Item"'],
    ['Optional', 'item: Optional[Item]'],
    ['union with None', 'item: Item | None'],
    ['string of Optional', 'item: "Optional[Item]"'],
  ];
  for (const [name, param] of hints) {
    test(`parameter hint ${name}`, () => {
      expect(sitesOf(`
        def use(self, ${param}) -> int:
            return item.bump()
      `, 'use')).toEqual(['remoteCall Item.bump']);
    });
  }

  const containers: [string, string][] = [
    ['List', 'items: List[Item]'],
    ['builtin list', 'items: list[Item]'],
    ['string of List', 'items: "List[Item]"'],
  ];
  for (const [name, param] of containers) {
    test(`loop over ${name} parameter`, () => {
      expect(sitesOf(`
        def use(self, ${param}) -> None:
            for item in items:
                item.bump()
      `, 'use')).toEqual(['remoteCall Item.bump']);
    });
  }

  test('dict values, items and subscripts', () => {
    expect(sitesOf(`
      def use(self, by_name: Dict[str, Item]) -> None:
          for item in by_name.values():
              item.bump()
          for key, other in by_name.items():
              other.bump()
          by_name["a"].bump()
          found = by_name.get("b")
          found.bump()
    `, 'use')).toEqual([
      'local value', 'remoteCall Item.bump', 'local value', 'remoteCall Item.bump', 'remoteCall Item.bump', 'local value', 'remoteCall Item.bump',
    ]);
  });

  test('enumerate and list subscript', () => {
    expect(sitesOf(`
      def use(self, items: List[Item]) -> None:
          for index, item in enumerate(items):
              item.bump()
          items[0].bump()
    `, 'use')).toEqual(['builtin enumerate', 'remoteCall Item.bump', 'remoteCall Item.bump']);
  });

  test('annotated local', () => {
    expect(sitesOf(`
      def use(self, items: list) -> None:
          first: Item = items[0]
          first.bump()
    `, 'use')).toEqual(['remoteCall Item.bump']);
  });

  test('local inferred from assignments', () => {
    expect(sitesOf(`
      def use(self, item: Item) -> None:
          current = item
          current = current.following()
          current.bump()
    `, 'use')).toEqual(['remoteCall Item.following', 'remoteCall Item.bump']);
  });

  test('return annotation types chained call', () => {
    expect(sitesOf(`
      def use(self, item: Item) -> int:
          return item.following().following().price
    `, 'use')).toEqual(['remoteCall Item.following', 'remoteCall Item.following', 'remoteRead Item.price']);
  });

  test('state attribute from annotation', () => {
    expect(sitesOf(`
      def use(self) -> int:
          return self.favourite.bump()
    `, 'use', 'self.favourite: Optional[Item] = None')).toEqual(['remoteCall Item.bump']);
  });

  test('state attribute inferred from parameter', () => {
    const { result, cart } = analyzeCart(`
      def set_favourite(self, item: Item) -> None:
          self.favourite = item

      def use(self) -> int:
          return self.favourite.bump()
    `, 'self.favourite = None');
    expect(result.diagnostics).toEqual([]);
    expect(cart.state.get('favourite')!.type).toEqual({ kind: 'optional', inner: { kind: 'entity', className: 'Item' } });
    expect(cart.methodByName.get('use')!.sites.map(describeSite)).toEqual(['remoteCall Item.bump']);
  });

  test('class level annotation types state', () => {
    const source = HEADER + ITEM + dedent(`
      @entity
      class Shelf:
          items: List[Item]

          def __init__(self):
              self.items = []

          def __key__(self):
              return "s"

          def total(self) -> int:
              return sum(item.price for item in self.items)
    `);
    const result = analyzeSource(source);
    expect(result.diagnostics).toEqual([]);
    const shelf = result.model.entityByName.get('Shelf')!;
    expect(shelf.state.get('items')!.annotation).toBe('List[Item]');
    expect(shelf.methodByName.get('total')!.sites.map(describeSite)).toEqual(['builtin sum', 'remoteRead Item.price']);
  });

  test('return type inferred without annotation', () => {
    expect(sitesOf(`
      def favourite(self, items: List[Item]):
          return items[0]

      def use(self, items: List[Item]) -> int:
          return self.favourite(items).bump()
    `, 'use')).toEqual(['selfCall favourite', 'remoteCall Item.bump']);
  });

  test('Any receiver resolved by member name', () => {
    expect(sitesOf(`
      def use(self, other: "Any", text: Any) -> int:
          text.upper()
          return other.bump() + other.price
    `, 'use')).toEqual(['local value', 'remoteCall Item.bump', 'remoteRead Item.price']);
  });

  test('Any receiver with ambiguous member', () => {
    const source = HEADER + ITEM + dedent(`
      @entity
      class Box:
          def __init__(self):
              self.price = 1

          def __key__(self):
              return "b"

          def use(self, other: Any) -> int:
              return other.price
    `);
    const result = analyzeSource(source);
    expect(result.diagnostics.map((d) => [d.line, d.code])).toEqual([[30, 'E0228']]);
  });

  test('lambda key over entity list', () => {
    const { result } = analyzeCart(`
      def cheapest(self, items: List[Item]) -> Item:
          return min(items, key=lambda item: item.price)
    `);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['E0214']);
  });
});

describe('call site classification', () => {
  test('every kind of call', () => {
    const source = HEADER + ITEM + dedent(`
      def helper(x: int) -> int:
          return x + 1

      @entity
      class Cart:
          def __init__(self):
              self.count = 0

          def __key__(self):
              return "cart"

          def local_method(self) -> int:
              return self.count

          def everything(self, item: Item, name: str) -> int:
              def nested(y):
                  return y * 2
              self.local_method()
              nested(1)
              helper(2)
              len(name)
              name.upper()
              item.bump()
              created = Item(name)
              return item.price
    `);
    const result = analyzeSource(source);
    expect(result.diagnostics).toEqual([]);
    const cart = result.model.entityByName.get('Cart')!;
    expect(cart.methodByName.get('everything')!.sites.map(describeSite)).toEqual([
      'selfCall local_method',
      'local nestedFunction',
      'local moduleFunction',
      'builtin len',
      'local value',
      'remoteCall Item.bump',
      'create Item',
      'remoteRead Item.price',
    ]);
  });

  test('split status follows self calls', () => {
    const { result, cart } = analyzeCart(`
      def a(self, item: Item) -> int:
          return item.bump()

      def b(self, item: Item) -> int:
          return self.a(item)

      def c(self, item: Item) -> int:
          return self.b(item)

      def d(self) -> int:
          return self.n
    `);
    expect(result.diagnostics).toEqual([]);
    expect(['a', 'b', 'c', 'd'].map((name) => cart.methodByName.get(name)!.isSplit)).toEqual([true, true, true, false]);
  });
});

describe('state collection', () => {
  test('every assigned self attribute', () => {
    const { result, cart } = analyzeCart(`
      def assign(self, pair: tuple) -> None:
          self.plain = 1
          self.first, (self.second, *self.rest) = pair
          self.left = self.right = 0
          self.count += 1
          self.typed: int = 3
          for self.cursor in range(3):
              pass
    `, 'self.count = 0');
    expect(result.diagnostics).toEqual([]);
    expect([...cart.state.keys()]).toEqual(['count', 'plain', 'first', 'second', 'rest', 'left', 'right', 'typed', 'cursor']);
    expect(cart.state.get('typed')!.annotation).toBe('int');
  });
});

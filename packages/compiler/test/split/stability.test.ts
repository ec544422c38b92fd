// Block ids depend only on the text of their own method: editing, adding or
// moving other methods keeps them, so links into the graph stay valid.

import { describe, expect, test } from 'vitest';
import { compile } from '../../src/compile.ts';
import type { MethodIR } from '../../src/ir.ts';
import { methodListing } from '../../src/emit/blockText.ts';
import { dedent } from '../support/programs.ts';

const header = dedent(`
  from typing import List
  from stateflow import entity

  @entity
  class Peer:
      def __init__(self, name: str):
          self.name: str = name
          self.n: int = 0

      def __key__(self):
          return self.name

      def get(self) -> int:
          return self.n

  @entity
  class Hub:
      def __init__(self, name: str, peers: List[Peer]):
          self.name: str = name
          self.peers: List[Peer] = peers

      def __key__(self):
          return self.name

`);

const first = `
    def first(self, p: Peer) -> int:
        total = 0
        for peer in self.peers:
            total += peer.get()
        return total + p.get()
`;
const middle = `
    def middle(self, p: Peer) -> int:
        return p.get() * 2
`;
const middleEdited = `
    def middle(self, p: Peer) -> int:
        a = p.get()
        if a > 3:
            a += p.get()
        while a < 10:
            a += p.get() + 1
        return a
`;
const last = `
    def last(self, p: Peer, q: Peer) -> int:
        try:
            return p.get() + q.get()
        finally:
            self.name = self.name
`;

function methodsOf(source: string): Map<string, MethodIR> {
  const result = compile(source);
  expect(result.diagnostics).toEqual([]);
  return new Map(result.ir!.entities.flatMap((entity) => entity.methods).map((method) => [method.qualifiedName, method]));
}

/** Block ids, liveness and code of a method, without source positions. */
function shape(method: MethodIR | undefined): unknown {
  return method === undefined ? undefined : methodListing(method);
}

describe('block id stability', () => {
  const original = methodsOf(header + first + middle + last);

  test('editing one method keeps the others', () => {
    const edited = methodsOf(header + first + middleEdited + last);
    expect(shape(edited.get('Hub.first'))).toEqual(shape(original.get('Hub.first')));
    expect(shape(edited.get('Hub.last'))).toEqual(shape(original.get('Hub.last')));
    expect(edited.get('Hub.middle')!.blocks.length).toBeGreaterThan(original.get('Hub.middle')!.blocks.length);
  });

  test('adding and reordering methods keeps ids', () => {
    const reordered = methodsOf(header + last + middleEdited + first + middle.replace('def middle', 'def extra'));
    expect(shape(reordered.get('Hub.first'))).toEqual(shape(original.get('Hub.first')));
    expect(shape(reordered.get('Hub.last'))).toEqual(shape(original.get('Hub.last')));
    // Same text under another name: the same blocks, numbered the same way.
    expect(shape(reordered.get('Hub.extra'))).toEqual(shape(original.get('Hub.middle')));
    expect(reordered.get('Hub.extra')!.entry).toBe('Hub.extra#0');
  });

  test('ids are prefixed by the method name', () => {
    for (const method of original.values()) {
      method.blocks.forEach((block, index) => expect(block.id).toBe(`${method.qualifiedName}#${index}`));
      expect(method.entry).toBe(`${method.qualifiedName}#0`);
    }
  });
});

// DOT and Mermaid emitters: the dataflow graph and block graphs are drawn
// with every node and edge, and labels are escaped for each syntax.

import { describe, expect, test } from 'vitest';
import { compile } from '../../src/compile.ts';
import { emitDot } from '../../src/emit/dot.ts';
import { emitMermaid } from '../../src/emit/mermaid.ts';
import type { ProgramIR } from '../../src/ir.ts';
import { dedent } from '../support/programs.ts';

const source = dedent(`
  from stateflow import entity

  @entity
  class Item:
      def __init__(self, name: str):
          self.name: str = name
          self.price: int = 1

      def __key__(self):
          return self.name

      def cost(self, n: int) -> int:
          return n * self.price

  @entity
  class Cart:
      def __init__(self, owner: str):
          self.owner: str = owner

      def __key__(self):
          return self.owner

      def total(self, item: Item) -> str:
          if item.cost(2) > 3:
              return "big \\"order\\""
          return f"{item.price} <small>"
`);

function compiled(): ProgramIR {
  const result = compile(source);
  expect(result.diagnostics).toEqual([]);
  return result.ir!;
}

describe('emitDot', () => {
  test('dataflow graph nodes and edges', () => {
    const dot = emitDot(compiled(), { kind: 'dataflow' });
    expect(dot.startsWith('digraph entflow {')).toBe(true);
    expect(dot).toContain('"df_ingress" [shape=ellipse');
    expect(dot).toContain('"df_Cart" -> "df_Item" [label="call Item.cost"];');
    expect(dot).toContain('"df_Item" -> "df_Cart" [label="return Item.cost", style=dashed];');
    expect(dot).toContain('"df_Cart" -> "df_Item" [label="read Item.price"];');
    expect(dot).not.toContain('cluster_Cart_total');
  });

  test('block graph with escaped labels', () => {
    const dot = emitDot(compiled(), { kind: 'method', method: 'Cart.total' });
    expect(dot).toContain('subgraph "cluster_Cart_total"');
    expect(dot).toContain('return \'big \\"order\\"\'');
    expect(dot).toContain('[label="true"]');
    expect(dot).toContain('[label="resume"]');
    expect(dot.match(/"b_Cart_total_\d+" \[shape=box/g)?.length).toBe(compiled().entities[1]!.methods[2]!.blocks.length);
  });

  test('all view draws split methods only', () => {
    const dot = emitDot(compiled());
    expect(dot).toContain('cluster_dataflow');
    expect(dot).toContain('cluster_Cart_total');
    expect(dot).not.toContain('cluster_Item_cost');
  });
});

describe('emitMermaid', () => {
  test('flowchart with subgraphs', () => {
    const mermaid = emitMermaid(compiled());
    expect(mermaid.startsWith('flowchart LR\n')).toBe(true);
    expect(mermaid).toContain('subgraph dataflow["dataflow"]');
    expect(mermaid).toContain('df_ingress(["ingress"])');
    expect(mermaid).toContain('df_Item -.->|"return Item.cost"| df_Cart');
    expect(mermaid).toContain('subgraph Cart_total["Cart.total"]');
  });

  test('labels escape quotes and brackets', () => {
    const mermaid = emitMermaid(compiled(), { kind: 'method', method: 'Cart.total' });
    expect(mermaid).toContain('#quot;order');
    expect(mermaid).toContain('#lt;small#gt;');
    expect(mermaid).not.toMatch(/\["[^"]*<small>/);
  });
});

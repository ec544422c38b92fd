// The IR validator finds each kind of structural fault when one is planted
// in otherwise valid IR.

import { describe, expect, test } from 'vitest';
import { compile } from '../../src/compile.ts';
import type { BlockIR, MethodIR, ProgramIR } from '../../src/ir.ts';
import { validateIr } from '../../src/irValidate.ts';
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

      def total(self, item: Item, n: int) -> int:
          try:
              value = item.cost(n) + item.cost(n + 1)
          except ValueError:
              value = 0
          return value
`);

/** A fresh copy of the compiled IR and its `Cart.total` method. */
function fixture(): { ir: ProgramIR; method: MethodIR; block: (index: number) => BlockIR } {
  const result = compile(source);
  expect(result.diagnostics).toEqual([]);
  const ir = JSON.parse(JSON.stringify(result.ir)) as ProgramIR;
  const method = ir.entities[1]!.methods.find((candidate) => candidate.name === 'total')!;
  return { ir, method, block: (index) => method.blocks[index]! };
}

function remoteCallBlock(method: MethodIR): BlockIR {
  return method.blocks.find((block) => block.terminator.kind === 'remoteCall')!;
}

describe('validateIr', () => {
  test('accepts compiled IR', () => {
    expect(validateIr(fixture().ir)).toEqual([]);
  });

  test('reports a missing block', () => {
    const { ir, method } = fixture();
    const block = remoteCallBlock(method);
    if (block.terminator.kind === 'remoteCall') block.terminator.resume = 'Cart.total#99';
    expect(validateIr(ir)).toContainEqual(expect.stringContaining('refers to missing block Cart.total#99'));
  });

  test('reports an unreachable block', () => {
    const { ir, method } = fixture();
    method.blocks.push({ ...method.blocks[method.blocks.length - 1]!, id: 'Cart.total#50' });
    expect(validateIr(ir)).toContainEqual(expect.stringContaining('Cart.total#50 is unreachable'));
  });

  test('reports an unassigned temporary', () => {
    const { ir, block } = fixture();
    block(0).liveIn = [...block(0).liveIn, '$t1'].sort();
    expect(validateIr(ir)).toContainEqual('Cart.total#0: temporary $t1 may be unassigned on entry');
  });

  test('reports unsorted and unknown live variables', () => {
    const { ir, block } = fixture();
    block(0).liveIn = ['self', 'item', 'ghost'];
    const problems = validateIr(ir);
    expect(problems).toContainEqual('Cart.total#0: liveIn is not sorted');
    expect(problems).toContainEqual('Cart.total#0: live variable ghost is not a local of the method');
  });

  test('reports unknown methods and wrong arity', () => {
    const { ir, method } = fixture();
    const block = remoteCallBlock(method);
    if (block.terminator.kind !== 'remoteCall') throw new Error('expected a remote call');
    block.terminator.args = [];
    expect(validateIr(ir)).toContainEqual(expect.stringContaining('lacks argument n'));
    block.terminator.method = 'discount';
    expect(validateIr(ir)).toContainEqual(expect.stringContaining('remote call of unknown method Item.discount'));
  });

  test('reports a resume block with another handler', () => {
    const { ir, method } = fixture();
    const block = remoteCallBlock(method);
    if (block.terminator.kind !== 'remoteCall') throw new Error('expected a remote call');
    const resume = method.blocks.find((candidate) => candidate.id === (block.terminator as { resume: string }).resume)!;
    resume.handler = null;
    expect(validateIr(ir)).toContainEqual(expect.stringContaining('has another exception handler'));
  });

  test('reports a bad dataflow edge', () => {
    const { ir } = fixture();
    ir.dataflow.edges.push({ id: 'Cart->Shop:call:Shop.buy', from: 'Cart', to: 'Shop', relation: 'call', label: 'Shop.buy' });
    expect(validateIr(ir)).toContainEqual('dataflow edge Cart->Shop:call:Shop.buy joins a missing node');
  });
});

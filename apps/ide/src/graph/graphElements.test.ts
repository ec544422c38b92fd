import { describe, expect, it } from 'vitest';
import { compile } from '@entflow/compiler';
import type { ProgramIR } from '@entflow/compiler';
import { buildDataflowElements, dataflowKey, operatorNodeId } from './dataflowElements.ts';
import { buildBlockElements } from './blockElements.ts';
import { findBlockAt, findMethod, findMethodAt } from './locate.ts';
import { findExample } from '../examples/gallery.ts';

function compileExample(id: string): { ir: ProgramIR; source: string } {
  const example = findExample(id);
  if (!example) throw new Error(`corpus example ${id} is missing`);
  const result = compile(example.files.entities, 'entities.py');
  if (!result.ir) throw new Error(`corpus example ${id} does not compile: ${result.diagnostics[0]?.message}`);
  return { ir: result.ir, source: example.files.entities };
}

describe('dataflow elements', () => {
  it('draws ingress, operators and egress', () => {
    const { ir } = compileExample('01-shop');
    const { nodes } = buildDataflowElements(ir);
    expect(nodes.map((node) => node.id).sort()).toEqual(['egress', 'ingress', operatorNodeId('Item'), operatorNodeId('User')].sort());
  });

  it('lays out left to right', () => {
    const { ir } = compileExample('01-shop');
    const { nodes } = buildDataflowElements(ir);
    const x = (id: string) => nodes.find((node) => node.id === id)!.position.x;
    expect(x('ingress')).toBeLessThan(x(operatorNodeId('User')));
    expect(x(operatorNodeId('User'))).toBeLessThan(x('egress'));
  });

  it('groups calls by source, target and relation', () => {
    const { ir } = compileExample('01-shop');
    const { edges } = buildDataflowElements(ir);
    const ids = edges.map((edge) => edge.id);
    expect(new Set(ids).size).toBe(ids.length);
    const call = edges.find((edge) => edge.id === `${operatorNodeId('User')}->${operatorNodeId('Item')}:call`);
    expect(call?.data?.labels).toContain('Item.update_stock');
    expect(edges.some((edge) => edge.data?.relation === 'create' && edge.source === 'ingress')).toBe(false);
  });

  it('loops self-calls above the node', () => {
    const { ir } = compileExample('03-bank-transfer-transactional');
    const { edges, nodes } = buildDataflowElements(ir);
    const account = operatorNodeId('Account');
    const loops = edges.filter((edge) => edge.source === account && edge.target === account);
    expect(loops.length).toBeGreaterThan(0);
    const top = nodes.find((node) => node.id === account)!.position.y;
    for (const loop of loops) {
      expect(loop.data?.loopPath).toMatch(/^M /);
      expect(loop.data!.labelPosition!.y).toBeLessThan(top);
    }
  });

  it('keeps its key across a comment edit', () => {
    const example = findExample('01-shop')!;
    const before = compile(example.files.entities).ir!;
    const after = compile(`${example.files.entities}\n# a comment\n`).ir!;
    expect(dataflowKey(after)).toBe(dataflowKey(before));
    const renamed = compile(example.files.entities.replace(/set_price/g, 'change_price')).ir!;
    expect(dataflowKey(renamed)).not.toBe(dataflowKey(before));
  });
});

describe('block elements', () => {
  it('shows every block of a split method', () => {
    const { ir, source } = compileExample('01-shop');
    const { method } = findMethod(ir, 'User.buy_item')!;
    const { nodes, edges } = buildBlockElements(method, source);
    expect(nodes.map((node) => node.id)).toEqual(method.blocks.map((block) => block.id));
    expect(nodes[0]!.data.isEntry).toBe(true);
    expect(edges.some((edge) => edge.data?.blockEdgeKind === 'resume')).toBe(true);
    expect(nodes.some((node) => node.data.terminator.includes('call Item.update_stock'))).toBe(true);
  });

  it('lays blocks out top to bottom', () => {
    const { ir, source } = compileExample('01-shop');
    const { method } = findMethod(ir, 'User.buy_item')!;
    const { nodes } = buildBlockElements(method, source);
    expect(nodes[0]!.position.y).toBeLessThan(nodes[nodes.length - 1]!.position.y);
  });
});

describe('source locations', () => {
  it('finds the method and block under the cursor', () => {
    const { ir, source } = compileExample('01-shop');
    const offset = source.indexOf('is_taken = item.update_stock');
    const method = findMethodAt(ir, offset);
    expect(method?.qualifiedName).toBe('User.buy_item');
    const block = findBlockAt(method!, offset);
    expect(block).not.toBeNull();
    expect(block!.spans.some((span) => span.start <= offset && offset <= span.end)).toBe(true);
  });

  it('finds nothing between classes', () => {
    const { ir, source } = compileExample('01-shop');
    expect(findMethodAt(ir, source.indexOf('from stateflow'))).toBeNull();
  });
});

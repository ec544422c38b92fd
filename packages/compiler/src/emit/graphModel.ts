// The graphs that the DOT and Mermaid emitters draw, independent of either
// syntax: the dataflow graph, and one graph of blocks per split method.

import type { BlockIR, MethodIR, ProgramIR, Terminator } from '../ir.ts';
import { terminatorText, shortBlockId } from './blockText.ts';
import { unparseStmt } from './unparse.ts';

/** Selection of graphs to draw: the dataflow graph, one method's blocks, or both for every split method. */
export type GraphView = { kind: 'dataflow' } | { kind: 'method'; method: string } | { kind: 'all' };

export interface GraphNode {
  id: string;
  /** Lines of the label, first line the title. */
  lines: string[];
  shape: 'box' | 'ellipse';
}

export interface GraphEdge {
  from: string;
  to: string;
  label: string;
  isDashed: boolean;
}

export interface GraphCluster {
  id: string;
  title: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export function dataflowCluster(ir: ProgramIR): GraphCluster {
  const nodes: GraphNode[] = ir.dataflow.nodes.map((node) => ({
    id: `df_${node.id}`,
    lines: [node.kind === 'operator' ? node.className : node.kind],
    shape: node.kind === 'operator' ? 'box' : 'ellipse',
  }));
  const edges: GraphEdge[] = ir.dataflow.edges.map((edge) => ({
    from: `df_${edge.from}`,
    to: `df_${edge.to}`,
    label: `${edge.relation} ${edge.label}`,
    isDashed: edge.relation === 'reply' || edge.relation === 'return',
  }));
  return { id: 'dataflow', title: 'dataflow', nodes, edges };
}

export function methodCluster(method: MethodIR): GraphCluster {
  const nodeId = (blockId: string): string => `b_${method.qualifiedName.replace('.', '_')}_${shortBlockId(blockId).slice(1)}`;
  const nodes = method.blocks.map((block): GraphNode => ({
    id: nodeId(block.id),
    lines: blockLines(block),
    shape: 'box',
  }));
  const edges: GraphEdge[] = [];
  for (const block of method.blocks) {
    for (const [target, label] of labelledSuccessors(block.terminator)) {
      edges.push({ from: nodeId(block.id), to: nodeId(target), label, isDashed: false });
    }
    if (block.handler !== null) edges.push({ from: nodeId(block.id), to: nodeId(block.handler), label: 'exception', isDashed: true });
  }
  return { id: method.qualifiedName.replace('.', '_'), title: method.qualifiedName, nodes, edges };
}

function blockLines(block: BlockIR): string[] {
  const title = `${shortBlockId(block.id)}  live: ${block.liveIn.length === 0 ? '-' : block.liveIn.join(', ')}`;
  const code = block.statements.flatMap((statement) => unparseStmt(statement));
  return [title, ...code, terminatorText(block.terminator)];
}

function labelledSuccessors(terminator: Terminator): [string, string][] {
  switch (terminator.kind) {
    case 'return':
    case 'raise':
      return [];
    case 'jump':
      return [[terminator.target, '']];
    case 'branch':
      return [[terminator.ifTrue, 'true'], [terminator.ifFalse, 'false']];
    case 'next':
      return [[terminator.body, 'item'], [terminator.exhausted, 'exhausted']];
    case 'except':
      return [...terminator.clauses.map((clause): [string, string] => [clause.target, 'match']), [terminator.unmatched, 'no match']];
    default:
      return [[terminator.resume, 'resume']];
  }
}

/** The clusters of a view; an unknown method name gives no clusters. */
export function clustersOf(ir: ProgramIR, view: GraphView): GraphCluster[] {
  const methods = ir.entities.flatMap((entity) => entity.methods);
  switch (view.kind) {
    case 'dataflow':
      return [dataflowCluster(ir)];
    case 'method':
      return methods.filter((method) => method.qualifiedName === view.method).map(methodCluster);
    case 'all':
      return [dataflowCluster(ir), ...methods.filter((method) => method.isSplit).map(methodCluster)];
  }
}

// A method's block graph as React Flow elements: one node per block (its
// statements as source text, its terminator, the variables live into it)
// and edges for every way control leaves a block.
import type { Node } from '@xyflow/react';
import { Position } from '@xyflow/react';
import type { BlockIR, MethodIR, Span, Terminator } from '@entflow/compiler';
import { layoutGraph } from './layout.ts';
import type { RoutedEdgeData, RoutedFlowEdge } from './dataflowElements.ts';

export type BlockEdgeKind = 'flow' | 'true' | 'false' | 'resume' | 'exception' | 'loop-exit';

export interface BlockNodeData extends Record<string, unknown> {
  blockId: string;
  label: string;
  lines: string[];
  terminator: string;
  terminatorKind: Terminator['kind'];
  liveIn: string[];
  isEntry: boolean;
}

export type BlockFlowNode = Node<BlockNodeData, 'block'>;

const BLOCK_WIDTH = 300;
const LINE_HEIGHT = 16;
const BLOCK_CHROME_HEIGHT = 58;
const LINES_MAX = 8;
const LINE_CHARS_MAX = 44;

function sourceOf(source: string, span: Span | null | undefined): string {
  if (!span) return '';
  return source.slice(span.start, span.end);
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0] ?? '';
  const isCut = line.length < text.trimEnd().length;
  if (line.length > LINE_CHARS_MAX) return `${line.slice(0, LINE_CHARS_MAX - 1)}…`;
  return isCut ? `${line} …` : line;
}

/** Describes in one line how the block ends. */
export function describeTerminator(terminator: Terminator, source: string): string {
  switch (terminator.kind) {
    case 'return':
      return terminator.value ? `return ${sourceOf(source, terminator.value)}` : 'return';
    case 'raise':
      return terminator.exc ? `raise ${sourceOf(source, terminator.exc)}` : 'raise (re-raise)';
    case 'jump':
      return 'jump';
    case 'branch':
      return `if ${sourceOf(source, terminator.test)}`;
    case 'next':
      return `next ${sourceOf(source, terminator.target)} from ${terminator.iterator}`;
    case 'except':
      return `except ${terminator.clauses.map((c) => (c.type ? sourceOf(source, c.type) : '*')).join(' | ')}`;
    case 'remoteCall':
      return `${terminator.result} = call ${terminator.className}.${terminator.method}`;
    case 'selfCall':
      return `${terminator.result} = self.${terminator.method}(…)`;
    case 'create':
      return `${terminator.result} = create ${terminator.className}`;
    case 'read':
      return `${terminator.result} = read ${terminator.className}.${terminator.attr}`;
  }
}

function successors(block: BlockIR): { target: string; kind: BlockEdgeKind; label: string }[] {
  const t = block.terminator;
  const out: { target: string; kind: BlockEdgeKind; label: string }[] = [];
  switch (t.kind) {
    case 'jump':
      out.push({ target: t.target, kind: 'flow', label: '' });
      break;
    case 'branch':
      out.push({ target: t.ifTrue, kind: 'true', label: 'true' }, { target: t.ifFalse, kind: 'false', label: 'false' });
      break;
    case 'next':
      out.push({ target: t.body, kind: 'flow', label: 'item' }, { target: t.exhausted, kind: 'loop-exit', label: 'done' });
      break;
    case 'except':
      for (const clause of t.clauses) out.push({ target: clause.target, kind: 'flow', label: clause.name ?? 'match' });
      out.push({ target: t.unmatched, kind: 'exception', label: 'unmatched' });
      break;
    case 'remoteCall':
    case 'selfCall':
    case 'create':
    case 'read':
      out.push({ target: t.resume, kind: 'resume', label: 'resume' });
      break;
    case 'return':
    case 'raise':
      break;
  }
  if (block.handler) out.push({ target: block.handler, kind: 'exception', label: 'exception' });
  return out;
}

function blockLabel(blockId: string): string {
  return blockId.slice(blockId.lastIndexOf('#'));
}

export function buildBlockElements(method: MethodIR, source: string): { nodes: BlockFlowNode[]; edges: RoutedFlowEdge[] } {
  const nodes: BlockFlowNode[] = method.blocks.map((block) => {
    const allLines = block.statements.map((statement) => firstLine(sourceOf(source, statement)));
    const lines = allLines.length > LINES_MAX ? [...allLines.slice(0, LINES_MAX - 1), `… ${allLines.length - LINES_MAX + 1} more`] : allLines;
    const height = BLOCK_CHROME_HEIGHT + Math.max(lines.length, 1) * LINE_HEIGHT;
    return {
      id: block.id,
      type: 'block',
      position: { x: 0, y: 0 },
      data: {
        blockId: block.id,
        label: blockLabel(block.id),
        lines,
        terminator: firstLine(describeTerminator(block.terminator, source)),
        terminatorKind: block.terminator.kind,
        liveIn: block.liveIn,
        isEntry: block.id === method.entry,
      },
      style: { width: BLOCK_WIDTH, height },
      width: BLOCK_WIDTH,
      height,
      sourcePosition: Position.Bottom,
      targetPosition: Position.Top,
    };
  });

  const known = new Set(method.blocks.map((block) => block.id));
  const rawEdges = method.blocks.flatMap((block) =>
    successors(block)
      .filter((s) => known.has(s.target))
      .map((s, index) => ({ id: `${block.id}->${s.target}:${s.kind}:${index}`, source: block.id, ...s })),
  );

  const layout = layoutGraph(
    nodes.map((node) => ({ id: node.id, width: BLOCK_WIDTH, height: node.style?.height as number })),
    rawEdges.map((edge) => ({ id: edge.id, source: edge.source, target: edge.target, labelWidth: edge.label.length * 7 })),
    { direction: 'TB', rankSeparation: 44, nodeSeparation: 40 },
  );
  for (const node of nodes) node.position = layout.positions.get(node.id) ?? node.position;

  const edges: RoutedFlowEdge[] = rawEdges.map((edge) => {
    const route = layout.routes.get(edge.id);
    const data: RoutedEdgeData & { blockEdgeKind: BlockEdgeKind } = {
      relation: 'call',
      labels: edge.label ? [edge.label] : [],
      points: route?.points ?? [],
      labelPosition: route?.label ?? null,
      blockEdgeKind: edge.kind,
    };
    return { id: edge.id, type: 'routed', source: edge.source, target: edge.target, data };
  });
  return { nodes, edges };
}

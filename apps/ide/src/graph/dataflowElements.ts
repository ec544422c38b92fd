// The dataflow graph of a program as React Flow elements: ingress, one
// operator per entity class, egress, and one edge per (source, target,
// relation) carrying the methods or attributes it stands for.
import type { Edge, Node } from '@xyflow/react';
import { Position } from '@xyflow/react';
import type { DataflowEdge, ProgramIR } from '@entflow/compiler';
import { layoutGraph } from './layout.ts';
import type { Point } from './layout.ts';

export type Relation = DataflowEdge['relation'];

export interface MethodRow {
  name: string;
  qualifiedName: string;
  isSplit: boolean;
  isTransactional: boolean;
  blockCount: number;
}

export interface OperatorNodeData extends Record<string, unknown> {
  className: string;
  methods: MethodRow[];
  stateAttributes: string[];
}

export interface EndpointNodeData extends Record<string, unknown> {
  role: 'ingress' | 'egress';
}

export interface RoutedEdgeData extends Record<string, unknown> {
  relation: Relation;
  labels: string[];
  points: Point[];
  labelPosition: Point | null;
  /** For an edge from an operator to itself: the loop drawn above the node, as an SVG path. */
  loopPath?: string;
}

export type DataflowFlowNode = Node<OperatorNodeData, 'operator'> | Node<EndpointNodeData, 'endpoint'>;
export type RoutedFlowEdge = Edge<RoutedEdgeData, 'routed'>;

// Nodes carry their size twice: `style` sizes the DOM element, and
// `width`/`height` let React Flow draw edges before it has measured it.
export const OPERATOR_WIDTH = 230;
const OPERATOR_HEADER_HEIGHT = 34;
const METHOD_ROW_HEIGHT = 24;
const OPERATOR_FOOTER_HEIGHT = 30;
const ENDPOINT_SIZE = { width: 96, height: 44 };
const LABEL_CHAR_WIDTH = 6.4;
const LABEL_WIDTH_MAX = 110;

export function operatorNodeId(className: string): string {
  return `op:${className}`;
}

/** Returns the id of the React Flow edge that carries messages of `relation` from one node to another. */
export function dataflowEdgeId(from: string, to: string, relation: Relation): string {
  return `${from}->${to}:${relation}`;
}

function operatorHeight(methodCount: number): number {
  return OPERATOR_HEADER_HEIGHT + methodCount * METHOD_ROW_HEIGHT + OPERATOR_FOOTER_HEIGHT;
}

function nodeIdOf(ir: ProgramIR, dataflowNodeId: string): string {
  const node = ir.dataflow.nodes.find((n) => n.id === dataflowNodeId);
  if (node?.kind === 'operator') return operatorNodeId(node.className);
  return dataflowNodeId;
}

function groupEdges(ir: ProgramIR): Map<string, { from: string; to: string; relation: Relation; labels: string[] }> {
  const groups = new Map<string, { from: string; to: string; relation: Relation; labels: string[] }>();
  for (const edge of ir.dataflow.edges) {
    const from = nodeIdOf(ir, edge.from);
    const to = nodeIdOf(ir, edge.to);
    // A client creating an entity is one more request through the ingress:
    // one edge per operator keeps wide programs readable.
    const relation = from === 'ingress' && edge.relation === 'create' ? 'request' : edge.relation;
    const id = dataflowEdgeId(from, to, relation);
    const group = groups.get(id) ?? { from, to, relation, labels: [] };
    if (!group.labels.includes(edge.label)) group.labels.push(edge.label);
    groups.set(id, group);
  }
  return groups;
}

const LOOP_HEIGHT = 34;
const LOOP_STEP = 26;

/**
 * Computes a loop above a node, for calls from an operator to its own class (another
 * key). Loops of one node nest, each LOOP_STEP pixels higher than the last.
 */
function loopAbove(topLeft: Point, width: number, index: number): { path: string; label: Point } {
  const rise = LOOP_HEIGHT + index * LOOP_STEP;
  const start = topLeft.x + width * (0.7 + index * 0.08);
  const end = topLeft.x + width * (0.3 - index * 0.08);
  const y = topLeft.y;
  return {
    path: `M ${start} ${y} C ${start} ${y - rise * 1.3}, ${end} ${y - rise * 1.3}, ${end} ${y}`,
    label: { x: (start + end) / 2, y: y - rise },
  };
}

function shortLabel(labels: string[]): string {
  // Named methods first: `__init__` says less about an edge than they do.
  const names = labels
    .map((label) => label.slice(label.lastIndexOf('.') + 1))
    .sort((a, b) => Number(a.startsWith('__')) - Number(b.startsWith('__')));
  return names.length <= 1 ? names.join('') : `${names[0]} +${names.length - 1}`;
}

export function buildDataflowElements(ir: ProgramIR): { nodes: DataflowFlowNode[]; edges: RoutedFlowEdge[] } {
  const sizes = new Map<string, { width: number; height: number }>();
  const nodes: DataflowFlowNode[] = [];

  for (const node of ir.dataflow.nodes) {
    if (node.kind === 'operator') {
      const entity = ir.entities.find((e) => e.name === node.className);
      const methods: MethodRow[] = (entity?.methods ?? []).map((method) => ({
        name: method.name,
        qualifiedName: method.qualifiedName,
        isSplit: method.isSplit,
        isTransactional: method.isTransactional,
        blockCount: method.blocks.length,
      }));
      const id = operatorNodeId(node.className);
      const size = { width: OPERATOR_WIDTH, height: operatorHeight(methods.length) };
      sizes.set(id, size);
      nodes.push({
        id,
        type: 'operator',
        position: { x: 0, y: 0 },
        data: { className: node.className, methods, stateAttributes: (entity?.state ?? []).map((s) => s.name) },
        style: size,
        ...size,
        sourcePosition: Position.Right,
        targetPosition: Position.Left,
      });
    } else {
      sizes.set(node.id, ENDPOINT_SIZE);
      nodes.push({
        id: node.id,
        type: 'endpoint',
        position: { x: 0, y: 0 },
        data: { role: node.kind },
        style: ENDPOINT_SIZE,
        ...ENDPOINT_SIZE,
        sourcePosition: Position.Right,
        targetPosition: Position.Left,
        selectable: false,
      });
    }
  }

  const groups = groupEdges(ir);
  const layout = layoutGraph(
    nodes.map((node) => ({ id: node.id, ...(sizes.get(node.id) ?? ENDPOINT_SIZE) })),
    // Self-loops are drawn beside their node, not routed by dagre.
    [...groups].filter(([, group]) => group.from !== group.to).map(([id, group]) => ({
      id,
      source: group.from,
      target: group.to,
      // Capped, so long labels overlap a little instead of pushing ranks apart.
      labelWidth: Math.min(LABEL_WIDTH_MAX, Math.ceil((group.relation.length + shortLabel(group.labels).length + 3) * LABEL_CHAR_WIDTH)),
    })),
  );

  for (const node of nodes) node.position = layout.positions.get(node.id) ?? node.position;

  const loopCounts = new Map<string, number>();
  const edges: RoutedFlowEdge[] = [...groups].map(([id, group]) => {
    const route = layout.routes.get(id);
    let loop: { path: string; label: Point } | null = null;
    if (group.from === group.to) {
      const index = loopCounts.get(group.from) ?? 0;
      loopCounts.set(group.from, index + 1);
      loop = loopAbove(layout.positions.get(group.from) ?? { x: 0, y: 0 }, sizes.get(group.from)?.width ?? OPERATOR_WIDTH, index);
    }
    return {
      id,
      type: 'routed',
      source: group.from,
      target: group.to,
      data: {
        relation: group.relation,
        labels: group.labels,
        points: loop ? [] : (route?.points ?? []),
        labelPosition: loop ? loop.label : (route?.label ?? null),
        loopPath: loop?.path,
      },
    };
  });

  return { nodes, edges };
}

/**
 * A key that changes exactly when the drawn dataflow graph would: edits that
 * leave nodes, edges and method lists alone (most keystrokes) keep the key,
 * so the graph is neither laid out nor rendered again.
 */
export function dataflowKey(ir: ProgramIR): string {
  return JSON.stringify([
    ir.dataflow,
    ir.entities.map((entity) => [
      entity.name,
      entity.state.map((attribute) => attribute.name),
      entity.methods.map((method) => [method.name, method.isSplit, method.isTransactional, method.blocks.length]),
    ]),
  ]);
}

export function formatEdgeLabel(data: RoutedEdgeData): string {
  return `${data.relation} ${shortLabel(data.labels)}`;
}

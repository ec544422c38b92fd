// Layered layout with dagre, left to right unless asked otherwise. Returns top-left corners (React
// Flow's node origin) and, per edge, the polyline dagre routed around nodes.
import dagre from '@dagrejs/dagre';

export interface LayoutNode {
  id: string;
  width: number;
  height: number;
}

export interface LayoutEdge {
  id: string;
  source: string;
  target: string;
  /** Space reserved for the edge label, in pixels; 0 when unlabelled. */
  labelWidth?: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface LayoutResult {
  positions: Map<string, Point>;
  /** Edge id → route from source to target, with the label position last. */
  routes: Map<string, { points: Point[]; label: Point | null }>;
}

export interface LayoutOptions {
  /** Left to right (the dataflow graph) or top to bottom (block graphs, which read like code). */
  direction?: 'LR' | 'TB';
  rankSeparation?: number;
  nodeSeparation?: number;
}

export function layoutGraph(nodes: LayoutNode[], edges: LayoutEdge[], options: LayoutOptions = {}): LayoutResult {
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({
    rankdir: options.direction ?? 'LR',
    ranksep: options.rankSeparation ?? 64,
    nodesep: options.nodeSeparation ?? 36,
    edgesep: 18,
    marginx: 16,
    marginy: 16,
  });
  graph.setDefaultEdgeLabel(() => ({}));

  for (const node of nodes) graph.setNode(node.id, { width: node.width, height: node.height });
  for (const edge of edges) {
    const labelWidth = edge.labelWidth ?? 0;
    graph.setEdge(
      edge.source,
      edge.target,
      { width: labelWidth, height: labelWidth > 0 ? 18 : 0, labelpos: 'c' },
      edge.id,
    );
  }

  dagre.layout(graph);

  const positions = new Map<string, Point>();
  for (const node of nodes) {
    const laid = graph.node(node.id);
    positions.set(node.id, { x: laid.x - node.width / 2, y: laid.y - node.height / 2 });
  }

  const routes = new Map<string, { points: Point[]; label: Point | null }>();
  for (const edge of edges) {
    const laid = graph.edge({ v: edge.source, w: edge.target, name: edge.id });
    const points = (laid?.points ?? []).map((p: Point) => ({ x: p.x, y: p.y }));
    const label = laid && typeof laid.x === 'number' ? { x: laid.x, y: laid.y as number } : null;
    routes.set(edge.id, { points, label });
  }
  return { positions, routes };
}

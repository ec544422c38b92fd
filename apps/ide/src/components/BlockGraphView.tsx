import { memo, useEffect, useMemo } from 'react';
import { Background, Controls, MarkerType, ReactFlow, useReactFlow } from '@xyflow/react';
import type { DefaultEdgeOptions, EdgeTypes, NodeTypes } from '@xyflow/react';
import type { MethodIR } from '@entflow/compiler';
import { buildBlockElements } from '../graph/blockElements.ts';
import { BlockNode } from './BlockNode.tsx';
import { RoutedEdge } from './RoutedEdge.tsx';
import { useSelectionStore } from '../stores/selectionStore.ts';

const NODE_TYPES: NodeTypes = { block: BlockNode };
const EDGE_TYPES: EdgeTypes = { routed: RoutedEdge };
const EDGE_OPTIONS: DefaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed, width: 14, height: 14 } };

function blockGraphKey(method: MethodIR, source: string): string {
  return JSON.stringify(method.blocks) + source.slice(method.span.start, method.span.end);
}

/** Draws one method's block graph; clicking a block highlights its source lines. */
function BlockGraphViewImpl({ method, source }: { method: MethodIR; source: string }) {
  // The method's blocks and its own source text decide the drawing; edits
  // elsewhere in the file keep the elements and skip layout and rendering.
  const key = useMemo(() => blockGraphKey(method, source), [method, source]);
  const { nodes, edges } = useMemo(() => buildBlockElements(method, source), [key]);
  const selectBlock = useSelectionStore((state) => state.selectBlock);
  const { fitView } = useReactFlow();

  useEffect(() => {
    requestAnimationFrame(() => void fitView({ padding: 0.1, maxZoom: 1 }));
  }, [method.qualifiedName, fitView]);

  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={NODE_TYPES}
      edgeTypes={EDGE_TYPES}
      defaultEdgeOptions={EDGE_OPTIONS}
      nodesDraggable={false}
      nodesConnectable={false}
      panActivationKeyCode={null}
      onNodeClick={(_, node) => selectBlock(node.id)}
      onPaneClick={() => selectBlock(null)}
      minZoom={0.2}
      maxZoom={2}
      proOptions={{ hideAttribution: true }}
      data-testid="graph.blocks"
    >
      <Background gap={24} size={1} />
      <Controls showInteractive={false} />
    </ReactFlow>
  );
}

/** Re-renders only when the method's blocks or its own source text change. */
export const BlockGraphView = memo(
  BlockGraphViewImpl,
  (previous, next) => blockGraphKey(previous.method, previous.source) === blockGraphKey(next.method, next.source),
);

import { memo, useEffect, useMemo, useRef } from 'react';
import { Background, Controls, MarkerType, ReactFlow, useReactFlow } from '@xyflow/react';
import type { DefaultEdgeOptions, EdgeTypes, NodeTypes } from '@xyflow/react';
import type { ProgramIR } from '@entflow/compiler';
import { buildDataflowElements, dataflowKey } from '../graph/dataflowElements.ts';
import { OperatorNode } from './OperatorNode.tsx';
import { EndpointNode } from './EndpointNode.tsx';
import { RoutedEdge } from './RoutedEdge.tsx';
import { useEditorStore } from '../stores/editorStore.ts';
import { useMenuStore } from '../stores/menuStore.ts';
import { formatEdgeLabel } from '../graph/dataflowElements.ts';

const NODE_TYPES: NodeTypes = { operator: OperatorNode, endpoint: EndpointNode };
const EDGE_TYPES: EdgeTypes = { routed: RoutedEdge };
const EDGE_OPTIONS: DefaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 } };

/**
 * Draws the program's dataflow graph. The viewport survives recompiles: it is
 * fitted only when the first graph appears and when another program is
 * loaded, never on an ordinary edit.
 */
function DataflowViewImpl({ ir }: { ir: ProgramIR }) {
  const key = useMemo(() => dataflowKey(ir), [ir]);
  // Rebuilt only when the key changes; `ir` then is the program that changed it.
  const { nodes, edges } = useMemo(() => buildDataflowElements(ir), [key]);
  const loadCount = useEditorStore((state) => state.loadCount);
  const { fitView } = useReactFlow();
  const fittedFor = useRef<number>(-1);
  const openFaultMenu = useMenuStore((state) => state.openFaultMenu);

  useEffect(() => {
    if (fittedFor.current === loadCount || nodes.length === 0) return;
    fittedFor.current = loadCount;
    requestAnimationFrame(() => void fitView({ padding: 0.12, maxZoom: 1.1 }));
  }, [loadCount, nodes, fitView]);

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
      onEdgeClick={(event, edge) => {
        if (!edge.data) return;
        openFaultMenu({
          kind: 'edge',
          fromNode: edge.source,
          toNode: edge.target,
          relation: edge.data.relation,
          label: formatEdgeLabel(edge.data),
          x: event.clientX,
          y: event.clientY + 8,
        });
      }}
      minZoom={0.2}
      maxZoom={2}
      proOptions={{ hideAttribution: true }}
      data-testid="graph.dataflow"
    >
      <Background gap={24} size={1} />
      <Controls showInteractive={false} />
    </ReactFlow>
  );
}

/** Re-renders only when the drawn graph would change, not on every compile. */
export const DataflowView = memo(DataflowViewImpl, (previous, next) => previous.ir === next.ir || dataflowKey(previous.ir) === dataflowKey(next.ir));

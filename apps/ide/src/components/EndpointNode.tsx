import { memo } from 'react';
import { Handle, Position } from '@xyflow/react';
import type { Node, NodeProps } from '@xyflow/react';
import type { EndpointNodeData } from '../graph/dataflowElements.ts';
import { useOverlayStore } from '../stores/overlayStore.ts';

function EndpointNodeImpl({ id, data }: NodeProps<Node<EndpointNodeData, 'endpoint'>>) {
  const isActive = useOverlayStore((state) => state.activeNodeId === id);
  return (
    <div
      className={`ef-node ef-endpoint ef-endpoint-${data.role}${isActive ? ' is-active' : ''}`}
      data-testid="graph.node"
      data-node-kind={data.role}
    >
      {data.role === 'egress' && <Handle type="target" position={Position.Left} className="ef-handle" />}
      <span>{data.role}</span>
      {data.role === 'ingress' && <Handle type="source" position={Position.Right} className="ef-handle" />}
    </div>
  );
}

export const EndpointNode = memo(EndpointNodeImpl);

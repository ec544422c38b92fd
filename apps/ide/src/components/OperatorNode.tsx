import { memo } from 'react';
import { Handle, Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import type { Node } from '@xyflow/react';
import type { OperatorNodeData } from '../graph/dataflowElements.ts';
import { useSelectionStore } from '../stores/selectionStore.ts';
import { useOverlayStore } from '../stores/overlayStore.ts';
import { WorkerChips } from './WorkerChips.tsx';

function OperatorNodeImpl({ id, data }: NodeProps<Node<OperatorNodeData, 'operator'>>) {
  const cursorMethod = useSelectionStore((state) => state.cursorMethod);
  const openMethod = useSelectionStore((state) => state.openMethod);
  const isActive = useOverlayStore((state) => state.activeNodeId === id);
  const hasCursor = data.methods.some((method) => method.qualifiedName === cursorMethod);

  return (
    <div
      className={`ef-node ef-operator${hasCursor ? ' has-cursor' : ''}${isActive ? ' is-active' : ''}`}
      data-testid="graph.node"
      data-node-kind="operator"
      data-class-name={data.className}
    >
      <Handle type="target" position={Position.Left} className="ef-handle" />
      <header className="ef-node-header">
        <span className="ef-node-kind">operator</span>
        <span className="ef-node-title">{data.className}</span>
      </header>
      <ul className="ef-method-list">
        {data.methods.map((method) => (
          <li key={method.qualifiedName}>
            <button
              type="button"
              className={`ef-method nodrag${method.qualifiedName === cursorMethod ? ' has-cursor' : ''}`}
              data-testid="graph.method"
              data-method={method.qualifiedName}
              title={`Open the block graph of ${method.qualifiedName} (${method.blockCount} blocks)`}
              onClick={() => openMethod(method.qualifiedName)}
            >
              <span className="ef-method-name">{method.name}</span>
              {method.isTransactional && <span className="chip chip-tx">tx</span>}
              {method.isSplit && (
                <span className="chip chip-split" title="Split at remote calls">
                  {method.blockCount} blocks
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
      <WorkerChips className={data.className} />
      <Handle type="source" position={Position.Right} className="ef-handle" />
    </div>
  );
}

export const OperatorNode = memo(OperatorNodeImpl);

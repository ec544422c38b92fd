import { memo } from 'react';
import { Handle, Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import type { BlockFlowNode } from '../graph/blockElements.ts';
import { useSelectionStore } from '../stores/selectionStore.ts';
import { usePlaybackStore } from '../stores/playbackStore.ts';

function BlockNodeImpl({ data }: NodeProps<BlockFlowNode>) {
  const isSelected = useSelectionStore((state) => state.selectedBlockId === data.blockId);
  const hasCursor = useSelectionStore((state) => state.cursorBlockId === data.blockId);
  const isExecuting = usePlaybackStore((state) => state.executingBlockId === data.blockId);
  const classes = ['ef-node', 'ef-block', `ef-block-${data.terminatorKind}`];
  if (isSelected) classes.push('is-selected');
  if (hasCursor) classes.push('has-cursor');
  if (isExecuting) classes.push('is-active');

  return (
    <div className={classes.join(' ')} data-testid="graph.block" data-block-id={data.blockId}>
      <Handle type="target" position={Position.Top} className="ef-handle" />
      <header className="ef-node-header">
        <span className="ef-node-title">{data.label}</span>
        {data.isEntry && <span className="chip">entry</span>}
        <span className="ef-live" title="Variables live into this block">
          {data.liveIn.length > 0 ? data.liveIn.join(', ') : 'no live variables'}
        </span>
      </header>
      <pre className="ef-block-code">{data.lines.length > 0 ? data.lines.join('\n') : ' '}</pre>
      <footer className={`ef-terminator ef-terminator-${data.terminatorKind}`}>{data.terminator}</footer>
      <Handle type="source" position={Position.Bottom} className="ef-handle" />
    </div>
  );
}

export const BlockNode = memo(BlockNodeImpl);

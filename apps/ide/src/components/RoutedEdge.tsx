import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath } from '@xyflow/react';
import type { EdgeProps } from '@xyflow/react';
import type { Point } from '../graph/layout.ts';
import type { RoutedFlowEdge } from '../graph/dataflowElements.ts';
import { formatEdgeLabel } from '../graph/dataflowElements.ts';
import { useEdgeActivity } from '../hooks/useEdgeActivity.ts';
import { useMenuStore } from '../stores/menuStore.ts';

/** Builds a smooth path through dagre's route, with straight ends and rounded bends. */
function pathThrough(points: Point[]): string {
  const [first, ...rest] = points;
  if (!first) return '';
  let path = `M ${first.x} ${first.y}`;
  for (let i = 0; i < rest.length - 1; i++) {
    const bend = rest[i]!;
    const next = rest[i + 1]!;
    path += ` Q ${bend.x} ${bend.y} ${(bend.x + next.x) / 2} ${(bend.y + next.y) / 2}`;
  }
  const last = rest[rest.length - 1];
  if (last) path += ` L ${last.x} ${last.y}`;
  return path;
}

function RoutedEdgeImpl(props: EdgeProps<RoutedFlowEdge>) {
  const { id, source, target, data, markerEnd, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected } = props;
  const activity = useEdgeActivity(id);
  const openFaultMenu = useMenuStore((state) => state.openFaultMenu);
  if (!data) return null;

  const hasRoute = data.points.length >= 2;
  const [fallbackPath, fallbackX, fallbackY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const path = data.loopPath ?? (hasRoute ? pathThrough(data.points) : fallbackPath);
  const labelPosition = data.labelPosition ?? { x: fallbackX, y: fallbackY };
  const kind = (data.blockEdgeKind as string | undefined) ?? data.relation;
  const label = data.blockEdgeKind ? data.labels.join(', ') : formatEdgeLabel(data);
  const className = ['ef-edge', `ef-edge-${kind}`, selected ? 'is-selected' : '', activity ? 'is-active' : '']
    .filter(Boolean)
    .join(' ');

  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={className} interactionWidth={14} />
      {activity && (
        <circle r={5} className="ef-edge-pulse">
          <animateMotion dur="0.6s" repeatCount="1" fill="freeze" path={path} />
        </circle>
      )}
      {label && (
        <EdgeLabelRenderer>
          <div
            className={`ef-edge-label ef-edge-label-${kind}${activity ? ' is-active' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelPosition.x}px, ${labelPosition.y}px)` }}
            data-testid="graph.edge.label"
            data-edge-id={id}
            title={data.blockEdgeKind ? undefined : `${data.relation}: ${data.labels.join(', ')}\nClick to drop, delay or duplicate the next message on this link.`}
            onClick={(event) => {
              if (data.blockEdgeKind) return;
              openFaultMenu({ kind: 'edge', fromNode: source, toNode: target, relation: data.relation, label, x: event.clientX, y: event.clientY + 8 });
            }}
          >
            {activity ? activity : label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const RoutedEdge = memo(RoutedEdgeImpl);

// Maps the step on screen to what the dataflow graph highlights: the operator
// that runs it and the edge its message arrived on.
import type { MessageKind } from '@entflow/simulator';
import type { StepDetail } from '../workers/simulatorProtocol.ts';
import { dataflowEdgeId, operatorNodeId } from '../graph/dataflowElements.ts';
import type { Relation } from '../graph/dataflowElements.ts';

const LABEL_CHARS_MAX = 48;

function nodeOf(entityOrComponent: string | null): string | null {
  if (!entityOrComponent) return null;
  if (entityOrComponent === 'ingress' || entityOrComponent === 'egress') return entityOrComponent;
  const slash = entityOrComponent.indexOf('/');
  return slash < 0 ? null : operatorNodeId(entityOrComponent.slice(0, slash));
}

function relationOf(kind: MessageKind, fromNode: string, toNode: string): Relation | null {
  switch (kind) {
    case 'invoke':
      return fromNode === 'ingress' ? 'request' : 'call';
    case 'return':
      return toNode === 'egress' ? 'reply' : 'return';
    case 'reply':
      return 'reply';
    case 'construct':
    case 'install':
      return fromNode === 'ingress' ? 'request' : 'create';
    case 'read':
      return 'read';
    default:
      return null;
  }
}

export interface Overlay {
  activeEdgeId: string | null;
  activeEdgeLabel: string | null;
  activeNodeId: string | null;
}

export const EMPTY_OVERLAY: Overlay = { activeEdgeId: null, activeEdgeLabel: null, activeNodeId: null };

export function overlayOf(detail: StepDetail | null): Overlay {
  const event = detail?.event;
  if (!event) return EMPTY_OVERLAY;
  const toNode = nodeOf(event.entity) ?? nodeOf(event.component);
  const fromNode = nodeOf(detail.consumedFrom);
  const message = event.consumed;
  if (!toNode || !fromNode || !message) return { ...EMPTY_OVERLAY, activeNodeId: toNode };

  const relation = relationOf(message.kind, fromNode, toNode);
  const text = message.text.length > LABEL_CHARS_MAX ? `${message.text.slice(0, LABEL_CHARS_MAX - 1)}…` : message.text;
  return {
    activeEdgeId: relation ? dataflowEdgeId(fromNode, toNode, relation) : null,
    activeEdgeLabel: text,
    activeNodeId: toNode,
  };
}

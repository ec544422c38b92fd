// Finds the next message that will cross a dataflow-graph edge, so a click on
// the edge can become a fault on the worker channel that message uses.
import type { Endpoint, MessageKind, TraceEvent } from '@entflow/simulator';
import type { LinkTarget } from '../workers/simulatorProtocol.ts';

const MESSAGE_KINDS_BY_RELATION: Record<string, readonly MessageKind[]> = {
  request: ['invoke'],
  call: ['invoke'],
  return: ['return'],
  create: ['construct', 'install'],
  read: ['read'],
  reply: ['reply'],
};

function classOf(entityId: string | null): string | null {
  if (!entityId) return null;
  const slash = entityId.indexOf('/');
  return slash < 0 ? entityId : entityId.slice(0, slash);
}

/** `worker-3` → 3; `ingress` and `egress` stay; anything else is not a fault endpoint. */
export function toEndpoint(component: string): Endpoint | null {
  if (component === 'ingress' || component === 'egress') return component;
  const match = /^worker-(\d+)$/.exec(component);
  return match ? Number(match[1]) : null;
}

function matchesNode(node: string, component: string, entity: string | null): boolean {
  if (node === 'ingress' || node === 'egress') return component === node;
  return node === `op:${classOf(entity)}`;
}

export function findLinkMessage(
  trace: readonly TraceEvent[],
  afterStep: number,
  fromNode: string,
  toNode: string,
  relation: string,
): LinkTarget | null {
  const kinds = MESSAGE_KINDS_BY_RELATION[relation] ?? [];
  for (let step = Math.max(0, afterStep + 1); step < trace.length; step++) {
    const event = trace[step]!;
    if (!matchesNode(fromNode, event.component, event.entity)) continue;
    for (const message of event.sent) {
      if (!kinds.includes(message.kind)) continue;
      if (!matchesNode(toNode, message.to, message.entity)) continue;
      const from = toEndpoint(message.from);
      const to = toEndpoint(message.to);
      if (from === null || to === null) continue;
      return { from, to, step, text: message.text };
    }
  }
  return null;
}

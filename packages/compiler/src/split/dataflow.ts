// The dataflow graph: ingress, one operator per entity class, egress, and an
// edge for every relation between them that some code can use. Edges are
// listed in source order of their first use and deduplicated by id.

import type { DataflowEdge, DataflowGraph, DataflowNode, EntityIR } from '../ir.ts';

export function buildDataflow(entities: EntityIR[]): DataflowGraph {
  const nodes: DataflowNode[] = [{ id: 'ingress', kind: 'ingress' }];
  for (const entity of entities) nodes.push({ id: entity.name, kind: 'operator', className: entity.name });
  nodes.push({ id: 'egress', kind: 'egress' });

  const edges: DataflowEdge[] = [];
  const seen = new Set<string>();
  const add = (from: string, to: string, relation: DataflowEdge['relation'], label: string): void => {
    const id = `${from}->${to}:${relation}:${label}`;
    if (seen.has(id)) return;
    seen.add(id);
    edges.push({ id, from, to, relation, label });
  };

  // Client requests: creation (through __init__) and every method but __key__.
  for (const entity of entities) {
    add('ingress', entity.name, 'create', `${entity.name}.__init__`);
    add(entity.name, 'egress', 'reply', `${entity.name}.__init__`);
    for (const method of entity.methods) {
      if (method.name === '__init__' || method.name === '__key__') continue;
      add('ingress', entity.name, 'request', method.qualifiedName);
      add(entity.name, 'egress', 'reply', method.qualifiedName);
    }
  }

  // Interactions between entities, from the terminators of split methods.
  for (const entity of entities) {
    for (const method of entity.methods) {
      for (const block of method.blocks) {
        const terminator = block.terminator;
        if (terminator.kind === 'remoteCall') {
          const label = `${terminator.className}.${terminator.method}`;
          add(entity.name, terminator.className, 'call', label);
          add(terminator.className, entity.name, 'return', label);
        } else if (terminator.kind === 'create') {
          const label = `${terminator.className}.__init__`;
          add(entity.name, terminator.className, 'create', label);
          add(terminator.className, entity.name, 'return', label);
        } else if (terminator.kind === 'read') {
          const label = `${terminator.className}.${terminator.attr}`;
          add(entity.name, terminator.className, 'read', label);
          add(terminator.className, entity.name, 'return', label);
        }
      }
    }
  }
  return { nodes, edges };
}

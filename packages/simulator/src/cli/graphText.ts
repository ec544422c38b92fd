// The dataflow graph as Graphviz dot or Mermaid text, for `entflow compile --emit`.

import type { DataflowGraph } from '@entflow/compiler';

function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function toDot(graph: DataflowGraph): string {
  const lines = ['digraph dataflow {', '  rankdir=LR;'];
  for (const node of graph.nodes) {
    const label = node.kind === 'operator' ? node.className : node.kind;
    const shape = node.kind === 'operator' ? 'box' : 'ellipse';
    lines.push(`  ${quote(node.id)} [label=${quote(label)}, shape=${shape}];`);
  }
  for (const edge of graph.edges) {
    lines.push(`  ${quote(edge.from)} -> ${quote(edge.to)} [label=${quote(`${edge.relation} ${edge.label}`)}];`);
  }
  lines.push('}');
  return lines.join('\n');
}

function mermaidId(id: string): string {
  return `n_${id.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

export function toMermaid(graph: DataflowGraph): string {
  const lines = ['flowchart LR'];
  for (const node of graph.nodes) {
    const label = node.kind === 'operator' ? node.className : node.kind;
    lines.push(node.kind === 'operator' ? `  ${mermaidId(node.id)}["${label}"]` : `  ${mermaidId(node.id)}(["${label}"])`);
  }
  for (const edge of graph.edges) {
    lines.push(`  ${mermaidId(edge.from)} -->|"${edge.relation} ${edge.label.replace(/"/g, "'")}"| ${mermaidId(edge.to)}`);
  }
  return lines.join('\n');
}

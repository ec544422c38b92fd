// Graphviz DOT text of the dataflow graph and of split methods' block graphs.

import type { ProgramIR } from '../ir.ts';
import { clustersOf, type GraphView } from './graphModel.ts';

function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Returns one `digraph`; with the `all` view (the default) each graph is a cluster. */
export function emitDot(ir: ProgramIR, view: GraphView = { kind: 'all' }): string {
  const clusters = clustersOf(ir, view);
  const lines = ['digraph entflow {', '  rankdir=LR;', '  node [fontname="monospace", fontsize=10];', '  edge [fontname="monospace", fontsize=9];'];
  for (const cluster of clusters) {
    lines.push(`  subgraph ${quote(`cluster_${cluster.id}`)} {`, `    label=${quote(cluster.title)};`);
    for (const node of cluster.nodes) {
      // `\l` ends a left-justified line in a DOT label.
      const label = node.lines.map((line) => line.replace(/\\/g, '\\\\').replace(/"/g, '\\"')).join('\\l') + '\\l';
      lines.push(`    ${quote(node.id)} [shape=${node.shape}, label="${label}"];`);
    }
    for (const edge of cluster.edges) {
      const style = edge.isDashed ? ', style=dashed' : '';
      lines.push(`    ${quote(edge.from)} -> ${quote(edge.to)} [label=${quote(edge.label)}${style}];`);
    }
    lines.push('  }');
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

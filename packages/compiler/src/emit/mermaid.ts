// Mermaid flowchart text of the dataflow graph and of split methods' block
// graphs, each graph a subgraph of one flowchart.

import type { ProgramIR } from '../ir.ts';
import { clustersOf, type GraphView } from './graphModel.ts';

/**
 * Mermaid label text: quotes, ampersands and angle brackets as entity codes,
 * indentation as non-breaking spaces, lines joined by `<br/>`.
 */
function label(lines: string[]): string {
  const escaped = lines.map((line) => {
    const text = line.replace(/&/g, '#amp;').replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
    const indent = text.length - text.trimStart().length;
    return '#nbsp;'.repeat(indent) + text.trimStart();
  });
  return `"${escaped.join('<br/>')}"`;
}

export function emitMermaid(ir: ProgramIR, view: GraphView = { kind: 'all' }): string {
  const lines = ['flowchart LR'];
  for (const cluster of clustersOf(ir, view)) {
    lines.push(`  subgraph ${cluster.id}[${label([cluster.title])}]`);
    for (const node of cluster.nodes) {
      const text = label(node.lines);
      lines.push(node.shape === 'box' ? `    ${node.id}[${text}]` : `    ${node.id}([${text}])`);
    }
    for (const edge of cluster.edges) {
      const arrow = edge.isDashed ? '-.->' : '-->';
      lines.push(edge.label === '' ? `    ${edge.from} ${arrow} ${edge.to}` : `    ${edge.from} ${arrow}|${label([edge.label])}| ${edge.to}`);
    }
    lines.push('  end');
  }
  return lines.join('\n') + '\n';
}

// Renaming of variables inside an expression, respecting lambdas that bind
// the same name for their own body.

import type { Expr, Node } from '../ast.ts';

/**
 * Returns a copy of `expr` with the names in `mapping` renamed. `onCopy`
 * receives each copied node with its original, so facts recorded about the
 * original (call classification) can be found from the copy.
 */
export function renameNames<T extends Expr>(
  expr: T,
  mapping: ReadonlyMap<string, string>,
  onCopy: (original: Node, copy: Node) => void = () => {},
): T {
  if (mapping.size === 0) return expr;
  return renameValue(expr, mapping, onCopy) as T;
}

function renameValue(value: unknown, mapping: ReadonlyMap<string, string>, onCopy: (original: Node, copy: Node) => void): unknown {
  if (Array.isArray(value)) return value.map((item) => renameValue(item, mapping, onCopy));
  if (value === null || typeof value !== 'object') return value;

  const node = value as Record<string, unknown> & { kind?: string };
  if (node.kind === 'Name') {
    const renamed = mapping.get(node.id as string);
    return renamed === undefined ? node : { ...node, id: renamed };
  }
  if (node.kind === 'Lambda') {
    const args = node.args as { posonlyargs: { arg: string }[]; args: { arg: string }[]; kwonlyargs: { arg: string }[]; vararg: { arg: string } | null; kwarg: { arg: string } | null };
    const bound = [...args.posonlyargs, ...args.args, ...args.kwonlyargs, ...(args.vararg ? [args.vararg] : []), ...(args.kwarg ? [args.kwarg] : [])]
      .map((arg) => arg.arg);
    const inner = new Map([...mapping].filter(([name]) => !bound.includes(name)));
    if (inner.size === 0) return node;
    mapping = inner;
  }

  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(node)) copy[key] = renameValue(node[key], mapping, onCopy);
  if (node.kind !== undefined) onCopy(node as unknown as Node, copy as unknown as Node);
  return copy;
}

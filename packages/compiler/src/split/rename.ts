// Renaming of variables inside an expression, respecting lambdas that bind
// the same name for their own body.

import type { Expr } from '../ast.ts';

export function renameNames<T extends Expr>(expr: T, mapping: ReadonlyMap<string, string>): T {
  if (mapping.size === 0) return expr;
  return renameValue(expr, mapping) as T;
}

function renameValue(value: unknown, mapping: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(value)) return value.map((item) => renameValue(item, mapping));
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
  for (const key of Object.keys(node)) copy[key] = renameValue(node[key], mapping);
  return copy;
}

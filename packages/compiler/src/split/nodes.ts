// Constructors of the synthetic AST nodes that lowering adds (temporaries,
// iterator set-up, pending-completion bookkeeping). Each takes the span of
// the source code it stands for, so blocks keep pointing at real code.

import type { CmpOpKind, Expr, Keyword, Name, Span, Stmt } from '../ast.ts';

function at(span: Span): Span {
  return { start: span.start, end: span.end };
}

export function nameLoad(id: string, span: Span): Name {
  return { kind: 'Name', id, ctx: 'Load', ...at(span) };
}

export function nameStore(id: string, span: Span): Name {
  return { kind: 'Name', id, ctx: 'Store', ...at(span) };
}

export function assignName(id: string, value: Expr, span: Span): Stmt {
  return { kind: 'Assign', targets: [nameStore(id, span)], value, ...at(span) };
}

export function assignTo(target: Expr, value: Expr, span: Span): Stmt {
  return { kind: 'Assign', targets: [target], value, ...at(span) };
}

export function exprStatement(value: Expr, span: Span): Stmt {
  return { kind: 'Expr', value, ...at(span) };
}

export function deleteName(id: string, span: Span): Stmt {
  return { kind: 'Delete', targets: [{ kind: 'Name', id, ctx: 'Del', ...at(span) }], ...at(span) };
}

export function callName(func: string, args: Expr[], span: Span, keywords: Keyword[] = []): Expr {
  return { kind: 'Call', func: nameLoad(func, span), args, keywords, ...at(span) };
}

export function callMethod(receiver: Expr, method: string, args: Expr[], span: Span): Expr {
  return {
    kind: 'Call',
    func: { kind: 'Attribute', value: receiver, attr: method, ctx: 'Load', ...at(span) },
    args,
    keywords: [],
    ...at(span),
  };
}

export function noneConstant(span: Span): Expr {
  return { kind: 'Constant', value: { kind: 'None' }, constKind: null, ...at(span) };
}

export function boolConstant(value: boolean, span: Span): Expr {
  return { kind: 'Constant', value: { kind: 'bool', value }, constKind: null, ...at(span) };
}

export function intConstant(value: number, span: Span): Expr {
  return { kind: 'Constant', value: { kind: 'int', value: String(value) }, constKind: null, ...at(span) };
}

export function compare(left: Expr, op: CmpOpKind, right: Expr, span: Span): Expr {
  return { kind: 'Compare', left, ops: [op], comparators: [right], ...at(span) };
}

export function emptyList(span: Span): Expr {
  return { kind: 'List', elts: [], ctx: 'Load', ...at(span) };
}

export function emptyDict(span: Span): Expr {
  return { kind: 'Dict', keys: [], values: [], ...at(span) };
}

// Generic traversal of AST nodes: the children of a node in CPython's
// evaluation order where it has one (call arguments before keywords, a dict's
// keys and values interleaved).

import type { Expr, Node, Stmt } from '../ast.ts';

export type Visitor = (child: Node) => void;

type ChildVisitors = { [K in Node['kind']]: (node: Extract<Node, { kind: K }>, visit: Visitor) => void };

function visitAll(nodes: readonly Node[], visit: Visitor): void {
  for (let index = 0; index < nodes.length; index++) visit(nodes[index]!);
}

function visitIf(node: Node | null, visit: Visitor): void {
  if (node !== null) visit(node);
}

const noChildren = (): void => {};

/** Child visitors by node kind: a table lookup is faster than a long switch on `kind`. */
const CHILD_VISITORS: ChildVisitors = {
  Module: (node, visit) => visitAll(node.body, visit),
  FunctionDef: (node, visit) => {
    visitAll(node.decorator_list, visit);
    visit(node.args);
    visitIf(node.returns, visit);
    visitAll(node.body, visit);
  },
  AsyncFunctionDef: (node, visit) => {
    visitAll(node.decorator_list, visit);
    visit(node.args);
    visitIf(node.returns, visit);
    visitAll(node.body, visit);
  },
  ClassDef: (node, visit) => {
    visitAll(node.decorator_list, visit);
    visitAll(node.bases, visit);
    visitAll(node.keywords, visit);
    visitAll(node.body, visit);
  },
  Return: (node, visit) => visitIf(node.value, visit),
  Delete: (node, visit) => visitAll(node.targets, visit),
  Assign: (node, visit) => {
    visit(node.value);
    visitAll(node.targets, visit);
  },
  AugAssign: (node, visit) => {
    visit(node.target);
    visit(node.value);
  },
  AnnAssign: (node, visit) => {
    visit(node.annotation);
    visitIf(node.value, visit);
    visit(node.target);
  },
  For: (node, visit) => {
    visit(node.iter);
    visit(node.target);
    visitAll(node.body, visit);
    visitAll(node.orelse, visit);
  },
  AsyncFor: (node, visit) => {
    visit(node.iter);
    visit(node.target);
    visitAll(node.body, visit);
    visitAll(node.orelse, visit);
  },
  While: (node, visit) => {
    visit(node.test);
    visitAll(node.body, visit);
    visitAll(node.orelse, visit);
  },
  If: (node, visit) => {
    visit(node.test);
    visitAll(node.body, visit);
    visitAll(node.orelse, visit);
  },
  With: (node, visit) => {
    visitAll(node.items, visit);
    visitAll(node.body, visit);
  },
  AsyncWith: (node, visit) => {
    visitAll(node.items, visit);
    visitAll(node.body, visit);
  },
  Match: (node, visit) => {
    visit(node.subject);
    visitAll(node.cases, visit);
  },
  Raise: (node, visit) => {
    visitIf(node.exc, visit);
    visitIf(node.cause, visit);
  },
  Try: (node, visit) => {
    visitAll(node.body, visit);
    visitAll(node.handlers, visit);
    visitAll(node.orelse, visit);
    visitAll(node.finalbody, visit);
  },
  TryStar: (node, visit) => {
    visitAll(node.body, visit);
    visitAll(node.handlers, visit);
    visitAll(node.orelse, visit);
    visitAll(node.finalbody, visit);
  },
  Assert: (node, visit) => {
    visit(node.test);
    visitIf(node.msg, visit);
  },
  Import: (node, visit) => visitAll(node.names, visit),
  ImportFrom: (node, visit) => visitAll(node.names, visit),
  Expr: (node, visit) => visit(node.value),
  Global: noChildren,
  Nonlocal: noChildren,
  Pass: noChildren,
  Break: noChildren,
  Continue: noChildren,
  Constant: noChildren,
  Name: noChildren,
  alias: noChildren,
  BoolOp: (node, visit) => visitAll(node.values, visit),
  NamedExpr: (node, visit) => {
    visit(node.value);
    visit(node.target);
  },
  BinOp: (node, visit) => {
    visit(node.left);
    visit(node.right);
  },
  UnaryOp: (node, visit) => visit(node.operand),
  Lambda: (node, visit) => {
    visit(node.args);
    visit(node.body);
  },
  IfExp: (node, visit) => {
    visit(node.test);
    visit(node.body);
    visit(node.orelse);
  },
  Dict: (node, visit) => {
    for (let index = 0; index < node.keys.length; index++) {
      visitIf(node.keys[index]!, visit);
      visit(node.values[index]!);
    }
  },
  Set: (node, visit) => visitAll(node.elts, visit),
  List: (node, visit) => visitAll(node.elts, visit),
  Tuple: (node, visit) => visitAll(node.elts, visit),
  ListComp: (node, visit) => {
    visitAll(node.generators, visit);
    visit(node.elt);
  },
  SetComp: (node, visit) => {
    visitAll(node.generators, visit);
    visit(node.elt);
  },
  GeneratorExp: (node, visit) => {
    visitAll(node.generators, visit);
    visit(node.elt);
  },
  DictComp: (node, visit) => {
    visitAll(node.generators, visit);
    visit(node.key);
    visit(node.value);
  },
  Await: (node, visit) => visit(node.value),
  YieldFrom: (node, visit) => visit(node.value),
  Starred: (node, visit) => visit(node.value),
  Yield: (node, visit) => visitIf(node.value, visit),
  Compare: (node, visit) => {
    visit(node.left);
    visitAll(node.comparators, visit);
  },
  Call: (node, visit) => {
    visit(node.func);
    visitAll(node.args, visit);
    visitAll(node.keywords, visit);
  },
  FormattedValue: (node, visit) => {
    visit(node.value);
    visitIf(node.format_spec, visit);
  },
  JoinedStr: (node, visit) => visitAll(node.values, visit),
  Attribute: (node, visit) => visit(node.value),
  Subscript: (node, visit) => {
    visit(node.value);
    visit(node.slice);
  },
  Slice: (node, visit) => {
    visitIf(node.lower, visit);
    visitIf(node.upper, visit);
    visitIf(node.step, visit);
  },
  comprehension: (node, visit) => {
    visit(node.iter);
    visit(node.target);
    visitAll(node.ifs, visit);
  },
  ExceptHandler: (node, visit) => {
    visitIf(node.type, visit);
    visitAll(node.body, visit);
  },
  arguments: (node, visit) => {
    visitAll(node.posonlyargs, visit);
    visitAll(node.args, visit);
    visitIf(node.vararg, visit);
    visitAll(node.kwonlyargs, visit);
    visitIf(node.kwarg, visit);
    visitAll(node.defaults, visit);
    for (const value of node.kw_defaults) visitIf(value, visit);
  },
  arg: (node, visit) => visitIf(node.annotation, visit),
  keyword: (node, visit) => visit(node.value),
  withitem: (node, visit) => {
    visit(node.context_expr);
    visitIf(node.optional_vars, visit);
  },
  match_case: (node, visit) => {
    visitIf(node.guard, visit);
    visitAll(node.body, visit);
  },
};

/** Calls `visit` on each direct child of `node`. */
export function forEachChild(node: Node, visit: Visitor): void {
  (CHILD_VISITORS[node.kind] as (node: Node, visit: Visitor) => void)(node, visit);
}

export function isStmt(node: Node): node is Stmt {
  return STMT_KINDS.has(node.kind);
}

export function isExpr(node: Node): node is Expr {
  return !STMT_KINDS.has(node.kind) && !HELPER_KINDS.has(node.kind);
}

const STMT_KINDS = new Set<string>([
  'FunctionDef', 'AsyncFunctionDef', 'ClassDef', 'Return', 'Delete', 'Assign', 'AugAssign', 'AnnAssign',
  'For', 'AsyncFor', 'While', 'If', 'With', 'AsyncWith', 'Match', 'Raise', 'Try', 'TryStar', 'Assert',
  'Import', 'ImportFrom', 'Global', 'Nonlocal', 'Expr', 'Pass', 'Break', 'Continue',
]);

const HELPER_KINDS = new Set<string>([
  'Module', 'comprehension', 'ExceptHandler', 'arguments', 'arg', 'keyword', 'alias', 'withitem', 'match_case',
]);

/** Names bound by a store target (`a`, `a, (b, *c)`); attribute and subscript targets bind none. */
export function targetNames(target: Expr, into: string[] = []): string[] {
  switch (target.kind) {
    case 'Name':
      into.push(target.id);
      break;
    case 'Tuple':
    case 'List':
      for (const element of target.elts) targetNames(element, into);
      break;
    case 'Starred':
      targetNames(target.value, into);
      break;
    default:
      break;
  }
  return into;
}

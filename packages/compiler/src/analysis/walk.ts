// Generic traversal of AST nodes: the children of a node in CPython's
// evaluation order where it has one (call arguments before keywords, a dict's
// keys and values interleaved).

import type { Expr, Node, Stmt } from '../ast.ts';

export type Visitor = (child: Node) => void;

/** Calls `visit` on each direct child of `node`. */
export function forEachChild(node: Node, visit: Visitor): void {
  switch (node.kind) {
    case 'Module':
      node.body.forEach(visit);
      return;
    case 'FunctionDef':
    case 'AsyncFunctionDef':
      node.decorator_list.forEach(visit);
      visit(node.args);
      if (node.returns) visit(node.returns);
      node.body.forEach(visit);
      return;
    case 'ClassDef':
      node.decorator_list.forEach(visit);
      node.bases.forEach(visit);
      node.keywords.forEach(visit);
      node.body.forEach(visit);
      return;
    case 'Return':
      if (node.value) visit(node.value);
      return;
    case 'Delete':
      node.targets.forEach(visit);
      return;
    case 'Assign':
      visit(node.value);
      node.targets.forEach(visit);
      return;
    case 'AugAssign':
      visit(node.target);
      visit(node.value);
      return;
    case 'AnnAssign':
      visit(node.annotation);
      if (node.value) visit(node.value);
      visit(node.target);
      return;
    case 'For':
    case 'AsyncFor':
      visit(node.iter);
      visit(node.target);
      node.body.forEach(visit);
      node.orelse.forEach(visit);
      return;
    case 'While':
    case 'If':
      visit(node.test);
      node.body.forEach(visit);
      node.orelse.forEach(visit);
      return;
    case 'With':
    case 'AsyncWith':
      node.items.forEach(visit);
      node.body.forEach(visit);
      return;
    case 'Match':
      visit(node.subject);
      node.cases.forEach(visit);
      return;
    case 'Raise':
      if (node.exc) visit(node.exc);
      if (node.cause) visit(node.cause);
      return;
    case 'Try':
    case 'TryStar':
      node.body.forEach(visit);
      node.handlers.forEach(visit);
      node.orelse.forEach(visit);
      node.finalbody.forEach(visit);
      return;
    case 'Assert':
      visit(node.test);
      if (node.msg) visit(node.msg);
      return;
    case 'Import':
    case 'ImportFrom':
      node.names.forEach(visit);
      return;
    case 'Expr':
      visit(node.value);
      return;
    case 'Global':
    case 'Nonlocal':
    case 'Pass':
    case 'Break':
    case 'Continue':
    case 'Constant':
    case 'Name':
    case 'alias':
      return;
    case 'BoolOp':
      node.values.forEach(visit);
      return;
    case 'NamedExpr':
      visit(node.value);
      visit(node.target);
      return;
    case 'BinOp':
      visit(node.left);
      visit(node.right);
      return;
    case 'UnaryOp':
      visit(node.operand);
      return;
    case 'Lambda':
      visit(node.args);
      visit(node.body);
      return;
    case 'IfExp':
      visit(node.test);
      visit(node.body);
      visit(node.orelse);
      return;
    case 'Dict':
      node.keys.forEach((key, index) => {
        if (key) visit(key);
        visit(node.values[index]!);
      });
      return;
    case 'Set':
    case 'List':
    case 'Tuple':
      node.elts.forEach(visit);
      return;
    case 'ListComp':
    case 'SetComp':
    case 'GeneratorExp':
      node.generators.forEach(visit);
      visit(node.elt);
      return;
    case 'DictComp':
      node.generators.forEach(visit);
      visit(node.key);
      visit(node.value);
      return;
    case 'Await':
    case 'YieldFrom':
    case 'Starred':
      visit(node.value);
      return;
    case 'Yield':
      if (node.value) visit(node.value);
      return;
    case 'Compare':
      visit(node.left);
      node.comparators.forEach(visit);
      return;
    case 'Call':
      visit(node.func);
      node.args.forEach(visit);
      node.keywords.forEach(visit);
      return;
    case 'FormattedValue':
      visit(node.value);
      if (node.format_spec) visit(node.format_spec);
      return;
    case 'JoinedStr':
      node.values.forEach(visit);
      return;
    case 'Attribute':
      visit(node.value);
      return;
    case 'Subscript':
      visit(node.value);
      visit(node.slice);
      return;
    case 'Slice':
      if (node.lower) visit(node.lower);
      if (node.upper) visit(node.upper);
      if (node.step) visit(node.step);
      return;
    case 'comprehension':
      visit(node.iter);
      visit(node.target);
      node.ifs.forEach(visit);
      return;
    case 'ExceptHandler':
      if (node.type) visit(node.type);
      node.body.forEach(visit);
      return;
    case 'arguments':
      node.posonlyargs.forEach(visit);
      node.args.forEach(visit);
      if (node.vararg) visit(node.vararg);
      node.kwonlyargs.forEach(visit);
      if (node.kwarg) visit(node.kwarg);
      node.defaults.forEach(visit);
      node.kw_defaults.forEach((value) => {
        if (value) visit(value);
      });
      return;
    case 'arg':
      if (node.annotation) visit(node.annotation);
      return;
    case 'keyword':
      visit(node.value);
      return;
    case 'withitem':
      visit(node.context_expr);
      if (node.optional_vars) visit(node.optional_vars);
      return;
    case 'match_case':
      if (node.guard) visit(node.guard);
      node.body.forEach(visit);
      return;
  }
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

// Name analysis of method bodies: which names are locals of the function,
// and which locals an expression reads. Nested functions and lambdas read
// their free variables when they run, but they are counted as read where the
// function is defined. That is exact unless the variable is reassigned
// between the definition and a later call.

import type { Expr, FunctionDef, Lambda, Node, Stmt } from '../ast.ts';
import { forEachChild, targetNames } from '../analysis/walk.ts';

/** Names a function body binds (assigned, deleted, imported, defined), not entering nested scopes. */
export function boundNames(body: Stmt[], into: Set<string> = new Set()): Set<string> {
  const visit = (node: Node): void => {
    switch (node.kind) {
      case 'Name':
        if (node.ctx !== 'Load') into.add(node.id);
        return;
      case 'FunctionDef':
      case 'AsyncFunctionDef':
      case 'ClassDef':
        into.add(node.name);
        visitScopeHeader(node, visit);
        return;
      case 'Lambda':
        visitScopeHeader(node, visit);
        return;
      case 'ListComp':
      case 'SetComp':
      case 'GeneratorExp':
      case 'DictComp':
        // Only `:=` inside a comprehension binds in the enclosing function.
        forEachChild(node, (child) => visitWalrusOnly(child, into));
        return;
      case 'ExceptHandler':
        if (node.name !== null) into.add(node.name);
        break;
      case 'Import':
      case 'ImportFrom':
        for (const alias of node.names) if (alias.name !== '*') into.add((alias.asname ?? alias.name).split('.')[0]!);
        return;
      default:
        break;
    }
    forEachChild(node, visit);
  };
  body.forEach(visit);
  return into;
}

function visitWalrusOnly(node: Node, into: Set<string>): void {
  if (node.kind === 'NamedExpr') into.add(node.target.id);
  if (node.kind === 'Lambda' || node.kind === 'FunctionDef') return;
  forEachChild(node, (child) => visitWalrusOnly(child, into));
}

function visitScopeHeader(node: FunctionDef | Lambda | Extract<Node, { kind: 'AsyncFunctionDef' | 'ClassDef' }>, visit: (node: Node) => void): void {
  if (node.kind === 'ClassDef') {
    node.decorator_list.forEach(visit);
    node.bases.forEach(visit);
    return;
  }
  node.args.defaults.forEach(visit);
  node.args.kw_defaults.forEach((value) => value && visit(value));
  if (node.kind !== 'Lambda') node.decorator_list.forEach(visit);
}

/** Names of the parameters of a function or lambda. */
export function parameterNames(node: FunctionDef | Lambda | Extract<Node, { kind: 'AsyncFunctionDef' }>): string[] {
  const args = node.args;
  return [
    ...args.posonlyargs, ...args.args, ...(args.vararg ? [args.vararg] : []), ...args.kwonlyargs, ...(args.kwarg ? [args.kwarg] : []),
  ].map((arg) => arg.arg);
}

/**
 * Adds to `into` the locals (names in `locals`) that evaluating `node` reads.
 * A `del x` counts as a read of `x`, since it fails when `x` is unbound.
 */
export function addReads(node: Node, locals: ReadonlySet<string>, into: Set<string>): void {
  const collector = new ReadCollector(locals, into);
  collector.collect(node);
}

/** Walks one tree with a single visitor function instead of one closure per node. */
class ReadCollector {
  readonly visit: (node: Node) => void;

  constructor(private readonly locals: ReadonlySet<string>, private readonly into: Set<string>) {
    this.visit = (node) => this.collect(node);
  }

  collect(node: Node): void {
    const locals = this.locals;
    const into = this.into;
    switch (node.kind) {
      case 'Name':
        if (node.ctx !== 'Store' && locals.has(node.id)) into.add(node.id);
        return;
      case 'Attribute':
      case 'Call':
      case 'BinOp':
      case 'Compare':
      case 'Constant':
      case 'Subscript':
      case 'Expr':
      case 'Assign':
      case 'AugAssign':
      case 'Return':
      case 'BoolOp':
      case 'UnaryOp':
      case 'keyword':
      case 'JoinedStr':
      case 'FormattedValue':
      case 'Tuple':
      case 'List':
      case 'If':
        forEachChild(node, this.visit);
        return;
      default:
        addReadsInScopes(node, locals, into, this.visit);
    }
  }
}

/** Reads of nodes that may open a scope (lambdas, comprehensions, nested functions). */
function addReadsInScopes(node: Node, locals: ReadonlySet<string>, into: Set<string>, visit: (node: Node) => void): void {
  switch (node.kind) {
    case 'Name':
      if (node.ctx !== 'Store' && locals.has(node.id)) into.add(node.id);
      return;
    case 'Lambda': {
      visitScopeHeader(node, (child) => addReads(child, locals, into));
      const inner = withoutNames(locals, parameterNames(node));
      addReads(node.body, inner, into);
      return;
    }
    case 'FunctionDef':
    case 'AsyncFunctionDef': {
      visitScopeHeader(node, (child) => addReads(child, locals, into));
      const own = boundNames(node.body, new Set(parameterNames(node)));
      const inner = withoutNames(locals, own);
      for (const statement of node.body) addReads(statement, inner, into);
      return;
    }
    case 'ListComp':
    case 'SetComp':
    case 'GeneratorExp':
    case 'DictComp': {
      const own = node.generators.flatMap((generator) => targetNames(generator.target));
      const inner = withoutNames(locals, own);
      node.generators.forEach((generator, index) => {
        addReads(generator.iter, index === 0 ? locals : inner, into);
        addReads(generator.target, inner, into);
        generator.ifs.forEach((condition) => addReads(condition, inner, into));
      });
      if (node.kind === 'DictComp') {
        addReads(node.key, inner, into);
        addReads(node.value, inner, into);
      } else {
        addReads(node.elt, inner, into);
      }
      return;
    }
    default:
      forEachChild(node, visit);
  }
}

function withoutNames(locals: ReadonlySet<string>, names: Iterable<string>): ReadonlySet<string> {
  const removed = [...names].filter((name) => locals.has(name));
  if (removed.length === 0) return locals;
  const copy = new Set(locals);
  for (const name of removed) copy.delete(name);
  return copy;
}

/** Reads of the parts of a store target evaluated before storing (`a[i] = v` reads `a` and `i`). */
export function addTargetReads(target: Expr, locals: ReadonlySet<string>, into: Set<string>): void {
  switch (target.kind) {
    case 'Name':
      return;
    case 'Tuple':
    case 'List':
      target.elts.forEach((element) => addTargetReads(element, locals, into));
      return;
    case 'Starred':
      addTargetReads(target.value, locals, into);
      return;
    case 'Attribute':
      addReads(target.value, locals, into);
      return;
    case 'Subscript':
      addReads(target.value, locals, into);
      addReads(target.slice, locals, into);
      return;
    default:
      addReads(target, locals, into);
  }
}

// The syntax errors CPython 3.11 raises when it compiles a parsed module
// rather than when it parses it: `return`, `yield` and `await` outside a
// function, `break` and `continue` outside a loop, `nonlocal` at module
// level, `yield` inside a comprehension and asynchronous comprehensions
// outside `async def`. `ast.parse` accepts all of these, so `parse` does
// too, and this pass reports them with CPython's messages.

import type { Comprehension, Expr, Node, Stmt } from '../ast.ts';
import { DiagnosticSink } from '../analysis/diagnostics.ts';
import { forEachChild } from '../analysis/walk.ts';
import type { Diagnostic } from '../diagnostic.ts';
import { SyntaxErrorCode } from '../parser/syntaxErrors.ts';

type ScopeKind = 'module' | 'class' | 'function' | 'asyncFunction';

interface Context {
  scope: ScopeKind;
  isInLoop: boolean;
  /** CPython's name of the comprehension whose element or conditions are being visited, or null. */
  comprehension: string | null;
}

const COMPREHENSION_NAMES: Record<string, string> = {
  ListComp: 'list comprehension',
  SetComp: 'set comprehension',
  DictComp: 'dict comprehension',
  GeneratorExp: 'generator expression',
};

/** Reports every compile-time syntax error of `module`'s statements, in source order. */
export function findContextErrors(body: readonly Stmt[], source: string): Diagnostic[] {
  const sink = new DiagnosticSink(source);
  const context: Context = { scope: 'module', isInLoop: false, comprehension: null };
  for (const statement of body) visitNode(statement, context, sink);
  return sink.diagnostics;
}

function visitNode(node: Node, context: Context, sink: DiagnosticSink): void {
  const visitChild = (child: Node): void => visitNode(child, context, sink);
  const report = (message: string, span: Node = node): void => sink.error(SyntaxErrorCode.OutsideContext, message, span);

  switch (node.kind) {
    case 'FunctionDef':
    case 'AsyncFunctionDef': {
      for (const decorator of node.decorator_list) visitChild(decorator);
      visitChild(node.args);
      if (node.returns !== null) visitChild(node.returns);
      const inner: Context = { scope: node.kind === 'FunctionDef' ? 'function' : 'asyncFunction', isInLoop: false, comprehension: null };
      for (const statement of node.body) visitNode(statement, inner, sink);
      return;
    }
    case 'Lambda': {
      visitChild(node.args);
      visitNode(node.body, { scope: 'function', isInLoop: false, comprehension: null }, sink);
      return;
    }
    case 'ClassDef': {
      for (const decorator of node.decorator_list) visitChild(decorator);
      for (const base of node.bases) visitChild(base);
      for (const keyword of node.keywords) visitChild(keyword);
      const inner: Context = { scope: 'class', isInLoop: false, comprehension: null };
      for (const statement of node.body) visitNode(statement, inner, sink);
      return;
    }
    case 'For':
    case 'AsyncFor':
    case 'While': {
      // The `else` clause is not part of the loop: a `break` there leaves an enclosing loop.
      if (node.kind === 'While') visitChild(node.test);
      else {
        visitChild(node.iter);
        visitChild(node.target);
      }
      const inner: Context = { ...context, isInLoop: true };
      for (const statement of node.body) visitNode(statement, inner, sink);
      for (const statement of node.orelse) visitChild(statement);
      return;
    }
    case 'Return':
      if (context.scope === 'module' || context.scope === 'class') report("'return' outside function");
      break;
    case 'Break':
      if (!context.isInLoop) report("'break' outside loop");
      break;
    case 'Continue':
      if (!context.isInLoop) report("'continue' not properly in loop");
      break;
    case 'Nonlocal':
      if (context.scope === 'module') report('nonlocal declaration not allowed at module level');
      break;
    case 'Yield':
    case 'YieldFrom':
      if (context.comprehension !== null) report(`'yield' inside ${context.comprehension}`);
      else if (context.scope === 'module' || context.scope === 'class') report("'yield' outside function");
      else if (node.kind === 'YieldFrom' && context.scope === 'asyncFunction') report("'yield from' inside async function");
      break;
    case 'Await':
      if (context.scope === 'module' || context.scope === 'class') report("'await' outside function");
      else if (context.scope === 'function') report("'await' outside async function");
      break;
    case 'ListComp':
    case 'SetComp':
    case 'DictComp':
    case 'GeneratorExp':
      visitComprehension(node, context, sink);
      return;
    default:
      break;
  }
  forEachChild(node, visitChild);
}

type ComprehensionExpr = Extract<Expr, { kind: 'ListComp' | 'SetComp' | 'DictComp' | 'GeneratorExp' }>;

function visitComprehension(node: ComprehensionExpr, context: Context, sink: DiagnosticSink): void {
  // A list, set or dict comprehension runs at once, so `async for` or `await`
  // in it needs an `async def` around it. A generator expression becomes an
  // asynchronous generator instead.
  if (node.kind !== 'GeneratorExp' && context.scope !== 'asyncFunction' && isAsynchronous(node)) {
    sink.error(SyntaxErrorCode.OutsideContext, 'asynchronous comprehension outside of an asynchronous function', node);
    return;
  }

  // The first iterable is evaluated in the enclosing scope; everything else in the comprehension's own.
  const [first, ...rest] = node.generators;
  visitNode(first!.iter, context, sink);
  const inner: Context = { scope: context.scope, isInLoop: false, comprehension: COMPREHENSION_NAMES[node.kind]! };
  visitNode(first!.target, inner, sink);
  for (const condition of first!.ifs) visitNode(condition, inner, sink);
  for (const generator of rest) visitNode(generator, inner, sink);
  if (node.kind === 'DictComp') {
    visitNode(node.key, inner, sink);
    visitNode(node.value, inner, sink);
  } else {
    visitNode(node.elt, inner, sink);
  }
}

/** Checks whether a comprehension has an `async for` clause or an `await` outside nested scopes. */
function isAsynchronous(node: ComprehensionExpr): boolean {
  if (node.generators.some((generator: Comprehension) => generator.is_async === 1)) return true;
  let hasAwait = false;
  const search = (child: Node): void => {
    if (hasAwait || child.kind === 'Lambda' || child.kind === 'GeneratorExp') return;
    if (child.kind === 'Await') {
      hasAwait = true;
      return;
    }
    forEachChild(child, search);
  };
  const [first, ...rest] = node.generators;
  for (const condition of first!.ifs) search(condition);
  for (const generator of rest) search(generator);
  forEachChild(node, (child) => {
    if (child.kind !== 'comprehension') search(child);
  });
  return hasAwait;
}

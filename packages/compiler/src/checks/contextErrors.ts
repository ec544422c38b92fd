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
  const checker = new ContextChecker(new DiagnosticSink(source));
  for (const statement of body) checker.visit(statement);
  return checker.sink.diagnostics;
}

/**
 * Walks the tree with the current context in a field, saved and restored
 * around scopes and loops, so no closure is made per node: this pass runs on
 * every compile.
 */
class ContextChecker {
  context: Context = { scope: 'module', isInLoop: false, comprehension: null };

  constructor(readonly sink: DiagnosticSink) {}

  readonly visit = (node: Node): void => {
    if (this.checkNode(node)) forEachChild(node, this.visit);
  };

  /** Visits `nodes` in `context`, then restores the current one. */
  visitIn(context: Context, nodes: readonly Node[]): void {
    const saved = this.context;
    this.context = context;
    for (const node of nodes) this.visit(node);
    this.context = saved;
  }

  private report(message: string, span: Node): void {
    this.sink.error(SyntaxErrorCode.OutsideContext, message, span);
  }

  /** Checks one node and visits the children that need another context; returns whether the caller should visit the rest. */
  private checkNode(node: Node): boolean {
    const context = this.context;
    switch (node.kind) {
      case 'FunctionDef':
      case 'AsyncFunctionDef': {
        node.decorator_list.forEach(this.visit);
        this.visit(node.args);
        if (node.returns !== null) this.visit(node.returns);
        const scope = node.kind === 'FunctionDef' ? 'function' : 'asyncFunction';
        this.visitIn({ scope, isInLoop: false, comprehension: null }, node.body);
        return false;
      }
      case 'Lambda':
        this.visit(node.args);
        this.visitIn({ scope: 'function', isInLoop: false, comprehension: null }, [node.body]);
        return false;
      case 'ClassDef':
        node.decorator_list.forEach(this.visit);
        node.bases.forEach(this.visit);
        node.keywords.forEach(this.visit);
        this.visitIn({ scope: 'class', isInLoop: false, comprehension: null }, node.body);
        return false;
      case 'For':
      case 'AsyncFor':
      case 'While':
        if (node.kind === 'While') this.visit(node.test);
        else {
          this.visit(node.iter);
          this.visit(node.target);
        }
        this.visitIn({ ...context, isInLoop: true }, node.body);
        // The `else` clause is not part of the loop: a `break` there leaves an enclosing loop.
        node.orelse.forEach(this.visit);
        return false;
      case 'Return':
        if (context.scope === 'module' || context.scope === 'class') this.report("'return' outside function", node);
        return true;
      case 'Break':
        if (!context.isInLoop) this.report("'break' outside loop", node);
        return false;
      case 'Continue':
        if (!context.isInLoop) this.report("'continue' not properly in loop", node);
        return false;
      case 'Nonlocal':
        if (context.scope === 'module') this.report('nonlocal declaration not allowed at module level', node);
        return false;
      case 'Yield':
      case 'YieldFrom':
        if (context.comprehension !== null) this.report(`'yield' inside ${context.comprehension}`, node);
        else if (context.scope === 'module' || context.scope === 'class') this.report("'yield' outside function", node);
        else if (node.kind === 'YieldFrom' && context.scope === 'asyncFunction') this.report("'yield from' inside async function", node);
        return true;
      case 'Await':
        if (context.scope === 'module' || context.scope === 'class') this.report("'await' outside function", node);
        else if (context.scope === 'function') this.report("'await' outside async function", node);
        return true;
      case 'ListComp':
      case 'SetComp':
      case 'DictComp':
      case 'GeneratorExp':
        this.checkComprehension(node);
        return false;
      default:
        return true;
    }
  }

  private checkComprehension(node: ComprehensionExpr): void {
    const context = this.context;
    // A list, set or dict comprehension runs at once, so `async for` or `await`
    // in it needs an `async def` around it. A generator expression becomes an
    // asynchronous generator instead.
    if (node.kind !== 'GeneratorExp' && context.scope !== 'asyncFunction' && isAsynchronous(node)) {
      this.report('asynchronous comprehension outside of an asynchronous function', node);
      return;
    }

    // The first iterable is evaluated in the enclosing scope; everything else in the comprehension's own.
    const [first, ...rest] = node.generators;
    this.visit(first!.iter);
    const inner: Context = { scope: context.scope, isInLoop: false, comprehension: COMPREHENSION_NAMES[node.kind]! };
    const parts: Node[] = [first!.target, ...first!.ifs, ...rest];
    if (node.kind === 'DictComp') parts.push(node.key, node.value);
    else parts.push(node.elt);
    this.visitIn(inner, parts);
  }
}

type ComprehensionExpr = Extract<Expr, { kind: 'ListComp' | 'SetComp' | 'DictComp' | 'GeneratorExp' }>;

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

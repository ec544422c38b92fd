// Name resolution, done once per compiled body: which names are fast locals
// (array slots of the frame), cells (captured by an inner function), globals
// or class-namespace names, following Python's scoping rules (assignment makes
// a name local, `global`/`nonlocal` override, comprehensions and lambdas are
// scopes of their own, class bodies are skipped by inner scopes).

import type { Arguments, Comprehension, Expr, Node, Stmt } from '@entflow/compiler';

export type ScopeKind = 'module' | 'function' | 'class' | 'comprehension';

export class Scope {
  readonly locals = new Set<string>();
  readonly globals = new Set<string>();
  readonly nonlocals = new Set<string>();
  readonly uses = new Set<string>();
  /** Locals captured by an inner scope; their slot holds a Cell. */
  readonly cells = new Set<string>();
  /** Names this scope takes from an enclosing function scope (slot holds the shared Cell). */
  readonly frees = new Set<string>();
  readonly children: Scope[] = [];
  /** Slot per local/cell/free name of a frame-owning scope; comprehension names get slots of their owner. */
  readonly slots = new Map<string, number>();
  slotCount = 0;

  constructor(readonly kind: ScopeKind, readonly parent: Scope | null, readonly node: Node | null) {
    parent?.children.push(this);
  }

  /** The scope whose frame holds this scope's slots. */
  get owner(): Scope {
    let s: Scope = this;
    while (s.kind === 'comprehension' && s.parent !== null) s = s.parent;
    return s;
  }

  allocate(name: string): number {
    const owner = this.owner;
    const key = this.kind === 'comprehension' ? `${name}#${owner.slotCount}` : name;
    let slot = this.slots.get(name);
    if (slot === undefined) {
      slot = owner.slotCount++;
      this.slots.set(name, slot);
      if (owner !== this) owner.slots.set(key, slot);
    }
    return slot;
  }

  /** A slot for an interpreter temporary in this scope's frame. */
  temp(): number {
    return this.owner.slotCount++;
  }
}

const SKIP_KEYS = new Set(['start', 'end', 'nameSpan', 'patternSpan', 'kind', 'ctx', 'value_kind']);

function isNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null && typeof (v as { kind?: unknown }).kind === 'string';
}

function children(node: Node): Node[] {
  const out: Node[] = [];
  for (const key of Object.keys(node)) {
    if (SKIP_KEYS.has(key)) continue;
    const v = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(v)) {
      for (const x of v) if (isNode(x)) out.push(x);
    } else if (isNode(v)) {
      out.push(v);
    }
  }
  return out;
}

/** Scope builder: records bindings and uses; scope-creating nodes get child scopes. */
export class ScopeBuilder {
  /** Scope created for each function, lambda, class or comprehension node. */
  readonly scopeOf = new Map<Node, Scope>();

  bindTarget(scope: Scope, target: Expr): void {
    switch (target.kind) {
      case 'Name': scope.locals.add(target.id); break;
      case 'Tuple': case 'List': for (const e of target.elts) this.bindTarget(scope, e); break;
      case 'Starred': this.bindTarget(scope, target.value); break;
      default: this.visit(scope, target);
    }
  }

  private visitArguments(scope: Scope, args: Arguments): void {
    for (const d of args.defaults) this.visit(scope, d);
    for (const d of args.kw_defaults) if (d) this.visit(scope, d);
  }

  private bindParams(scope: Scope, args: Arguments): void {
    for (const a of [...args.posonlyargs, ...args.args]) scope.locals.add(a.arg);
    if (args.vararg) scope.locals.add(args.vararg.arg);
    for (const a of args.kwonlyargs) scope.locals.add(a.arg);
    if (args.kwarg) scope.locals.add(args.kwarg.arg);
  }

  private visitComprehension(scope: Scope, node: Node, generators: Comprehension[], elts: Expr[]): void {
    // The first iterable is evaluated in the enclosing scope.
    this.visit(scope, generators[0].iter);
    const inner = new Scope('comprehension', scope, node);
    this.scopeOf.set(node, inner);
    generators.forEach((g, i) => {
      if (i > 0) this.visit(inner, g.iter);
      this.bindTarget(inner, g.target);
      for (const cond of g.ifs) this.visit(inner, cond);
    });
    for (const e of elts) this.visit(inner, e);
  }

  visitBody(scope: Scope, body: Stmt[]): void {
    for (const s of body) this.visit(scope, s);
  }

  visit(scope: Scope, node: Node): void {
    // Block graphs may repeat a node (a `finally` body on several paths): its scopes exist once.
    if (this.scopeOf.has(node)) return;
    switch (node.kind) {
      case 'Name':
        if (node.ctx === 'Load') scope.uses.add(node.id);
        else scope.locals.add(node.id);
        return;
      case 'FunctionDef': case 'AsyncFunctionDef': {
        for (const d of node.decorator_list) this.visit(scope, d);
        this.visitArguments(scope, node.args);
        scope.locals.add(node.name);
        const inner = new Scope('function', scope, node);
        this.scopeOf.set(node, inner);
        this.bindParams(inner, node.args);
        this.visitBody(inner, node.body);
        return;
      }
      case 'Lambda': {
        this.visitArguments(scope, node.args);
        const inner = new Scope('function', scope, node);
        this.scopeOf.set(node, inner);
        this.bindParams(inner, node.args);
        this.visit(inner, node.body);
        return;
      }
      case 'ClassDef': {
        for (const d of node.decorator_list) this.visit(scope, d);
        for (const b of node.bases) this.visit(scope, b);
        for (const k of node.keywords) this.visit(scope, k.value);
        scope.locals.add(node.name);
        const inner = new Scope('class', scope, node);
        this.scopeOf.set(node, inner);
        this.visitBody(inner, node.body);
        return;
      }
      case 'ListComp': case 'SetComp': case 'GeneratorExp':
        this.visitComprehension(scope, node, node.generators, [node.elt]);
        return;
      case 'DictComp':
        this.visitComprehension(scope, node, node.generators, [node.key, node.value]);
        return;
      case 'Global':
        for (const n of node.names) scope.globals.add(n);
        return;
      case 'Nonlocal':
        for (const n of node.names) scope.nonlocals.add(n);
        return;
      case 'NamedExpr': {
        let s = scope;
        while (s.kind === 'comprehension' && s.parent) s = s.parent;
        s.locals.add(node.target.id);
        if (s !== scope) scope.uses.add(node.target.id);
        this.visit(scope, node.value);
        return;
      }
      case 'ExceptHandler':
        if (node.name) scope.locals.add(node.name);
        break;
      case 'Import': case 'ImportFrom':
        for (const a of node.names) {
          if (a.name !== '*') scope.locals.add(a.asname ?? a.name.split('.')[0]);
        }
        return;
      case 'AnnAssign':
        this.bindTarget(scope, node.target);
        if (node.value) this.visit(scope, node.value);
        return;
      default:
        break;
    }
    for (const c of children(node)) this.visit(scope, c);
  }
}

/** Resolve free names and allocate slots for a scope tree (call on the root after building). */
export function resolveScopes(root: Scope): void {
  const visit = (s: Scope): void => {
    for (const n of s.globals) s.locals.delete(n);
    for (const n of s.nonlocals) {
      s.locals.delete(n);
      s.uses.add(n);
    }
    for (const c of s.children) visit(c);
  };
  visit(root);

  // Post-order: a comprehension shares its owner's frame, so its free uses
  // become uses of its parent; a function's free uses capture a cell of the
  // nearest enclosing function that binds the name.
  const capture = (s: Scope, name: string): void => {
    let p = s.parent;
    while (p !== null) {
      if (p.kind === 'module') return;
      if (p.kind === 'function' || p.kind === 'comprehension') {
        if (p.globals.has(name)) return;
        if (p.locals.has(name)) break;
      }
      p = p.parent;
    }
    if (p === null) return;
    p.cells.add(name);
    for (let q: Scope | null = s; q !== null && q !== p; q = q.parent) {
      if (q.kind === 'function' || q.kind === 'class') q.frees.add(name);
    }
  };
  const resolve = (s: Scope): void => {
    for (const c of s.children) resolve(c);
    for (const name of s.uses) {
      if (s.locals.has(name) || s.globals.has(name) || s.kind === 'module') continue;
      if (s.kind === 'comprehension') s.parent?.uses.add(name);
      else capture(s, name);
    }
  };
  resolve(root);

  const allocate = (s: Scope): void => {
    if (s.kind === 'function' || s.kind === 'comprehension') for (const n of s.locals) s.allocate(n);
    for (const n of s.frees) if (!s.locals.has(n)) s.allocate(n);
    for (const c of s.children) allocate(c);
  };
  allocate(root);
}

/** Build and resolve the scope tree of a body. `params` pre-declares locals of a function body. */
export function analyzeBody(kind: ScopeKind, body: Node[], params: string[] = [], extraLocals: string[] = []): { scope: Scope; builder: ScopeBuilder } {
  const builder = new ScopeBuilder();
  const scope = new Scope(kind, null, null);
  for (const p of params) scope.locals.add(p);
  for (const p of extraLocals) scope.locals.add(p);
  for (const n of body) builder.visit(scope, n);
  resolveScopes(scope);
  return { scope, builder };
}

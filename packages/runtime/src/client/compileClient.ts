// The client-script interpreter. Statements and expressions that can reach an
// entity (a call, an attribute access, a function definition) compile to
// generator closures that `yield` each entity interaction to the host; the
// rest compiles with the synchronous closure compiler. Functions defined in
// the client get both a generator entry (called from client code, may
// interact) and a synchronous one (called back by builtins such as sorted()).

import type { Comprehension, Expr, FunctionDef, Keyword, Lambda, Node, Stmt } from '@entflow/compiler';
import { arith, inplace, type BinOpName } from '../arith.ts';
import { callMethod, getAttr, setAttr } from '../attrs.ts';
import { callValue, enterCall } from '../call.ts';
import { truthy } from '../compare.ts';
import { copyAcrossBoundary } from '../copy.ts';
import { exc, PyError, raise } from '../exceptions.ts';
import type { ClientRequest, Resumption } from '../host.ts';
import { binOpName, unbound, type NameRef } from '../interp/compileExpr.ts';
import { caught, exceptionMatches, makeRaisable, setCause, StmtCompiler, withContext, type StmtEnv } from '../interp/compileStmt.ts';
import { handling, toPyError } from '../interp/errors.ts';
import { BREAK, Cell, CONTINUE, Frame, NORMAL, RETURN, type Ev, type Signal } from '../interp/frame.ts';
import { bindArgs, type ParamSpec } from '../interp/params.ts';
import type { Scope, ScopeBuilder } from '../interp/scope.ts';
import { dictSet, getIter, stepLimitError, toArray } from '../iteration.ts';
import { rt } from '../state.ts';
import { getItem, setItem } from '../subscript.ts';
import { typeName } from '../types.ts';
import { PySetTable } from '../setTable.ts';
import {
  DONE, EntityRef, PyBoundMethod, PyBuiltin, PyClass, PyDict, PyFunction, PyInstance, PyIter, PyList, PySet, PyTuple,
  type IterResult, type Kwargs, type Value,
} from '../values.ts';

export type Gen<T> = Generator<ClientRequest, T, Resumption | undefined>;
export type GenEv = (f: Frame) => Gen<Value>;
export type GenExec = (f: Frame) => Gen<Signal>;

// Loops and comprehensions count as impure because they may iterate a client
// generator, whose body may call entities.
const IMPURE = new Set([
  'Call', 'Attribute', 'Lambda', 'FunctionDef', 'ClassDef', 'Await', 'Yield', 'YieldFrom', 'AsyncFunctionDef',
  'For', 'ListComp', 'SetComp', 'DictComp', 'GeneratorExp',
]);

/** Marker a client generator's body yields for a Python `yield`, next to entity requests. */
interface PyYield {
  kind: 'pyYield';
  value: Value;
}

type BodyGen = Generator<ClientRequest | PyYield, Signal, Resumption | undefined>;

/**
 * A generator object of a client function that contains `yield`. Client code
 * advances it with `nextGen` (which passes entity requests through to the
 * host); builtins advance it with the synchronous `next`.
 */
export class ClientGenerator extends PyIter {
  private body: BodyGen | null = null;
  private isDone = false;

  constructor(private readonly start: () => BodyGen, name: string) {
    const holder: { self: ClientGenerator | null } = { self: null };
    super(() => runSync(holder.self!.nextGen(), `generator ${name}()`), 'generator');
    holder.self = this;
  }

  *nextGen(): Gen<IterResult> {
    if (this.isDone) return DONE;
    if (this.body === null) this.body = this.start();
    let reply: Resumption | undefined;
    for (;;) {
      let step: IteratorResult<ClientRequest | PyYield, Signal>;
      try {
        step = this.body.next(reply);
      } catch (e) {
        this.isDone = true;
        throw e;
      }
      if (step.done) {
        this.isDone = true;
        return DONE;
      }
      const y = step.value;
      if (y.kind === 'pyYield') return y.value;
      reply = yield y;
    }
  }
}

/** Items of `v`, advancing a client generator in client code (entity calls allowed). */
function* materialize(v: Value): Gen<Value> {
  if (!(v instanceof ClientGenerator)) return v;
  const items: Value[] = [];
  for (let x = yield* v.nextGen(); x !== DONE; x = yield* v.nextGen()) items.push(x);
  return new PyList(items);
}

function* materializeAll(args: Value[]): Gen<Value[]> {
  if (!args.some((a) => a instanceof ClientGenerator)) return args;
  const out: Value[] = [];
  for (const a of args) out.push(yield* materialize(a));
  return out;
}

/**
 * Build `zip(...)` over a client generator, lazy as in CPython: each tuple takes
 * one item from each argument in turn and the first exhausted one ends it,
 * so later generators are not advanced.
 */
function lazyZip(args: Value[]): ClientGenerator {
  const iterators = args.map((a) => getIter(a));
  return new ClientGenerator(function* () {
    for (;;) {
      const items: Value[] = [];
      for (const it of iterators) {
        const x = yield* nextItem(it);
        if (x === DONE) return NORMAL;
        items.push(x);
      }
      yield { kind: 'pyYield', value: new PyTuple(items) };
    }
  }, 'zip');
}

/** Build `enumerate(gen[, start])` over a client generator, lazy as in CPython. */
function lazyEnumerate(args: Value[]): ClientGenerator {
  if (args.length < 1 || args.length > 2) throw raise(exc.TypeError, `enumerate() takes at most 2 arguments (${args.length} given)`);
  const it = getIter(args[0]);
  let count: Value = args.length === 2 ? args[1] : 0;
  if (typeof count !== 'number' && typeof count !== 'bigint' && typeof count !== 'boolean') {
    throw raise(exc.TypeError, `'${typeName(count)}' object cannot be interpreted as an integer`);
  }
  if (typeof count === 'boolean') count = count ? 1 : 0;
  return new ClientGenerator(function* () {
    for (let x = yield* nextItem(it); x !== DONE; x = yield* nextItem(it)) {
      yield { kind: 'pyYield', value: new PyTuple([count, x]) };
      count = arith('+', count, 1);
    }
    return NORMAL;
  }, 'enumerate');
}

/** Next item of any iterator from client code. */
function* nextItem(it: PyIter): Gen<IterResult> {
  if (it instanceof ClientGenerator) return yield* it.nextGen();
  return it.next();
}

function containsYield(nodes: Node[]): boolean {
  for (const n of nodes) {
    if (n.kind === 'Yield' || n.kind === 'YieldFrom') return true;
    if (n.kind === 'FunctionDef' || n.kind === 'Lambda' || n.kind === 'ClassDef' || n.kind === 'AsyncFunctionDef') continue;
    for (const key of Object.keys(n)) {
      const v = (n as unknown as Record<string, unknown>)[key];
      const items = Array.isArray(v) ? v : [v];
      const children = items.filter((x): x is Node => typeof x === 'object' && x !== null && typeof (x as { kind?: unknown }).kind === 'string');
      if (containsYield(children)) return true;
    }
  }
  return false;
}

const pureCache = new WeakMap<object, boolean>();

/** True when evaluating `node` can never reach an entity or define a function. */
export function isPure(node: Node): boolean {
  const cached = pureCache.get(node);
  if (cached !== undefined) return cached;
  let pure = !IMPURE.has(node.kind);
  if (pure) {
    for (const key of Object.keys(node)) {
      if (key === 'start' || key === 'end') continue;
      const v = (node as unknown as Record<string, unknown>)[key];
      const items = Array.isArray(v) ? v : [v];
      for (const x of items) {
        if (typeof x === 'object' && x !== null && typeof (x as { kind?: unknown }).kind === 'string' && !isPure(x as Node)) {
          pure = false;
          break;
        }
      }
      if (!pure) break;
    }
  }
  pureCache.set(node, pure);
  return pure;
}

function* request(req: ClientRequest): Gen<Value> {
  const reply = yield req;
  if (reply === undefined) throw raise(exc.RuntimeError, 'the host resumed the client without a reply to its request');
  if (reply.kind === 'value') return reply.value;
  const e = reply.exception;
  throw new PyError(e instanceof PyInstance ? e : (makeRaisable(e) as PyInstance));
}

/** Call any callable from client code: entity creation yields, client functions run as generators. */
export function* callGen(callee: Value, args: Value[], kwargs: Kwargs): Gen<Value> {
  if (callee instanceof PyClass && callee.isEntity) {
    const [a, k] = copyAcrossBoundary([args, kwargs ?? []] as [Value[], [string, Value][]]);
    return yield* request({ kind: 'create', className: callee.name, args: a, kwargs: k });
  }
  if (callee instanceof PyFunction && callee.invokeGen !== null) return yield* callee.invokeGen(args, kwargs);
  if (callee instanceof PyBuiltin && callee.name === 'next' && args[0] instanceof ClientGenerator) {
    const x = yield* args[0].nextGen();
    if (x !== DONE) return x;
    if (args.length > 1) return args[1];
    throw raise(exc.StopIteration, '');
  }
  if (callee instanceof PyBuiltin && (callee.name === 'getattr' || callee.name === 'hasattr') && args[0] instanceof EntityRef && typeof args[1] === 'string' && kwargs === null) {
    return yield* remoteGetattr(callee, args[0], args[1], args);
  }
  if (callee instanceof PyBuiltin && (callee.name === 'any' || callee.name === 'all') && args.length === 1 && args[0] instanceof ClientGenerator && kwargs === null) {
    // Stop at the first deciding item, as CPython does: later items may call entities.
    const isAny = callee.name === 'any';
    for (let x = yield* args[0].nextGen(); x !== DONE; x = yield* args[0].nextGen()) {
      if (truthy(x) === isAny) return isAny;
    }
    return !isAny;
  }
  if (callee instanceof PyBuiltin && (callee.name === 'zip' || callee.name === 'enumerate') && kwargs === null && args.some((a) => a instanceof ClientGenerator)) {
    return callee.name === 'zip' ? lazyZip(args) : lazyEnumerate(args);
  }
  if (callee instanceof PyBuiltin || (callee instanceof PyClass && !callee.isEntity)) args = yield* materializeAll(args);
  if (callee instanceof PyBoundMethod) {
    const fn = callee.func;
    // A method read from a reference (`m = ref.method`): calling it calls the entity.
    if (callee.self instanceof EntityRef && fn instanceof PyFunction) return yield* callMethodGen(callee.self, fn.name, args, kwargs);
    if (fn instanceof PyFunction && fn.invokeGen !== null) return yield* fn.invokeGen([callee.self, ...args], kwargs);
  }
  if (callee instanceof PyClass && !callee.isEntity) {
    const init = callee.lookup('__init__');
    if (init instanceof PyFunction && init.invokeGen !== null && !callee.isException) {
      const inst = new PyInstance(callee);
      const r = yield* init.invokeGen([inst, ...args], kwargs);
      if (r !== null) throw raise(exc.TypeError, `__init__() should return None, not '${typeName(r)}'`);
      return inst;
    }
  }
  return callValue(callee, args, kwargs);
}

/** Run `getattr(ref, name[, default])` or `hasattr(ref, name)` on an entity reference as a remote read. */
function* remoteGetattr(callee: PyBuiltin, ref: EntityRef, name: string, args: Value[]): Gen<Value> {
  const builtin = callee.name;
  const hasDefault = builtin === 'getattr' && args.length === 3;
  // A wrong argument count raises the builtin's own TypeError.
  if (args.length > (hasDefault ? 3 : 2)) return callValue(callee, args, null);
  try {
    const value = yield* request({ kind: 'read', target: ref, attr: name });
    return builtin === 'hasattr' ? true : value;
  } catch (e) {
    const isMissing = e instanceof PyError && e.exc.cls.isSubclassOf(exc.AttributeError);
    if (!isMissing) throw e;
    if (builtin === 'hasattr') return false;
    if (hasDefault) return args[2];
    throw e;
  }
}

export function* callMethodGen(obj: Value, name: string, args: Value[], kwargs: Kwargs): Gen<Value> {
  if (obj instanceof EntityRef) {
    const [a, k] = copyAcrossBoundary([args, kwargs ?? []] as [Value[], [string, Value][]]);
    return yield* request({ kind: 'call', target: obj, method: name, args: a, kwargs: k });
  }
  if (obj instanceof PyInstance) {
    const m = obj.attrs.has(name) ? obj.attrs.get(name)! : obj.cls.lookup(name);
    if (m instanceof PyFunction && m.invokeGen !== null) {
      return yield* (obj.attrs.has(name) ? m.invokeGen(args, kwargs) : m.invokeGen([obj, ...args], kwargs));
    }
  }
  if (obj instanceof PyClass && !obj.isEntity) {
    const m = obj.lookup(name);
    if (m instanceof PyFunction && m.invokeGen !== null) return yield* m.invokeGen(args, kwargs);
  }
  return callMethod(obj, name, yield* materializeAll(args), kwargs);
}

/** Drive a generator synchronously; an entity interaction inside is an error. */
export function runSync<T>(gen: Gen<T>, what: string): T {
  const r = gen.next();
  if (r.done) return r.value;
  throw raise(exc.RuntimeError, `${what} tried to ${describe(r.value)} while called back from a builtin (such as sorted(key=...) or map()); call entities only from the client's own statements`);
}

function describe(req: ClientRequest): string {
  switch (req.kind) {
    case 'call': return `call ${req.target.className}.${req.method}()`;
    case 'create': return `create a ${req.className} entity`;
    case 'read': return `read ${req.target.className}.${req.attr}`;
  }
}

export class ClientCompiler extends StmtCompiler {
  constructor(env: StmtEnv, builder: ScopeBuilder) {
    super(env, builder);
  }

  // ---------------------------------------------------------------- expressions

  genExpr(scope: Scope, node: Expr): GenEv {
    if (isPure(node)) {
      const ev = this.expr(scope, node);
      // eslint-disable-next-line require-yield
      return function* (f) { return ev(f); };
    }
    switch (node.kind) {
      case 'Call': return this.genCall(scope, node.func, node.args, node.keywords);
      case 'Attribute': {
        const obj = this.genExpr(scope, node.value);
        const name = node.attr;
        return function* (f) {
          const o = yield* obj(f);
          if (o instanceof EntityRef) return yield* request({ kind: 'read', target: o, attr: name });
          return getAttr(o, name);
        };
      }
      case 'Lambda': return (f) => constGen(this.lambda(scope, node)(f));
      case 'BoolOp': {
        const vs = node.values.map((v) => this.genExpr(scope, v));
        const isAnd = node.op === 'And';
        return function* (f) {
          let v: Value = null;
          for (const g of vs) {
            v = yield* g(f);
            if (truthy(v) !== isAnd) return v;
          }
          return v;
        };
      }
      case 'IfExp': {
        const t = this.genExpr(scope, node.test);
        const a = this.genExpr(scope, node.body);
        const b = this.genExpr(scope, node.orelse);
        return function* (f) { return truthy(yield* t(f)) ? yield* a(f) : yield* b(f); };
      }
      case 'ListComp': case 'SetComp': case 'GeneratorExp': case 'DictComp':
        return this.genComprehension(scope, node);
      case 'Yield': {
        const v = node.value ? this.genExpr(scope, node.value) : null;
        return function* (f) {
          const x = v ? yield* v(f) : null;
          yield { kind: 'pyYield', value: x } as unknown as ClientRequest;
          return null;
        };
      }
      default:
        return this.genGeneric(scope, node);
    }
  }

  /**
   * Any other expression kind: evaluate its impure children first (in source
   * order) into temporaries, then evaluate the node synchronously on them.
   * Binary operators, comparisons, subscripts, displays and f-strings fit
   * this pattern because they evaluate children left to right exactly once.
   */
  private genGeneric(scope: Scope, node: Expr): GenEv {
    const direct = directChildren(node);
    const temps: { slot: number; gen: GenEv }[] = [];
    const replaced = new Map<Node, Expr>();
    for (const child of direct) {
      if (isPure(child) || child.kind === 'Starred' && isPure(child.value)) continue;
      const slot = scope.temp();
      const target = child.kind === 'Starred' ? child.value : child;
      temps.push({ slot, gen: this.genExpr(scope, target) });
      const name = `$t${slot}`;
      const ref: Expr = { kind: 'Name', id: name, ctx: 'Load', start: child.start, end: child.end };
      replaced.set(target, ref);
    }
    const rebuilt = rebuild(node, replaced);
    const compiled = this.expr(scope, rebuilt as Expr);
    return function* (f) {
      for (const t of temps) f.slots[t.slot] = yield* t.gen(f);
      return compiled(f);
    };
  }

  override resolve(scope: Scope, name: string): NameRef {
    if (name.startsWith('$t')) return { kind: 'fast', slot: Number(name.slice(2)) };
    return super.resolve(scope, name);
  }

  private genArgs(scope: Scope, args: Expr[]): (f: Frame) => Gen<Value[]> {
    const parts = args.map((a) => (a.kind === 'Starred' ? { star: true, gen: this.genExpr(scope, a.value) } : { star: false, gen: this.genExpr(scope, a) }));
    return function* (f) {
      const out: Value[] = [];
      for (const p of parts) {
        const v = yield* p.gen(f);
        if (p.star) out.push(...toArray(v));
        else out.push(v);
      }
      return out;
    };
  }

  private genKeywords(scope: Scope, keywords: Keyword[]): ((f: Frame) => Gen<Kwargs>) | null {
    if (keywords.length === 0) return null;
    const parts = keywords.map((k) => ({ name: k.arg, gen: this.genExpr(scope, k.value) }));
    return function* (f) {
      const out: [string, Value][] = [];
      for (const p of parts) {
        const v = yield* p.gen(f);
        if (p.name !== null) out.push([p.name, v]);
        else {
          if (!(v instanceof PyDict)) throw raise(exc.TypeError, `argument after ** must be a mapping, not ${typeName(v)}`);
          for (const e of v.map.values()) out.push([String(e.key), e.value]);
        }
      }
      return out;
    };
  }

  private genCall(scope: Scope, func: Expr, args: Expr[], keywords: Keyword[]): GenEv {
    const argv = this.genArgs(scope, args);
    const kw = this.genKeywords(scope, keywords);
    if (func.kind === 'Attribute') {
      const obj = this.genExpr(scope, func.value);
      const name = func.attr;
      return function* (f) {
        const o = yield* obj(f);
        const a = yield* argv(f);
        const k = kw ? yield* kw(f) : null;
        return yield* callMethodGen(o, name, a, k);
      };
    }
    if (func.kind === 'Name' && func.id === 'super' && args.length === 0) {
      const ev = this.expr(scope, { kind: 'Call', func, args, keywords, start: func.start, end: func.end } as Expr);
      return (f) => constGen(ev(f));
    }
    const fn = this.genExpr(scope, func);
    return function* (f) {
      const callee = yield* fn(f);
      const a = yield* argv(f);
      const k = kw ? yield* kw(f) : null;
      return yield* callGen(callee, a, k);
    };
  }

  private genComprehension(scope: Scope, node: Expr & { generators: Comprehension[] }): GenEv {
    const inner = this.builder.scopeOf.get(node)!;
    const gens = node.generators;
    const first = this.genExpr(scope, gens[0].iter);
    const levels = gens.map((g, i) => ({
      iter: i === 0 ? null : this.genExpr(inner, g.iter),
      store: this.compileStore(inner, g.target),
      conds: g.ifs.map((c) => this.genExpr(inner, c)),
    }));
    const kind = node.kind;
    const elt = kind === 'DictComp' ? null : this.genExpr(inner, (node as { elt: Expr }).elt);
    const key = kind === 'DictComp' ? this.genExpr(inner, (node as unknown as { key: Expr }).key) : null;
    const val = kind === 'DictComp' ? this.genExpr(inner, (node as unknown as { value: Expr }).value) : null;
    const cellSlots = [...inner.cells].map((n) => inner.slots.get(n)!);
    if (kind === 'GeneratorExp') {
      // Lazy, as in CPython: the first iterable is evaluated now, each item
      // (and the entity calls it needs) when the generator is advanced.
      return function* (f) {
        const source = yield* first(f);
        for (const s of cellSlots) f.slots[s] = new Cell(undefined);
        function* produce(level: number, it: Value): Generator<ClientRequest | PyYield, void, Resumption | undefined> {
          const lv = levels[level];
          const iter = getIter(it);
          for (let x = yield* nextItem(iter); x !== DONE; x = yield* nextItem(iter)) {
            if (--rt.budget.remaining < 0) throw stepLimitError();
            lv.store(f, x);
            let ok = true;
            for (const c of lv.conds) if (!truthy(yield* c(f))) { ok = false; break; }
            if (!ok) continue;
            if (level + 1 < levels.length) yield* produce(level + 1, yield* levels[level + 1].iter!(f));
            else yield { kind: 'pyYield', value: yield* elt!(f) };
          }
        }
        const iterator = getIter(source);
        return new ClientGenerator(function* () {
          yield* produce(0, iterator);
          return NORMAL;
        }, '<genexpr>');
      };
    }
    return function* (f) {
      const source = yield* first(f);
      for (const s of cellSlots) f.slots[s] = new Cell(undefined);
      const items: Value[] = [];
      const pairs: [Value, Value][] = [];
      function* loop(level: number, it: Value): Gen<void> {
        const lv = levels[level];
        const iter = getIter(it);
        for (let x = yield* nextItem(iter); x !== DONE; x = yield* nextItem(iter)) {
          if (--rt.budget.remaining < 0) throw stepLimitError();
          lv.store(f, x);
          let ok = true;
          for (const c of lv.conds) if (!truthy(yield* c(f))) { ok = false; break; }
          if (!ok) continue;
          if (level + 1 < levels.length) yield* loop(level + 1, yield* levels[level + 1].iter!(f));
          else if (elt) items.push(yield* elt(f));
          else pairs.push([yield* key!(f), yield* val!(f)]);
        }
      }
      yield* loop(0, source);
      switch (kind) {
        case 'ListComp': return new PyList(items);
        case 'SetComp': {
          const t = new PySetTable();
          for (const x of items) t.add(x);
          return new PySet(t, false);
        }
        case 'DictComp': {
          const d = new PyDict();
          for (const [k, v] of pairs) dictSet(d, k, v);
          return d;
        }
        default:
          return getIter(new PyList(items));
      }
    };
  }

  // ---------------------------------------------------------------- statements

  genBlock(scope: Scope, body: Stmt[]): GenExec {
    const parts = body.map((s) => this.genStmt(scope, s));
    return function* (f) {
      for (const p of parts) {
        if (--rt.budget.remaining < 0) throw stepLimitError();
        const r = yield* p(f);
        if (r !== NORMAL) return r;
      }
      return NORMAL;
    };
  }

  genStmt(scope: Scope, node: Stmt): GenExec {
    if (isPure(node)) {
      const ex = this.stmt(scope, node);
      // eslint-disable-next-line require-yield
      return function* (f) { return ex(f); };
    }
    switch (node.kind) {
      case 'Expr': {
        const v = this.genExpr(scope, node.value);
        return function* (f) { yield* v(f); return NORMAL; };
      }
      case 'Assign': {
        const v = this.genExpr(scope, node.value);
        const stores = node.targets.map((t) => this.genStore(scope, t));
        return function* (f) {
          const x = yield* v(f);
          for (const s of stores) yield* s(f, x);
          return NORMAL;
        };
      }
      case 'AnnAssign': {
        if (node.value === null) return constSignal;
        const v = this.genExpr(scope, node.value);
        const s = this.genStore(scope, node.target);
        return function* (f) { yield* s(f, yield* v(f)); return NORMAL; };
      }
      case 'AugAssign': return this.genAugAssign(scope, node.target, binOpName(node.op), node.value);
      case 'Return': {
        const v = node.value ? this.genExpr(scope, node.value) : null;
        return function* (f) { f.ret = v ? yield* v(f) : null; return RETURN; };
      }
      case 'If': {
        const t = this.genExpr(scope, node.test);
        const a = this.genBlock(scope, node.body);
        const b = this.genBlock(scope, node.orelse);
        return function* (f) { return truthy(yield* t(f)) ? yield* a(f) : yield* b(f); };
      }
      case 'While': {
        const t = this.genExpr(scope, node.test);
        const body = this.genBlock(scope, node.body);
        const orelse = this.genBlock(scope, node.orelse);
        return function* (f) {
          while (truthy(yield* t(f))) {
            if (--rt.budget.remaining < 0) throw stepLimitError();
            const r = yield* body(f);
            if (r === BREAK) return NORMAL;
            if (r === RETURN) return r;
          }
          return yield* orelse(f);
        };
      }
      case 'For': {
        const iter = this.genExpr(scope, node.iter);
        const store = this.genStore(scope, node.target);
        const body = this.genBlock(scope, node.body);
        const orelse = this.genBlock(scope, node.orelse);
        return function* (f) {
          const it = getIter(yield* iter(f));
          for (let x = yield* nextItem(it); x !== DONE; x = yield* nextItem(it)) {
            if (--rt.budget.remaining < 0) throw stepLimitError();
            yield* store(f, x);
            const r = yield* body(f);
            if (r === BREAK) return NORMAL;
            if (r === RETURN) return r;
          }
          return yield* orelse(f);
        };
      }
      case 'Try': return this.genTry(scope, node);
      case 'Raise': {
        const e = node.exc ? this.genExpr(scope, node.exc) : null;
        const c = node.cause ? this.genExpr(scope, node.cause) : null;
        return function* (f) {
          if (e === null) {
            const current = handling[handling.length - 1];
            if (current === undefined) throw raise(exc.RuntimeError, 'No active exception to reraise');
            throw new PyError(current);
          }
          const inst = makeRaisable(yield* e(f));
          if (c) setCause(inst, yield* c(f));
          throw new PyError(inst);
        };
      }
      case 'Assert': {
        const t = this.genExpr(scope, node.test);
        const m = node.msg ? this.genExpr(scope, node.msg) : null;
        return function* (f) {
          if (truthy(yield* t(f))) return NORMAL;
          const args = m ? [yield* m(f)] : [];
          throw new PyError(callValue(exc.AssertionError, args, null) as PyInstance);
        };
      }
      case 'Delete': case 'Import': case 'ImportFrom': case 'FunctionDef': case 'ClassDef': case 'Global': case 'Nonlocal': case 'Pass': case 'Break': case 'Continue': {
        const ex = this.stmt(scope, node);
        // eslint-disable-next-line require-yield
        return function* (f) { return ex(f); };
      }
      default: {
        const ex = this.stmt(scope, node);
        // eslint-disable-next-line require-yield
        return function* (f) { return ex(f); };
      }
    }
  }

  genStore(scope: Scope, target: Expr): (f: Frame, v: Value) => Gen<void> {
    if (isPure(target)) {
      const s = this.compileStore(scope, target);
      // eslint-disable-next-line require-yield
      return function* (f, v) { s(f, v); };
    }
    switch (target.kind) {
      case 'Attribute': {
        const obj = this.genExpr(scope, target.value);
        const name = target.attr;
        return function* (f, v) { setAttr(yield* obj(f), name, v); };
      }
      case 'Subscript': {
        const obj = this.genExpr(scope, target.value);
        const key = this.genExpr(scope, target.slice);
        return function* (f, v) {
          const o = yield* obj(f);
          setItem(o, yield* key(f), v);
        };
      }
      case 'Tuple': case 'List': {
        const stores = target.elts.map((e) => this.genStore(scope, e.kind === 'Starred' ? e.value : e));
        const star = target.elts.findIndex((e) => e.kind === 'Starred');
        const n = target.elts.length;
        return function* (f, v) {
          const items = toArray(v);
          if (star < 0) {
            if (items.length !== n) {
              if (items.length < n) throw raise(exc.ValueError, `not enough values to unpack (expected ${n}, got ${items.length})`);
              throw raise(exc.ValueError, `too many values to unpack (expected ${n})`);
            }
            for (let i = 0; i < n; i++) yield* stores[i](f, items[i]);
            return;
          }
          if (items.length < n - 1) throw raise(exc.ValueError, `not enough values to unpack (expected at least ${n - 1}, got ${items.length})`);
          const after = n - 1 - star;
          for (let i = 0; i < star; i++) yield* stores[i](f, items[i]);
          yield* stores[star](f, new PyList(items.slice(star, items.length - after)));
          for (let i = 0; i < after; i++) yield* stores[star + 1 + i](f, items[items.length - after + i]);
        };
      }
      default: {
        const s = this.compileStore(scope, target);
        // eslint-disable-next-line require-yield
        return function* (f, v) { s(f, v); };
      }
    }
  }

  private genAugAssign(scope: Scope, target: Expr, op: BinOpName, valueNode: Expr): GenExec {
    const value = this.genExpr(scope, valueNode);
    if (target.kind === 'Name') {
      const load = this.loadName(scope, target.id);
      const store = this.storeName(scope, target.id);
      return function* (f) {
        const cur = load(f);
        store(f, inplace(op, cur, yield* value(f)));
        return NORMAL;
      };
    }
    if (target.kind === 'Subscript') {
      const obj = this.genExpr(scope, target.value);
      const key = this.genExpr(scope, target.slice);
      return function* (f) {
        const o = yield* obj(f);
        const k = yield* key(f);
        const cur = getItem(o, k);
        setItem(o, k, inplace(op, cur, yield* value(f)));
        return NORMAL;
      };
    }
    if (target.kind === 'Attribute') {
      const obj = this.genExpr(scope, target.value);
      const name = target.attr;
      return function* (f) {
        const o = yield* obj(f);
        const cur = o instanceof EntityRef ? yield* request({ kind: 'read', target: o, attr: name }) : getAttr(o, name);
        setAttr(o, name, inplace(op, cur, yield* value(f)));
        return NORMAL;
      };
    }
    throw new Error(`invalid augmented assignment target ${target.kind}`);
  }

  private genTry(scope: Scope, node: Stmt & { kind: 'Try' }): GenExec {
    const body = this.genBlock(scope, node.body);
    const handlers = node.handlers.map((h) => ({
      type: h.type ? this.genExpr(scope, h.type) : null,
      body: this.genBlock(scope, h.body),
      store: h.name ? this.storeName(scope, h.name) : null,
      slotName: h.name,
    }));
    const orelse = this.genBlock(scope, node.orelse);
    const finalbody = node.finalbody.length ? this.genBlock(scope, node.finalbody) : null;
    const unbinders = handlers.map((h) => (h.slotName ? this.storeName(scope, h.slotName) : null));
    return function* (f) {
      let r: Signal = NORMAL;
      let pending: PyError | null = null;
      const savedRet = f.ret;
      try {
        let completed = false;
        try {
          r = yield* body(f);
          completed = true;
        } catch (e) {
          const pe = caught(e);
          let handled = false;
          for (let i = 0; i < handlers.length; i++) {
            const h = handlers[i];
            if (h.type !== null && !exceptionMatches(pe.exc, yield* h.type(f))) continue;
            handled = true;
            if (h.store) h.store(f, pe.exc);
            handling.push(pe.exc);
            try {
              r = yield* h.body(f);
            } catch (raised) {
              throw withContext(toPyError(raised), pe.exc);
            } finally {
              handling.pop();
              const u = unbinders[i];
              if (u) u(f, undefined as unknown as Value);
            }
            break;
          }
          if (!handled) throw pe;
        }
        if (completed && r === NORMAL) r = yield* orelse(f);
      } catch (e) {
        if (finalbody === null) throw e;
        pending = toPyError(e);
      }
      if (finalbody !== null) {
        const returned = r === RETURN ? f.ret : savedRet;
        let fr: Signal;
        if (pending === null) {
          fr = yield* finalbody(f);
        } else {
          // While an exception is pending, `finally` runs as a handler of it.
          const handled = pending.exc;
          handling.push(handled);
          try {
            fr = yield* finalbody(f);
          } catch (raised) {
            throw withContext(toPyError(raised), handled);
          } finally {
            handling.pop();
          }
        }
        if (fr !== NORMAL) return fr;
        if (pending !== null) throw pending;
        f.ret = returned;
      }
      return r;
    };
  }

  // ---------------------------------------------------------------- functions

  private makeClientFunction(scope: Scope, node: FunctionDef | Lambda, name: string, body: (inner: Scope) => GenExec): (f: Frame) => PyFunction {
    const inner = this.builder.scopeOf.get(node)!;
    const positional = [...node.args.posonlyargs, ...node.args.args].map((a) => a.arg);
    const baseSpec: ParamSpec = {
      qualname: name,
      positional,
      positionalSlots: positional.map((n) => inner.slots.get(n)!),
      posOnlyCount: node.args.posonlyargs.length,
      defaults: [],
      kwOnly: node.args.kwonlyargs.map((a) => a.arg),
      kwOnlySlots: node.args.kwonlyargs.map((a) => inner.slots.get(a.arg)!),
      kwDefaults: [],
      varargSlot: node.args.vararg ? inner.slots.get(node.args.vararg.arg)! : -1,
      kwargSlot: node.args.kwarg ? inner.slots.get(node.args.kwarg.arg)! : -1,
      selfCount: 0,
    };
    const defaults = this.exprs(scope, node.args.defaults);
    const kwDefaults = node.args.kw_defaults.map((d) => (d ? this.expr(scope, d) : null));
    const run = body(inner);
    const freeNames = [...inner.frees].filter((n) => !inner.locals.has(n));
    const freeSlots = freeNames.map((n) => inner.slots.get(n)!);
    const refs = freeNames.map((n) => this.resolve(scope, n));
    const cellParams = [...inner.cells].filter((n) => inner.locals.has(n)).map((n) => inner.slots.get(n)!);
    const isGenerator = node.kind === 'FunctionDef' && containsYield(node.body);
    return (f) => {
      const spec: ParamSpec = { ...baseSpec, defaults: defaults.map((d) => d(f)), kwDefaults: kwDefaults.map((d) => (d ? d(f) : undefined)) };
      const closure = refs.map((ref) => {
        if (ref.kind === 'cell') return f.slots[ref.slot] as Cell;
        if (ref.kind === 'global') return ref.cell;
        return new Cell(undefined);
      });
      let fn: PyFunction;
      const invokeGen = function* (args: Value[], kwargs: Kwargs): Gen<Value> {
        if (isGenerator) {
          const frame = new Frame(new Array(inner.slotCount), fn);
          spec.qualname = fn.qualname;
          bindArgs(spec, frame.slots, args, kwargs);
          for (let i = 0; i < freeSlots.length; i++) frame.slots[freeSlots[i]] = closure[i];
          for (const s of cellParams) frame.slots[s] = new Cell(frame.slots[s] as Value | undefined);
          return new ClientGenerator(() => run(frame) as BodyGen, fn.qualname);
        }
        enterCall();
        try {
          const frame = new Frame(new Array(inner.slotCount), fn);
          spec.qualname = fn.qualname;
          bindArgs(spec, frame.slots, args, kwargs);
          for (let i = 0; i < freeSlots.length; i++) frame.slots[freeSlots[i]] = closure[i];
          for (const s of cellParams) frame.slots[s] = new Cell(frame.slots[s] as Value | undefined);
          return (yield* run(frame)) === RETURN ? frame.ret : null;
        } finally {
          rt.depth--;
        }
      };
      fn = new PyFunction(name, name, (args, kwargs) => runSync(invokeGen(args, kwargs), `${fn.qualname}()`));
      fn.invokeGen = invokeGen;
      return fn;
    };
  }

  override functionDef(scope: Scope, node: FunctionDef): Ev {
    const make = this.makeClientFunction(scope, node, node.name, (inner) => this.genBlock(inner, node.body));
    const decorators = this.exprs(scope, node.decorator_list);
    return (f) => {
      const decs = decorators.map((d) => d(f));
      let v: Value = make(f);
      for (let i = decs.length - 1; i >= 0; i--) v = callValue(decs[i], [v], null);
      return v;
    };
  }

  override lambda(scope: Scope, node: Lambda): Ev {
    return this.makeClientFunction(scope, node, '<lambda>', (inner) => {
      const v = this.genExpr(inner, node.body);
      return function* (f) { f.ret = yield* v(f); return RETURN; };
    });
  }
}

// eslint-disable-next-line require-yield
function* constGen(v: Value): Gen<Value> { return v; }
// eslint-disable-next-line require-yield
function* constSignal(): Gen<Signal> { return NORMAL; }

function directChildren(node: Node): Expr[] {
  const out: Expr[] = [];
  for (const key of Object.keys(node)) {
    if (key === 'start' || key === 'end' || key === 'kind' || key === 'ctx') continue;
    const v = (node as unknown as Record<string, unknown>)[key];
    const items = Array.isArray(v) ? v : [v];
    for (const x of items) {
      if (typeof x === 'object' && x !== null && typeof (x as { kind?: unknown }).kind === 'string') out.push(x as Expr);
    }
  }
  return out;
}

/** Copy `node`, replacing some direct children (a Starred child keeps its wrapper). */
function rebuild(node: Node, replaced: Map<Node, Expr>): Node {
  const copy: Record<string, unknown> = { ...node };
  for (const key of Object.keys(copy)) {
    const v = copy[key];
    const swap = (x: unknown): unknown => {
      if (typeof x !== 'object' || x === null) return x;
      const r = replaced.get(x as Node);
      if (r) return r;
      const k = (x as { kind?: string }).kind;
      if (k === 'Starred' && replaced.has((x as { value: Node }).value)) return { ...(x as object), value: replaced.get((x as { value: Node }).value) };
      if (k === 'keyword' && replaced.has((x as { value: Node }).value)) return { ...(x as object), value: replaced.get((x as { value: Node }).value) };
      return x;
    };
    copy[key] = Array.isArray(v) ? v.map(swap) : swap(v);
  }
  return copy as unknown as Node;
}

export { unbound };

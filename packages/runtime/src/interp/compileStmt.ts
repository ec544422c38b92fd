// Compiles statements to JS closures `(frame) => Signal`, plus function,
// lambda and class definitions.

import type { Arguments, ClassDef, ExceptHandler, FunctionDef, Lambda, Stmt, Try } from '@entflow/compiler';
import { inplace } from '../arith.ts';
import { delAttr, getAttr, setAttr } from '../attrs.ts';
import { callValue, enterCall } from '../call.ts';
import { truthy } from '../compare.ts';
import { computeMro, exc, objectType, PyError, raise } from '../exceptions.ts';
import { constructPlain } from '../builtins.ts';
import { getIter, rangeLength, stepLimitError } from '../iteration.ts';
import { rt } from '../state.ts';
import { delItem, getItem, setItem } from '../subscript.ts';
import { typeName } from '../types.ts';
import {
  DONE, PyClass, PyFunction, PyInstance, PyList, PyModule, PyRange, PyTuple, type Value,
} from '../values.ts';
import { binOpName, ExprCompiler, nameError, type CompilerEnv, type NameRef } from './compileExpr.ts';
import { handling, toPyError } from './errors.ts';
import { BREAK, Cell, CONTINUE, Frame, NORMAL, RETURN, type Ev, type Exec, type Signal } from './frame.ts';
import { bindArgs, type ParamSpec } from './params.ts';
import type { Scope, ScopeBuilder } from './scope.ts';

export interface StmtEnv extends CompilerEnv {
  /** Modules `import`/`from ... import` can name. */
  modules: Map<string, PyModule>;
}

const noop: Exec = () => NORMAL;

export class StmtCompiler extends ExprCompiler {
  constructor(override readonly env: StmtEnv, builder: ScopeBuilder) {
    super(env, builder);
  }

  block(scope: Scope, body: Stmt[]): Exec {
    const execs = body.map((s) => this.stmt(scope, s));
    const n = execs.length;
    if (n === 0) return noop;
    const budget = () => rt.budget;
    if (n === 1) {
      const e = execs[0];
      return (f) => {
        if (--budget().remaining < 0) throw stepLimitError();
        return e(f);
      };
    }
    return (f) => {
      const b = rt.budget;
      for (let i = 0; i < n; i++) {
        if (--b.remaining < 0) throw stepLimitError();
        const r = execs[i](f);
        if (r !== NORMAL) return r;
      }
      return NORMAL;
    };
  }

  stmt(scope: Scope, node: Stmt): Exec {
    switch (node.kind) {
      case 'Expr': {
        const v = this.expr(scope, node.value);
        return (f) => { v(f); return NORMAL; };
      }
      case 'Assign': {
        const v = this.expr(scope, node.value);
        const stores = node.targets.map((t) => this.compileStore(scope, t));
        if (stores.length === 1) {
          const s = stores[0];
          return (f) => { s(f, v(f)); return NORMAL; };
        }
        return (f) => {
          const x = v(f);
          for (const s of stores) s(f, x);
          return NORMAL;
        };
      }
      case 'AugAssign': return this.augAssign(scope, node.target, node.op, node.value);
      case 'AnnAssign': {
        if (node.value === null) return noop;
        const v = this.expr(scope, node.value);
        const s = this.compileStore(scope, node.target);
        return (f) => { s(f, v(f)); return NORMAL; };
      }
      case 'Return': {
        if (node.value === null) return (f) => { f.ret = null; return RETURN; };
        const v = this.expr(scope, node.value);
        return (f) => { f.ret = v(f); return RETURN; };
      }
      case 'Pass': case 'Global': case 'Nonlocal': return noop;
      case 'Break': return () => BREAK;
      case 'Continue': return () => CONTINUE;
      case 'If': {
        const t = this.expr(scope, node.test);
        const a = this.block(scope, node.body);
        const b = node.orelse.length ? this.block(scope, node.orelse) : noop;
        return (f) => (truthy(t(f)) ? a(f) : b(f));
      }
      case 'While': return this.whileLoop(scope, node.test, node.body, node.orelse);
      case 'For': return this.forLoop(scope, node.target, node.iter, node.body, node.orelse);
      case 'Raise': return this.raiseStmt(scope, node.exc, node.cause);
      case 'Try': return this.tryStmt(scope, node);
      case 'Assert': {
        const t = this.expr(scope, node.test);
        const m = node.msg ? this.expr(scope, node.msg) : null;
        return (f) => {
          if (truthy(t(f))) return NORMAL;
          const cls = exc.AssertionError;
          throw new PyError(callValue(cls, m ? [m(f)] : [], null) as PyInstance);
        };
      }
      case 'Delete': {
        const dels = node.targets.map((t) => this.compileDelete(scope, t));
        return (f) => { for (const d of dels) d(f); return NORMAL; };
      }
      case 'FunctionDef': {
        const make = this.functionDef(scope, node);
        const store = this.storeName(scope, node.name);
        return (f) => { store(f, make(f)); return NORMAL; };
      }
      case 'ClassDef': {
        const make = this.classDef(scope, node);
        const store = this.storeName(scope, node.name);
        return (f) => { store(f, make(f)); return NORMAL; };
      }
      case 'Import': {
        const parts = node.names.map((a) => ({ module: a.name, store: this.storeName(scope, a.asname ?? a.name.split('.')[0]) }));
        return (f) => {
          for (const p of parts) p.store(f, this.importModule(p.module));
          return NORMAL;
        };
      }
      case 'ImportFrom': {
        const modName = node.module ?? '';
        const parts = node.names.filter((a) => a.name !== '*').map((a) => ({ name: a.name, store: this.storeName(scope, a.asname ?? a.name) }));
        return (f) => {
          const m = this.importModule(modName);
          for (const p of parts) {
            const v = m.attrs.get(p.name);
            if (v === undefined) throw raise(exc.ImportError, `cannot import name '${p.name}' from '${modName}'`);
            p.store(f, v);
          }
          return NORMAL;
        };
      }
      default: {
        const kind = node.kind;
        return () => { throw raise(exc.NotImplementedError, `${kind} statements are not supported by the entity language`); };
      }
    }
  }

  private importModule(name: string): PyModule {
    const m = this.env.modules.get(name);
    if (m === undefined) throw raise(exc.ModuleNotFoundError, `No module named '${name}'`);
    return m;
  }

  private augAssign(scope: Scope, target: Stmt extends never ? never : import('@entflow/compiler').Expr, op: string, valueNode: import('@entflow/compiler').Expr): Exec {
    const name = binOpName(op);
    const value = this.expr(scope, valueNode);
    if (target.kind === 'Name') {
      const load = this.loadName(scope, target.id);
      const store = this.storeName(scope, target.id);
      if (name === '+') {
        return (f) => {
          const a = load(f);
          const b = value(f);
          if (typeof a === 'number' && typeof b === 'number') {
            const r = a + b;
            if (r <= Number.MAX_SAFE_INTEGER && r >= -Number.MAX_SAFE_INTEGER) { store(f, r); return NORMAL; }
          }
          store(f, inplace('+', a, b));
          return NORMAL;
        };
      }
      return (f) => { store(f, inplace(name, load(f), value(f))); return NORMAL; };
    }
    if (target.kind === 'Subscript') {
      const obj = this.expr(scope, target.value);
      const key = this.expr(scope, target.slice);
      return (f) => {
        const o = obj(f);
        const k = key(f);
        const cur = getItem(o, k);
        setItem(o, k, inplace(name, cur, value(f)));
        return NORMAL;
      };
    }
    if (target.kind === 'Attribute') {
      const obj = this.expr(scope, target.value);
      const attr = target.attr;
      return (f) => {
        const o = obj(f);
        const cur = getAttr(o, attr);
        setAttr(o, attr, inplace(name, cur, value(f)));
        return NORMAL;
      };
    }
    throw new Error(`invalid augmented assignment target ${target.kind}`);
  }

  private compileDelete(scope: Scope, target: import('@entflow/compiler').Expr): (f: Frame) => void {
    switch (target.kind) {
      case 'Name': {
        const ref = this.resolve(scope, target.id);
        const id = target.id;
        return deleteName(ref, id);
      }
      case 'Subscript': {
        const obj = this.expr(scope, target.value);
        const key = this.expr(scope, target.slice);
        return (f) => { const o = obj(f); delItem(o, key(f)); };
      }
      case 'Attribute': {
        const obj = this.expr(scope, target.value);
        return (f) => delAttr(obj(f), target.attr);
      }
      case 'Tuple': case 'List': {
        const parts = target.elts.map((e) => this.compileDelete(scope, e));
        return (f) => { for (const p of parts) p(f); };
      }
      default:
        throw new Error(`cannot delete ${target.kind}`);
    }
  }

  private whileLoop(scope: Scope, testNode: import('@entflow/compiler').Expr, bodyNodes: Stmt[], orelseNodes: Stmt[]): Exec {
    const test = this.expr(scope, testNode);
    const body = this.block(scope, bodyNodes);
    const orelse = orelseNodes.length ? this.block(scope, orelseNodes) : null;
    return (f) => {
      const b = rt.budget;
      while (truthy(test(f))) {
        if (--b.remaining < 0) throw stepLimitError();
        const r = body(f);
        if (r === BREAK) return NORMAL;
        if (r === RETURN) return r;
      }
      return orelse ? orelse(f) : NORMAL;
    };
  }

  private forLoop(scope: Scope, targetNode: import('@entflow/compiler').Expr, iterNode: import('@entflow/compiler').Expr, bodyNodes: Stmt[], orelseNodes: Stmt[]): Exec {
    const iter = this.expr(scope, iterNode);
    const store = this.compileStore(scope, targetNode);
    const body = this.block(scope, bodyNodes);
    const orelse = orelseNodes.length ? this.block(scope, orelseNodes) : null;
    return (f) => {
      const source = iter(f);
      const b = rt.budget;
      if (source instanceof PyList) {
        const l = source;
        for (let i = 0; i < l.items.length; i++) {
          if (--b.remaining < 0) throw stepLimitError();
          store(f, l.items[i]);
          const r = body(f);
          if (r === BREAK) return NORMAL;
          if (r === RETURN) return r;
        }
      } else if (source instanceof PyRange) {
        const n = rangeLength(source);
        for (let i = 0, x = source.start; i < n; i++, x += source.step) {
          if (--b.remaining < 0) throw stepLimitError();
          store(f, x);
          const r = body(f);
          if (r === BREAK) return NORMAL;
          if (r === RETURN) return r;
        }
      } else {
        const it = getIter(source);
        for (let x = it.next(); x !== DONE; x = it.next()) {
          if (--b.remaining < 0) throw stepLimitError();
          store(f, x);
          const r = body(f);
          if (r === BREAK) return NORMAL;
          if (r === RETURN) return r;
        }
      }
      return orelse ? orelse(f) : NORMAL;
    };
  }

  private raiseStmt(scope: Scope, excNode: import('@entflow/compiler').Expr | null, causeNode: import('@entflow/compiler').Expr | null): Exec {
    if (excNode === null) {
      return () => {
        const current = handling[handling.length - 1];
        if (current === undefined) throw raise(exc.RuntimeError, 'No active exception to reraise');
        throw new PyError(current);
      };
    }
    const ev = this.expr(scope, excNode);
    const cause = causeNode ? this.expr(scope, causeNode) : null;
    return (f) => {
      const inst = makeRaisable(ev(f));
      if (cause) setCause(inst, cause(f));
      throw new PyError(inst);
    };
  }

  tryStmt(scope: Scope, node: Try): Exec {
    const body = this.block(scope, node.body);
    const handlers = node.handlers.map((h) => this.handler(scope, h));
    const orelse = node.orelse.length ? this.block(scope, node.orelse) : null;
    const finalbody = node.finalbody.length ? this.block(scope, node.finalbody) : null;
    const tryExcept: Exec = handlers.length === 0 ? body : (f) => {
      let r: Signal;
      try {
        r = body(f);
      } catch (e) {
        const pe = caught(e);
        for (const h of handlers) {
          if (h.matches(f, pe.exc)) return h.run(f, pe.exc);
        }
        throw pe;
      }
      return r;
    };
    const withElse: Exec = orelse === null ? tryExcept : (f) => {
      let r: Signal;
      let completed = false;
      try {
        r = handlers.length === 0 ? body(f) : (() => { const x = body(f); completed = true; return x; })();
      } catch (e) {
        const pe = caught(e);
        for (const h of handlers) {
          if (h.matches(f, pe.exc)) return h.run(f, pe.exc);
        }
        throw pe;
      }
      if (completed && r === NORMAL) return orelse(f);
      return r;
    };
    if (finalbody === null) return withElse;
    return (f) => {
      let r: Signal = NORMAL;
      let pending: unknown = null;
      let failed = false;
      const savedRet = f.ret;
      try {
        r = withElse(f);
      } catch (e) {
        failed = true;
        pending = e instanceof PyError ? e : e instanceof RangeError ? toPyError(e) : e;
      }
      const returned = r === RETURN ? f.ret : savedRet;
      let fr: Signal;
      if (failed && pending instanceof PyError) {
        // While an exception is pending, `finally` runs as a handler of it:
        // it is the context of new exceptions and what a bare raise re-raises.
        const handled = pending.exc;
        handling.push(handled);
        try {
          fr = finalbody(f);
        } catch (raised) {
          throw withContext(toPyError(raised), handled);
        } finally {
          handling.pop();
        }
      } else {
        fr = finalbody(f);
      }
      if (fr !== NORMAL) return fr;
      if (failed) throw pending;
      f.ret = returned;
      return r;
    };
  }

  private handler(scope: Scope, h: ExceptHandler): { matches: (f: Frame, e: PyInstance) => boolean; run: (f: Frame, e: PyInstance) => Signal } {
    const type = h.type ? this.expr(scope, h.type) : null;
    const body = this.block(scope, h.body);
    const store = h.name ? this.storeName(scope, h.name) : null;
    const unbind = h.name ? deleteName(this.resolve(scope, h.name), h.name, true) : null;
    return {
      matches: (f, e) => (type === null ? true : exceptionMatches(e, type(f))),
      run: (f, e) => {
        if (store) store(f, e);
        handling.push(e);
        try {
          return body(f);
        } catch (raised) {
          throw withContext(toPyError(raised), e);
        } finally {
          handling.pop();
          if (unbind) unbind(f);
        }
      },
    };
  }

  // ---------------------------------------------------------------- functions

  private paramSpec(inner: Scope, args: Arguments, qualname: string, selfCount = 0): { spec: ParamSpec; defaults: Ev[]; kwDefaults: (Ev | null)[] } {
    const positional = [...args.posonlyargs, ...args.args].map((a) => a.arg);
    const spec: ParamSpec = {
      qualname,
      positional,
      positionalSlots: positional.map((n) => inner.slots.get(n)!),
      posOnlyCount: args.posonlyargs.length,
      defaults: [],
      kwOnly: args.kwonlyargs.map((a) => a.arg),
      kwOnlySlots: args.kwonlyargs.map((a) => inner.slots.get(a.arg)!),
      kwDefaults: [],
      varargSlot: args.vararg ? inner.slots.get(args.vararg.arg)! : -1,
      kwargSlot: args.kwarg ? inner.slots.get(args.kwarg.arg)! : -1,
      selfCount,
    };
    return { spec, defaults: [], kwDefaults: [] };
  }

  /** Build a closure creating the function object, evaluating defaults in the defining frame. */
  makeFunction(scope: Scope, node: FunctionDef | Lambda, name: string, runBody: (inner: Scope) => Exec): (f: Frame) => PyFunction {
    const inner = this.builder.scopeOf.get(node)!;
    const qualname = qualifiedName(scope, name);
    const { spec } = this.paramSpec(inner, node.args, qualname);
    const defaultEvs = this.exprs(scope, node.args.defaults);
    const kwDefaultEvs = node.args.kw_defaults.map((d) => (d ? this.expr(scope, d) : null));
    const body = runBody(inner);
    const nslots = () => inner.slotCount;
    const freeNames = [...inner.frees].filter((n) => !inner.locals.has(n));
    const freeSlots = freeNames.map((n) => inner.slots.get(n)!);
    const captureRefs: NameRef[] = freeNames.map((n) => this.resolve(scope, n));
    const cellParams = [...inner.cells].filter((n) => inner.locals.has(n)).map((n) => inner.slots.get(n)!);
    return (f) => {
      const fnSpec: ParamSpec = {
        ...spec,
        defaults: defaultEvs.map((d) => d(f)),
        kwDefaults: kwDefaultEvs.map((d) => (d ? d(f) : undefined)),
      };
      const closure = captureRefs.map((ref) => captureCell(f, ref));
      let fn: PyFunction;
      const invoke = (args: Value[], kwargs: import('../values.ts').Kwargs): Value => {
        enterCall();
        try {
          const frame = new Frame(new Array(nslots()), fn);
          bindArgs(fnSpec, frame.slots, args, kwargs);
          for (let i = 0; i < freeSlots.length; i++) frame.slots[freeSlots[i]] = closure[i];
          for (const s of cellParams) frame.slots[s] = new Cell(frame.slots[s] as Value | undefined);
          return body(frame) === RETURN ? frame.ret : null;
        } finally {
          rt.depth--;
        }
      };
      fn = new PyFunction(name, qualname, invoke);
      return fn;
    };
  }

  functionDef(scope: Scope, node: FunctionDef): Ev {
    const make = this.makeFunction(scope, node, node.name, (inner) => this.block(inner, node.body));
    const decorators = this.exprs(scope, node.decorator_list);
    return (f) => {
      const decs = decorators.map((d) => d(f));
      let v: Value = make(f);
      for (let i = decs.length - 1; i >= 0; i--) v = callValue(decs[i], [v], null);
      return v;
    };
  }

  override lambda(scope: Scope, node: Lambda): Ev {
    return this.makeFunction(scope, node, '<lambda>', (inner) => {
      const v = this.expr(inner, node.body);
      return (f) => { f.ret = v(f); return RETURN; };
    });
  }

  classDef(scope: Scope, node: ClassDef): Ev {
    const inner = this.builder.scopeOf.get(node)!;
    const bases = this.exprs(scope, node.bases);
    const body = this.block(inner, node.body);
    const decorators = this.exprs(scope, node.decorator_list);
    const freeNames = [...inner.frees];
    const freeSlots = freeNames.map((n) => inner.slots.get(n)!);
    const captureRefs = freeNames.map((n) => this.resolve(scope, n));
    const name = node.name;
    return (f) => {
      const decs = decorators.map((d) => d(f));
      const baseValues = bases.map((b) => b(f));
      for (const b of baseValues) {
        if (!(b instanceof PyClass)) throw raise(exc.TypeError, `bases must be types, not ${typeName(b)}`);
      }
      const frame = new Frame(new Array(inner.slotCount), null);
      frame.ns = new Map();
      freeSlots.forEach((s, i) => { frame.slots[s] = captureCell(f, captureRefs[i]); });
      body(frame);
      const baseClasses = baseValues as PyClass[];
      const construct = baseClasses.find((b) => b.construct !== objectType.construct)?.construct ?? constructPlain;
      const cls = new PyClass(name, baseClasses.length ? baseClasses : [objectType], construct);
      cls.mro = computeMro(cls);
      cls.isException = baseClasses.some((b) => b.isException);
      cls.dict.set('__module__', '__main__');
      for (const [k, v] of frame.ns) {
        cls.dict.set(k, v);
        const fn = v instanceof PyFunction ? v : v !== null && typeof v === 'object' && 'func' in v && (v as { func: Value }).func instanceof PyFunction ? (v as { func: PyFunction }).func : null;
        if (fn) {
          fn.definingClass = cls;
          fn.qualname = `${name}.${fn.name}`;
        }
      }
      let result: Value = cls;
      for (let i = decs.length - 1; i >= 0; i--) result = callValue(decs[i], [result], null);
      return result;
    };
  }
}

function qualifiedName(scope: Scope, name: string): string {
  const parts = [name];
  for (let s: Scope | null = scope; s !== null; s = s.parent) {
    if (s.kind === 'class' && s.node && 'name' in s.node) parts.unshift((s.node as ClassDef).name);
    else if (s.kind === 'function' && s.node && 'name' in s.node) {
      parts.unshift('<locals>');
      parts.unshift((s.node as FunctionDef).name);
    }
  }
  return parts.join('.');
}

function captureCell(f: Frame, ref: NameRef): Cell {
  if (ref.kind === 'cell') return f.slots[ref.slot] as Cell;
  // A free name that resolves to a global at the definition site (cannot happen
  // after scope resolution, but keep a working cell).
  if (ref.kind === 'global') return ref.cell;
  return new Cell(undefined);
}

function deleteName(ref: NameRef, id: string, quiet = false): (f: Frame) => void {
  switch (ref.kind) {
    case 'fast':
      return (f) => {
        if (f.slots[ref.slot] === undefined && !quiet) throw raise(exc.UnboundLocalError, `cannot access local variable '${id}' where it is not associated with a value`);
        f.slots[ref.slot] = undefined;
      };
    case 'cell':
      return (f) => {
        const c = f.slots[ref.slot] as Cell;
        if (c.v === undefined && !quiet) throw raise(exc.NameError, `cannot access free variable '${id}' where it is not associated with a value in enclosing scope`);
        c.v = undefined;
      };
    case 'global':
      return () => {
        if (ref.cell.v === undefined && !quiet) nameError(id);
        ref.cell.v = undefined;
      };
    case 'classns':
      return (f) => {
        if (!f.ns!.delete(id) && !quiet) nameError(id);
      };
  }
}

/** `raise ... from cause`: sets __cause__ and __suppress_context__ as CPython does. */
export function setCause(inst: PyInstance, cause: Value): void {
  inst.attrs.set('__cause__', cause === null ? null : makeRaisable(cause));
  inst.attrs.set('__suppress_context__', true);
}

/**
 * Convert an exception caught by a `try` inside an `except` or `finally`
 * block, setting the exception handled there as its __context__ (as CPython
 * does when it is raised), since it never leaves that block.
 */
export function caught(e: unknown): PyError {
  const pe = toPyError(e);
  const handled = handling[handling.length - 1];
  return handled === undefined ? pe : withContext(pe, handled);
}

/** An exception leaving an `except` block gets the handled one as __context__ (implicit chaining). */
export function withContext(pe: PyError, handled: PyInstance): PyError {
  if (pe.exc !== handled && !pe.exc.attrs.has('__context__')) pe.exc.attrs.set('__context__', handled);
  return pe;
}

/** The exception instance `raise v` raises (instantiating a class). */
export function makeRaisable(v: Value): PyInstance {
  if (v instanceof PyClass && v.isException) {
    return callValue(v, [], null) as PyInstance;
  }
  if (v instanceof PyInstance && v.cls.isException) return v;
  throw raise(exc.TypeError, 'exceptions must derive from BaseException');
}

export function exceptionMatches(e: PyInstance, spec: Value): boolean {
  if (spec instanceof PyTuple) return spec.items.some((s) => exceptionMatches(e, s));
  if (!(spec instanceof PyClass) || !spec.isException) {
    throw raise(exc.TypeError, 'catching classes that do not inherit from BaseException is not allowed');
  }
  return e.cls.isSubclassOf(spec);
}

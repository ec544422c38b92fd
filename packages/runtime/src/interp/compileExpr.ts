// Compiles expressions to JS closures `(frame) => Value`, once per node.

import type { Arguments, Comprehension, ConstantValue, Expr, Keyword, Lambda } from '@entflow/compiler';
import { add, arith, mul, negate, positive, invert, sub, type BinOpName } from '../arith.ts';
import { callMethod, getAttr, setAttr } from '../attrs.ts';
import { callValue } from '../call.ts';
import { compare, contains, isSame, truthy } from '../compare.ts';
import { exc, raise } from '../exceptions.ts';
import { formatValue } from '../format.ts';
import { pyEq } from '../hashing.ts';
import { intFromDecimal } from '../ints.ts';
import { checkSize, dictSet, getIter, makeSet, stepLimitError, toArray } from '../iteration.ts';
import { pyRepr, pyStr } from '../repr.ts';
import { PySetTable } from '../setTable.ts';
import { rt } from '../state.ts';
import { getItem, setItem } from '../subscript.ts';
import { typeName } from '../types.ts';
import {
  DONE, PyDict, PyFloat, PyFunction, PyInstance, PyIter, PyList, PySet, PySlice, PySuper, PyTuple, type Kwargs,
  type Value,
} from '../values.ts';
import { Cell, type Ev, type Frame, type Store } from './frame.ts';
import type { Scope, ScopeBuilder } from './scope.ts';

export type NameRef =
  | { kind: 'fast'; slot: number }
  | { kind: 'cell'; slot: number }
  | { kind: 'global'; cell: Cell }
  | { kind: 'classns'; fallback: NameRef };

const BINOP: Record<string, BinOpName> = {
  Add: '+', Sub: '-', Mult: '*', Div: '/', FloorDiv: '//', Mod: '%', Pow: '**',
  LShift: '<<', RShift: '>>', BitOr: '|', BitXor: '^', BitAnd: '&', MatMult: '@',
};

export function binOpName(op: string): BinOpName {
  return BINOP[op];
}

export function unbound(name: string): never {
  throw raise(exc.UnboundLocalError, `cannot access local variable '${name}' where it is not associated with a value`);
}

export function unboundFree(name: string): never {
  throw raise(exc.NameError, `cannot access free variable '${name}' where it is not associated with a value in enclosing scope`);
}

export function nameError(name: string): never {
  throw raise(exc.NameError, `name '${name}' is not defined`);
}

export interface CompilerEnv {
  globals: Map<string, Cell>;
  builtins: Map<string, Value>;
  /** Called for `Cls(...)` of an entity class in synchronous code; returns a replacement call or null. */
}

function globalCell(env: CompilerEnv, name: string): Cell {
  let c = env.globals.get(name);
  if (c === undefined) {
    c = new Cell(undefined);
    env.globals.set(name, c);
  }
  return c;
}

export class ExprCompiler {
  constructor(readonly env: CompilerEnv, readonly builder: ScopeBuilder) {}

  resolve(scope: Scope, name: string): NameRef {
    let s: Scope | null = scope;
    while (s !== null) {
      if (s.kind === 'comprehension') {
        if (s.locals.has(name)) {
          const slot = s.slots.get(name)!;
          return s.cells.has(name) ? { kind: 'cell', slot } : { kind: 'fast', slot };
        }
        s = s.parent;
        while (s !== null && s.kind === 'class') s = s.parent;
        continue;
      }
      if (s.globals.has(name) || s.kind === 'module') return { kind: 'global', cell: globalCell(this.env, name) };
      if (s.kind === 'class') {
        if (s.frees.has(name)) return { kind: 'cell', slot: s.slots.get(name)! };
        const fallback: NameRef = { kind: 'global', cell: globalCell(this.env, name) };
        return s.locals.has(name) ? { kind: 'classns', fallback } : fallback;
      }
      if (s.locals.has(name) || s.frees.has(name)) {
        const slot = s.slots.get(name)!;
        return s.cells.has(name) || s.frees.has(name) ? { kind: 'cell', slot } : { kind: 'fast', slot };
      }
      return { kind: 'global', cell: globalCell(this.env, name) };
    }
    return { kind: 'global', cell: globalCell(this.env, name) };
  }

  loadName(scope: Scope, name: string): Ev {
    return this.loadRef(this.resolve(scope, name), name);
  }

  loadRef(ref: NameRef, name: string): Ev {
    switch (ref.kind) {
      case 'fast': {
        const i = ref.slot;
        return (f) => {
          const v = f.slots[i];
          return v === undefined ? unbound(name) : (v as Value);
        };
      }
      case 'cell': {
        const i = ref.slot;
        return (f) => {
          const v = (f.slots[i] as Cell).v;
          return v === undefined ? unboundFree(name) : v;
        };
      }
      case 'global': {
        const cell = ref.cell;
        const builtins = this.env.builtins;
        return () => {
          const v = cell.v;
          if (v !== undefined) return v;
          const b = builtins.get(name);
          return b === undefined ? nameError(name) : b;
        };
      }
      case 'classns': {
        const fallback = this.loadRef(ref.fallback, name);
        return (f) => {
          const v = f.ns!.get(name);
          return v === undefined ? fallback(f) : v;
        };
      }
    }
  }

  storeName(scope: Scope, name: string): Store {
    const ref = this.resolve(scope, name);
    switch (ref.kind) {
      case 'fast': {
        const i = ref.slot;
        return (f, v) => { f.slots[i] = v; };
      }
      case 'cell': {
        const i = ref.slot;
        return (f, v) => { (f.slots[i] as Cell).v = v; };
      }
      case 'global': {
        const cell = ref.cell;
        return (_f, v) => { cell.v = v; };
      }
      case 'classns':
        return (f, v) => { f.ns!.set(name, v); };
    }
  }

  compileStore(scope: Scope, target: Expr): Store {
    switch (target.kind) {
      case 'Name': return this.storeName(scope, target.id);
      case 'Attribute': {
        const obj = this.expr(scope, target.value);
        const name = target.attr;
        return (f, v) => setAttr(obj(f), name, v);
      }
      case 'Subscript': {
        const obj = this.expr(scope, target.value);
        const key = this.expr(scope, target.slice);
        return (f, v) => {
          const o = obj(f);
          setItem(o, key(f), v);
        };
      }
      case 'Tuple': case 'List': return this.unpackStore(scope, target.elts);
      case 'Starred': throw new Error('starred assignment target must be in a list or tuple');
      default: throw raise(exc.TypeError, `cannot assign to ${target.kind}`);
    }
  }

  private unpackStore(scope: Scope, elts: Expr[]): Store {
    const starIndex = elts.findIndex((e) => e.kind === 'Starred');
    const stores = elts.map((e) => this.compileStore(scope, e.kind === 'Starred' ? e.value : e));
    const n = elts.length;
    return (f, v) => {
      let items: Value[];
      if (v instanceof PyTuple || v instanceof PyList) items = v.items;
      else {
        if (!isIterable(v)) throw raise(exc.TypeError, `cannot unpack non-iterable ${typeName(v)} object`);
        items = toArray(v);
      }
      if (starIndex < 0) {
        if (items.length !== n) {
          if (items.length < n) throw raise(exc.ValueError, `not enough values to unpack (expected ${n}, got ${items.length})`);
          throw raise(exc.ValueError, `too many values to unpack (expected ${n})`);
        }
        if (v instanceof PyList) items = items.slice();
        for (let i = 0; i < n; i++) stores[i](f, items[i]);
        return;
      }
      if (items.length < n - 1) {
        throw raise(exc.ValueError, `not enough values to unpack (expected at least ${n - 1}, got ${items.length})`);
      }
      const after = n - 1 - starIndex;
      const snapshot = items.slice();
      for (let i = 0; i < starIndex; i++) stores[i](f, snapshot[i]);
      stores[starIndex](f, new PyList(snapshot.slice(starIndex, snapshot.length - after)));
      for (let i = 0; i < after; i++) stores[starIndex + 1 + i](f, snapshot[snapshot.length - after + i]);
    };
  }

  exprs(scope: Scope, nodes: Expr[]): Ev[] {
    return nodes.map((n) => this.expr(scope, n));
  }

  /** Evaluate a list that may contain `*starred` items. */
  seqItems(scope: Scope, elts: Expr[]): (f: Frame) => Value[] {
    if (!elts.some((e) => e.kind === 'Starred')) {
      const evs = this.exprs(scope, elts);
      const n = evs.length;
      return (f) => {
        const out = new Array<Value>(n);
        for (let i = 0; i < n; i++) out[i] = evs[i](f);
        return out;
      };
    }
    const parts = elts.map((e) => (e.kind === 'Starred' ? { star: true, ev: this.expr(scope, e.value) } : { star: false, ev: this.expr(scope, e) }));
    return (f) => {
      const out: Value[] = [];
      for (const p of parts) {
        if (p.star) {
          const v = p.ev(f);
          if (!isIterable(v)) throw raise(exc.TypeError, `Value after * must be an iterable, not ${typeName(v)}`);
          for (const x of toArray(v)) out.push(x);
          continue;
        }
        out.push(p.ev(f));
      }
      checkSize(out.length);
      return out;
    };
  }

  /** Evaluate keyword arguments, including `**mapping`. Null when there are none. */
  keywords(scope: Scope, keywords: Keyword[], fname: () => string): ((f: Frame) => Kwargs) | null {
    if (keywords.length === 0) return null;
    const parts = keywords.map((k) => ({ name: k.arg, ev: this.expr(scope, k.value) }));
    return (f) => {
      const out: [string, Value][] = [];
      for (const p of parts) {
        if (p.name !== null) {
          out.push([p.name, p.ev(f)]);
          continue;
        }
        const m = p.ev(f);
        if (!(m instanceof PyDict)) throw raise(exc.TypeError, `${fname()} argument after ** must be a mapping, not ${typeName(m)}`);
        for (const e of m.map.values()) {
          if (typeof e.key !== 'string') throw raise(exc.TypeError, 'keywords must be strings');
          if (out.some(([k]) => k === e.key)) throw raise(exc.TypeError, `${fname()} got multiple values for keyword argument '${e.key}'`);
          out.push([e.key, e.value]);
        }
      }
      return out;
    };
  }

  expr(scope: Scope, node: Expr): Ev {
    switch (node.kind) {
      case 'Constant': return this.constant(node.value);
      case 'Name': return this.loadName(scope, node.id);
      case 'BinOp': return this.binop(scope, node.op, node.left, node.right);
      case 'UnaryOp': {
        const v = this.expr(scope, node.operand);
        switch (node.op) {
          case 'Not': return (f) => !truthy(v(f));
          case 'USub': return (f) => negate(v(f));
          case 'UAdd': return (f) => positive(v(f));
          case 'Invert': return (f) => invert(v(f));
        }
        break;
      }
      case 'BoolOp': {
        const vs = this.exprs(scope, node.values);
        const isAnd = node.op === 'And';
        return (f) => {
          let v: Value = null;
          for (let i = 0; i < vs.length; i++) {
            v = vs[i](f);
            if (truthy(v) !== isAnd) return v;
          }
          return v;
        };
      }
      case 'Compare': return this.compareExpr(scope, node.left, node.ops, node.comparators);
      case 'IfExp': {
        const t = this.expr(scope, node.test);
        const a = this.expr(scope, node.body);
        const b = this.expr(scope, node.orelse);
        return (f) => (truthy(t(f)) ? a(f) : b(f));
      }
      case 'Attribute': {
        const obj = this.expr(scope, node.value);
        const name = node.attr;
        return (f) => getAttr(obj(f), name);
      }
      case 'Subscript': {
        const obj = this.expr(scope, node.value);
        const key = this.expr(scope, node.slice);
        return (f) => {
          const o = obj(f);
          return getItem(o, key(f));
        };
      }
      case 'Slice': {
        const lo = node.lower ? this.expr(scope, node.lower) : null;
        const hi = node.upper ? this.expr(scope, node.upper) : null;
        const st = node.step ? this.expr(scope, node.step) : null;
        return (f) => new PySlice(lo ? lo(f) : null, hi ? hi(f) : null, st ? st(f) : null);
      }
      case 'Call': return this.call(scope, node.func, node.args, node.keywords);
      case 'List': {
        const items = this.seqItems(scope, node.elts);
        return (f) => new PyList(items(f));
      }
      case 'Tuple': {
        const items = this.seqItems(scope, node.elts);
        return (f) => new PyTuple(items(f));
      }
      case 'Set': return this.setDisplay(scope, node.elts);
      case 'Dict': return this.dictDisplay(scope, node.keys, node.values);
      case 'ListComp': {
        const loop = this.comprehension(scope, node, node.generators, (inner) => {
          const e = this.expr(inner, node.elt);
          return (f, acc) => { (acc as Value[]).push(e(f)); };
        });
        return (f) => {
          const acc: Value[] = [];
          loop(f, acc);
          return new PyList(acc);
        };
      }
      case 'SetComp': {
        const loop = this.comprehension(scope, node, node.generators, (inner) => {
          const e = this.expr(inner, node.elt);
          return (f, acc) => { (acc as PySetTable).add(e(f)); };
        });
        return (f) => {
          const t = new PySetTable();
          loop(f, t);
          return new PySet(t, false);
        };
      }
      case 'DictComp': {
        const loop = this.comprehension(scope, node, node.generators, (inner) => {
          const k = this.expr(inner, node.key);
          const v = this.expr(inner, node.value);
          return (f, acc) => {
            const key = k(f);
            dictSet(acc as PyDict, key, v(f));
          };
        });
        return (f) => {
          const d = new PyDict();
          loop(f, d);
          return d;
        };
      }
      case 'GeneratorExp': return this.generatorExp(scope, node, node.generators, node.elt);
      case 'JoinedStr': {
        const parts = this.exprs(scope, node.values);
        return (f) => {
          let s = '';
          for (let i = 0; i < parts.length; i++) s += parts[i](f) as string;
          return s;
        };
      }
      case 'FormattedValue': {
        const v = this.expr(scope, node.value);
        const spec = node.format_spec ? this.expr(scope, node.format_spec) : null;
        const conv = node.conversion;
        return (f) => {
          let x = v(f);
          if (conv === 115) x = pyStr(x);
          else if (conv === 114 || conv === 97) x = pyRepr(x);
          return formatValue(x, spec ? (spec(f) as string) : '');
        };
      }
      case 'NamedExpr': {
        const v = this.expr(scope, node.value);
        const store = this.compileStore(scope, node.target);
        return (f) => {
          const x = v(f);
          store(f, x);
          return x;
        };
      }
      case 'Lambda': return this.lambda(scope, node);
      case 'Starred':
        // The splitter keeps every star inside its display or call, so a
        // starred expression on its own is never valid here.
        return () => { throw raise(exc.TypeError, "can't use starred expression here"); };
      default:
        return () => { throw raise(exc.NotImplementedError, `${node.kind} expressions are not supported by the entity language`); };
    }
    throw new Error('unreachable');
  }

  /** Overridden by the function compiler. */
  lambda(_scope: Scope, _node: Lambda): Ev {
    throw new Error('lambda compiler missing');
  }

  constant(c: ConstantValue): Ev {
    let v: Value;
    switch (c.kind) {
      case 'int': v = intFromDecimal(c.value); break;
      case 'float': v = new PyFloat(c.value); break;
      case 'str': v = c.value; break;
      case 'bool': v = c.value; break;
      case 'None': v = null; break;
      case 'Ellipsis': v = ellipsis.value; break;
      default: {
        const kind = c.kind;
        return () => { throw raise(exc.NotImplementedError, `${kind} literals are not supported by the entity language`); };
      }
    }
    return () => v;
  }

  binop(scope: Scope, op: string, left: Expr, right: Expr): Ev {
    const l = this.expr(scope, left);
    const r = this.expr(scope, right);
    switch (op) {
      case 'Add': return (f) => add(l(f), r(f));
      case 'Sub': return (f) => sub(l(f), r(f));
      case 'Mult': return (f) => mul(l(f), r(f));
      case 'Mod': return (f) => {
        const a = l(f);
        const b = r(f);
        if (typeof a === 'number' && typeof b === 'number' && a >= 0 && b > 0) return a % b;
        return arith('%', a, b);
      };
      case 'FloorDiv': return (f) => {
        const a = l(f);
        const b = r(f);
        if (typeof a === 'number' && typeof b === 'number' && a >= 0 && b > 0) return Math.floor(a / b);
        return arith('//', a, b);
      };
      default: {
        const name = BINOP[op];
        return (f) => arith(name, l(f), r(f));
      }
    }
  }

  compareExpr(scope: Scope, left: Expr, ops: string[], comparators: Expr[]): Ev {
    const l = this.expr(scope, left);
    const rs = this.exprs(scope, comparators);
    const fns = ops.map(compareFn);
    if (fns.length === 1) {
      const r = rs[0];
      const fn = fns[0];
      const op = ops[0];
      if (op === 'Lt') return (f) => { const a = l(f); const b = r(f); return typeof a === 'number' && typeof b === 'number' ? a < b : compare('<', a, b); };
      if (op === 'Gt') return (f) => { const a = l(f); const b = r(f); return typeof a === 'number' && typeof b === 'number' ? a > b : compare('>', a, b); };
      if (op === 'Eq') return (f) => { const a = l(f); const b = r(f); return a === b && typeof a !== 'object' ? true : pyEq(a, b); };
      return (f) => { const a = l(f); return fn(a, r(f)); };
    }
    return (f) => {
      let a = l(f);
      for (let i = 0; i < rs.length; i++) {
        const b = rs[i](f);
        if (!fns[i](a, b)) return false;
        a = b;
      }
      return true;
    };
  }

  private setDisplay(scope: Scope, elts: Expr[]): Ev {
    const items = this.seqItems(scope, elts);
    if (elts.length > 2 && elts.every(isConstantExpr)) {
      // CPython folds a display of 3+ constants into a frozenset constant (built
      // from the items, then rebuilt from its own iteration order) and copies it.
      return (f) => {
        const folded = makeSet(makeSet(items(f), true).table.keys(), true);
        const t = new PySetTable();
        t.merge(folded.table);
        return new PySet(t, false);
      };
    }
    return (f) => makeSet(items(f), false);
  }

  private dictDisplay(scope: Scope, keys: (Expr | null)[], values: Expr[]): Ev {
    const parts = keys.map((k, i) => ({ key: k ? this.expr(scope, k) : null, value: this.expr(scope, values[i]) }));
    return (f) => {
      const d = new PyDict();
      for (const p of parts) {
        if (p.key === null) {
          const m = p.value(f);
          if (!(m instanceof PyDict)) throw raise(exc.TypeError, `'${typeName(m)}' object is not a mapping`);
          for (const e of Array.from(m.map.values())) dictSet(d, e.key, e.value);
        } else {
          const k = p.key(f);
          dictSet(d, k, p.value(f));
        }
      }
      return d;
    };
  }

  /**
   * Compile the loops of a comprehension. `body` compiles the innermost action
   * in the comprehension's scope; the result runs the loops given an accumulator.
   */
  comprehension(
    scope: Scope, node: Expr, generators: Comprehension[],
    body: (inner: Scope) => (f: Frame, acc: unknown) => void,
  ): (f: Frame, acc: unknown) => void {
    const inner = this.builder.scopeOf.get(node)!;
    const firstIter = this.expr(scope, generators[0].iter);
    const cellSlots = [...inner.cells].map((n) => inner.slots.get(n)!);
    let action = body(inner);
    for (let gi = generators.length - 1; gi >= 0; gi--) {
      const g = generators[gi];
      const iterEv = gi === 0 ? null : this.expr(inner, g.iter);
      const store = this.compileStore(inner, g.target);
      const conds = this.exprs(inner, g.ifs);
      const next = action;
      action = (f, acc) => {
        const source = iterEv === null ? (acc as { first: Value }).first : iterEv(f);
        const it = getIter(source);
        const target = iterEv === null ? (acc as { acc: unknown }).acc : acc;
        for (let x = it.next(); x !== DONE; x = it.next()) {
          if (--rt.budget.remaining < 0) throw stepLimitError();
          store(f, x);
          let ok = true;
          for (let c = 0; c < conds.length; c++) if (!truthy(conds[c](f))) { ok = false; break; }
          if (ok) next(f, target);
        }
      };
    }
    const outer = action;
    return (f, acc) => {
      const first = firstIter(f);
      for (const s of cellSlots) f.slots[s] = new Cell(undefined);
      outer(f, { first, acc });
    };
  }

  private generatorExp(scope: Scope, node: Expr, generators: Comprehension[], eltNode: Expr): Ev {
    const inner = this.builder.scopeOf.get(node)!;
    const firstIter = this.expr(scope, generators[0].iter);
    const elt = this.expr(inner, eltNode);
    const gens = generators.map((g, i) => ({
      iter: i === 0 ? null : this.expr(inner, g.iter),
      store: this.compileStore(inner, g.target),
      conds: this.exprs(inner, g.ifs),
    }));
    const cellSlots = [...inner.cells].map((n) => inner.slots.get(n)!);
    function* run(f: Frame, level: number, first: PyIter): Generator<Value, void, void> {
      const g = gens[level];
      const it = level === 0 ? first : getIter(g.iter!(f));
      for (let x = it.next(); x !== DONE; x = it.next()) {
        if (--rt.budget.remaining < 0) throw stepLimitError();
        g.store(f, x);
        if (!g.conds.every((c) => truthy(c(f)))) continue;
        if (level === gens.length - 1) yield elt(f);
        else yield* run(f, level + 1, first);
      }
    }
    return (f) => {
      const first = getIter(firstIter(f));
      for (const s of cellSlots) f.slots[s] = new Cell(undefined);
      const gen = run(f, 0, first);
      return new PyIter(() => {
        const r = gen.next();
        return r.done ? DONE : r.value;
      }, 'generator');
    };
  }

  call(scope: Scope, func: Expr, args: Expr[], keywords: Keyword[]): Ev {
    if (func.kind === 'Name' && func.id === 'super' && args.length === 0 && keywords.length === 0) {
      return this.zeroArgSuper(scope);
    }
    const argv = this.seqItems(scope, args);
    const nameOf = () => (func.kind === 'Name' ? `${func.id}()` : func.kind === 'Attribute' ? `${func.attr}()` : 'function');
    const kw = this.keywords(scope, keywords, nameOf);
    if (func.kind === 'Attribute') {
      const obj = this.expr(scope, func.value);
      const name = func.attr;
      if (kw === null) return (f) => { const o = obj(f); return callMethod(o, name, argv(f), null); };
      return (f) => { const o = obj(f); return callMethod(o, name, argv(f), kw(f)); };
    }
    const fn = this.expr(scope, func);
    if (kw === null) {
      return (f) => {
        const callee = fn(f);
        const a = argv(f);
        return callee instanceof PyFunction ? callee.invoke(a, null) : callValue(callee, a, null);
      };
    }
    return (f) => {
      const callee = fn(f);
      const a = argv(f);
      return callValue(callee, a, kw(f));
    };
  }

  private zeroArgSuper(scope: Scope): Ev {
    let fnScope: Scope | null = scope;
    while (fnScope !== null && fnScope.kind !== 'function') fnScope = fnScope.parent;
    const firstParam = fnScope?.node && 'args' in fnScope.node ? (fnScope.node.args as Arguments) : null;
    const first = firstParam && (firstParam.posonlyargs[0] ?? firstParam.args[0]);
    const selfEv = first ? this.loadName(scope, first.arg) : null;
    return (f) => {
      const func = f.func;
      if (selfEv === null || func === null || func.definingClass === null) {
        throw raise(exc.RuntimeError, 'super(): no arguments');
      }
      return new PySuper(func.definingClass, selfEv(f));
    };
  }
}

export const ellipsis = { value: null as Value };

function compareFn(op: string): (a: Value, b: Value) => boolean {
  switch (op) {
    case 'Eq': return pyEq;
    case 'NotEq': return (a, b) => !pyEq(a, b);
    case 'Lt': return (a, b) => (typeof a === 'number' && typeof b === 'number' ? a < b : compare('<', a, b));
    case 'LtE': return (a, b) => (typeof a === 'number' && typeof b === 'number' ? a <= b : compare('<=', a, b));
    case 'Gt': return (a, b) => (typeof a === 'number' && typeof b === 'number' ? a > b : compare('>', a, b));
    case 'GtE': return (a, b) => (typeof a === 'number' && typeof b === 'number' ? a >= b : compare('>=', a, b));
    case 'Is': return isSame;
    case 'IsNot': return (a, b) => !isSame(a, b);
    case 'In': return (a, b) => contains(b, a);
    case 'NotIn': return (a, b) => !contains(b, a);
    default: throw new Error(`unknown comparison ${op}`);
  }
}

function isConstantExpr(e: Expr): boolean {
  if (e.kind === 'Constant') return true;
  if (e.kind === 'UnaryOp' && (e.op === 'USub' || e.op === 'UAdd') && e.operand.kind === 'Constant') {
    return e.operand.value.kind === 'int' || e.operand.value.kind === 'float';
  }
  if (e.kind === 'Tuple') return e.elts.every(isConstantExpr);
  // CPython's AST optimizer folds arithmetic on constants (10**15 is a constant).
  if (e.kind === 'BinOp' && e.op !== 'MatMult') return isConstantExpr(e.left) && isConstantExpr(e.right);
  if (e.kind === 'UnaryOp' && e.op !== 'Not') return isConstantExpr(e.operand);
  return false;
}

function isIterable(v: Value): boolean {
  if (v === null || typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean' || v instanceof PyFloat) return false;
  if (v instanceof PyFunction) return false;
  if (v instanceof PyInstance) return v.cls.lookup('__iter__') !== undefined || v.cls.lookup('__getitem__') !== undefined;
  return true;
}


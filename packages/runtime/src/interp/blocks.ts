// Compilation of a method's block graph (ProgramIR) to closures. All blocks
// of a method share one scope: the method's locals are slots of one frame,
// which is what a continuation carries across a suspension.

import type { BlockIR, Expr, Keyword, MethodIR, Node, Stmt, Terminator } from '@entflow/compiler';
import { Cell, type Ev, type Exec, type Store } from './frame.ts';
import { analyzeBody, type Scope } from './scope.ts';
import { StmtCompiler, type StmtEnv } from './compileStmt.ts';
import type { ParamSpec } from './params.ts';
import type { Frame } from './frame.ts';
import type { Kwargs, Value } from '../values.ts';

export const EXCEPTION_VAR = '$exc';

export type CompiledTerminator =
  | { kind: 'return'; value: Ev | null }
  | { kind: 'raise'; exc: Ev | null; cause: Ev | null }
  | { kind: 'jump'; target: string }
  | { kind: 'branch'; test: Ev; ifTrue: string; ifFalse: string }
  | { kind: 'next'; iteratorSlot: number; store: Store; body: string; exhausted: string }
  | { kind: 'except'; clauses: { type: Ev | null; store: Store | null; target: string }[]; unmatched: string }
  | { kind: 'remoteCall'; receiver: Ev; className: string; method: string; args: (f: Frame) => Value[]; kwargs: ((f: Frame) => Kwargs) | null; resultSlot: number; resume: string }
  | { kind: 'selfCall'; method: string; args: (f: Frame) => Value[]; kwargs: ((f: Frame) => Kwargs) | null; resultSlot: number; resume: string }
  | { kind: 'create'; className: string; args: (f: Frame) => Value[]; kwargs: ((f: Frame) => Kwargs) | null; resultSlot: number; resume: string }
  | { kind: 'read'; receiver: Ev; className: string; attr: string; resultSlot: number; resume: string };

export interface CompiledBlock {
  id: string;
  body: Exec;
  term: CompiledTerminator;
  handler: string | null;
}

export interface CompiledMethod {
  className: string;
  name: string;
  ir: MethodIR;
  slotCount: number;
  slotNames: string[];
  selfSlot: number;
  excSlot: number;
  /** Slots that hold Cells (captured by nested functions), created at frame start. */
  cellSlots: number[];
  blocks: Map<string, CompiledBlock>;
  /** Blocks that run inside an `except` clause, where `$exc` is the exception being handled. */
  handlerBlocks: Set<string>;
  /** The `unmatched` blocks of except terminators: their bare `raise` propagates `$exc`. */
  reraiseBlocks: Set<string>;
  /**
   * True when a `finally` clause can run with an exception pending (some
   * handler block is not an except dispatch). A bare raise there re-raises
   * `$exc`, and the blocks do not show whether it is pending.
   */
  hasFinallyHandler: boolean;
  entry: string;
  spec: ParamSpec;
}

function terminatorNodes(t: Terminator): Node[] {
  switch (t.kind) {
    case 'return': return t.value ? [t.value] : [];
    case 'raise': return [t.exc, t.cause].filter((x): x is Expr => x !== null);
    case 'jump': return [];
    case 'branch': return [t.test];
    case 'next': return [t.target];
    case 'except': return t.clauses.map((c) => c.type).filter((x): x is Expr => x !== null);
    case 'remoteCall': return [t.receiver, ...t.args, ...t.keywords];
    case 'selfCall': return [...t.args, ...t.keywords];
    case 'create': return [...t.args, ...t.keywords];
    case 'read': return [t.receiver];
  }
}

function resultNames(t: Terminator): string[] {
  switch (t.kind) {
    case 'remoteCall': case 'selfCall': case 'create': case 'read': return [t.result];
    case 'next': return [t.iterator];
    case 'except': return t.clauses.map((c) => c.name).filter((x): x is string => x !== null);
    default: return [];
  }
}

function successors(b: BlockIR): string[] {
  const t = b.terminator;
  const out = b.handler === null ? [] : [b.handler];
  switch (t.kind) {
    case 'jump': out.push(t.target); break;
    case 'branch': out.push(t.ifTrue, t.ifFalse); break;
    case 'next': out.push(t.body, t.exhausted); break;
    case 'except': out.push(...t.clauses.map((c) => c.target), t.unmatched); break;
    case 'remoteCall': case 'selfCall': case 'create': case 'read': out.push(t.resume); break;
    default: break;
  }
  return out;
}

/**
 * Find the blocks of lowered `except` clauses. The IR marks only where a
 * clause starts, so a clause is every block reachable from its target whose
 * source ranges lie inside the handlers' span. Plain jumps have no range and
 * are followed too. The `finally` clause of the same statement lies in that
 * span as well, so it counts as part of the clause.
 */
function handlerRegions(method: MethodIR): { handlerBlocks: Set<string>; reraiseBlocks: Set<string>; hasFinallyHandler: boolean } {
  const byId = new Map(method.blocks.map((b) => [b.id, b]));
  const handlerBlocks = new Set<string>();
  const reraiseBlocks = new Set<string>();
  const hasFinallyHandler = method.blocks.some((b) => b.handler !== null && byId.get(b.handler)?.terminator.kind !== 'except');
  for (const b of method.blocks) {
    const t = b.terminator;
    if (t.kind !== 'except') continue;
    reraiseBlocks.add(t.unmatched);
    const inside = (x: BlockIR) => x.spans.every((s) => s.start >= t.span.start && s.end <= t.span.end);
    const seen = new Set<string>();
    const work = t.clauses.map((c) => c.target);
    while (work.length > 0) {
      const id = work.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      const x = byId.get(id);
      if (x === undefined || !inside(x)) continue;
      handlerBlocks.add(id);
      work.push(...successors(x));
    }
  }
  return { handlerBlocks, reraiseBlocks, hasFinallyHandler };
}

export function compileMethod(env: StmtEnv, className: string, method: MethodIR, spec: (scope: Scope) => ParamSpec): CompiledMethod {
  const nodes: Node[] = [];
  const extra = new Set<string>(['self', EXCEPTION_VAR, ...method.locals, ...method.params.map((p) => p.name)]);
  for (const b of method.blocks) {
    nodes.push(...b.statements, ...terminatorNodes(b.terminator));
    for (const n of resultNames(b.terminator)) extra.add(n);
  }
  const { scope, builder } = analyzeBody('function', nodes, [], [...extra]);
  const compiler = new StmtCompiler(env, builder);
  const blocks = new Map<string, CompiledBlock>();
  const slot = (name: string) => scope.slots.get(name)!;
  const kw = (keywords: Keyword[], name: string) => compiler.keywords(scope, keywords, () => `${className}.${name}()`);
  for (const b of method.blocks) {
    const t = b.terminator;
    let term: CompiledTerminator;
    switch (t.kind) {
      case 'return': term = { kind: 'return', value: t.value ? compiler.expr(scope, t.value) : null }; break;
      case 'raise': term = { kind: 'raise', exc: t.exc ? compiler.expr(scope, t.exc) : null, cause: t.cause ? compiler.expr(scope, t.cause) : null }; break;
      case 'jump': term = { kind: 'jump', target: t.target }; break;
      case 'branch': term = { kind: 'branch', test: compiler.expr(scope, t.test), ifTrue: t.ifTrue, ifFalse: t.ifFalse }; break;
      case 'next': term = { kind: 'next', iteratorSlot: slot(t.iterator), store: compiler.compileStore(scope, t.target), body: t.body, exhausted: t.exhausted }; break;
      case 'except':
        term = {
          kind: 'except',
          clauses: t.clauses.map((c) => ({ type: c.type ? compiler.expr(scope, c.type) : null, store: c.name ? compiler.storeName(scope, c.name) : null, target: c.target })),
          unmatched: t.unmatched,
        };
        break;
      case 'remoteCall':
        term = { kind: 'remoteCall', receiver: compiler.expr(scope, t.receiver), className: t.className, method: t.method, args: compiler.seqItems(scope, t.args), kwargs: kw(t.keywords, t.method), resultSlot: slot(t.result), resume: t.resume };
        break;
      case 'selfCall':
        term = { kind: 'selfCall', method: t.method, args: compiler.seqItems(scope, t.args), kwargs: kw(t.keywords, t.method), resultSlot: slot(t.result), resume: t.resume };
        break;
      case 'create':
        term = { kind: 'create', className: t.className, args: compiler.seqItems(scope, t.args), kwargs: kw(t.keywords, t.className), resultSlot: slot(t.result), resume: t.resume };
        break;
      case 'read':
        term = { kind: 'read', receiver: compiler.expr(scope, t.receiver), className: t.className, attr: t.attr, resultSlot: slot(t.result), resume: t.resume };
        break;
    }
    blocks.set(b.id, { id: b.id, body: compiler.block(scope, b.statements as Stmt[]), term, handler: b.handler });
  }
  const slotNames: string[] = new Array(scope.slotCount).fill('');
  for (const [name, i] of scope.slots) slotNames[i] = name;
  return {
    className,
    name: method.name,
    ir: method,
    slotCount: scope.slotCount,
    slotNames,
    selfSlot: slot('self'),
    excSlot: slot(EXCEPTION_VAR),
    cellSlots: [...scope.cells].map(slot),
    blocks,
    ...handlerRegions(method),
    entry: method.entry,
    spec: spec(scope),
  };
}

/** Create the cells of a fresh method frame (after parameters are bound). */
export function initCells(m: CompiledMethod, slots: unknown[]): void {
  for (const s of m.cellSlots) slots[s] = new Cell(slots[s] as Value | undefined);
}

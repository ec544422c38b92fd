// Liveness: which locals a block reads before writing, in the block itself
// or in any block after it. Whole statements inside a block are analysed
// structurally (loops to a fixed point); the block graph is then solved
// backwards to a fixed point. A block's exception handler counts as a
// successor reachable from the block's first statement, so locals the
// handler reads stay live through the whole protected block.

import type { Expr, Stmt } from '../ast.ts';
import { EXCEPTION_VAR, type BlockIR, type Terminator } from '../ir.ts';
import { LIVENESS_PASSES_MAX } from '../limits.ts';
import { targetNames } from '../analysis/walk.ts';
import { addReads, addTargetReads } from './names.ts';

type LiveSet = Set<string>;

interface FlowContext {
  /** Live after `break`, `continue` and `return`, or null outside loops. */
  breakLive: LiveSet | null;
  continueLive: LiveSet | null;
  /** Locals a `return` keeps live (those of enclosing `finally` clauses). */
  returnLive: LiveSet;
  /** Locals live wherever an exception may be raised (enclosing handlers). */
  exceptionLive: LiveSet;
}

const EMPTY: ReadonlySet<string> = new Set();
const TOP_CONTEXT: FlowContext = { breakLive: null, continueLive: null, returnLive: new Set(), exceptionLive: new Set() };

export class LivenessAnalysis {
  /**
   * `selfName` is the method's first parameter: a `selfCall` terminator
   * reads it, since the call runs on that entity.
   */
  constructor(
    private readonly locals: ReadonlySet<string>,
    private readonly selfName: string | null = null,
  ) {}

  /** Locals live before `statements` when `after` is live after them. */
  beforeStatements(statements: Stmt[], after: ReadonlySet<string>, context: FlowContext = TOP_CONTEXT): LiveSet {
    let live = new Set(after);
    for (let index = statements.length - 1; index >= 0; index--) live = this.beforeStatement(statements[index]!, live, context);
    return live;
  }

  private reads(node: Expr | null, into: LiveSet): LiveSet {
    if (node !== null) addReads(node, this.locals, into);
    return into;
  }

  private beforeStatement(statement: Stmt, after: LiveSet, context: FlowContext): LiveSet {
    const live = this.beforeStatementNormal(statement, after, context);
    for (const name of context.exceptionLive) live.add(name);
    return live;
  }

  private beforeStatementNormal(statement: Stmt, after: LiveSet, context: FlowContext): LiveSet {
    switch (statement.kind) {
      case 'Assign': {
        const live = new Set(after);
        for (const target of statement.targets) for (const name of targetNames(target)) live.delete(name);
        for (const target of statement.targets) addTargetReads(target, this.locals, live);
        return this.reads(statement.value, live);
      }
      case 'AnnAssign': {
        if (statement.value === null) return new Set(after);
        const live = new Set(after);
        for (const name of targetNames(statement.target)) live.delete(name);
        addTargetReads(statement.target, this.locals, live);
        return this.reads(statement.value, live);
      }
      case 'AugAssign': {
        const live = new Set(after);
        addReads(statement.target, this.locals, live);
        if (statement.target.kind === 'Name' && this.locals.has(statement.target.id)) live.add(statement.target.id);
        return this.reads(statement.value, live);
      }
      case 'Delete': {
        const live = new Set(after);
        for (const target of statement.targets) for (const name of targetNames(target)) live.delete(name);
        for (const target of statement.targets) addReads(target, this.locals, live);
        return live;
      }
      case 'Import':
      case 'ImportFrom': {
        const live = new Set(after);
        for (const alias of statement.names) live.delete((alias.asname ?? alias.name).split('.')[0]!);
        return live;
      }
      case 'FunctionDef':
      case 'AsyncFunctionDef':
      case 'ClassDef': {
        const live = new Set(after);
        live.delete(statement.name);
        addReads(statement, this.locals, live);
        return live;
      }
      case 'Return':
        return this.reads(statement.value, new Set(context.returnLive));
      case 'Raise':
        return this.reads(statement.cause, this.reads(statement.exc, new Set()));
      case 'Break':
        return new Set(context.breakLive ?? EMPTY);
      case 'Continue':
        return new Set(context.continueLive ?? EMPTY);
      case 'If': {
        const live = this.beforeStatements(statement.body, after, context);
        for (const name of this.beforeStatements(statement.orelse, after, context)) live.add(name);
        return this.reads(statement.test, live);
      }
      case 'While':
        return this.beforeLoop(after, context, statement.body, statement.orelse, (header) => this.reads(statement.test, header), null);
      case 'For': {
        const live = this.beforeLoop(after, context, statement.body, statement.orelse, (header) => header, statement.target);
        return this.reads(statement.iter, live);
      }
      case 'Try':
      case 'TryStar':
        return this.beforeTry(statement, after, context);
      default: {
        const live = new Set(after);
        addReads(statement, this.locals, live);
        return live;
      }
    }
  }

  /**
   * Solves a loop: `header` is live at the loop test (or at fetching the next
   * item), which is reached first and after every iteration.
   */
  private beforeLoop(
    after: LiveSet,
    context: FlowContext,
    body: Stmt[],
    orelse: Stmt[],
    atTest: (header: LiveSet) => LiveSet,
    target: Expr | null,
  ): LiveSet {
    const elseLive = this.beforeStatements(orelse, after, context);
    let header: LiveSet = new Set();
    for (let pass = 0; pass < LIVENESS_PASSES_MAX; pass++) {
      const loopContext: FlowContext = { ...context, breakLive: after, continueLive: header };
      const bodyLive = this.beforeStatements(body, header, loopContext);
      if (target !== null) {
        for (const name of targetNames(target)) bodyLive.delete(name);
        addTargetReads(target, this.locals, bodyLive);
      }
      const next = atTest(new Set([...bodyLive, ...elseLive]));
      for (const name of context.exceptionLive) next.add(name);
      if (next.size === header.size && [...next].every((name) => header.has(name))) break;
      header = next;
    }
    return new Set(header);
  }

  private beforeTry(statement: Extract<Stmt, { kind: 'Try' | 'TryStar' }>, after: LiveSet, context: FlowContext): LiveSet {
    const finallyLive = this.beforeStatements(statement.finalbody, after, context);
    const hasFinally = statement.finalbody.length > 0;
    const inner: FlowContext = hasFinally
      ? {
        breakLive: context.breakLive && union(context.breakLive, finallyLive),
        continueLive: context.continueLive && union(context.continueLive, finallyLive),
        returnLive: union(context.returnLive, finallyLive),
        exceptionLive: union(context.exceptionLive, finallyLive),
      }
      : context;

    const handlersLive = new Set<string>();
    for (const handler of statement.handlers) {
      const live = this.beforeStatements(handler.body, finallyLive, inner);
      if (handler.name !== null) live.delete(handler.name);
      this.reads(handler.type, live);
      for (const name of live) handlersLive.add(name);
    }
    const elseLive = this.beforeStatements(statement.orelse, finallyLive, inner);
    const bodyContext: FlowContext = { ...inner, exceptionLive: union(inner.exceptionLive, handlersLive) };
    return union(this.beforeStatements(statement.body, elseLive, bodyContext), handlersLive);
  }

  // ---------------------------------------------------------------- blocks

  /**
   * Sets `liveIn` of every block. `blocks` must be the finished blocks of one
   * method; throws when the analysis does not converge (a compiler bug).
   */
  solveBlocks(blocks: BlockIR[]): void {
    const byId = new Map(blocks.map((block) => [block.id, block]));
    const transfer = blocks.map((block) => this.blockTransfer(block));
    const liveIn = new Map<string, LiveSet>(blocks.map((block) => [block.id, new Set<string>()]));
    const liveOf = (id: string): ReadonlySet<string> => liveIn.get(id) ?? EMPTY;

    let changed = true;
    let passes = 0;
    while (changed) {
      if (++passes > LIVENESS_PASSES_MAX) throw new Error('liveness analysis did not converge');
      changed = false;
      for (let index = blocks.length - 1; index >= 0; index--) {
        const block = blocks[index]!;
        const live = transfer[index]!(this.terminatorLive(block.terminator, liveOf));
        if (block.handler !== null && byId.has(block.handler)) {
          for (const name of liveOf(block.handler)) if (name !== EXCEPTION_VAR) live.add(name);
        }
        const previous = liveIn.get(block.id)!;
        if (live.size !== previous.size) {
          liveIn.set(block.id, live);
          changed = true;
        }
      }
    }
    for (const block of blocks) block.liveIn = [...liveIn.get(block.id)!].sort();
  }

  /**
   * The block's statements as a gen/kill function. Liveness is a gen/kill
   * problem, so evaluating the statements against "nothing live" and "every
   * local live" gives the function exactly.
   */
  private blockTransfer(block: BlockIR): (after: ReadonlySet<string>) => LiveSet {
    if (block.statements.length === 0) return (after) => new Set(after);
    const gen = this.beforeStatements(block.statements, EMPTY);
    const all = this.beforeStatements(block.statements, this.locals);
    const kill = [...this.locals].filter((name) => !all.has(name));
    return (after) => {
      const live = new Set(after);
      for (const name of kill) live.delete(name);
      for (const name of gen) live.add(name);
      return live;
    };
  }

  private terminatorLive(terminator: Terminator, liveOf: (id: string) => ReadonlySet<string>): LiveSet {
    const live = new Set<string>();
    const addAll = (names: Iterable<string>, except: Iterable<string> = []): void => {
      const excluded = new Set(except);
      for (const name of names) if (!excluded.has(name)) live.add(name);
    };
    switch (terminator.kind) {
      case 'return':
        this.reads(terminator.value, live);
        break;
      case 'raise':
        this.reads(terminator.exc, live);
        this.reads(terminator.cause, live);
        if (terminator.exc === null) live.add(EXCEPTION_VAR);
        break;
      case 'jump':
        addAll(liveOf(terminator.target));
        break;
      case 'branch':
        addAll(liveOf(terminator.ifTrue));
        addAll(liveOf(terminator.ifFalse));
        this.reads(terminator.test, live);
        break;
      case 'next':
        addAll(liveOf(terminator.body), targetNames(terminator.target));
        addTargetReads(terminator.target, this.locals, live);
        addAll(liveOf(terminator.exhausted));
        live.add(terminator.iterator);
        break;
      case 'except':
        for (const clause of terminator.clauses) {
          addAll(liveOf(clause.target), clause.name === null ? [] : [clause.name]);
          this.reads(clause.type, live);
        }
        addAll(liveOf(terminator.unmatched));
        live.add(EXCEPTION_VAR);
        break;
      case 'remoteCall':
      case 'read':
      case 'selfCall':
      case 'create': {
        addAll(liveOf(terminator.resume), [terminator.result]);
        if (terminator.kind === 'remoteCall' || terminator.kind === 'read') this.reads(terminator.receiver, live);
        if (terminator.kind === 'selfCall' && this.selfName !== null) live.add(this.selfName);
        if (terminator.kind !== 'read') {
          for (const arg of terminator.args) this.reads(arg, live);
          for (const keyword of terminator.keywords) this.reads(keyword.value, live);
        }
        break;
      }
    }
    return live;
  }
}

function union(a: ReadonlySet<string>, b: ReadonlySet<string>): LiveSet {
  const result = new Set(a);
  for (const name of b) result.add(name);
  return result;
}

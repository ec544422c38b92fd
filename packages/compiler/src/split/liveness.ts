// Liveness: which locals a block reads before writing, in the block itself
// or in any block after it. Whole statements inside a block are analysed
// structurally (loops to a fixed point); the block graph is then solved
// backwards to a fixed point. A block's exception handler counts as a
// successor reachable from the block's first statement, so locals the
// handler reads stay live through the whole protected block.

import type { Expr, Stmt } from '../ast.ts';
import { EXCEPTION_VAR, type BlockIR } from '../ir.ts';
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

interface BlockSummary {
  /** Turns the set live after the block's statements into the set live before them, in place. */
  transfer: (live: LiveSet) => void;
  /** Locals the terminator itself reads. */
  terminatorReads: LiveSet;
  /** Successors by index, with the names the edge binds (a call result, a loop target). */
  edges: { target: number; bound: string[] }[];
  handler: number | null;
}
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

  /** `after` belongs to the caller's fold and may be changed and returned. */
  private beforeStatement(statement: Stmt, after: LiveSet, context: FlowContext): LiveSet {
    const live = this.beforeStatementNormal(statement, after, context);
    for (const name of context.exceptionLive) live.add(name);
    return live;
  }

  private beforeStatementNormal(statement: Stmt, live: LiveSet, context: FlowContext): LiveSet {
    switch (statement.kind) {
      case 'Assign':
        for (const target of statement.targets) for (const name of targetNames(target)) live.delete(name);
        for (const target of statement.targets) addTargetReads(target, this.locals, live);
        return this.reads(statement.value, live);
      case 'AnnAssign':
        if (statement.value === null) return live;
        for (const name of targetNames(statement.target)) live.delete(name);
        addTargetReads(statement.target, this.locals, live);
        return this.reads(statement.value, live);
      case 'AugAssign':
        addReads(statement.target, this.locals, live);
        if (statement.target.kind === 'Name' && this.locals.has(statement.target.id)) live.add(statement.target.id);
        return this.reads(statement.value, live);
      case 'Delete':
        for (const target of statement.targets) for (const name of targetNames(target)) live.delete(name);
        for (const target of statement.targets) addReads(target, this.locals, live);
        return live;
      case 'Import':
      case 'ImportFrom':
        for (const alias of statement.names) live.delete((alias.asname ?? alias.name).split('.')[0]!);
        return live;
      case 'FunctionDef':
      case 'AsyncFunctionDef':
      case 'ClassDef':
        live.delete(statement.name);
        addReads(statement, this.locals, live);
        return live;
      case 'Return':
        return this.reads(statement.value, new Set(context.returnLive));
      case 'Raise':
        return this.reads(statement.cause, this.reads(statement.exc, new Set()));
      case 'Break':
        return new Set(context.breakLive ?? EMPTY);
      case 'Continue':
        return new Set(context.continueLive ?? EMPTY);
      case 'If': {
        const bodyLive = this.beforeStatements(statement.body, live, context);
        for (const name of this.beforeStatements(statement.orelse, live, context)) bodyLive.add(name);
        return this.reads(statement.test, bodyLive);
      }
      case 'While':
        return this.beforeLoop(live, context, statement.body, statement.orelse, (header) => this.reads(statement.test, header), null);
      case 'For':
        return this.reads(statement.iter, this.beforeLoop(live, context, statement.body, statement.orelse, (header) => header, statement.target));
      case 'Try':
      case 'TryStar':
        return this.beforeTry(statement, live, context);
      default:
        addReads(statement, this.locals, live);
        return live;
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
    const indexOf = new Map(blocks.map((block, index) => [block.id, index]));
    const summaries = blocks.map((block) => this.blockSummary(block, indexOf));
    const liveIn: LiveSet[] = blocks.map(() => new Set<string>());

    // Predecessors (normal and exception edges), for a worklist.
    const predecessors: number[][] = blocks.map(() => []);
    summaries.forEach((summary, index) => {
      for (const edge of summary.edges) predecessors[edge.target]!.push(index);
      if (summary.handler !== null) predecessors[summary.handler]!.push(index);
    });

    // Blocks are listed roughly in source order; popping from the end visits
    // them backwards first, the direction liveness flows.
    const queued = blocks.map(() => true);
    const worklist = blocks.map((_, index) => index);
    let steps = 0;
    while (worklist.length > 0) {
      if (++steps > LIVENESS_PASSES_MAX * blocks.length) throw new Error('liveness analysis did not converge');
      const index = worklist.pop()!;
      queued[index] = false;
      const summary = summaries[index]!;

      const live = new Set(summary.terminatorReads);
      for (const edge of summary.edges) {
        for (const name of liveIn[edge.target]!) if (!edge.bound.includes(name)) live.add(name);
      }
      summary.transfer(live);
      if (summary.handler !== null) {
        for (const name of liveIn[summary.handler]!) if (name !== EXCEPTION_VAR) live.add(name);
      }
      if (live.size === liveIn[index]!.size) continue;
      liveIn[index] = live;
      for (const predecessor of predecessors[index]!) {
        if (queued[predecessor]) continue;
        queued[predecessor] = true;
        worklist.push(predecessor);
      }
    }
    blocks.forEach((block, index) => {
      block.liveIn = [...liveIn[index]!].sort();
    });
  }

  /** Computes once what liveness needs of a block: statement transfer, terminator reads and edges. */
  private blockSummary(block: BlockIR, indexOf: Map<string, number>): BlockSummary {
    const index = (id: string): number => indexOf.get(id) ?? -1;
    const terminator = block.terminator;
    const reads = new Set<string>();
    const edges: BlockSummary['edges'] = [];
    switch (terminator.kind) {
      case 'return':
        this.reads(terminator.value, reads);
        break;
      case 'raise':
        this.reads(terminator.exc, reads);
        this.reads(terminator.cause, reads);
        if (terminator.exc === null) reads.add(EXCEPTION_VAR);
        break;
      case 'jump':
        edges.push({ target: index(terminator.target), bound: [] });
        break;
      case 'branch':
        this.reads(terminator.test, reads);
        edges.push({ target: index(terminator.ifTrue), bound: [] }, { target: index(terminator.ifFalse), bound: [] });
        break;
      case 'next':
        reads.add(terminator.iterator);
        addTargetReads(terminator.target, this.locals, reads);
        edges.push({ target: index(terminator.body), bound: targetNames(terminator.target) }, { target: index(terminator.exhausted), bound: [] });
        break;
      case 'except':
        reads.add(EXCEPTION_VAR);
        for (const clause of terminator.clauses) {
          this.reads(clause.type, reads);
          edges.push({ target: index(clause.target), bound: clause.name === null ? [] : [clause.name] });
        }
        edges.push({ target: index(terminator.unmatched), bound: [] });
        break;
      case 'remoteCall':
      case 'read':
      case 'selfCall':
      case 'create':
        if (terminator.kind === 'remoteCall' || terminator.kind === 'read') this.reads(terminator.receiver, reads);
        if (terminator.kind === 'selfCall' && this.selfName !== null) reads.add(this.selfName);
        if (terminator.kind !== 'read') {
          for (const arg of terminator.args) this.reads(arg, reads);
          for (const keyword of terminator.keywords) this.reads(keyword.value, reads);
        }
        edges.push({ target: index(terminator.resume), bound: [terminator.result] });
        break;
    }
    return {
      transfer: this.blockTransfer(block),
      terminatorReads: reads,
      edges: edges.filter((edge) => edge.target >= 0),
      handler: block.handler === null ? null : indexOf.get(block.handler) ?? null,
    };
  }

  /**
   * Returns the block's statements as a gen/kill function: gen from the
   * statements with nothing live after them, kill from `mustAssign`.
   */
  private killedBy(statements: Stmt[]): string[] {
    const assigned = mustAssign(statements);
    return assigned === ALL ? [...this.locals] : [...assigned];
  }

  private blockTransfer(block: BlockIR): (live: LiveSet) => void {
    if (block.statements.length === 0) return () => {};
    const gen = this.beforeStatements(block.statements, EMPTY);
    // The kill set costs a second pass; blocks that end the method never need it.
    let kill: string[] | null = null;
    return (live) => {
      if (live.size > 0) {
        kill ??= this.killedBy(block.statements);
        for (const name of kill) live.delete(name);
      }
      for (const name of gen) live.add(name);
    };
  }
}

const ALL = 'all';

/**
 * Names that every path through `statements` assigns (or deletes) before
 * reaching the end; `ALL` when no path reaches the end. Loops may run zero
 * times and so assign nothing for sure. Smaller than exact is safe: it only
 * keeps a name live longer.
 */
function mustAssign(statements: Stmt[]): Set<string> | typeof ALL {
  const assigned = new Set<string>();
  for (const statement of statements) {
    const own = mustAssignOne(statement);
    if (own === ALL) return ALL;
    for (const name of own) assigned.add(name);
  }
  return assigned;
}

function mustAssignOne(statement: Stmt): Iterable<string> | typeof ALL {
  switch (statement.kind) {
    case 'Assign':
      return statement.targets.flatMap((target) => targetNames(target));
    case 'AnnAssign':
      return statement.value === null ? [] : targetNames(statement.target);
    case 'Delete':
      return statement.targets.flatMap((target) => targetNames(target));
    case 'Import':
    case 'ImportFrom':
      return statement.names.map((alias) => (alias.asname ?? alias.name).split('.')[0]!);
    case 'FunctionDef':
    case 'AsyncFunctionDef':
    case 'ClassDef':
      return [statement.name];
    case 'Return':
    case 'Raise':
    case 'Break':
    case 'Continue':
      return ALL;
    case 'If':
      return intersect(mustAssign(statement.body), mustAssign(statement.orelse));
    case 'Try':
    case 'TryStar': {
      // An exception may arrive before the body assigns anything, so only
      // names assigned on the normal path and in every handler count.
      let protectedPath = mustAssign([...statement.body, ...statement.orelse]);
      for (const handler of statement.handlers) protectedPath = intersect(protectedPath, mustAssign(handler.body));
      const final = mustAssign(statement.finalbody);
      if (final === ALL || protectedPath === ALL) return final === ALL ? ALL : protectedPath;
      return [...protectedPath, ...final];
    }
    default:
      return [];
  }
}

function intersect(a: Set<string> | typeof ALL, b: Set<string> | typeof ALL): Set<string> | typeof ALL {
  if (a === ALL) return b;
  if (b === ALL) return a;
  return new Set([...a].filter((name) => b.has(name)));
}

function union(a: ReadonlySet<string>, b: ReadonlySet<string>): LiveSet {
  const result = new Set(a);
  for (const name of b) result.add(name);
  return result;
}

// Lowering of statements of a split method into blocks. A statement that
// neither suspends nor needs its control flow in terminators (see
// `needsLowering`) is appended to the current block whole; `return`,
// `raise`, `break` and `continue` at block level always become terminators.

import type { Expr, For, If, Stmt, While } from '../ast.ts';
import type { BlockBuilder, DraftBlock } from './builder.ts';
import { ESCAPING_JUMP, HAS_BARE_RAISE, HAS_RETURN, SUSPENDS, type NodeFlags } from './flags.ts';
import { UnsupportedPlacement, type ExpressionLowering } from './lowerExpr.ts';
import { lowerTry, performJump, performReturn } from './lowerTry.ts';
import { assignTo, callName, exprStatement, nameLoad, nameStore } from './nodes.ts';

export interface LoopTarget {
  breakTarget: DraftBlock;
  continueTarget: DraftBlock;
  /** Number of lowered `finally` clauses enclosing the loop. */
  finallyDepth: number;
  id: number;
}

/** A lowered `finally` clause that `return`, `break` and `continue` must pass through. */
export interface PendingFinally {
  /** Local holding how the protected code ended: 0 normally, 1 raised, 2 returned, 3+ a jump. */
  kindVar: string;
  /** Local holding the exception or the return value. */
  valueVar: string;
  entry: DraftBlock;
  usesReturn: boolean;
  jumps: { code: number; loop: LoopTarget; kind: 'break' | 'continue' }[];
}

export interface Context {
  loop: LoopTarget | null;
  finallies: PendingFinally[];
  /** True inside a lowered `except` clause, where a bare `raise` re-raises `$exc`. */
  inHandler: boolean;
}

export class StatementLowering {
  private loopCount = 0;

  constructor(
    readonly builder: BlockBuilder,
    readonly flags: NodeFlags,
    readonly expressions: ExpressionLowering,
  ) {}

  newLoopId(): number {
    return ++this.loopCount;
  }

  lowerStatements(statements: Stmt[], context: Context): void {
    for (const statement of statements) {
      // Code after a return, raise, break or continue never runs.
      if (!this.builder.isOpen) return;
      this.lowerStatement(statement, context);
    }
  }

  needsLowering(statement: Stmt, context: Context): boolean {
    const flags = this.flags.compute(statement);
    if (flags & SUSPENDS) return true;
    if (context.loop !== null && flags & ESCAPING_JUMP) return true;
    if (context.finallies.length > 0 && flags & HAS_RETURN) return true;
    return context.inHandler && (flags & HAS_BARE_RAISE) !== 0;
  }

  private lowerStatement(statement: Stmt, context: Context): void {
    const builder = this.builder;
    const expressions = this.expressions;
    switch (statement.kind) {
      case 'Return':
        performReturn(this, statement.value === null ? null : expressions.lower(statement.value), statement, context);
        return;
      case 'Raise': {
        const parts = [statement.exc, statement.cause].filter((part): part is Expr => part !== null);
        const [exc, cause] = expressions.lowerChildren(parts);
        builder.terminate({ kind: 'raise', exc: statement.exc ? exc! : null, cause: statement.cause ? cause! : null, span: statement });
        return;
      }
      case 'Break':
      case 'Continue':
        performJump(this, statement.kind === 'Break' ? 'break' : 'continue', context, statement);
        return;
      default:
        break;
    }

    if (!this.needsLowering(statement, context)) {
      builder.emit(statement);
      return;
    }

    switch (statement.kind) {
      case 'Expr': {
        const value = expressions.lower(statement.value);
        const isDiscarded = value.kind === 'Constant' || (value.kind === 'Name' && value.id.startsWith('$'));
        if (!isDiscarded) builder.emit(exprStatement(value, statement));
        return;
      }
      case 'Assign':
        this.lowerAssign(statement);
        return;
      case 'AugAssign':
        this.lowerAugAssign(statement);
        return;
      case 'AnnAssign': {
        if (this.flags.suspends(statement.target)) {
          throw new UnsupportedPlacement('A remote call inside an annotated assignment target is not supported.', statement.target);
        }
        const value = statement.value === null ? null : expressions.lower(statement.value);
        builder.emit({ ...statement, value });
        return;
      }
      case 'Delete':
        for (const target of statement.targets) {
          builder.emit({ kind: 'Delete', targets: [this.lowerTargetParts(target)], start: target.start, end: target.end });
        }
        return;
      case 'Assert':
        this.lowerAssert(statement);
        return;
      case 'If':
        this.lowerIf(statement, context);
        return;
      case 'While':
        this.lowerWhile(statement, context);
        return;
      case 'For':
        this.lowerFor(statement, context);
        return;
      case 'Try':
        lowerTry(this, statement, context);
        return;
      default:
        throw new UnsupportedPlacement('A remote call in this kind of statement is not supported.', statement);
    }
  }

  // ---------------------------------------------------------------- assignments

  private lowerAssign(statement: Extract<Stmt, { kind: 'Assign' }>): void {
    const expressions = this.expressions;
    if (!statement.targets.some((target) => this.flags.suspends(target))) {
      this.builder.emit({ ...statement, value: expressions.lower(statement.value) });
      return;
    }
    // Python evaluates the value first, then each target left to right.
    const value = expressions.lowerToStable(statement.value);
    for (const target of statement.targets) this.assignTarget(target, value);
  }

  /** Assigns `value` (a stable expression) to a target whose parts may suspend. */
  assignTarget(target: Expr, value: Expr): void {
    const builder = this.builder;
    if (!this.flags.suspends(target)) {
      builder.emit(assignTo(target, value, target));
      return;
    }
    if (target.kind === 'Tuple' || target.kind === 'List') {
      const temps = target.elts.map(() => builder.fresh('t'));
      const unpack = target.elts.map((element, index) =>
        element.kind === 'Starred'
          ? { ...element, value: nameStore(temps[index]!, element) }
          : nameStore(temps[index]!, element),
      );
      builder.emit(assignTo({ ...target, elts: unpack }, value, target));
      target.elts.forEach((element, index) => {
        const inner = element.kind === 'Starred' ? element.value : element;
        this.assignTarget(inner, nameLoad(temps[index]!, element));
      });
      return;
    }
    builder.emit(assignTo(this.lowerTargetParts(target), value, target));
  }

  /** Lowers the receiver and index of an attribute or subscript target. */
  private lowerTargetParts(target: Expr): Expr {
    if (!this.flags.suspends(target)) return target;
    const expressions = this.expressions;
    if (target.kind === 'Attribute') return { ...target, value: expressions.lower(target.value) };
    if (target.kind === 'Subscript') {
      const [value, slice] = expressions.lowerChildren([target.value, target.slice]);
      return { ...target, value: value!, slice: slice! };
    }
    throw new UnsupportedPlacement('A remote call inside this assignment target is not supported.', target);
  }

  private lowerAugAssign(statement: Extract<Stmt, { kind: 'AugAssign' }>): void {
    const builder = this.builder;
    const expressions = this.expressions;
    const target = statement.target;
    if (!this.flags.suspends(statement.value) || target.kind === 'Name') {
      builder.emit({ ...statement, target: this.lowerTargetParts(target), value: expressions.lower(statement.value) });
      return;
    }

    // `obj.attr += f()` reads obj.attr before calling f: keep the old value
    // in a temporary, apply the operator to it, then store it back.
    let store: Expr;
    let load: Expr;
    if (target.kind === 'Attribute') {
      const receiver = expressions.lowerToStable(target.value);
      store = { ...target, value: receiver };
      load = { ...target, value: receiver, ctx: 'Load' };
    } else if (target.kind === 'Subscript') {
      const receiver = expressions.lowerToStable(target.value);
      const index = expressions.lowerToStable(target.slice);
      store = { ...target, value: receiver, slice: index };
      load = { ...target, value: receiver, slice: index, ctx: 'Load' };
    } else {
      throw new UnsupportedPlacement('A remote call in this augmented assignment is not supported.', target);
    }
    const current = builder.hoist(load);
    const value = expressions.lower(statement.value);
    const temp = (current as Extract<Expr, { kind: 'Name' }>).id;
    builder.emit({ ...statement, target: nameStore(temp, target), value });
    builder.emit(assignTo(store, nameLoad(temp, target), statement));
  }

  private lowerAssert(statement: Extract<Stmt, { kind: 'Assert' }>): void {
    const builder = this.builder;
    const test = this.expressions.lower(statement.test);
    const passed = builder.newBlock();
    const failed = builder.newBlock();
    builder.terminate({ kind: 'branch', test, ifTrue: passed, ifFalse: failed, span: statement.test });
    builder.activate(failed);
    const message = statement.msg === null ? [] : [this.expressions.lower(statement.msg)];
    builder.terminate({ kind: 'raise', exc: callName('AssertionError', message, statement), cause: null, span: statement });
    builder.activate(passed);
  }

  // ---------------------------------------------------------------- control flow

  private lowerIf(statement: If, context: Context): void {
    const builder = this.builder;
    const test = this.expressions.lower(statement.test);
    const thenBlock = builder.newBlock();
    const elseBlock = statement.orelse.length > 0 ? builder.newBlock() : null;
    const join = builder.newBlock();
    builder.terminate({ kind: 'branch', test, ifTrue: thenBlock, ifFalse: elseBlock ?? join, span: statement.test });

    builder.activate(thenBlock);
    this.lowerStatements(statement.body, context);
    builder.jump(join);
    if (elseBlock !== null) {
      builder.activate(elseBlock);
      this.lowerStatements(statement.orelse, context);
      builder.jump(join);
    }
    builder.activate(join);
  }

  private lowerWhile(statement: While, context: Context): void {
    const builder = this.builder;
    const header = builder.newBlock();
    builder.jump(header);
    builder.activate(header);

    const body = builder.newBlock();
    const elseBlock = statement.orelse.length > 0 ? builder.newBlock() : null;
    const after = builder.newBlock();
    if (isAlwaysTrue(statement.test)) {
      builder.jump(body);
    } else {
      const test = this.expressions.lower(statement.test);
      builder.terminate({ kind: 'branch', test, ifTrue: body, ifFalse: elseBlock ?? after, span: statement.test });
    }

    const loop: LoopTarget = { breakTarget: after, continueTarget: header, finallyDepth: context.finallies.length, id: this.newLoopId() };
    builder.activate(body);
    this.lowerStatements(statement.body, { ...context, loop });
    builder.jump(header);
    if (elseBlock !== null) {
      builder.activate(elseBlock);
      this.lowerStatements(statement.orelse, context);
      builder.jump(after);
    }
    builder.activate(after);
  }

  private lowerFor(statement: For, context: Context): void {
    const builder = this.builder;
    const iterable = this.expressions.lower(statement.iter);
    const iterator = builder.fresh('it');
    builder.emit(assignTo(nameStore(iterator, statement.iter), callName('iter', [iterable], statement.iter), statement.iter));
    const header = builder.newBlock();
    builder.jump(header);
    builder.activate(header);

    const body = builder.newBlock();
    const elseBlock = statement.orelse.length > 0 ? builder.newBlock() : null;
    const after = builder.newBlock();
    const targetSuspends = this.flags.suspends(statement.target);
    const itemTemp = targetSuspends ? builder.fresh('t') : null;
    const target = itemTemp === null ? statement.target : nameStore(itemTemp, statement.target);
    const span = { start: statement.start, end: statement.iter.end };
    builder.terminate({ kind: 'next', iterator, target, body, exhausted: elseBlock ?? after, span });

    const loop: LoopTarget = { breakTarget: after, continueTarget: header, finallyDepth: context.finallies.length, id: this.newLoopId() };
    builder.activate(body);
    if (itemTemp !== null) this.assignTarget(statement.target, nameLoad(itemTemp, statement.target));
    this.lowerStatements(statement.body, { ...context, loop });
    builder.jump(header);
    if (elseBlock !== null) {
      builder.activate(elseBlock);
      this.lowerStatements(statement.orelse, context);
      builder.jump(after);
    }
    builder.activate(after);
  }
}

function isAlwaysTrue(test: Expr): boolean {
  if (test.kind !== 'Constant') return false;
  const value = test.value;
  return (value.kind === 'bool' && value.value) || (value.kind === 'int' && value.value !== '0');
}

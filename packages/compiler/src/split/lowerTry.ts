// Lowering of `try` statements and of the jumps that leave them.
//
// The blocks of the protected body name a dispatch block as their handler;
// it ends in an `except` terminator choosing the clause. A `finally` clause
// is lowered once and entered with a pending completion: a local `$fkN` says
// how the protected code ended (0 normally, 1 by an exception, 2 by a
// return, 3 and up by a break or continue) and `$fvN` holds the exception or
// the return value. After the clause, a chain of branches on `$fkN` resumes
// that completion, passing through enclosing `finally` clauses in turn.

import type { Expr, Span, Stmt, Try } from '../ast.ts';
import { EXCEPTION_VAR } from '../ir.ts';
import type { DraftBlock } from './builder.ts';
import { UnsupportedPlacement } from './lowerExpr.ts';
import type { Context, LoopTarget, PendingFinally, StatementLowering } from './lowerStmt.ts';
import { assignName, compare, deleteName, intConstant, nameLoad, noneConstant } from './nodes.ts';

const NORMAL = 0;
const RAISED = 1;
const RETURNED = 2;
const FIRST_JUMP_CODE = 3;

/** Returns from the method, through the innermost pending `finally` if there is one. */
export function performReturn(lowering: StatementLowering, value: Expr | null, span: Span, context: Context): void {
  const builder = lowering.builder;
  const pending = context.finallies[context.finallies.length - 1];
  if (pending === undefined) {
    builder.terminate({ kind: 'return', value, span });
    return;
  }
  builder.emit(assignName(pending.valueVar, value ?? noneConstant(span), span));
  builder.emit(assignName(pending.kindVar, intConstant(RETURNED, span), span));
  pending.usesReturn = true;
  builder.jump(pending.entry);
}

/** Performs `break` or `continue` of the innermost lowered loop. */
export function performJump(lowering: StatementLowering, kind: 'break' | 'continue', context: Context, span: Span): void {
  const loop = context.loop;
  if (loop === null) throw new UnsupportedPlacement(`'${kind}' outside a loop.`, span);
  jumpOutTo(lowering, loop, kind, context, span);
}

function jumpOutTo(lowering: StatementLowering, loop: LoopTarget, kind: 'break' | 'continue', context: Context, span: Span): void {
  const builder = lowering.builder;
  if (context.finallies.length <= loop.finallyDepth) {
    builder.jump(kind === 'break' ? loop.breakTarget : loop.continueTarget);
    return;
  }
  const pending = context.finallies[context.finallies.length - 1]!;
  let jump = pending.jumps.find((entry) => entry.loop === loop && entry.kind === kind);
  if (jump === undefined) {
    jump = { code: FIRST_JUMP_CODE + pending.jumps.length, loop, kind };
    pending.jumps.push(jump);
  }
  builder.emit(assignName(pending.valueVar, noneConstant(span), span));
  builder.emit(assignName(pending.kindVar, intConstant(jump.code, span), span));
  builder.jump(pending.entry);
}

export function lowerTry(lowering: StatementLowering, statement: Try, context: Context): void {
  const builder = lowering.builder;
  const outerHandler = builder.handler;
  const span = statement;

  // Inside an except clause, `$exc` holds the exception being handled; a
  // nested lowered try overwrites it, so keep it and put it back after.
  let savedException: string | null = null;
  if (context.inHandler) {
    savedException = builder.fresh('e');
    builder.emit(assignName(savedException, nameLoad(EXCEPTION_VAR, span), span));
  }

  let pending: PendingFinally | null = null;
  let finallyExceptionBlock: DraftBlock | null = null;
  if (statement.finalbody.length > 0) {
    const entry = builder.newBlock(outerHandler);
    finallyExceptionBlock = builder.newBlock(outerHandler);
    pending = { kindVar: builder.fresh('fk'), valueVar: builder.fresh('fv'), entry, usesReturn: false, jumps: [] };
  }
  const protectedContext: Context = pending === null ? context : { ...context, finallies: [...context.finallies, pending] };
  const clauseHandler = finallyExceptionBlock ?? outerHandler;
  const dispatch = statement.handlers.length > 0 ? builder.newBlock(clauseHandler) : null;
  const join = builder.newBlock(outerHandler);

  const finishNormally = (): void => {
    if (!builder.isOpen) return;
    if (pending === null) {
      builder.jump(join);
      return;
    }
    builder.emit(assignName(pending.valueVar, noneConstant(span), span));
    builder.emit(assignName(pending.kindVar, intConstant(NORMAL, span), span));
    builder.jump(pending.entry);
  };

  // The protected body.
  builder.handler = dispatch ?? clauseHandler;
  const bodyBlock = builder.newBlock();
  builder.jump(bodyBlock);
  builder.activate(bodyBlock);
  lowering.lowerStatements(statement.body, protectedContext);

  // The else clause runs outside the except clauses' protection.
  builder.handler = clauseHandler;
  if (statement.orelse.length > 0 && builder.isOpen) {
    const elseBlock = builder.newBlock();
    builder.jump(elseBlock);
    builder.activate(elseBlock);
    lowering.lowerStatements(statement.orelse, protectedContext);
  }
  finishNormally();

  if (dispatch !== null) {
    lowerHandlers(lowering, statement, dispatch, protectedContext, finishNormally);
  }

  builder.handler = outerHandler;
  if (pending !== null && finallyExceptionBlock !== null) {
    builder.activate(finallyExceptionBlock);
    builder.emit(assignName(pending.valueVar, nameLoad(EXCEPTION_VAR, span), span));
    builder.emit(assignName(pending.kindVar, intConstant(RAISED, span), span));
    builder.jump(pending.entry);

    builder.activate(pending.entry);
    lowering.lowerStatements(statement.finalbody, context);
    if (builder.isOpen) resumeCompletion(lowering, pending, join, context, span);
  }

  builder.activate(join);
  if (savedException !== null) builder.emit(assignName(EXCEPTION_VAR, nameLoad(savedException, span), span));
}

function lowerHandlers(
  lowering: StatementLowering,
  statement: Try,
  dispatch: DraftBlock,
  context: Context,
  finishNormally: () => void,
): void {
  const builder = lowering.builder;
  builder.activate(dispatch);
  const clauses = statement.handlers.map((handler) => {
    if (handler.type !== null && lowering.flags.suspends(handler.type)) {
      throw new UnsupportedPlacement('A remote call in an except clause type is not supported; compute the type before the try.', handler.type);
    }
    return { type: handler.type, name: handler.name, target: builder.newBlock() };
  });
  const unmatched = builder.newBlock();
  builder.terminate({ kind: 'except', clauses, unmatched, span: { start: statement.handlers[0]!.start, end: statement.end } });

  const handlerContext: Context = { ...context, inHandler: true };
  statement.handlers.forEach((handler, index) => {
    builder.activate(clauses[index]!.target);
    lowering.lowerStatements(handler.body, handlerContext);
    // Python unbinds the `as` name when the clause ends.
    if (handler.name !== null && builder.isOpen) {
      builder.emit(assignName(handler.name, noneConstant(handler), handler));
      builder.emit(deleteName(handler.name, handler));
    }
    finishNormally();
  });

  builder.activate(unmatched);
  builder.terminate({ kind: 'raise', exc: null, cause: null, span: statement });
}

/** After a `finally` clause: continue the way the protected code ended. */
function resumeCompletion(lowering: StatementLowering, pending: PendingFinally, join: DraftBlock, context: Context, span: Span): void {
  const builder = lowering.builder;
  const cases: { code: number; perform: () => void }[] = [{ code: NORMAL, perform: () => builder.jump(join) }];
  if (pending.usesReturn) {
    cases.push({ code: RETURNED, perform: () => performReturn(lowering, nameLoad(pending.valueVar, span), span, context) });
  }
  for (const jump of pending.jumps) {
    cases.push({ code: jump.code, perform: () => jumpOutTo(lowering, jump.loop, jump.kind, context, span) });
  }

  for (const entry of cases) {
    const matched = builder.newBlock();
    const rest = builder.newBlock();
    const test = compare(nameLoad(pending.kindVar, span), 'Eq', intConstant(entry.code, span), span);
    builder.terminate({ kind: 'branch', test, ifTrue: matched, ifFalse: rest, span });
    builder.activate(matched);
    entry.perform();
    builder.activate(rest);
  }
  // The only completion left is an exception: raise it again.
  builder.terminate({ kind: 'raise', exc: nameLoad(pending.valueVar, span), cause: null, span });
}

export type { Stmt };

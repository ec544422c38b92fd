// The block executor: runs a method's block graph on one entity until it
// returns, raises, or reaches a terminator that needs another entity (remote
// call, creation, remote read). Calls of split methods on `self` push a frame
// on an explicit stack (no JS recursion); everything is resumable from a
// Continuation.

import { callMethod, getAttr } from './attrs.ts';
import { enterCall } from './call.ts';
import { truthy } from './compare.ts';
import { copyAcrossBoundary } from './copy.ts';
import { exc, PyError, raise } from './exceptions.ts';
import { pyEq } from './hashing.ts';
import type { Continuation, ContinuationFrame, ExecContext, Outcome, Resumption } from './host.ts';
import { exceptionMatches, makeRaisable, setCause, withContext } from './interp/compileStmt.ts';
import { toPyError } from './interp/errors.ts';
import { Frame, RETURN } from './interp/frame.ts';
import { bindArgs } from './interp/params.ts';
import type { CompiledMethod } from './interp/blocks.ts';
import { initCells } from './interp/blocks.ts';
import { stepLimitError } from './iteration.ts';
import type { RuntimeProgram } from './program.ts';
import { rt } from './state.ts';
import { typeName } from './types.ts';
import { DONE, EntityInstance, EntityRef, PyIter, PyInstance, type Kwargs, type Value } from './values.ts';

/** One frame of the executor's stack. */
interface Active {
  method: CompiledMethod;
  frame: Frame;
  block: string;
  /** Set while suspended or waiting for a callee: where the reply goes. */
  resultSlot: number;
  callBlock: string;
}

function keyTypeCheck(className: string, key: Value): void {
  if (typeof key !== 'string' && !(typeof key === 'number' || typeof key === 'bigint')) {
    throw raise(exc.TypeError, `${className}.__key__() must return a str or an int, not ${typeName(key)}`);
  }
}

export class Executor {
  constructor(
    readonly program: RuntimeProgram,
    readonly entity: EntityInstance,
    readonly ctx: ExecContext,
    /** Set for a construction: the bottom frame is `__init__`, then `__key__` runs. */
    readonly constructing: boolean,
    readonly stack: Active[] = [],
  ) {}

  private isSelf(v: Value): boolean {
    if (v === this.entity) return true;
    return v instanceof EntityRef && !this.constructing && v.className === this.entity.className && pyEq(v.key, this.entity.key);
  }

  /** Push a new frame for `method` with bound arguments (raises TypeError on a bad call). */
  pushCall(method: CompiledMethod, args: Value[], kwargs: Kwargs): void {
    if (this.stack.length >= this.program.limits.callChainDepthMax) {
      throw raise(exc.RecursionError, 'maximum recursion depth exceeded');
    }
    const frame = new Frame(new Array(method.slotCount), this.program.methodFunction(method));
    frame.slots[method.selfSlot] = this.entity;
    bindArgs(method.spec, frame.slots, args, kwargs);
    initCells(method, frame.slots);
    this.stack.push({ method, frame, block: method.entry, resultSlot: -1, callBlock: '' });
    if (method.ir.isTransactional) this.ctx.onTransactional?.('enter', this.entity, method.name);
  }

  /** Run until an outcome. `pending` is delivered to the top frame first. */
  run(pending: Resumption | null): Outcome {
    let delivery = pending;
    for (;;) {
      const top = this.stack[this.stack.length - 1];
      const m = top.method;
      const f = top.frame;
      let blockId = top.block;
      if (delivery !== null) {
        const d = delivery;
        delivery = null;
        if (d.kind === 'value') {
          if (top.resultSlot >= 0) f.slots[top.resultSlot] = d.value;
        } else {
          const raised = this.chained(m, f, top.callBlock, d.exception as PyInstance);
          const handler = m.blocks.get(top.callBlock)?.handler ?? null;
          if (handler === null) {
            const out = this.unwind(raised);
            if (out !== null) return out;
            continue;
          }
          f.slots[m.excSlot] = raised;
          blockId = handler;
        }
      }
      // Run blocks of the top frame until it suspends, calls, returns or raises.
      let result: { kind: 'return'; value: Value } | { kind: 'raise'; exc: PyInstance } | { kind: 'suspend'; outcome: Outcome } | { kind: 'call' };
      for (;;) {
        const blk = m.blocks.get(blockId);
        if (blk === undefined) throw new Error(`block ${blockId} not found in ${m.className}.${m.name}`);
        try {
          if (--rt.budget.remaining < 0) throw stepLimitError();
          if (blk.body(f) === RETURN) {
            result = { kind: 'return', value: f.ret };
            break;
          }
          const t = blk.term;
          switch (t.kind) {
            case 'return':
              result = { kind: 'return', value: t.value ? t.value(f) : null };
              break;
            case 'raise': {
              if (t.exc === null) {
                // `$exc` keeps the last handled exception after its clause ends,
                // so a bare raise outside any clause has nothing to re-raise,
                // unless a `finally` clause may be running with it pending.
                const current = f.slots[m.excSlot];
                const isActive = m.hasFinallyHandler || m.handlerBlocks.has(blk.id) || m.reraiseBlocks.has(blk.id);
                if (!isActive || !(current instanceof PyInstance)) throw raise(exc.RuntimeError, 'No active exception to reraise');
                throw new PyError(current);
              }
              const inst = makeRaisable(t.exc(f));
              if (t.cause) setCause(inst, t.cause(f));
              throw new PyError(inst);
            }
            case 'jump':
              blockId = t.target;
              continue;
            case 'branch':
              blockId = truthy(t.test(f)) ? t.ifTrue : t.ifFalse;
              continue;
            case 'next': {
              const it = f.slots[t.iteratorSlot];
              if (!(it instanceof PyIter)) throw raise(exc.TypeError, `'${typeName(it as Value)}' object is not an iterator`);
              const x = it.next();
              if (x === DONE) {
                blockId = t.exhausted;
              } else {
                t.store(f, x);
                blockId = t.body;
              }
              continue;
            }
            case 'except': {
              const e = f.slots[m.excSlot] as PyInstance;
              let target = t.unmatched;
              for (const c of t.clauses) {
                if (c.type === null || exceptionMatches(e, c.type(f))) {
                  if (c.store) c.store(f, e);
                  target = c.target;
                  break;
                }
              }
              blockId = target;
              continue;
            }
            case 'remoteCall': {
              const receiver = t.receiver(f);
              const args = t.args(f);
              const kwargs = t.kwargs ? t.kwargs(f) : null;
              if (this.isSelf(receiver)) {
                // A call on the executing entity itself is local: nothing is copied.
                top.block = t.resume;
                top.resultSlot = t.resultSlot;
                top.callBlock = blk.id;
                this.pushCall(this.program.method(m.className, t.method), args, kwargs);
                result = { kind: 'call' };
                break;
              }
              if (!(receiver instanceof EntityRef)) {
                // Not a reference after all (e.g. a plain object): an ordinary local call.
                f.slots[t.resultSlot] = callMethod(receiver, t.method, args, kwargs);
                blockId = t.resume;
                continue;
              }
              const [cargs, ckw] = copyAcrossBoundary([args, kwargs ?? []] as [Value[], [string, Value][]]);
              result = { kind: 'suspend', outcome: { kind: 'remoteCall', target: receiver, method: t.method, args: cargs, kwargs: ckw, continuation: this.suspend(top, blk.id, t.resume, t.resultSlot) } };
              break;
            }
            case 'create': {
              const args = t.args(f);
              const kwargs = t.kwargs ? t.kwargs(f) : [];
              const [cargs, ckw] = copyAcrossBoundary([args, kwargs ?? []] as [Value[], [string, Value][]]);
              result = { kind: 'suspend', outcome: { kind: 'create', className: t.className, args: cargs, kwargs: ckw, continuation: this.suspend(top, blk.id, t.resume, t.resultSlot) } };
              break;
            }
            case 'read': {
              const receiver = t.receiver(f);
              if (!(receiver instanceof EntityRef)) {
                f.slots[t.resultSlot] = getAttr(receiver, t.attr);
                blockId = t.resume;
                continue;
              }
              result = { kind: 'suspend', outcome: { kind: 'read', target: receiver, attr: t.attr, continuation: this.suspend(top, blk.id, t.resume, t.resultSlot) } };
              break;
            }
            case 'selfCall': {
              const callee = this.program.method(m.className, t.method);
              const args = t.args(f);
              const kwargs = t.kwargs ? t.kwargs(f) : null;
              top.block = t.resume;
              top.resultSlot = t.resultSlot;
              top.callBlock = blk.id;
              this.pushCall(callee, args, kwargs);
              result = { kind: 'call' };
              break;
            }
          }
          break;
        } catch (e) {
          const pe = this.chained(m, f, blk.id, toPyError(e).exc);
          if (blk.handler !== null) {
            f.slots[m.excSlot] = pe;
            blockId = blk.handler;
            continue;
          }
          result = { kind: 'raise', exc: pe };
          break;
        }
      }
      if (result.kind === 'call') continue;
      if (result.kind === 'suspend') return result.outcome;
      if (result.kind === 'return') {
        const out = this.finishFrame(result.value);
        if (out !== null) return out;
        continue;
      }
      const out = this.unwind(result.exc);
      if (out !== null) return out;
    }
  }

  /**
   * Set the handled exception as `__context__` of an exception raised in an
   * except clause, by the clause's own code or by an entity it called,
   * unless the exception already has a context (implicit chaining).
   */
  private chained(m: CompiledMethod, f: Frame, blockId: string, e: PyInstance): PyInstance {
    if (!m.handlerBlocks.has(blockId)) return e;
    const handled = f.slots[m.excSlot];
    if (handled instanceof PyInstance) withContext(new PyError(e), handled);
    return e;
  }

  private suspend(top: Active, callBlock: string, resume: string, resultSlot: number): Continuation {
    top.block = resume;
    top.resultSlot = resultSlot;
    top.callBlock = callBlock;
    const frames: ContinuationFrame[] = this.stack.map((a) => ({
      method: a.method.name,
      resumeBlock: a.block,
      callBlock: a.callBlock,
      resultVar: a.resultSlot >= 0 ? a.method.slotNames[a.resultSlot] : null,
      locals: a.frame.slots as (Value | undefined)[],
      isTransactional: a.method.ir.isTransactional,
    }));
    return {
      className: this.entity.className,
      key: this.constructing ? null : this.entity.key,
      frames,
      constructing: this.constructing ? this.entity : null,
    };
  }

  /** The top frame returned `value`: pop it and deliver to the caller, or finish. */
  private finishFrame(value: Value): Outcome | null {
    const done = this.stack.pop()!;
    if (done.method.ir.isTransactional) this.ctx.onTransactional?.('return', this.entity, done.method.name);
    if (this.stack.length > 0) {
      const caller = this.stack[this.stack.length - 1];
      if (caller.resultSlot >= 0) caller.frame.slots[caller.resultSlot] = value;
      return this.continueWith(null);
    }
    if (this.constructing) {
      try {
        if (value !== null) throw raise(exc.TypeError, `__init__() should return None, not '${typeName(value)}'`);
        const key = this.program.callKey(this.entity);
        keyTypeCheck(this.entity.className, key);
        this.entity.key = key;
      } catch (e) {
        return { kind: 'raise', exception: copyAcrossBoundary(toPyError(e).exc) };
      }
      return { kind: 'constructed', entity: this.entity };
    }
    return { kind: 'return', value: copyAcrossBoundary(value) };
  }

  private continueWith(_x: null): null {
    return null;
  }

  /** An exception leaves the top frame: pop frames until one handles it. */
  private unwind(e: PyInstance): Outcome | null {
    const done = this.stack.pop()!;
    if (done.method.ir.isTransactional) this.ctx.onTransactional?.('raise', this.entity, done.method.name);
    if (this.stack.length === 0) return { kind: 'raise', exception: copyAcrossBoundary(e) };
    const caller = this.stack[this.stack.length - 1];
    this.chained(caller.method, caller.frame, caller.callBlock, e);
    const handler = caller.method.blocks.get(caller.callBlock)?.handler ?? null;
    if (handler === null) return this.unwind(e);
    caller.frame.slots[caller.method.excSlot] = e;
    caller.block = handler;
    caller.resultSlot = -1;
    return null;
  }
}

/** Run a (non-split) method synchronously, as a call on `self` inside a statement. */
export function runInline(program: RuntimeProgram, entity: EntityInstance, method: CompiledMethod, args: Value[], kwargs: Kwargs): Value {
  enterCall();
  try {
    const ctx: ExecContext = { print: rt.print, stepBudget: rt.budget, onTransactional: currentHook.hook };
    const ex = new Executor(program, entity, ctx, false);
    ex.pushCall(method, args, kwargs);
    const out = ex.run(null);
    switch (out.kind) {
      case 'return': return out.value;
      case 'raise': throw new PyError(out.exception as PyInstance);
      default:
        throw raise(exc.RuntimeError, `${method.className}.${method.name}() needs another entity and cannot run inside an expression here; call it as a statement of a method`);
    }
  } finally {
    rt.depth--;
  }
}

/** The transaction hook of the request in progress, for inline calls. */
export const currentHook: { hook: ExecContext['onTransactional'] | undefined } = { hook: undefined };

// Mutable block graph under construction for one method. Lowering appends
// statements to the current block and ends it with a terminator; targets are
// draft blocks until the graph is finished and numbered.

import type { Expr, Keyword, Span, Stmt } from '../ast.ts';
import { BLOCKS_PER_METHOD_MAX } from '../limits.ts';
import { assignName, nameLoad } from './nodes.ts';

export interface DraftBlock {
  /** Creation index, for diagnostics only. */
  index: number;
  /** Position in activation order (-1 until lowering starts filling it). */
  order: number;
  statements: Stmt[];
  terminator: DraftTerminator | null;
  handler: DraftBlock | null;
  spans: Span[];
}

export type DraftTerminator =
  | { kind: 'return'; value: Expr | null; span: Span }
  | { kind: 'raise'; exc: Expr | null; cause: Expr | null; span: Span }
  | { kind: 'jump'; target: DraftBlock }
  | { kind: 'branch'; test: Expr; ifTrue: DraftBlock; ifFalse: DraftBlock; span: Span }
  | { kind: 'next'; iterator: string; target: Expr; body: DraftBlock; exhausted: DraftBlock; span: Span }
  | {
    kind: 'except';
    clauses: { type: Expr | null; name: string | null; target: DraftBlock }[];
    unmatched: DraftBlock;
    span: Span;
  }
  | {
    kind: 'remoteCall';
    receiver: Expr;
    className: string;
    method: string;
    args: Expr[];
    keywords: Keyword[];
    result: string;
    resume: DraftBlock;
    span: Span;
  }
  | { kind: 'selfCall'; method: string; args: Expr[]; keywords: Keyword[]; result: string; resume: DraftBlock; span: Span }
  | { kind: 'create'; className: string; args: Expr[]; keywords: Keyword[]; result: string; resume: DraftBlock; span: Span }
  | { kind: 'read'; receiver: Expr; className: string; attr: string; result: string; resume: DraftBlock; span: Span };

/** Thrown when a method needs more blocks than the limit allows; reported as a diagnostic. */
export class BlockLimitError extends Error {}

export class BlockBuilder {
  readonly blocks: DraftBlock[] = [];
  /** Block receiving statements; null after a terminator until another block is activated. */
  current: DraftBlock | null = null;
  /** Exception handler given to new blocks. */
  handler: DraftBlock | null = null;
  /** Every local lowering introduced (temporaries, iterators, renamed comprehension variables). */
  readonly names = new Set<string>();
  private activations = 0;
  private counters = new Map<string, number>();

  newBlock(handler: DraftBlock | null = this.handler): DraftBlock {
    if (this.blocks.length >= BLOCKS_PER_METHOD_MAX) throw new BlockLimitError();
    const block: DraftBlock = { index: this.blocks.length, order: -1, statements: [], terminator: null, handler, spans: [] };
    this.blocks.push(block);
    return block;
  }

  activate(block: DraftBlock): void {
    if (block.order < 0) block.order = this.activations++;
    this.current = block;
  }

  get isOpen(): boolean {
    return this.current !== null;
  }

  emit(statement: Stmt): void {
    if (this.current === null) return;
    this.current.statements.push(statement);
    addSpan(this.current, statement);
  }

  terminate(terminator: DraftTerminator): void {
    if (this.current === null) return;
    this.current.terminator = terminator;
    if ('span' in terminator) addSpan(this.current, terminator.span);
    this.current = null;
  }

  jump(target: DraftBlock): void {
    this.terminate({ kind: 'jump', target });
  }

  /** Returns a fresh local name `$<prefix>N`; the `$` keeps it apart from every Python name. */
  fresh(prefix: string): string {
    const next = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, next);
    const name = `$${prefix}${next}`;
    this.names.add(name);
    return name;
  }

  /** Evaluates `value` into a new temporary and returns a load of it. */
  hoist(value: Expr): Expr {
    const temp = this.fresh('t');
    this.emit(assignName(temp, value, value));
    return nameLoad(temp, value);
  }
}

function addSpan(block: DraftBlock, span: Span): void {
  const last = block.spans[block.spans.length - 1];
  if (last !== undefined && last.start <= span.start && span.end <= last.end) return;
  block.spans.push({ start: span.start, end: span.end });
}

// Turns the draft graph of one method into IR blocks: skips blocks that only
// jump, drops unreachable blocks, orders the rest (entry first, then in the
// order lowering started filling them, which follows the source) and names
// them `Class.method#N`.

import type { BlockIR, Terminator } from '../ir.ts';
import type { DraftBlock, DraftTerminator } from './builder.ts';

export interface FinishedBlocks {
  entry: string;
  blocks: BlockIR[];
}

export function finishBlocks(entryDraft: DraftBlock, qualifiedName: string): FinishedBlocks {
  // Follow chains of empty blocks that only jump; a cycle of them (an empty
  // infinite loop) keeps its first block. A resume target keeps the handler
  // of the block that suspended, so the chain stops at a handler change:
  // the locals live into a resume block then cover its handler's as well.
  const resolvedAny = new Map<DraftBlock, DraftBlock>();
  const resolvedSameHandler = new Map<DraftBlock, DraftBlock>();
  const follow = (block: DraftBlock, keepHandler: boolean): DraftBlock => {
    if (block.statements.length > 0 || block.terminator?.kind !== 'jump') return block;
    const cache = keepHandler ? resolvedSameHandler : resolvedAny;
    const known = cache.get(block);
    if (known !== undefined) return known;
    const seen = new Set<DraftBlock>();
    let current = block;
    while (current.statements.length === 0 && current.terminator?.kind === 'jump' && !seen.has(current)) {
      const target = current.terminator.target;
      if (keepHandler && target.handler !== block.handler) break;
      seen.add(current);
      current = target;
    }
    if (seen.has(current)) current = block;
    cache.set(block, current);
    return current;
  };
  const resolve = (block: DraftBlock): DraftBlock => follow(block, false);

  const entry = resolve(entryDraft);
  const reachable: DraftBlock[] = [];
  const visited = new Set<DraftBlock>([entry]);
  const queue = [entry];
  for (let position = 0; position < queue.length; position++) {
    const block = queue[position]!;
    reachable.push(block);
    if (block.terminator === null) throw new Error(`block ${block.index} of ${qualifiedName} has no terminator`);
    const next = successors(block.terminator).map((target) => follow(target, isSuspension(block.terminator!)));
    if (block.handler !== null) next.push(resolve(block.handler));
    for (const successor of next) {
      if (visited.has(successor)) continue;
      visited.add(successor);
      queue.push(successor);
    }
  }

  reachable.sort((a, b) => {
    if (a === entry) return -1;
    if (b === entry) return 1;
    return a.order - b.order;
  });
  const ids = new Map<DraftBlock, string>();
  reachable.forEach((block, index) => ids.set(block, `${qualifiedName}#${index}`));
  const idOf = (block: DraftBlock): string => ids.get(resolve(block))!;
  const resumeIdOf = (block: DraftBlock): string => ids.get(follow(block, true))!;

  const blocks = reachable.map((block): BlockIR => ({
    id: ids.get(block)!,
    liveIn: [],
    statements: block.statements,
    terminator: convertTerminator(block.terminator!, isSuspension(block.terminator!) ? resumeIdOf : idOf),
    handler: block.handler === null ? null : idOf(block.handler),
    spans: block.spans,
  }));
  return { entry: ids.get(entry)!, blocks };
}

function isSuspension(terminator: DraftTerminator): boolean {
  return terminator.kind === 'remoteCall' || terminator.kind === 'selfCall' || terminator.kind === 'create' || terminator.kind === 'read';
}

function successors(terminator: DraftTerminator): DraftBlock[] {
  switch (terminator.kind) {
    case 'return':
    case 'raise':
      return [];
    case 'jump':
      return [terminator.target];
    case 'branch':
      return [terminator.ifTrue, terminator.ifFalse];
    case 'next':
      return [terminator.body, terminator.exhausted];
    case 'except':
      return [...terminator.clauses.map((clause) => clause.target), terminator.unmatched];
    default:
      return [terminator.resume];
  }
}

function convertTerminator(terminator: DraftTerminator, idOf: (block: DraftBlock) => string): Terminator {
  switch (terminator.kind) {
    case 'return':
    case 'raise':
      return terminator;
    case 'jump':
      return { kind: 'jump', target: idOf(terminator.target) };
    case 'branch':
      return { ...terminator, ifTrue: idOf(terminator.ifTrue), ifFalse: idOf(terminator.ifFalse) };
    case 'next':
      return { ...terminator, body: idOf(terminator.body), exhausted: idOf(terminator.exhausted) };
    case 'except':
      return {
        ...terminator,
        clauses: terminator.clauses.map((clause) => ({ ...clause, target: idOf(clause.target) })),
        unmatched: idOf(terminator.unmatched),
      };
    default:
      return { ...terminator, resume: idOf(terminator.resume) };
  }
}

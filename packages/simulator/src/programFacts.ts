// Static facts the engine needs from the IR: which requests can start a
// split @transactional chain (the ingress admits one such request at a
// time), and each method's entry block and each block's source spans.

import type { ProgramIR, Span } from '@entflow/compiler';
import type { ClientRequest } from '@entflow/runtime';
import type { ProgramFacts } from './engine.ts';

export function buildProgramFacts(ir: ProgramIR): ProgramFacts {
  const entries = new Map<string, string>();
  const spans = new Map<string, Span[]>();
  const calls = new Map<string, Set<string>>();
  const splitTransactional = new Set<string>();

  for (const entity of ir.entities) {
    for (const method of entity.methods) {
      const name = `${entity.name}.${method.name}`;
      entries.set(name, method.entry);
      if (method.isTransactional && method.isSplit) {
        splitTransactional.add(name);
      }
      const callees = new Set<string>();
      for (const block of method.blocks) {
        spans.set(block.id, block.spans);
        const t = block.terminator;
        if (t.kind === 'remoteCall') {
          callees.add(`${t.className}.${t.method}`);
        } else if (t.kind === 'selfCall') {
          callees.add(`${entity.name}.${t.method}`);
        } else if (t.kind === 'create') {
          callees.add(`${t.className}.__init__`);
        }
      }
      calls.set(name, callees);
    }
  }

  // A method is transaction-capable when a split @transactional method is reachable from it.
  const capable = new Map<string, boolean>();
  const reaches = (start: string): boolean => {
    const cached = capable.get(start);
    if (cached !== undefined) {
      return cached;
    }
    const seen = new Set<string>([start]);
    const stack = [start];
    let found = false;
    while (stack.length > 0 && !found) {
      const name = stack.pop()!;
      if (splitTransactional.has(name)) {
        found = true;
        break;
      }
      for (const callee of calls.get(name) ?? []) {
        if (!seen.has(callee)) {
          seen.add(callee);
          stack.push(callee);
        }
      }
    }
    capable.set(start, found);
    return found;
  };

  return {
    isTxCapable(request: ClientRequest): boolean {
      if (request.kind === 'call') {
        return reaches(`${request.target.className}.${request.method}`);
      }
      return request.kind === 'create' ? reaches(`${request.className}.__init__`) : false;
    },
    entryBlock: (className, method) => entries.get(`${className}.${method}`) ?? null,
    blockSpans: (blockId) => spans.get(blockId) ?? [],
  };
}

// One-line text of terminators and compact listings of block graphs, used
// by the graph emitters and the split test fixtures.

import type { Expr, Keyword } from '../ast.ts';
import type { BlockIR, MethodIR, Terminator } from '../ir.ts';
import { unparseExpr, unparseStmt } from './unparse.ts';

/** `Class.method#3` -> `#3`. */
export function shortBlockId(id: string): string {
  const index = id.lastIndexOf('#');
  return index < 0 ? id : id.slice(index);
}

function callText(receiver: string | null, name: string, args: Expr[], keywords: Keyword[]): string {
  const parts = [
    ...args.map((arg) => unparseExpr(arg)),
    ...keywords.map((keyword) => (keyword.arg === null ? `**${unparseExpr(keyword.value)}` : `${keyword.arg}=${unparseExpr(keyword.value)}`)),
  ];
  return `${receiver === null ? '' : receiver + '.'}${name}(${parts.join(', ')})`;
}

export function terminatorText(terminator: Terminator, blockName: (id: string) => string = shortBlockId): string {
  switch (terminator.kind) {
    case 'return':
      return terminator.value === null ? 'return' : `return ${unparseExpr(terminator.value)}`;
    case 'raise': {
      if (terminator.exc === null) return 'raise';
      const cause = terminator.cause === null ? '' : ` from ${unparseExpr(terminator.cause)}`;
      return `raise ${unparseExpr(terminator.exc)}${cause}`;
    }
    case 'jump':
      return `jump ${blockName(terminator.target)}`;
    case 'branch':
      return `branch ${unparseExpr(terminator.test)} ? ${blockName(terminator.ifTrue)} : ${blockName(terminator.ifFalse)}`;
    case 'next':
      return `next ${unparseExpr(terminator.target)} from ${terminator.iterator} ? ${blockName(terminator.body)} : ${blockName(terminator.exhausted)}`;
    case 'except': {
      const clauses = terminator.clauses.map((clause) => {
        const type = clause.type === null ? '*' : unparseExpr(clause.type);
        return `${type}${clause.name === null ? '' : ` as ${clause.name}`} -> ${blockName(clause.target)}`;
      });
      return `except ${clauses.join(', ')} | unmatched ${blockName(terminator.unmatched)}`;
    }
    case 'remoteCall':
      return `remoteCall ${terminator.result} = ${callText(unparseExpr(terminator.receiver), terminator.method, terminator.args, terminator.keywords)} [${terminator.className}] -> ${blockName(terminator.resume)}`;
    case 'selfCall':
      return `selfCall ${terminator.result} = ${callText('self', terminator.method, terminator.args, terminator.keywords)} -> ${blockName(terminator.resume)}`;
    case 'create':
      return `create ${terminator.result} = ${callText(null, terminator.className, terminator.args, terminator.keywords)} -> ${blockName(terminator.resume)}`;
    case 'read':
      return `read ${terminator.result} = ${unparseExpr(terminator.receiver)}.${terminator.attr} [${terminator.className}] -> ${blockName(terminator.resume)}`;
  }
}

export interface BlockListing {
  id: string;
  live: string[];
  handler: string | null;
  code: string[];
  end: string;
}

export interface MethodListing {
  split: boolean;
  entry: string;
  blocks: BlockListing[];
}

export function blockListing(block: BlockIR): BlockListing {
  return {
    id: shortBlockId(block.id),
    live: block.liveIn,
    handler: block.handler === null ? null : shortBlockId(block.handler),
    code: block.statements.flatMap((statement) => unparseStmt(statement)),
    end: terminatorText(block.terminator),
  };
}

export function methodListing(method: MethodIR): MethodListing {
  return { split: method.isSplit, entry: shortBlockId(method.entry), blocks: method.blocks.map(blockListing) };
}

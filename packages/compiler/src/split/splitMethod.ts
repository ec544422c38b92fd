// Splits one entity method into its block graph. A method that never
// suspends stays one block holding its original statements.

import type { Node, Span } from '../ast.ts';
import { Code } from '../analysis/codes.ts';
import type { DiagnosticSink } from '../analysis/diagnostics.ts';
import { isSuspendingSite, type MethodModel, type ProgramModel } from '../analysis/model.ts';
import { toTypeRef } from '../analysis/types.ts';
import { EXCEPTION_VAR, type BlockIR, type MethodIR } from '../ir.ts';
import { BLOCKS_PER_METHOD_MAX } from '../limits.ts';
import { BlockBuilder, BlockLimitError } from './builder.ts';
import { finishBlocks } from './finish.ts';
import { NodeFlags } from './flags.ts';
import { LivenessAnalysis } from './liveness.ts';
import { ExpressionLowering, UnsupportedPlacement } from './lowerExpr.ts';
import { StatementLowering } from './lowerStmt.ts';
import { boundNames } from './names.ts';

export function splitMethod(method: MethodModel, model: ProgramModel, sink: DiagnosticSink): MethodIR | null {
  const qualifiedName = `${method.entity.name}.${method.name}`;
  const node = method.node;
  const endSpan: Span = { start: node.end, end: node.end };

  let entry: string;
  let blocks: BlockIR[];
  let introduced: ReadonlySet<string> = new Set();
  if (!method.isSplit) {
    entry = `${qualifiedName}#0`;
    const bodySpan = { start: node.body[0]!.start, end: node.body[node.body.length - 1]!.end };
    blocks = [{ id: entry, liveIn: [], statements: node.body, terminator: { kind: 'return', value: null, span: endSpan }, handler: null, spans: [bodySpan] }];
  } else {
    const lowered = lowerMethod(method, model, qualifiedName, endSpan, sink);
    if (lowered === null) return null;
    ({ entry, blocks, introduced } = lowered);
  }

  const locals = methodLocals(method, blocks, introduced);
  new LivenessAnalysis(locals, method.selfName).solveBlocks(blocks);

  return {
    name: method.name,
    qualifiedName,
    params: method.params,
    returnType: toPublicType(method),
    isTransactional: method.isTransactional,
    isSplit: method.isSplit,
    locals: [...locals].sort(),
    entry,
    blocks,
    span: { start: node.start, end: node.end },
  };
}

function lowerMethod(
  method: MethodModel,
  model: ProgramModel,
  qualifiedName: string,
  endSpan: Span,
  sink: DiagnosticSink,
): { entry: string; blocks: BlockIR[]; introduced: ReadonlySet<string> } | null {
  const className = method.entity.name;
  // Lowering renames comprehension variables in copies of their nodes; a
  // copy is classified like the node it was copied from.
  const originals = new Map<Node, Node>();
  const siteOf = (node: Node) => model.sites.get(originals.get(node) ?? node);
  const suspendingSite = (node: Node) => {
    const site = siteOf(node);
    return site !== undefined && isSuspendingSite(site, model, className) ? site : undefined;
  };
  const flags = new NodeFlags((node) => suspendingSite(node) !== undefined);
  const builder = new BlockBuilder();
  const expressions = new ExpressionLowering({
    builder,
    flags,
    suspendingSite,
    siteOf,
    walrusTargets: flags.walrusTargets,
    recordCopy: (original, copy) => originals.set(copy, originals.get(original) ?? original),
  });
  const statements = new StatementLowering(builder, flags, expressions);

  const entryDraft = builder.newBlock();
  builder.activate(entryDraft);
  try {
    statements.lowerStatements(method.node.body, { loop: null, finallies: [], inHandler: false });
    builder.terminate({ kind: 'return', value: null, span: endSpan });
  } catch (error) {
    if (error instanceof UnsupportedPlacement) {
      sink.error(Code.unsupportedPlacement, error.message, error.span);
      return null;
    }
    if (error instanceof BlockLimitError) {
      sink.error(
        Code.limitExceeded,
        `Method '${qualifiedName}' splits into more than ${BLOCKS_PER_METHOD_MAX} blocks; break it into smaller methods.`,
        method.node.nameSpan,
      );
      return null;
    }
    throw error;
  }
  return { ...finishBlocks(entryDraft, qualifiedName), introduced: builder.names };
}

/** Parameters (self included), names bound in the body, and the locals lowering introduced. */
function methodLocals(method: MethodModel, blocks: BlockIR[], introduced: ReadonlySet<string>): Set<string> {
  const args = method.node.args;
  const locals = new Set<string>(
    [...args.posonlyargs, ...args.args, ...(args.vararg ? [args.vararg] : []), ...args.kwonlyargs, ...(args.kwarg ? [args.kwarg] : [])]
      .map((arg) => arg.arg),
  );
  boundNames(method.node.body, locals);
  for (const name of introduced) locals.add(name);
  const usesException = blocks.some((block) =>
    block.handler !== null || block.terminator.kind === 'except' || (block.terminator.kind === 'raise' && block.terminator.exc === null));
  if (usesException) locals.add(EXCEPTION_VAR);
  return locals;
}

function toPublicType(method: MethodModel): MethodIR['returnType'] {
  return toTypeRef(method.returnType);
}

// Finding program parts by source offset and by id.
import type { BlockIR, EntityIR, MethodIR, ProgramIR, Span } from '@entflow/compiler';

function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

export function findMethod(ir: ProgramIR, qualifiedName: string): { entity: EntityIR; method: MethodIR } | null {
  for (const entity of ir.entities) {
    const method = entity.methods.find((m) => m.qualifiedName === qualifiedName);
    if (method) return { entity, method };
  }
  return null;
}

export function findMethodAt(ir: ProgramIR, offset: number): MethodIR | null {
  for (const entity of ir.entities) {
    if (!contains(entity.classSpan, offset)) continue;
    return entity.methods.find((method) => contains(method.span, offset)) ?? null;
  }
  return null;
}

/** The block whose narrowest span contains `offset`. */
export function findBlockAt(method: MethodIR, offset: number): BlockIR | null {
  let best: BlockIR | null = null;
  let bestWidth = Number.POSITIVE_INFINITY;
  for (const block of method.blocks) {
    for (const span of block.spans) {
      const width = span.end - span.start;
      if (contains(span, offset) && width < bestWidth) {
        best = block;
        bestWidth = width;
      }
    }
  }
  return best;
}

/** `Class.method#N` → `Class.method`. */
export function methodOfBlock(blockId: string): string {
  const hash = blockId.lastIndexOf('#');
  return hash < 0 ? blockId : blockId.slice(0, hash);
}

export function findBlock(ir: ProgramIR, blockId: string): BlockIR | null {
  const found = findMethod(ir, methodOfBlock(blockId));
  return found?.method.blocks.find((block) => block.id === blockId) ?? null;
}

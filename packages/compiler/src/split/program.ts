// Builds the program IR from the analysed model: entities with their state
// and split methods, invariants, module body and dataflow graph.

import type { DiagnosticSink } from '../analysis/diagnostics.ts';
import type { ProgramModel } from '../analysis/model.ts';
import { toTypeRef } from '../analysis/types.ts';
import { IR_VERSION, type EntityIR, type MethodIR, type ProgramIR } from '../ir.ts';
import { buildDataflow } from './dataflow.ts';
import { splitMethod } from './splitMethod.ts';

/** Returns null when a method could not be split; the reason is in `sink`. */
export function buildProgramIR(model: ProgramModel, sink: DiagnosticSink): ProgramIR | null {
  let isComplete = true;
  const entities: EntityIR[] = model.entities.map((entity) => {
    const methods: MethodIR[] = [];
    for (const method of entity.methods) {
      const ir = splitMethod(method, model, sink);
      if (ir === null) isComplete = false;
      else methods.push(ir);
    }
    return {
      name: entity.name,
      span: { start: entity.node.nameSpan.start, end: entity.node.nameSpan.end },
      classSpan: { start: entity.node.start, end: entity.node.end },
      decorator: entity.decorator,
      classBody: entity.node.body.filter((statement) => statement.kind !== 'FunctionDef'),
      state: [...entity.state.values()].map((attribute) => ({
        name: attribute.name,
        type: toTypeRef(attribute.type),
        annotation: attribute.annotation,
        span: attribute.span,
      })),
      methods,
    };
  });
  if (!isComplete) return null;

  return {
    irVersion: IR_VERSION,
    moduleBody: model.moduleBody,
    entities,
    invariants: model.invariants,
    dataflow: buildDataflow(entities),
  };
}

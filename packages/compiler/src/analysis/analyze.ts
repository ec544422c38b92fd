// Entity analysis: from a parsed module to the program model (entities,
// state, methods with typed locals, classified call sites, split methods,
// invariants) and the diagnostics of everything the entity language rejects.

import type { FunctionDef, Module } from '../ast.ts';
import type { InvariantIR } from '../ir.ts';
import { Checker } from './check.ts';
import { Code } from './codes.ts';
import { collectProgram } from './collect.ts';
import { DiagnosticSink } from './diagnostics.ts';
import { inferProgramTypes, TypeOracle } from './infer.ts';
import type { AnalysisResult, ProgramModel } from './model.ts';
import { typeFromAnnotation } from './types.ts';

export function analyzeProgram(module: Module, source: string): AnalysisResult {
  const sink = new DiagnosticSink(source);
  const collected = collectProgram(module, source, sink);
  const model = collected.model;
  const oracle = new TypeOracle(model);

  const types = inferProgramTypes(model, oracle);
  for (const entity of model.entities) {
    for (const method of entity.methods) {
      const scope = types.get(`${entity.name}.${method.name}`)!.scope;
      method.env = scope.vars;
    }
  }

  const checker = new Checker(model, oracle, collected.imports, sink);
  for (const entity of model.entities) {
    for (const method of entity.methods) checker.checkMethod(method, { vars: method.env, parent: null });
  }
  const invariantNodes = new Set(collected.invariantFunctions);
  for (const statement of model.moduleBody) {
    if (statement.kind === 'Import' || statement.kind === 'ImportFrom') continue;
    if (statement.kind === 'FunctionDef') checker.checkModuleFunction(statement, invariantNodes.has(statement));
    else checker.checkModuleStatement(statement);
  }

  markSplitMethods(model);
  checker.checkPendingSelfUses();
  checkKeyMethods(model, sink);
  model.invariants = collected.invariantFunctions.map((node) => invariantOf(node, model, sink));

  return { model, diagnostics: sink.diagnostics };
}

/**
 * Marks every method that suspends directly or calls a split method on self;
 * repeats until no method changes, so chains of self-calls are followed.
 */
function markSplitMethods(model: ProgramModel): void {
  for (const entity of model.entities) {
    for (const method of entity.methods) method.isSplit = method.suspendsDirectly;
    let changed = true;
    while (changed) {
      changed = false;
      for (const method of entity.methods) {
        if (method.isSplit) continue;
        const callsSplit = method.sites.some(
          (site) => site.kind === 'selfCall' && entity.methodByName.get(site.method)?.isSplit === true,
        );
        if (callsSplit) {
          method.isSplit = true;
          changed = true;
        }
      }
    }
  }
}

function checkKeyMethods(model: ProgramModel, sink: DiagnosticSink): void {
  for (const entity of model.entities) {
    const key = entity.methodByName.get('__key__');
    if (key === undefined) continue;
    if (key.params.some((param) => param.defaultValue === null && param.kind !== 'varPositional' && param.kind !== 'varKeyword')) {
      sink.error(Code.invalidKey, `${entity.name}.__key__ must take only 'self'.`, key.node.nameSpan);
    }
    if (key.isSplit) {
      sink.error(
        Code.invalidKey,
        `${entity.name}.__key__ must compute the key from the entity's own state, without remote calls, reads of other entities or creations.`,
        key.node.nameSpan,
      );
    }
  }
}

function invariantOf(node: FunctionDef, model: ProgramModel, sink: DiagnosticSink): InvariantIR {
  const params: InvariantIR['params'] = [];
  const args = node.args;
  const all = [...args.posonlyargs, ...args.args, ...args.kwonlyargs];
  if (args.vararg || args.kwarg) {
    sink.error(Code.invariantParameter, `Invariant '${node.name}' cannot take *args or **kwargs: give one parameter per entity class.`, node.nameSpan);
  }
  for (const arg of all) {
    const type = typeFromAnnotation(arg.annotation, (name) => model.entityByName.has(name));
    if (type.kind === 'list' && type.element.kind === 'entity') {
      params.push({ name: arg.arg, className: type.element.className });
      continue;
    }
    sink.error(
      Code.invariantParameter,
      `Parameter '${arg.arg}' of invariant '${node.name}' must be annotated as a list of entities, for example 'List[Account]'.`,
      arg,
    );
  }
  return { name: node.name, params, span: { start: node.start, end: node.end } };
}

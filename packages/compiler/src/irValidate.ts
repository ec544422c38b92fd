// Structural checks of a program IR, run on every compilation: a failure is
// a compiler bug, reported as an internal error instead of handing the
// runtime a graph it cannot run. Returns one message per problem found.

import { targetNames } from './analysis/walk.ts';
import type { Keyword, Node } from './ast.ts';
import { EXCEPTION_VAR, type BlockIR, type EntityIR, type MethodIR, type ParamIR, type ProgramIR, type Terminator } from './ir.ts';

export function validateIr(ir: ProgramIR): string[] {
  const problems: string[] = [];
  const entities = new Map(ir.entities.map((entity) => [entity.name, entity]));
  if (entities.size !== ir.entities.length) problems.push('two entities have the same name');

  for (const entity of ir.entities) {
    const names = new Set<string>();
    for (const method of entity.methods) {
      if (names.has(method.name)) problems.push(`${entity.name} has two methods named ${method.name}`);
      names.add(method.name);
      validateMethod(method, entity, entities, problems);
    }
  }

  for (const invariant of ir.invariants) {
    for (const param of invariant.params) {
      if (!entities.has(param.className)) problems.push(`invariant ${invariant.name} names unknown entity ${param.className}`);
    }
  }
  validateDataflow(ir, problems);
  return problems;
}

function validateMethod(method: MethodIR, entity: EntityIR, entities: Map<string, EntityIR>, problems: string[]): void {
  if (method.isSplit) validateSplitMethod(method, entity, entities, problems);
  else validateWholeMethod(method, problems);
}

/** A method that is not split: one block that returns, with no temporaries. */
function validateWholeMethod(method: MethodIR, problems: string[]): void {
  const where = method.qualifiedName;
  const block = method.blocks[0];
  if (method.blocks.length !== 1 || block === undefined) {
    problems.push(`${where}: a method that is not split must have one block`);
    return;
  }
  if (block.id !== method.entry || block.id !== `${where}#0`) problems.push(`${where}: its block must be the entry ${where}#0`);
  if (block.terminator.kind !== 'return' || block.handler !== null) problems.push(`${where}: its block must end in a return without handler`);
  const locals = new Set(method.locals);
  for (let index = 0; index < block.liveIn.length; index++) {
    const name = block.liveIn[index]!;
    if (!locals.has(name)) problems.push(`${block.id}: live variable ${name} is not a local of the method`);
    if (index > 0 && block.liveIn[index - 1]! >= name) problems.push(`${block.id}: liveIn is not sorted`);
  }
}

function validateSplitMethod(method: MethodIR, entity: EntityIR, entities: Map<string, EntityIR>, problems: string[]): void {
  const where = method.qualifiedName;
  const blocks = new Map<string, BlockIR>();
  for (const block of method.blocks) {
    if (blocks.has(block.id)) problems.push(`${where}: block ${block.id} is defined twice`);
    if (!block.id.startsWith(`${where}#`)) problems.push(`${where}: block id ${block.id} does not start with ${where}#`);
    blocks.set(block.id, block);
  }
  if (!blocks.has(method.entry)) {
    problems.push(`${where}: entry block ${method.entry} does not exist`);
    return;
  }
  if (method.blocks[0]?.id !== method.entry) problems.push(`${where}: the entry block is not listed first`);

  const locals = new Set(method.locals);
  for (const block of method.blocks) {
    for (const target of [...successorIds(block.terminator), ...(block.handler === null ? [] : [block.handler])]) {
      if (!blocks.has(target)) problems.push(`${where}: block ${block.id} refers to missing block ${target}`);
    }
    for (let index = 0; index < block.liveIn.length; index++) {
      const name = block.liveIn[index]!;
      if (!locals.has(name)) problems.push(`${block.id}: live variable ${name} is not a local of the method`);
      if (index > 0 && block.liveIn[index - 1]! >= name) problems.push(`${block.id}: liveIn is not sorted`);
    }
    validateTerminator(block, entity, entities, problems);
    const terminator = block.terminator;
    if ('resume' in terminator && blocks.get(terminator.resume)?.handler !== block.handler && blocks.has(terminator.resume)) {
      problems.push(`${block.id}: resume block ${terminator.resume} has another exception handler than the block that suspends`);
    }
  }

  const reachable = reachableIds(method, blocks);
  for (const block of method.blocks) {
    if (!reachable.has(block.id)) problems.push(`${where}: block ${block.id} is unreachable`);
  }
  validateTemporaries(method, blocks, problems);
}

function successorIds(terminator: Terminator): string[] {
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

function reachableIds(method: MethodIR, blocks: Map<string, BlockIR>): Set<string> {
  const seen = new Set<string>([method.entry]);
  const queue = [method.entry];
  for (let position = 0; position < queue.length; position++) {
    const block = blocks.get(queue[position]!);
    if (block === undefined) continue;
    for (const next of [...successorIds(block.terminator), ...(block.handler === null ? [] : [block.handler])]) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

/**
 * Every compiler temporary (`$` name) live into a block must be assigned on
 * every path from the entry. User variables may be unbound on some path
 * (Python then raises UnboundLocalError), and `$exc` is bound by the runtime
 * when it enters a handler, so neither is checked here.
 */
function validateTemporaries(method: MethodIR, blocks: Map<string, BlockIR>, problems: string[]): void {
  const checked = method.blocks.filter((block) => block.liveIn.some((name) => name.startsWith('$') && name !== EXCEPTION_VAR));
  if (checked.length === 0) return;

  // Forward must-assigned analysis over temporaries only, with a worklist.
  const isTemporary = (name: string): boolean => name.startsWith('$');
  const assignedIn = new Map(method.blocks.map((block) => [block.id, temporariesAssigned(block)]));
  const assigned = new Map<string, Set<string> | null>(method.blocks.map((block) => [block.id, null]));
  assigned.set(method.entry, new Set());
  const worklist = [method.entry];
  let steps = 0;
  const limit = (method.blocks.length + 1) * (method.locals.length + 2) * 4;

  const mergeInto = (target: string, names: Set<string>): void => {
    const current = assigned.get(target);
    if (current === undefined) return;
    let changed = false;
    if (current === null) {
      assigned.set(target, new Set(names));
      changed = true;
    } else {
      for (const name of current) {
        if (!names.has(name)) {
          current.delete(name);
          changed = true;
        }
      }
    }
    if (changed) worklist.push(target);
  };

  while (worklist.length > 0 && steps++ < limit) {
    const block = blocks.get(worklist.pop()!)!;
    const incoming = assigned.get(block.id)!;
    const outgoing = new Set(incoming);
    for (const name of assignedIn.get(block.id)!) outgoing.add(name);
    for (const [target, extra] of edgeBindings(block.terminator)) {
      const names = new Set(outgoing);
      for (const name of extra) if (isTemporary(name)) names.add(name);
      mergeInto(target, names);
    }
    if (block.handler !== null) mergeInto(block.handler, new Set(incoming));
  }

  for (const block of checked) {
    const names = assigned.get(block.id) ?? null;
    for (const name of block.liveIn) {
      if (!isTemporary(name) || name === EXCEPTION_VAR) continue;
      if (names === null || !names.has(name)) problems.push(`${block.id}: temporary ${name} may be unassigned on entry`);
    }
  }
}

/**
 * Temporaries a block assigns. Lowering assigns them only in top-level
 * assignments of its own, so nested statements need no visit.
 */
function temporariesAssigned(block: BlockIR): string[] {
  const names: string[] = [];
  for (const statement of block.statements) {
    if (statement.kind === 'Assign') {
      for (const target of statement.targets) for (const name of targetNames(target)) if (name.startsWith('$')) names.push(name);
    } else if ((statement.kind === 'AugAssign' || statement.kind === 'AnnAssign') && statement.target.kind === 'Name') {
      if (statement.target.id.startsWith('$')) names.push(statement.target.id);
    }
  }
  return names;
}

/** Successors of a terminator with the names the edge itself binds. */
function edgeBindings(terminator: Terminator): [string, string[]][] {
  switch (terminator.kind) {
    case 'next': {
      const bound = targetNames(terminator.target);
      return [[terminator.body, [terminator.iterator, ...bound]], [terminator.exhausted, [terminator.iterator]]];
    }
    case 'except':
      return [
        ...terminator.clauses.map((clause): [string, string[]] => [clause.target, clause.name === null ? [] : [clause.name]]),
        [terminator.unmatched, []],
      ];
    case 'remoteCall':
    case 'selfCall':
    case 'create':
    case 'read':
      return [[terminator.resume, [terminator.result]]];
    default:
      return successorIds(terminator).map((id) => [id, []]);
  }
}

function validateTerminator(block: BlockIR, entity: EntityIR, entities: Map<string, EntityIR>, problems: string[]): void {
  const terminator = block.terminator;
  const where = block.id;
  switch (terminator.kind) {
    case 'remoteCall': {
      const target = entities.get(terminator.className);
      const method = target?.methods.find((candidate) => candidate.name === terminator.method);
      if (method === undefined) problems.push(`${where}: remote call of unknown method ${terminator.className}.${terminator.method}`);
      else checkArity(method.params, terminator.args, terminator.keywords, `${where}: call of ${method.qualifiedName}`, problems);
      return;
    }
    case 'selfCall': {
      const method = entity.methods.find((candidate) => candidate.name === terminator.method);
      if (method === undefined) problems.push(`${where}: self call of unknown method ${entity.name}.${terminator.method}`);
      else checkArity(method.params, terminator.args, terminator.keywords, `${where}: call of ${method.qualifiedName}`, problems);
      return;
    }
    case 'create': {
      const target = entities.get(terminator.className);
      if (target === undefined) {
        problems.push(`${where}: creation of unknown entity ${terminator.className}`);
        return;
      }
      const init = target.methods.find((candidate) => candidate.name === '__init__');
      checkArity(init?.params ?? [], terminator.args, terminator.keywords, `${where}: creation of ${terminator.className}`, problems);
      return;
    }
    case 'read': {
      const target = entities.get(terminator.className);
      if (target === undefined || !target.state.some((attribute) => attribute.name === terminator.attr)) {
        problems.push(`${where}: read of unknown attribute ${terminator.className}.${terminator.attr}`);
      }
      return;
    }
    default:
      return;
  }
}

/** Checks a call's argument count and keyword names against the parameters. */
function checkArity(params: ParamIR[], args: Node[], keywords: Keyword[], callDescription: string, problems: string[]): void {
  if (args.some((arg) => arg.kind === 'Starred') || keywords.some((keyword) => keyword.arg === null)) return;
  const positional = params.filter((param) => param.kind === 'positional');
  const keywordOnly = params.filter((param) => param.kind === 'keywordOnly');
  const hasVarPositional = params.some((param) => param.kind === 'varPositional');
  const hasVarKeyword = params.some((param) => param.kind === 'varKeyword');
  if (args.length > positional.length && !hasVarPositional) {
    problems.push(`${callDescription} passes ${args.length} positional arguments for ${positional.length} parameters`);
  }
  const bound = new Set(positional.slice(0, args.length).map((param) => param.name));
  for (const keyword of keywords) {
    const known = positional.some((param) => param.name === keyword.arg) || keywordOnly.some((param) => param.name === keyword.arg);
    if (!known && !hasVarKeyword) problems.push(`${callDescription} passes unknown keyword ${keyword.arg}`);
    bound.add(keyword.arg!);
  }
  for (const param of [...positional, ...keywordOnly]) {
    if (param.defaultValue === null && !bound.has(param.name)) problems.push(`${callDescription} lacks argument ${param.name}`);
  }
}

function validateDataflow(ir: ProgramIR, problems: string[]): void {
  const nodes = new Set(ir.dataflow.nodes.map((node) => node.id));
  const ids = new Set<string>();
  for (const edge of ir.dataflow.edges) {
    if (!nodes.has(edge.from) || !nodes.has(edge.to)) problems.push(`dataflow edge ${edge.id} joins a missing node`);
    if (edge.id !== `${edge.from}->${edge.to}:${edge.relation}:${edge.label}`) problems.push(`dataflow edge ${edge.id} has an id that does not match its fields`);
    if (ids.has(edge.id)) problems.push(`dataflow edge ${edge.id} is listed twice`);
    ids.add(edge.id);
  }
  for (const entity of ir.entities) {
    if (!nodes.has(entity.name)) problems.push(`entity ${entity.name} has no operator node`);
  }
}

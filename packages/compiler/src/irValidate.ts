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
  const prefix = `${where}#`;
  const indexOf = new Map<string, number>();
  method.blocks.forEach((block, index) => {
    if (indexOf.has(block.id)) problems.push(`${where}: block ${block.id} is defined twice`);
    if (!block.id.startsWith(prefix)) problems.push(`${where}: block id ${block.id} does not start with ${prefix}`);
    indexOf.set(block.id, index);
  });
  const entry = indexOf.get(method.entry);
  if (entry === undefined) {
    problems.push(`${where}: entry block ${method.entry} does not exist`);
    return;
  }
  if (entry !== 0) problems.push(`${where}: the entry block is not listed first`);

  // Successor indices per block: terminator targets, then the handler.
  const successors: number[][] = method.blocks.map((block) => {
    const targets = successorIds(block.terminator);
    if (block.handler !== null) targets.push(block.handler);
    const indices: number[] = [];
    for (const target of targets) {
      const index = indexOf.get(target);
      if (index === undefined) problems.push(`${where}: block ${block.id} refers to missing block ${target}`);
      else indices.push(index);
    }
    return indices;
  });

  const locals = new Set(method.locals);
  for (const block of method.blocks) {
    for (let index = 0; index < block.liveIn.length; index++) {
      const name = block.liveIn[index]!;
      if (!locals.has(name)) problems.push(`${block.id}: live variable ${name} is not a local of the method`);
      if (index > 0 && block.liveIn[index - 1]! >= name) problems.push(`${block.id}: liveIn is not sorted`);
    }
    validateTerminator(block, entity, entities, problems);
    const terminator = block.terminator;
    if ('resume' in terminator) {
      const resume = indexOf.get(terminator.resume);
      if (resume !== undefined && method.blocks[resume]!.handler !== block.handler) {
        problems.push(`${block.id}: resume block ${terminator.resume} has another exception handler than the block that suspends`);
      }
    }
  }

  const isReachable = method.blocks.map(() => false);
  isReachable[entry] = true;
  const queue = [entry];
  for (let position = 0; position < queue.length; position++) {
    for (const next of successors[queue[position]!]!) {
      if (isReachable[next]) continue;
      isReachable[next] = true;
      queue.push(next);
    }
  }
  method.blocks.forEach((block, index) => {
    if (!isReachable[index]) problems.push(`${where}: block ${block.id} is unreachable`);
  });
  validateTemporaries(method, indexOf, problems);
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

/**
 * Every compiler temporary (`$` name) live into a block must be assigned on
 * every path from the entry. User variables may be unbound on some path
 * (Python then raises UnboundLocalError), and `$exc` is bound by the runtime
 * when it enters a handler, so neither is checked here.
 */
function validateTemporaries(method: MethodIR, indexOf: Map<string, number>, problems: string[]): void {
  const blocks = method.blocks;
  const isChecked = (name: string): boolean => name.startsWith('$') && name !== EXCEPTION_VAR;
  if (!blocks.some((block) => block.liveIn.some(isChecked))) return;

  // Forward must-assigned analysis over temporaries only, with a worklist.
  const assignedIn = blocks.map(temporariesAssigned);
  const assigned: (Set<string> | null)[] = blocks.map(() => null);
  assigned[0] = new Set();
  const worklist = [0];
  const stepsMax = (blocks.length + 1) * (method.locals.length + 2) * 4;

  const mergeInto = (target: number | undefined, names: Set<string>): void => {
    if (target === undefined) return;
    const current = assigned[target] ?? null;
    let changed = false;
    if (current === null) {
      assigned[target] = new Set(names);
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

  for (let steps = 0; worklist.length > 0 && steps < stepsMax; steps++) {
    const index = worklist.pop()!;
    const block = blocks[index]!;
    const incoming = assigned[index]!;
    const outgoing = new Set(incoming);
    for (const name of assignedIn[index]!) outgoing.add(name);
    for (const [target, extra] of edgeBindings(block.terminator)) {
      const names = new Set(outgoing);
      for (const name of extra) if (name.startsWith('$')) names.add(name);
      mergeInto(indexOf.get(target), names);
    }
    if (block.handler !== null) mergeInto(indexOf.get(block.handler), new Set(incoming));
  }

  blocks.forEach((block, index) => {
    const names = assigned[index] ?? null;
    for (const name of block.liveIn) {
      if (!isChecked(name)) continue;
      if (names === null || !names.has(name)) problems.push(`${block.id}: temporary ${name} may be unassigned on entry`);
    }
  });
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

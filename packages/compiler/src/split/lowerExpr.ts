// Lowering of expressions that suspend. Each suspension point (remote call,
// creation, remote read, call of a split method on self) ends the current
// block with its terminator and leaves its result in a temporary `$tN`.
// Python evaluates operands left to right, so every operand evaluated before
// a suspension point is first stored in a temporary, unless it is a constant
// or a local name (nothing else can change a local while the method waits).
// `and`, `or`, conditional expressions and comparison chains become branches
// so that a remote call on the side Python skips is never made.

import type { BoolOp, Call, Comprehension, Compare, Expr, IfExp, Keyword, Node, Span } from '../ast.ts';
import type { CallSite } from '../analysis/model.ts';
import type { BlockBuilder, DraftBlock } from './builder.ts';
import type { NodeFlags } from './flags.ts';
import { assignName, assignTo, boolConstant, callMethod, callName, emptyDict, emptyList, exprStatement, nameLoad } from './nodes.ts';
import { renameNames } from './rename.ts';

export class UnsupportedPlacement extends Error {
  constructor(message: string, readonly span: Span) {
    super(message);
  }
}

export interface LoweringEnvironment {
  builder: BlockBuilder;
  flags: NodeFlags;
  /** Suspending classification of a call or attribute node, or undefined. */
  suspendingSite: (node: Node) => CallSite | undefined;
  /** Any classification of a call or attribute node, or undefined. */
  siteOf: (node: Node) => CallSite | undefined;
  /**
   * Names assigned by `:=`: their value may change within one expression.
   * It must hold those of a statement before the statement is lowered.
   */
  walrusTargets: ReadonlySet<string>;
  /** Records that `copy` is a renamed copy of `original` (see renameNames). */
  recordCopy: (original: Node, copy: Node) => void;
}

/** A child expression slot of a node, with how to put a lowered value back. */
interface Decomposed {
  children: Expr[];
  rebuild: (children: Expr[]) => Expr;
}

export class ExpressionLowering {
  constructor(private readonly env: LoweringEnvironment) {}

  private get builder(): BlockBuilder {
    return this.env.builder;
  }

  suspends(node: Node): boolean {
    return this.env.flags.suspends(node);
  }

  isStable(expr: Expr): boolean {
    if (expr.kind === 'Constant') return true;
    return expr.kind === 'Name' && !this.env.walrusTargets.has(expr.id);
  }

  /** Returns an expression equal to `expr` evaluated now, emitting any blocks it needs first. */
  lower(expr: Expr): Expr {
    if (!this.suspends(expr)) return expr;

    const site = this.env.suspendingSite(expr);
    if (site !== undefined) return this.lowerSuspension(expr, site);

    switch (expr.kind) {
      case 'BoolOp':
        return this.lowerBoolOp(expr);
      case 'IfExp':
        return this.lowerIfExp(expr);
      case 'Compare':
        return this.lowerCompare(expr);
      case 'ListComp':
      case 'SetComp':
      case 'DictComp':
      case 'GeneratorExp':
        return this.lowerComprehension(expr);
      case 'NamedExpr':
        return { ...expr, value: this.lower(expr.value) };
      case 'List':
      case 'Tuple':
      case 'Set':
        return { ...expr, elts: this.lowerDisplayElements(expr.elts) };
      case 'Call':
        if (this.isShortCircuitReduction(expr)) return this.lowerAnyAll(expr);
        break;
      case 'Lambda':
        throw new UnsupportedPlacement('A remote call in a lambda default value is not supported; compute it before the lambda.', expr);
      default:
        break;
    }
    const decomposed = decompose(expr);
    return decomposed.rebuild(this.lowerChildren(decomposed.children));
  }

  /**
   * Lowers operands in evaluation order: operands before the last suspending
   * one are stored in temporaries (unless stable), later ones stay in place.
   */
  lowerChildren(children: Expr[]): Expr[] {
    let last = -1;
    children.forEach((child, index) => {
      if (this.suspends(child)) last = index;
    });
    return children.map((child, index) => {
      if (index > last) return child;
      const lowered = this.lower(child);
      return index < last && !this.isStable(lowered) ? this.builder.hoist(lowered) : lowered;
    });
  }

  /**
   * Lowers the elements of a list, tuple or set display. A `*x` element
   * keeps its star. When a later element suspends, `x` is unpacked into a
   * list temporary first (`$t = [*x]`, then `[*$t, ...]`), because CPython
   * iterates `x` before it evaluates the elements after it. A remote call
   * or read result needs no such copy: it is a fresh copy no one else holds.
   */
  lowerDisplayElements(elements: Expr[]): Expr[] {
    let last = -1;
    elements.forEach((element, index) => {
      if (this.suspends(element)) last = index;
    });
    return elements.map((element, index) => {
      if (index > last) return element;
      if (element.kind !== 'Starred') {
        const lowered = this.lower(element);
        return index < last && !this.isStable(lowered) ? this.builder.hoist(lowered) : lowered;
      }

      const value = this.lower(element.value);
      if (index === last || this.isFreshCopy(element.value, value)) return { ...element, value };
      const unpacked: Expr = { kind: 'List', elts: [{ ...element, value }], ctx: 'Load', start: element.start, end: element.end };
      return { ...element, value: this.builder.hoist(unpacked) };
    });
  }

  /** Checks whether `lowered`, the lowered form of `original`, is the temporary holding a remote call or read result. */
  private isFreshCopy(original: Expr, lowered: Expr): boolean {
    const kind = this.env.suspendingSite(original)?.kind;
    return (kind === 'remoteCall' || kind === 'remoteRead') && lowered.kind === 'Name' && lowered.id.startsWith('$t');
  }

  /** Like `lower`, but the result is a constant or a local name. */
  lowerToStable(expr: Expr): Expr {
    const lowered = this.lower(expr);
    return this.isStable(lowered) ? lowered : this.builder.hoist(lowered);
  }

  // ---------------------------------------------------------------- suspension points

  private lowerSuspension(expr: Expr, site: CallSite): Expr {
    const builder = this.builder;
    const span = { start: expr.start, end: expr.end };

    if (site.kind === 'remoteRead' && expr.kind === 'Attribute') {
      const [receiver] = this.lowerChildren([expr.value]);
      const result = builder.fresh('t');
      const resume = builder.newBlock();
      builder.terminate({ kind: 'read', receiver: receiver!, className: site.className, attr: site.attr, result, resume, span });
      builder.activate(resume);
      return nameLoad(result, expr);
    }
    if (expr.kind !== 'Call') throw new UnsupportedPlacement('This expression cannot be split here.', expr);

    const receiverSlot = site.kind === 'remoteCall' && expr.func.kind === 'Attribute' ? [expr.func.value] : [];
    const lowered = this.lowerChildren([...receiverSlot, ...argumentValues(expr)]);
    const receiver = receiverSlot.length > 0 ? lowered.shift()! : null;
    const { args, keywords } = rebuildArguments(expr, lowered);
    const result = builder.fresh('t');
    const resume = builder.newBlock();
    if (site.kind === 'remoteCall') {
      builder.terminate({ kind: 'remoteCall', receiver: receiver!, className: site.className, method: site.method, args, keywords, result, resume, span });
    } else if (site.kind === 'selfCall') {
      builder.terminate({ kind: 'selfCall', method: site.method, args, keywords, result, resume, span });
    } else if (site.kind === 'create') {
      builder.terminate({ kind: 'create', className: site.className, args, keywords, result, resume, span });
    }
    builder.activate(resume);
    return nameLoad(result, expr);
  }

  // ---------------------------------------------------------------- short-circuit forms

  private lowerBoolOp(expr: BoolOp): Expr {
    const values = expr.values;
    const firstSuspending = values.findIndex((value, index) => index > 0 && this.suspends(value));
    if (firstSuspending < 0) {
      return { ...expr, values: [this.lower(values[0]!), ...values.slice(1)] };
    }

    const builder = this.builder;
    const prefix = values.slice(0, firstSuspending);
    const first = prefix.length === 1 ? this.lower(prefix[0]!) : { ...expr, values: prefix };
    // A temporary holding the first value can hold the result as well.
    const isTemporary = first.kind === 'Name' && first.id.startsWith('$t');
    const result = isTemporary ? first.id : builder.fresh('t');
    if (!isTemporary) builder.emit(assignName(result, first, expr));
    const done = builder.newBlock();

    for (let index = firstSuspending; index < values.length; index++) {
      const next = builder.newBlock();
      const test = nameLoad(result, expr);
      if (expr.op === 'And') builder.terminate({ kind: 'branch', test, ifTrue: next, ifFalse: done, span: expr });
      else builder.terminate({ kind: 'branch', test, ifTrue: done, ifFalse: next, span: expr });
      builder.activate(next);

      const rest = values.slice(index);
      if (!rest.some((value) => this.suspends(value))) {
        builder.emit(assignName(result, rest.length === 1 ? rest[0]! : { ...expr, values: rest }, expr));
        break;
      }
      builder.emit(assignName(result, this.lower(values[index]!), expr));
    }

    builder.jump(done);
    builder.activate(done);
    return nameLoad(result, expr);
  }

  private lowerIfExp(expr: IfExp): Expr {
    if (!this.suspends(expr.body) && !this.suspends(expr.orelse)) {
      return { ...expr, test: this.lower(expr.test) };
    }
    const builder = this.builder;
    const result = builder.fresh('t');
    const test = this.lower(expr.test);
    const whenTrue = builder.newBlock();
    const whenFalse = builder.newBlock();
    const done = builder.newBlock();
    builder.terminate({ kind: 'branch', test, ifTrue: whenTrue, ifFalse: whenFalse, span: expr.test });

    builder.activate(whenTrue);
    builder.emit(assignName(result, this.lower(expr.body), expr.body));
    builder.jump(done);

    builder.activate(whenFalse);
    builder.emit(assignName(result, this.lower(expr.orelse), expr.orelse));
    builder.jump(done);

    builder.activate(done);
    return nameLoad(result, expr);
  }

  private lowerCompare(expr: Compare): Expr {
    const comparators = expr.comparators;
    if (!comparators.slice(1).some((value) => this.suspends(value))) {
      const [left, first] = this.lowerChildren([expr.left, comparators[0]!]);
      return { ...expr, left: left!, comparators: [first!, ...comparators.slice(1)] };
    }

    // `a < b < c` is `a < b and b < c` with `b` evaluated once.
    const builder = this.builder;
    const result = builder.fresh('t');
    const done = builder.newBlock();
    let left = this.lowerToStable(expr.left);
    comparators.forEach((comparator, index) => {
      const isLast = index === comparators.length - 1;
      const right = isLast ? this.lower(comparator) : this.lowerToStable(comparator);
      const span = { start: expr.start, end: comparator.end };
      builder.emit(assignName(result, { kind: 'Compare', left, ops: [expr.ops[index]!], comparators: [right], ...span }, span));
      if (!isLast) {
        const next = builder.newBlock();
        builder.terminate({ kind: 'branch', test: nameLoad(result, expr), ifTrue: next, ifFalse: done, span });
        builder.activate(next);
      }
      left = right;
    });
    builder.jump(done);
    builder.activate(done);
    return nameLoad(result, expr);
  }

  // ---------------------------------------------------------------- comprehensions

  private lowerComprehension(expr: Extract<Expr, { kind: 'ListComp' | 'SetComp' | 'DictComp' | 'GeneratorExp' }>): Expr {
    const builder = this.builder;
    const renamed = renameComprehension(expr, builder, this.env.recordCopy);
    const result = builder.fresh('t');
    const initial = expr.kind === 'SetComp' ? callName('set', [], expr) : expr.kind === 'DictComp' ? emptyDict(expr) : emptyList(expr);
    builder.emit(assignName(result, initial, expr));

    const after = builder.newBlock();
    this.lowerGenerators(renamed.generators, 0, after, (loopHeader) => {
      if (renamed.kind === 'DictComp') {
        const [key, value] = this.lowerChildren([renamed.key, renamed.value]);
        const target = { kind: 'Subscript' as const, value: nameLoad(result, expr), slice: key!, ctx: 'Store' as const, start: renamed.key.start, end: renamed.value.end };
        builder.emit(assignTo(target, value!, target));
      } else {
        const element = this.lower(renamed.elt);
        const method = renamed.kind === 'SetComp' ? 'add' : 'append';
        builder.emit(exprStatement(callMethod(nameLoad(result, renamed.elt), method, [element], renamed.elt), renamed.elt));
      }
      builder.jump(loopHeader);
    });
    builder.activate(after);

    // A generator expression becomes an iterator over the eagerly built list.
    // NOTE: the remote calls then all happen before the consumer runs. The
    // values and their order are the same when the consumer reads the whole
    // iterator (sum, min, max, sorted, list, join), but not when it stops
    // early or raises midway.
    if (expr.kind === 'GeneratorExp') return callName('iter', [nameLoad(result, expr)], expr);
    return nameLoad(result, expr);
  }

  /**
   * Emits the nested loops of `generators[index..]`. The callback `innermost`
   * emits the body for one combination of items and must end its block,
   * usually by jumping back to the loop header it receives.
   */
  private lowerGenerators(
    generators: Comprehension[],
    index: number,
    exhausted: DraftBlock,
    innermost: (loopHeader: DraftBlock) => void,
  ): void {
    const builder = this.builder;
    const generator = generators[index]!;
    const iterator = builder.fresh('it');
    builder.emit(assignName(iterator, callName('iter', [this.lower(generator.iter)], generator.iter), generator.iter));
    const header = builder.newBlock();
    builder.jump(header);
    builder.activate(header);

    const body = builder.newBlock();
    builder.terminate({ kind: 'next', iterator, target: generator.target, body, exhausted, span: generator });
    builder.activate(body);
    for (const condition of generator.ifs) {
      const passed = builder.newBlock();
      builder.terminate({ kind: 'branch', test: this.lower(condition), ifTrue: passed, ifFalse: header, span: condition });
      builder.activate(passed);
    }
    if (index + 1 < generators.length) this.lowerGenerators(generators, index + 1, header, innermost);
    else innermost(header);
  }

  private isShortCircuitReduction(call: Call): boolean {
    const func = call.func;
    if (func.kind !== 'Name' || (func.id !== 'any' && func.id !== 'all')) return false;
    if (call.args.length !== 1 || call.keywords.length > 0) return false;
    const site = this.env.suspendingSite(call);
    return site === undefined && call.args[0]!.kind === 'GeneratorExp' && this.suspends(call.args[0]!) && this.isBuiltinCall(call);
  }

  private isBuiltinCall(call: Call): boolean {
    return this.env.siteOf(call)?.kind === 'builtin';
  }

  /** `any(gen)` / `all(gen)`: a loop that stops at the first item deciding the result, as CPython does. */
  private lowerAnyAll(call: Call): Expr {
    const builder = this.builder;
    const generator = call.args[0] as Extract<Expr, { kind: 'GeneratorExp' }>;
    const isAny = (call.func as Extract<Expr, { kind: 'Name' }>).id === 'any';
    const renamed = renameComprehension(generator, builder, this.env.recordCopy) as typeof generator;
    const result = builder.fresh('t');
    builder.emit(assignName(result, boolConstant(!isAny, call), call));

    const after = builder.newBlock();
    this.lowerGenerators(renamed.generators, 0, after, (loopHeader) => {
      const element = this.lower(renamed.elt);
      const decided = builder.newBlock();
      builder.terminate({
        kind: 'branch',
        test: element,
        ifTrue: isAny ? decided : loopHeader,
        ifFalse: isAny ? loopHeader : decided,
        span: renamed.elt,
      });
      builder.activate(decided);
      builder.emit(assignName(result, boolConstant(isAny, call), call));
      builder.jump(after);
    });
    builder.activate(after);
    return nameLoad(result, call);
  }
}

/**
 * Gives the targets of a comprehension fresh `$name_cN` names, so that its
 * variables stay out of the method's locals as in Python's own scope.
 */
function renameComprehension<T extends Extract<Expr, { kind: 'ListComp' | 'SetComp' | 'DictComp' | 'GeneratorExp' }>>(
  expr: T,
  builder: BlockBuilder,
  recordCopy: (original: Node, copy: Node) => void,
): T {
  const mapping = new Map<string, string>();
  const scope = builder.fresh('c').slice(1);
  for (const generator of expr.generators) {
    for (const name of targetNamesOf(generator.target)) {
      mapping.set(name, `$${name}_${scope}`);
      builder.names.add(`$${name}_${scope}`);
    }
  }
  const rename = <E extends Expr>(node: E): E => renameNames(node, mapping, recordCopy);
  const generators = expr.generators.map((generator, index) => ({
    ...generator,
    // The first iterable is evaluated in the enclosing scope.
    iter: index === 0 ? generator.iter : rename(generator.iter),
    target: rename(generator.target),
    ifs: generator.ifs.map(rename),
  }));
  if (expr.kind === 'DictComp') return { ...expr, generators, key: rename(expr.key), value: rename(expr.value) };
  return { ...expr, generators, elt: rename((expr as { elt: Expr }).elt) };
}

function targetNamesOf(target: Expr): string[] {
  if (target.kind === 'Name') return [target.id];
  if (target.kind === 'Tuple' || target.kind === 'List') return target.elts.flatMap(targetNamesOf);
  if (target.kind === 'Starred') return targetNamesOf(target.value);
  return [];
}

/**
 * Argument values of a call in CPython's evaluation order: positional (with `*`), then keywords.
 * NOTE: a hoisted `*x` or `**x` argument is unpacked when the call runs, after
 * later remote calls, where CPython unpacks it before them. Only a callee that
 * re-enters this entity and changes `x` in between can tell the difference.
 */
function argumentValues(call: Call): Expr[] {
  return [
    ...call.args.map((arg) => (arg.kind === 'Starred' ? arg.value : arg)),
    ...call.keywords.map((keyword) => keyword.value),
  ];
}

function rebuildArguments(call: Call, values: Expr[]): { args: Expr[]; keywords: Keyword[] } {
  const args = call.args.map((arg, index) => (arg.kind === 'Starred' ? { ...arg, value: values[index]! } : values[index]!));
  const keywords = call.keywords.map((keyword, index) => ({ ...keyword, value: values[call.args.length + index]! }));
  return { args, keywords };
}

/** Splits an expression into its operands in evaluation order and a function that rebuilds it from lowered operands. */
function decompose(expr: Expr): Decomposed {
  switch (expr.kind) {
    case 'BinOp':
      return { children: [expr.left, expr.right], rebuild: ([left, right]) => ({ ...expr, left: left!, right: right! }) };
    case 'UnaryOp':
      return { children: [expr.operand], rebuild: ([operand]) => ({ ...expr, operand: operand! }) };
    case 'Attribute':
      return { children: [expr.value], rebuild: ([value]) => ({ ...expr, value: value! }) };
    case 'Subscript':
      return { children: [expr.value, expr.slice], rebuild: ([value, slice]) => ({ ...expr, value: value!, slice: slice! }) };
    case 'Starred':
      return { children: [expr.value], rebuild: ([value]) => ({ ...expr, value: value! }) };
    case 'JoinedStr': {
      const only = expr.values[0];
      if (expr.values.length === 1 && only!.kind === 'FormattedValue') {
        const field = decompose(only!);
        return { children: field.children, rebuild: (values) => ({ ...expr, values: [field.rebuild(values)] }) };
      }
      // Each replacement field is formatted before the next one is evaluated,
      // so a field is lowered as a one-field f-string. A hoisted field goes
      // back in as `{$tN}`, which leaves the formatted string unchanged.
      const children = expr.values.map((value): Expr => (value.kind === 'FormattedValue' ? { kind: 'JoinedStr', values: [value], start: value.start, end: value.end } : value));
      return {
        children,
        rebuild: (values) => ({
          ...expr,
          values: values.map((value): Expr => {
            if (value.kind === 'Constant') return value;
            if (value.kind === 'JoinedStr' && value.values.length === 1 && value.values[0]!.kind === 'FormattedValue') return value.values[0]!;
            return { kind: 'FormattedValue', value, conversion: -1, format_spec: null, start: value.start, end: value.end };
          }),
        }),
      };
    }
    case 'FormattedValue': {
      const spec = expr.format_spec;
      return {
        children: spec ? [expr.value, spec] : [expr.value],
        rebuild: ([value, format]) => ({ ...expr, value: value!, format_spec: spec ? (format as typeof spec) : null }),
      };
    }
    case 'Slice': {
      const parts = [expr.lower, expr.upper, expr.step];
      const present = parts.filter((part): part is Expr => part !== null);
      return {
        children: present,
        rebuild: (values) => {
          let next = 0;
          const [lower, upper, step] = parts.map((part) => (part === null ? null : values[next++]!));
          return { ...expr, lower: lower!, upper: upper!, step: step! };
        },
      };
    }
    case 'Dict': {
      const children: Expr[] = [];
      expr.keys.forEach((key, index) => {
        if (key !== null) children.push(key);
        children.push(expr.values[index]!);
      });
      return {
        children,
        rebuild: (values) => {
          let next = 0;
          const keys: (Expr | null)[] = [];
          const dictValues: Expr[] = [];
          expr.keys.forEach((key) => {
            keys.push(key === null ? null : values[next++]!);
            dictValues.push(values[next++]!);
          });
          return { ...expr, keys, values: dictValues };
        },
      };
    }
    case 'Call': {
      // A method call evaluates its receiver first. Looking the method up on
      // it stays in the call, so a missing method is reported after the
      // arguments ran instead of before.
      const func = expr.func;
      let funcSlot: Expr[] = [func];
      if (func.kind === 'Attribute') funcSlot = [func.value];
      else if (func.kind === 'Name') funcSlot = [];
      return {
        children: [...funcSlot, ...argumentValues(expr)],
        rebuild: (values) => {
          const rest = [...values];
          let newFunc: Expr = func;
          if (func.kind === 'Attribute') newFunc = { ...func, value: rest.shift()! };
          else if (func.kind !== 'Name') newFunc = rest.shift()!;
          const { args, keywords } = rebuildArguments(expr, rest);
          return { ...expr, func: newFunc, args, keywords };
        },
      };
    }
    case 'Await':
    case 'Yield':
    case 'YieldFrom':
      throw new UnsupportedPlacement('await and yield are not supported.', expr);
    default:
      return { children: [], rebuild: () => expr };
  }
}


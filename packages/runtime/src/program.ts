// A loaded program: module globals (after running the module body once),
// entity classes, and each entity method compiled on first use.

import type { EntityIR, MethodIR, ProgramIR } from '@entflow/compiler';
import { makeBuiltins } from './builtins.ts';
import { exc, objectType, raise, computeMro } from './exceptions.ts';
import { Executor, runInline, currentHook } from './executor.ts';
import { compileMethod, type CompiledMethod } from './interp/blocks.ts';
import { ellipsis } from './interp/compileExpr.ts';
import { StmtCompiler, type StmtEnv } from './interp/compileStmt.ts';
import { toPyError } from './interp/errors.ts';
import { Cell, Frame } from './interp/frame.ts';
import type { ParamSpec } from './interp/params.ts';
import { analyzeBody, type Scope } from './interp/scope.ts';
import { DEFAULT_LIMITS, type RuntimeLimits } from './limits.ts';
import { rt } from './state.ts';
import {
  EntityInstance, PyBuiltin, PyClass, PyFunction, PyInstance, PyModule, type Kwargs, type Value,
} from './values.ts';

function identityDecorator(name: string): PyBuiltin {
  return new PyBuiltin(name, (args) => {
    if (args.length !== 1) throw raise(exc.TypeError, `${name}() takes exactly one argument (${args.length} given)`);
    return args[0];
  });
}

function makeTypingModule(): PyModule {
  const formCls = new PyClass('typing._SpecialForm', [objectType], () => null);
  formCls.mro = computeMro(formCls);
  formCls.dict.set('__getitem__', new PyBuiltin('__getitem__', (args) => args[0]));
  const attrs = new Map<string, Value>();
  for (const n of ['List', 'Dict', 'Optional', 'Any', 'Tuple', 'Set', 'FrozenSet', 'Union', 'Callable', 'Iterable', 'Iterator', 'Sequence', 'Mapping', 'Type', 'Generic', 'TypeVar', 'Literal', 'Final', 'ClassVar']) {
    attrs.set(n, new PyInstance(formCls));
  }
  attrs.set('TYPE_CHECKING', false);
  attrs.set('cast', new PyBuiltin('cast', (args) => args[1] ?? null));
  return new PyModule('typing', attrs);
}

/** Modules every program may import. */
export function standardModules(): Map<string, PyModule> {
  const stateflow = new Map<string, Value>([
    ['entity', identityDecorator('entity')],
    ['stateflow', identityDecorator('stateflow')],
    ['transactional', identityDecorator('transactional')],
    ['invariant', identityDecorator('invariant')],
  ]);
  return new Map([
    ['stateflow', new PyModule('stateflow', stateflow)],
    ['typing', makeTypingModule()],
  ]);
}

export class RuntimeProgram {
  readonly env: StmtEnv;
  readonly classes = new Map<string, PyClass>();
  readonly moduleOutput: string[] = [];
  private readonly compiled = new Map<string, CompiledMethod>();
  private readonly methodFns = new Map<CompiledMethod, PyFunction>();
  private readonly entityByName = new Map<string, EntityIR>();
  private readonly defaults = new Map<string, { defaults: Value[]; kwDefaults: (Value | undefined)[] }>();

  constructor(readonly ir: ProgramIR, readonly limits: RuntimeLimits) {
    const builtins = makeBuiltins();
    ellipsis.value = null;
    this.env = { globals: new Map(), builtins, modules: standardModules() };
    for (const e of ir.entities) this.entityByName.set(e.name, e);
  }

  /** Names visible to module code, entity methods and (copied) client scripts. */
  globalValues(): Map<string, Value> {
    const out = new Map<string, Value>();
    for (const [k, c] of this.env.globals) if (c.v !== undefined) out.set(k, c.v);
    return out;
  }

  entityIR(className: string): EntityIR {
    const e = this.entityByName.get(className);
    if (e === undefined) throw raise(exc.NameError, `name '${className}' is not defined`);
    return e;
  }

  hasMethod(className: string, name: string): boolean {
    return this.entityByName.get(className)?.methods.some((m) => m.name === name) ?? false;
  }

  method(className: string, name: string): CompiledMethod {
    const key = `${className}.${name}`;
    let m = this.compiled.get(key);
    if (m !== undefined) return m;
    const ir = this.entityIR(className).methods.find((x) => x.name === name);
    if (ir === undefined) throw raise(exc.AttributeError, `'${className}' object has no attribute '${name}'`);
    m = compileMethod(this.env, className, ir, (scope) => this.paramSpec(className, ir, scope));
    this.compiled.set(key, m);
    return m;
  }

  private paramSpec(className: string, ir: MethodIR, scope: Scope): ParamSpec {
    const d = this.defaults.get(`${className}.${ir.name}`) ?? { defaults: [], kwDefaults: [] };
    const positional = ir.params.filter((p) => p.kind === 'positional').map((p) => p.name);
    const kwOnly = ir.params.filter((p) => p.kind === 'keywordOnly').map((p) => p.name);
    const vararg = ir.params.find((p) => p.kind === 'varPositional');
    const kwarg = ir.params.find((p) => p.kind === 'varKeyword');
    return {
      qualname: `${className}.${ir.name}`,
      positional,
      positionalSlots: positional.map((n) => scope.slots.get(n)!),
      posOnlyCount: 0,
      defaults: d.defaults,
      kwOnly,
      kwOnlySlots: kwOnly.map((n) => scope.slots.get(n)!),
      kwDefaults: d.kwDefaults,
      varargSlot: vararg ? scope.slots.get(vararg.name)! : -1,
      kwargSlot: kwarg ? scope.slots.get(kwarg.name)! : -1,
      selfCount: 1,
    };
  }

  /** The function object of a method: `self.m` values, and `super()` inside it. */
  methodFunction(m: CompiledMethod): PyFunction {
    let fn = this.methodFns.get(m);
    if (fn === undefined) {
      const program = this;
      fn = new PyFunction(m.name, `${m.className}.${m.name}`, (args: Value[], kwargs: Kwargs) => {
        const self = args[0];
        if (!(self instanceof EntityInstance)) {
          throw raise(exc.TypeError, `${m.className}.${m.name}() must be called on a ${m.className} entity`);
        }
        return runInline(program, self, m, args.slice(1), kwargs);
      });
      fn.definingClass = this.classes.get(m.className) ?? null;
      this.methodFns.set(m, fn);
    }
    return fn;
  }

  callKey(entity: EntityInstance): Value {
    return runInline(this, entity, this.method(entity.className, '__key__'), [], null);
  }

  newExecutor(entity: EntityInstance, ctx: import('./host.ts').ExecContext, constructing: boolean): Executor {
    return new Executor(this, entity, ctx, constructing);
  }

  /**
   * Build entity classes and run the module body. Module statements and
   * entity class bodies run in source order, as CPython defines them.
   * Returns an error text or null.
   */
  initialize(): string | null {
    for (const e of this.ir.entities) this.defineEntityClass(e);
    const { scope, builder } = analyzeBody('module', this.ir.moduleBody);
    const compiler = new StmtCompiler(this.env, builder);
    try {
      const frame = new Frame(new Array(scope.slotCount), null);
      const steps: { start: number; run: () => void }[] = this.ir.moduleBody.map((stmt) => {
        const exec = compiler.block(scope, [stmt]);
        return { start: stmt.start, run: () => { exec(frame); } };
      });
      for (const e of this.ir.entities) {
        steps.push({ start: e.classSpan.start, run: () => this.runClassBody(e) });
      }
      steps.sort((a, b) => a.start - b.start);
      frame.slots.length = scope.slotCount;
      for (const step of steps) step.run();
      for (const e of this.ir.entities) this.evaluateDefaults(e, compiler);
    } catch (e) {
      const pe = toPyError(e);
      return formatError(pe.exc);
    }
    return null;
  }

  /** Run an entity's class body (constants, annotations) into its class namespace. */
  private runClassBody(e: EntityIR): void {
    const body = e.classBody ?? [];
    if (body.length === 0) return;
    const { scope, builder } = analyzeBody('class', body);
    const exec = new StmtCompiler(this.env, builder).block(scope, body);
    const frame = new Frame(new Array(scope.slotCount), null);
    frame.ns = new Map();
    exec(frame);
    const cls = this.classes.get(e.name)!;
    for (const [k, v] of frame.ns) {
      if (!cls.dict.has(k)) cls.dict.set(k, v);
    }
  }

  private defineEntityClass(e: EntityIR): void {
    const program = this;
    const cls = new PyClass(e.name, [objectType], () => {
      throw raise(exc.RuntimeError, `cannot create a ${e.name} entity here: entities are created by the client script or by entity methods`);
    });
    cls.mro = computeMro(cls);
    cls.isEntity = true;
    for (const m of e.methods) {
      cls.dict.set(m.name, new PyFunction(m.name, `${e.name}.${m.name}`, (args, kwargs) => program.methodFunction(program.method(e.name, m.name)).invoke(args, kwargs)));
    }
    this.classes.set(e.name, cls);
    let cell = this.env.globals.get(e.name);
    if (cell === undefined) {
      cell = new Cell(undefined);
      this.env.globals.set(e.name, cell);
    }
    cell.v = cls;
  }

  private evaluateDefaults(e: EntityIR, compiler: StmtCompiler): void {
    for (const m of e.methods) {
      const withDefault = m.params.filter((p) => p.defaultValue !== null);
      if (withDefault.length === 0) continue;
      const { scope } = analyzeBody('module', []);
      const frame = new Frame([], null);
      const evalDefault = (p: (typeof m.params)[number]) => (p.defaultValue ? compiler.expr(scope, p.defaultValue)(frame) : undefined);
      this.defaults.set(`${e.name}.${m.name}`, {
        defaults: m.params.filter((p) => p.kind === 'positional' && p.defaultValue !== null).map((p) => evalDefault(p) as Value),
        kwDefaults: m.params.filter((p) => p.kind === 'keywordOnly').map(evalDefault),
      });
    }
  }

  withState<T>(ctx: { print(line: string): void; stepBudget: { remaining: number }; onTransactional?: import('./host.ts').TransactionHook }, run: () => T): T {
    const saved = { budget: rt.budget, depth: rt.depth, limits: rt.limits, print: rt.print, classes: rt.entityClasses, hook: currentHook.hook };
    rt.budget = ctx.stepBudget;
    rt.depth = 0;
    rt.limits = this.limits;
    rt.print = ctx.print;
    rt.entityClasses = this.classes;
    currentHook.hook = ctx.onTransactional;
    try {
      return run();
    } finally {
      rt.budget = saved.budget;
      rt.depth = saved.depth;
      rt.limits = saved.limits;
      rt.print = saved.print;
      rt.entityClasses = saved.classes;
      currentHook.hook = saved.hook;
    }
  }
}

export function formatError(e: PyInstance): string {
  // Imported lazily to keep this module's import graph acyclic at load time.
  return formatExceptionHook.format(e);
}

export const formatExceptionHook = { format: (_e: PyInstance): string => '' };

export function makeProgram(ir: ProgramIR, limits?: Partial<RuntimeLimits>): RuntimeProgram {
  return new RuntimeProgram(ir, { ...DEFAULT_LIMITS, ...limits });
}

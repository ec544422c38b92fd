// Calling any callable value, and binding call arguments to parameters.

import { callHook, exc, raise } from './exceptions.ts';
import { rt } from './state.ts';
import { typeName } from './types.ts';
import { referenceHooks } from './attrs.ts';
import { EntityRef, PyBoundMethod, PyBuiltin, PyClass, PyFunction, PyInstance, type Kwargs, type Value } from './values.ts';

export function callValue(f: Value, args: Value[], kwargs: Kwargs): Value {
  if (f instanceof PyFunction) return f.invoke(args, kwargs);
  if (f instanceof PyBuiltin) return f.fn(args, kwargs);
  if (f instanceof PyBoundMethod) {
    // A method read from another entity: calling it is a call on that entity.
    if (f.self instanceof EntityRef && f.func instanceof PyFunction) return referenceHooks.callMethod(f.self, f.func.name, args, kwargs);
    return callValue(f.func, [f.self, ...args], kwargs);
  }
  if (f instanceof PyClass) return f.construct(f, args, kwargs);
  if (f instanceof PyInstance) {
    const m = f.cls.lookup('__call__');
    if (m instanceof PyFunction) return m.invoke([f, ...args], kwargs);
  }
  throw raise(exc.TypeError, `'${typeName(f)}' object is not callable`);
}

callHook.call = callValue;

export function enterCall(): void {
  if (++rt.depth > rt.limits.recursionDepth) {
    rt.depth--;
    throw raise(exc.RecursionError, 'maximum recursion depth exceeded');
  }
}

/** Reject keyword arguments for builtins that take none. */
export function noKwargs(name: string, kwargs: Kwargs): void {
  if (kwargs !== null && kwargs.length > 0) throw raise(exc.TypeError, `${name}() takes no keyword arguments`);
}

export function argCount(name: string, args: Value[], min: number, max: number): void {
  if (args.length < min || args.length > max) {
    if (min === max) {
      throw raise(exc.TypeError, `${name}() takes exactly ${min === 1 ? 'one argument' : `${min} arguments`} (${args.length} given)`);
    }
    if (args.length < min) throw raise(exc.TypeError, `${name} expected at least ${min} argument${min === 1 ? '' : 's'}, got ${args.length}`);
    throw raise(exc.TypeError, `${name} expected at most ${max} argument${max === 1 ? '' : 's'}, got ${args.length}`);
  }
}

/** Look up keyword `name`, or undefined. */
export function kwarg(kwargs: Kwargs, name: string): Value | undefined {
  if (kwargs === null) return undefined;
  for (const [k, v] of kwargs) if (k === name) return v;
  return undefined;
}

export function onlyKwargs(fname: string, kwargs: Kwargs, allowed: string[]): void {
  if (kwargs === null) return;
  for (const [k] of kwargs) {
    if (!allowed.includes(k)) throw raise(exc.TypeError, `${fname}() got an unexpected keyword argument '${k}'`);
  }
}

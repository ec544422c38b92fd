// Binding call arguments to parameters, with CPython 3.11's error messages.

import { exc, raise } from '../exceptions.ts';
import { PyDict, PyTuple, type Kwargs, type Value } from '../values.ts';
import { dictSet } from '../iteration.ts';
import type { Slot } from './frame.ts';

export interface ParamSpec {
  /** Qualified name used in messages, e.g. `Account.deposit`. */
  qualname: string;
  /** Positional parameter names (positional-only first) and their slots. */
  positional: string[];
  positionalSlots: number[];
  posOnlyCount: number;
  /** Defaults of the last `defaults.length` positional parameters. */
  defaults: Value[];
  kwOnly: string[];
  kwOnlySlots: number[];
  /** Default per keyword-only parameter; undefined when required. */
  kwDefaults: (Value | undefined)[];
  varargSlot: number;
  kwargSlot: number;
  /** 1 when an implicit `self` was bound before these parameters (it counts in messages). */
  selfCount: number;
}

function nameList(names: string[]): string {
  const quoted = names.map((n) => `'${n}'`);
  if (quoted.length === 1) return quoted[0];
  if (quoted.length === 2) return `${quoted[0]} and ${quoted[1]}`;
  return `${quoted.slice(0, -1).join(', ')}, and ${quoted[quoted.length - 1]}`;
}

function tooMany(spec: ParamSpec, given: number): never {
  const max = spec.positional.length + spec.selfCount;
  const min = max - spec.defaults.length;
  const takes = min === max ? `${max} positional argument${max === 1 ? '' : 's'}` : `from ${min} to ${max} positional arguments`;
  const g = given + spec.selfCount;
  throw raise(exc.TypeError, `${spec.qualname}() takes ${takes} but ${g} ${g === 1 ? 'was' : 'were'} given`);
}

export function bindArgs(spec: ParamSpec, slots: Slot[], args: Value[], kwargs: Kwargs): void {
  const npos = spec.positional.length;
  if (kwargs === null && args.length === npos && spec.varargSlot < 0 && spec.kwOnly.length === 0) {
    const ps = spec.positionalSlots;
    for (let i = 0; i < npos; i++) slots[ps[i]] = args[i];
    if (spec.kwargSlot >= 0) slots[spec.kwargSlot] = new PyDict();
    return;
  }
  const bound = new Array<boolean>(npos).fill(false);
  const nargs = Math.min(args.length, npos);
  for (let i = 0; i < nargs; i++) {
    slots[spec.positionalSlots[i]] = args[i];
    bound[i] = true;
  }
  if (args.length > npos) {
    if (spec.varargSlot < 0) tooMany(spec, args.length);
    slots[spec.varargSlot] = new PyTuple(args.slice(npos));
  } else if (spec.varargSlot >= 0) {
    slots[spec.varargSlot] = new PyTuple([]);
  }
  const kwBound = new Array<boolean>(spec.kwOnly.length).fill(false);
  let extra: PyDict | null = spec.kwargSlot >= 0 ? new PyDict() : null;
  const posOnlyPassed: string[] = [];
  if (kwargs !== null) {
    for (const [name, value] of kwargs) {
      const pi = spec.positional.indexOf(name);
      if (pi >= spec.posOnlyCount) {
        if (bound[pi]) throw raise(exc.TypeError, `${spec.qualname}() got multiple values for argument '${name}'`);
        slots[spec.positionalSlots[pi]] = value;
        bound[pi] = true;
        continue;
      }
      const ki = spec.kwOnly.indexOf(name);
      if (ki >= 0) {
        slots[spec.kwOnlySlots[ki]] = value;
        kwBound[ki] = true;
        continue;
      }
      if (extra !== null) {
        dictSet(extra, name, value);
        continue;
      }
      if (pi >= 0) {
        posOnlyPassed.push(name);
        continue;
      }
      throw raise(exc.TypeError, `${spec.qualname}() got an unexpected keyword argument '${name}'`);
    }
  }
  if (posOnlyPassed.length > 0) {
    throw raise(exc.TypeError, `${spec.qualname}() got some positional-only arguments passed as keyword arguments: '${posOnlyPassed.join(', ')}'`);
  }
  const firstDefault = npos - spec.defaults.length;
  const missing: string[] = [];
  for (let i = 0; i < npos; i++) {
    if (bound[i]) continue;
    if (i >= firstDefault) slots[spec.positionalSlots[i]] = spec.defaults[i - firstDefault];
    else missing.push(spec.positional[i]);
  }
  if (missing.length > 0) {
    throw raise(exc.TypeError, `${spec.qualname}() missing ${missing.length} required positional argument${missing.length === 1 ? '' : 's'}: ${nameList(missing)}`);
  }
  const missingKw: string[] = [];
  for (let i = 0; i < spec.kwOnly.length; i++) {
    if (kwBound[i]) continue;
    const d = spec.kwDefaults[i];
    if (d === undefined) missingKw.push(spec.kwOnly[i]);
    else slots[spec.kwOnlySlots[i]] = d;
  }
  if (missingKw.length > 0) {
    throw raise(exc.TypeError, `${spec.qualname}() missing ${missingKw.length} required keyword-only argument${missingKw.length === 1 ? '' : 's'}: ${nameList(missingKw)}`);
  }
  if (extra !== null) slots[spec.kwargSlot] = extra;
  extra = null;
}

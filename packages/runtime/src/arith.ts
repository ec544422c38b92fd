// Binary and unary arithmetic with Python's meaning: int/float coercion,
// floor division and modulo signs, true division, `**`, bit operations,
// sequence concatenation and repetition, set and dict operators, and user
// classes' dunder methods. Error messages are CPython 3.11's.

import { callHook, exc, raise } from './exceptions.ts';
import { checkSize, dictSet, stepOrFail, toArray } from './iteration.ts';
import {
  intAdd, intBitOp, intDivmod, intFloorDiv, intInvert, intMod, intMul, intNeg, intPow, intShift, intSub,
  intToFloat, intTrueDiv, type Int,
} from './ints.ts';
import { PySetTable } from './setTable.ts';
import { rt } from './state.ts';
import { typeName } from './types.ts';
import { PyDict, PyFloat, PyFunction, PyInstance, PyList, PySet, PyTuple, normBig, type Value } from './values.ts';

export type BinOpName = '+' | '-' | '*' | '/' | '//' | '%' | '**' | '<<' | '>>' | '&' | '|' | '^' | '@';

const DUNDER: Record<BinOpName, [string, string]> = {
  '+': ['__add__', '__radd__'], '-': ['__sub__', '__rsub__'], '*': ['__mul__', '__rmul__'],
  '/': ['__truediv__', '__rtruediv__'], '//': ['__floordiv__', '__rfloordiv__'], '%': ['__mod__', '__rmod__'],
  '**': ['__pow__', '__rpow__'], '<<': ['__lshift__', '__rlshift__'], '>>': ['__rshift__', '__rrshift__'],
  '&': ['__and__', '__rand__'], '|': ['__or__', '__ror__'], '^': ['__xor__', '__rxor__'], '@': ['__matmul__', '__rmatmul__'],
};

/** Formatting hook for `str % args`, set by percentFormat.ts. */
export const percentHook = { format: (_fmt: string, _args: Value): Value => null };
export const notImplementedHook = { value: null as Value };
/** `dict.update(src)`, set by containerMethods.ts (importing it here would be an import cycle). */
export const dictUpdateHook = {
  update: (_d: PyDict, _src: Value): void => { throw new Error('dictUpdateHook is not set'); },
};

function unsupported(op: string, a: Value, b: Value, inPlace = false): never {
  const shown = inPlace ? `${op}=` : op === '**' ? '** or pow()' : op;
  throw raise(exc.TypeError, `unsupported operand type(s) for ${shown}: '${typeName(a)}' and '${typeName(b)}'`);
}

/** int, bool -> int; float -> number marker; else null. */
function asInt(v: Value): Int | null {
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return null;
}

function asFloat(v: Value): number | null {
  if (v instanceof PyFloat) return v.v;
  const i = asInt(v);
  return i === null ? null : intToFloat(i);
}

function userBinop(op: BinOpName, a: Value, b: Value): Value | undefined {
  const [name, rname] = DUNDER[op];
  if (a instanceof PyInstance) {
    const m = a.cls.lookup(name);
    if (m instanceof PyFunction) {
      const r = callHook.call(m, [a, b], null);
      if (r !== notImplementedHook.value) return r;
    }
  }
  if (b instanceof PyInstance) {
    const m = b.cls.lookup(rname);
    if (m instanceof PyFunction) {
      const r = callHook.call(m, [b, a], null);
      if (r !== notImplementedHook.value) return r;
    }
  }
  return undefined;
}

function floatResult(x: number): PyFloat {
  return new PyFloat(x);
}

function repeatCount(n: Int): void {
  if (typeof n === 'bigint' && (n > 9223372036854775807n || n < -9223372036854775808n)) {
    throw raise(exc.OverflowError, "cannot fit 'int' into an index-sized integer");
  }
}

function repeat(items: Value[], n: Int): Value[] {
  repeatCount(n);
  const count = typeof n === 'bigint' ? (n > 0n ? Infinity : 0) : Math.max(0, n);
  if (count === 0 || items.length === 0) return [];
  checkSize(items.length * count);
  rt.budget.remaining -= items.length * count;
  if (rt.budget.remaining < 0) stepOrFail();
  const out = new Array<Value>(items.length * count);
  for (let r = 0, k = 0; r < count; r++) for (let i = 0; i < items.length; i++) out[k++] = items[i];
  return out;
}

function repeatStr(s: string, n: Int): string {
  repeatCount(n);
  const count = typeof n === 'bigint' ? (n > 0n ? Infinity : 0) : Math.max(0, n);
  if (count === 0 || s.length === 0) return '';
  if (s.length * count > rt.limits.stringLengthMax) {
    throw raise(exc.MemoryError, `string too large: ${s.length * count} characters exceeds the limit of ${rt.limits.stringLengthMax}`);
  }
  return s.repeat(count);
}

export function checkStringSize(s: string): string {
  if (s.length > rt.limits.stringLengthMax) {
    throw raise(exc.MemoryError, `string too large: ${s.length} characters exceeds the limit of ${rt.limits.stringLengthMax}`);
  }
  return s;
}

export function add(a: Value, b: Value): Value {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (r <= Number.MAX_SAFE_INTEGER && r >= -Number.MAX_SAFE_INTEGER) return r;
  }
  if (typeof a === 'string') {
    if (typeof b === 'string') return a.length + b.length > 4096 ? checkStringSize(a + b) : a + b;
    if (!(b instanceof PyInstance)) throw raise(exc.TypeError, `can only concatenate str (not "${typeName(b)}") to str`);
  }
  return arith('+', a, b);
}

export function sub(a: Value, b: Value): Value {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (r <= Number.MAX_SAFE_INTEGER && r >= -Number.MAX_SAFE_INTEGER) return r;
  }
  return arith('-', a, b);
}

export function mul(a: Value, b: Value): Value {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (r <= Number.MAX_SAFE_INTEGER && r >= -Number.MAX_SAFE_INTEGER) return r === 0 ? 0 : r;
  }
  return arith('*', a, b);
}

/** Any binary operator; `inPlace` only changes the operator an error message shows (`+=`). */
export function arith(op: BinOpName, a: Value, b: Value, inPlace = false): Value {
  const ia = asInt(a);
  const ib = asInt(b);
  if (ia !== null && ib !== null) {
    if (typeof a === 'boolean' && typeof b === 'boolean' && (op === '&' || op === '|' || op === '^')) {
      return op === '&' ? a && b : op === '|' ? a || b : a !== b;
    }
    return intOp(op, ia, ib, inPlace);
  }
  if ((a instanceof PyFloat || ia !== null) && (b instanceof PyFloat || ib !== null)) {
    // Check the operator before converting, so `2**1100 & 1.5` raises
    // CPython's TypeError and not the OverflowError of the int conversion.
    if (!FLOAT_OPS.has(op)) return unsupported(op, a, b, inPlace);
    const r = floatOp(op, asFloat(a)!, asFloat(b)!);
    if (r !== undefined) return r;
    return unsupported(op, a, b, inPlace);
  }
  const r = otherOp(op, a, b, ia, ib);
  if (r !== undefined) return r;
  const u = userBinop(op, a, b);
  if (u !== undefined) return u;
  if (op === '+' && typeof a === 'string') {
    throw raise(exc.TypeError, `can only concatenate str (not "${typeName(b)}") to str`);
  }
  return unsupported(op, a, b, inPlace);
}

function intOp(op: BinOpName, a: Int, b: Int, inPlace: boolean): Value {
  switch (op) {
    case '+': return intAdd(a, b);
    case '-': return intSub(a, b);
    case '*': return intMul(a, b);
    case '/': return floatResult(intTrueDiv(a, b));
    case '//': return intFloorDiv(a, b);
    case '%': return intMod(a, b);
    case '**':
      if (b < 0) {
        if (a === 0) throw raise(exc.ZeroDivisionError, '0.0 cannot be raised to a negative power');
        return floatPow(intToFloat(a), intToFloat(b));
      }
      return intPow(a, b);
    case '<<': return intShift(a, b, true);
    case '>>': return intShift(a, b, false);
    case '&': case '|': case '^': return intBitOp(a, b, op);
    default: return unsupported(op, a, b, inPlace);
  }
}

export function floatPow(x: number, y: number): PyFloat {
  if (x === 0 && y < 0) throw raise(exc.ZeroDivisionError, '0.0 cannot be raised to a negative power');
  if (x < 0 && Number.isFinite(x) && !Number.isInteger(y) && Number.isFinite(y)) {
    // NOTE: CPython returns a complex number here; complex is outside the entity language.
    throw raise(exc.ValueError, 'negative number cannot be raised to a fractional power (complex results are not supported)');
  }
  if (x === 1 || y === 0) return new PyFloat(1);
  if (Number.isInteger(y) && Math.abs(y) <= 64 && Number.isFinite(x) && x !== 0) return new PyFloat(exactIntegerPow(x, y));
  // NOTE: other exponents use Math.pow, which may differ from C's pow() in the last bit.
  const r = Math.pow(x, y);
  if (!Number.isFinite(r) && Number.isFinite(x) && Number.isFinite(y)) {
    throw raise(exc.OverflowError, "(34, 'Numerical result out of range')");
  }
  return new PyFloat(r);
}

const powView = new DataView(new ArrayBuffer(8));

/**
 * Compute x ** n for a small integer n, correctly rounded. glibc's pow is
 * within about half an ulp and matches this nearly always, but not always.
 * NOTE: 1.5 ** 34 is one case where CPython (glibc) rounds the other way.
 */
function exactIntegerPow(x: number, n: number): number {
  powView.setFloat64(0, Math.abs(x));
  const hi = powView.getUint32(0);
  const lo = powView.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e2 = -1074;
  if (biased !== 0) {
    mant |= 1n << 52n;
    e2 = biased - 1075;
  }
  const k = Math.abs(n);
  const power = mant ** BigInt(k);
  const shift = e2 * k * (n < 0 ? -1 : 1);
  let num = n < 0 ? 1n : power;
  let den = n < 0 ? power : 1n;
  if (shift > 0) num <<= BigInt(shift);
  else den <<= BigInt(-shift);
  let r: number;
  try {
    r = intTrueDiv(normBig(num), normBig(den));
  } catch {
    throw raise(exc.OverflowError, "(34, 'Numerical result out of range')");
  }
  return x < 0 && k % 2 === 1 ? -r : r;
}

/** Operators that float defines; the others reject a float operand. */
const FLOAT_OPS: ReadonlySet<BinOpName> = new Set(['+', '-', '*', '/', '//', '%', '**']);

function floatOp(op: BinOpName, x: number, y: number): Value | undefined {
  switch (op) {
    case '+': return floatResult(x + y);
    case '-': return floatResult(x - y);
    case '*': return floatResult(x * y);
    case '/':
      if (y === 0) throw raise(exc.ZeroDivisionError, 'float division by zero');
      return floatResult(x / y);
    case '//':
      if (y === 0) throw raise(exc.ZeroDivisionError, 'float floor division by zero');
      return floatResult(floatDivmod(x, y)[0]);
    case '%':
      if (y === 0) throw raise(exc.ZeroDivisionError, 'float modulo');
      return floatResult(floatDivmod(x, y)[1]);
    case '**': return floatPow(x, y);
    default: return undefined;
  }
}

/** CPython's float_divmod. */
export function floatDivmod(vx: number, wx: number): [number, number] {
  let mod = vx % wx;
  let div = (vx - mod) / wx;
  // C tests a double for truth as `!= 0`, so NaN counts as true here.
  if (mod !== 0) {
    if ((wx < 0) !== (mod < 0)) {
      mod += wx;
      div -= 1.0;
    }
  } else {
    mod = wx < 0 ? -0.0 : 0.0;
  }
  let floordiv: number;
  if (div !== 0) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = (vx / wx < 0 || Object.is(vx / wx, -0)) ? -0.0 : 0.0;
  }
  return [floordiv, mod];
}

export function divmodValues(a: Value, b: Value): [Value, Value] {
  const ia = asInt(a);
  const ib = asInt(b);
  if (ia !== null && ib !== null) return intDivmod(ia, ib, 'divmod');
  const numeric = (a instanceof PyFloat || ia !== null) && (b instanceof PyFloat || ib !== null);
  if (!numeric) {
    throw raise(exc.TypeError, `unsupported operand type(s) for divmod(): '${typeName(a)}' and '${typeName(b)}'`);
  }
  const fa = asFloat(a)!;
  const fb = asFloat(b)!;
  if (fb === 0) throw raise(exc.ZeroDivisionError, 'float divmod()');
  const [q, r] = floatDivmod(fa, fb);
  return [new PyFloat(q), new PyFloat(r)];
}

function otherOp(op: BinOpName, a: Value, b: Value, ia: Int | null, ib: Int | null): Value | undefined {
  switch (op) {
    case '+':
      if (a instanceof PyList) {
        if (b instanceof PyList) { checkSize(a.items.length + b.items.length); return new PyList(a.items.concat(b.items)); }
        throw raise(exc.TypeError, `can only concatenate list (not "${typeName(b)}") to list`);
      }
      if (a instanceof PyTuple) {
        if (b instanceof PyTuple) { checkSize(a.items.length + b.items.length); return new PyTuple(a.items.concat(b.items)); }
        throw raise(exc.TypeError, `can only concatenate tuple (not "${typeName(b)}") to tuple`);
      }
      return undefined;
    case '*': {
      if (ib !== null) {
        if (typeof a === 'string') return repeatStr(a, ib);
        if (a instanceof PyList) return new PyList(repeat(a.items, ib));
        if (a instanceof PyTuple) return new PyTuple(repeat(a.items, ib));
      }
      if (ia !== null) {
        if (typeof b === 'string') return repeatStr(b, ia);
        if (b instanceof PyList) return new PyList(repeat(b.items, ia));
        if (b instanceof PyTuple) return new PyTuple(repeat(b.items, ia));
      }
      const seq = typeof a === 'string' || a instanceof PyList || a instanceof PyTuple ? b
        : typeof b === 'string' || b instanceof PyList || b instanceof PyTuple ? a : undefined;
      if (seq !== undefined && !(seq instanceof PyInstance)) {
        throw raise(exc.TypeError, `can't multiply sequence by non-int of type '${typeName(seq)}'`);
      }
      return undefined;
    }
    case '%':
      if (typeof a === 'string') return percentHook.format(a, b);
      return undefined;
    case '-': case '&': case '|': case '^':
      if (a instanceof PySet && b instanceof PySet) return setOp(op, a, b);
      if (op === '|' && a instanceof PyDict && b instanceof PyDict) {
        const d = new PyDict();
        for (const e of a.map.values()) dictSet(d, e.key, e.value);
        for (const e of b.map.values()) dictSet(d, e.key, e.value);
        return d;
      }
      return undefined;
    default:
      return undefined;
  }
}

/** Set operators, building the result in CPython's order. */
export function setOp(op: '-' | '&' | '|' | '^', a: PySet, b: PySet): PySet {
  const frozen = a.frozen;
  switch (op) {
    case '|': {
      const t = a.table.copy();
      t.merge(b.table);
      return new PySet(t, frozen);
    }
    case '&': {
      let [big, small] = [a.table, b.table];
      if (small.used > big.used) [big, small] = [small, big];
      const t = new PySetTable();
      for (const [k, h] of small.entries()) if (big.has(k)) t.addWithHash(k, h);
      return new PySet(t, frozen);
    }
    case '-': {
      if (a.table.used >> 2 > b.table.used) {
        const t = a.table.copy();
        for (const k of b.table.keys()) t.discard(k);
        return new PySet(t, frozen);
      }
      const t = new PySetTable();
      for (const [k, h] of a.table.entries()) if (!b.table.has(k)) t.addWithHash(k, h);
      return new PySet(t, frozen);
    }
    case '^': {
      const t = b.table.copy();
      for (const [k, h] of a.table.entries()) {
        if (!t.discard(k)) t.addWithHash(k, h);
      }
      return new PySet(t, frozen);
    }
  }
}

export function negate(v: Value): Value {
  if (typeof v === 'number') return v === 0 ? 0 : -v;
  if (typeof v === 'bigint') return intNeg(v);
  if (typeof v === 'boolean') return v ? -1 : 0;
  if (v instanceof PyFloat) return new PyFloat(-v.v);
  return unaryUser(v, '__neg__', '-');
}

export function positive(v: Value): Value {
  if (typeof v === 'number' || typeof v === 'bigint' || v instanceof PyFloat) return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return unaryUser(v, '__pos__', '+');
}

export function invert(v: Value): Value {
  const i = asInt(v);
  if (i !== null) return intInvert(i);
  return unaryUser(v, '__invert__', '~');
}

function unaryUser(v: Value, name: string, op: string): Value {
  if (v instanceof PyInstance) {
    const m = v.cls.lookup(name);
    if (m instanceof PyFunction) return callHook.call(m, [v], null);
  }
  throw raise(exc.TypeError, `bad operand type for unary ${op}: '${typeName(v)}'`);
}

/** `a op= b`: lists extend in place, sets update in place, everything else as `a op b`. */
export function inplace(op: BinOpName, a: Value, b: Value): Value {
  if (a instanceof PyList) {
    if (op === '+') {
      const items = toArray(b);
      checkSize(a.items.length + items.length);
      for (let i = 0; i < items.length; i++) a.items.push(items[i]);
      return a;
    }
    if (op === '*') {
      const n = asInt(b);
      if (n !== null) {
        a.items = repeat(a.items, n);
        return a;
      }
    }
  }
  if (a instanceof PySet && !a.frozen && b instanceof PySet && (op === '|' || op === '&' || op === '-' || op === '^')) {
    if (op === '|') a.table.merge(b.table);
    else if (op === '-') {
      if (a === b) a.table.clear();
      else {
        for (const k of b.table.keys()) a.table.discard(k);
        a.table.compactAfterDiscards();
      }
    }
    else if (op === '&') a.table = setOp('&', a, b).table;
    else for (const [k, h] of b.table.entries()) if (!a.table.discard(k)) a.table.addWithHash(k, h);
    return a;
  }
  if (a instanceof PyDict && op === '|') {
    // dict |= accepts whatever dict.update() accepts, not only a dict.
    dictUpdateHook.update(a, b);
    return a;
  }
  if (a instanceof PyInstance) {
    const m = a.cls.lookup('__i' + DUNDER[op][0].slice(2));
    if (m instanceof PyFunction) {
      const r = callHook.call(m, [a, b], null);
      if (r !== notImplementedHook.value) return r;
    }
  }
  if (op === '+' && typeof a === 'string') return add(a, b);
  return arith(op, a, b, true);
}


// Arbitrary-precision int arithmetic over the number|bigint representation.
// Every result goes through the safe-integer check, so a number is returned
// whenever the value fits.

import { exc, raise } from './exceptions.ts';
import { rt } from './state.ts';
import { normBig, toBig } from './values.ts';

export type Int = number | bigint;

export function bitLength(v: Int): number {
  if (typeof v === 'number') return v === 0 ? 0 : Math.abs(v).toString(2).length;
  const hex = (v < 0n ? -v : v).toString(16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(parseInt(hex[0], 16)));
}

function checkBits(bits: number): void {
  if (bits > rt.limits.intBitsMax) {
    throw raise(exc.MemoryError, `int result too large: about ${bits} bits exceeds the limit of ${rt.limits.intBitsMax} bits`);
  }
}

export function intAdd(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (r <= Number.MAX_SAFE_INTEGER && r >= -Number.MAX_SAFE_INTEGER) return r;
  }
  return normBig(toBig(a) + toBig(b));
}

export function intSub(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (r <= Number.MAX_SAFE_INTEGER && r >= -Number.MAX_SAFE_INTEGER) return r;
  }
  return normBig(toBig(a) - toBig(b));
}

export function intMul(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (r <= Number.MAX_SAFE_INTEGER && r >= -Number.MAX_SAFE_INTEGER) return r === 0 ? 0 : r;
  }
  if (typeof a === 'bigint' || typeof b === 'bigint') checkBits(bitLength(a) + bitLength(b));
  return normBig(toBig(a) * toBig(b));
}

export function intNeg(a: Int): Int {
  return typeof a === 'number' ? (a === 0 ? 0 : -a) : normBig(-a);
}

/** Python floor division and modulo: the remainder takes the divisor's sign. */
export function intDivmod(a: Int, b: Int, op: '//' | '%' | 'divmod'): [Int, Int] {
  if (b === 0) {
    throw raise(exc.ZeroDivisionError, op === '%' ? 'integer modulo by zero' : 'integer division or modulo by zero');
  }
  if (typeof a === 'number' && typeof b === 'number') {
    let r = a % b;
    let q = (a - r) / b;
    if (r !== 0 && (r < 0) !== (b < 0)) {
      r += b;
      q -= 1;
    }
    return [q === 0 ? 0 : q, r === 0 ? 0 : r];
  }
  const A = toBig(a);
  const B = toBig(b);
  let q = A / B;
  let r = A % B;
  if (r !== 0n && (r < 0n) !== (B < 0n)) {
    r += B;
    q -= 1n;
  }
  return [normBig(q), normBig(r)];
}

export function intFloorDiv(a: Int, b: Int): Int {
  return intDivmod(a, b, '//')[0];
}

export function intMod(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number' && b > 0 && a >= 0) return a % b;
  return intDivmod(a, b, '%')[1];
}

/** int ** int with a non-negative exponent (negative exponents are float pow, handled by the caller). */
export function intPow(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a ** b;
    if (Number.isSafeInteger(r)) return r;
  }
  const A = toBig(a);
  const B = toBig(b);
  if (A === 0n || A === 1n) return normBig(A);
  if (A === -1n) return B % 2n === 0n ? 1 : -1;
  const bits = Number(B) * bitLength(a);
  checkBits(bits);
  return normBig(A ** B);
}

export function intPowMod(a: Int, b: Int, m: Int): Int {
  if (m === 0) throw raise(exc.ValueError, 'pow() 3rd argument cannot be 0');
  let base = toBig(a);
  let e = toBig(b);
  const M = toBig(m);
  const absM = M < 0n ? -M : M;
  if (e < 0n) {
    base = modInverse(base, absM);
    e = -e;
  }
  let result = 1n % absM;
  base = ((base % absM) + absM) % absM;
  while (e > 0n) {
    if (e & 1n) result = (result * base) % absM;
    base = (base * base) % absM;
    e >>= 1n;
  }
  if (M < 0n && result !== 0n) result += M;
  return normBig(result);
}

function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [((a % m) + m) % m, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1n) throw raise(exc.ValueError, 'base is not invertible for the given modulus');
  return ((oldS % m) + m) % m;
}

export function intShift(a: Int, b: Int, left: boolean): Int {
  if ((typeof b === 'number' ? b : Number(b)) < 0) throw raise(exc.ValueError, 'negative shift count');
  const n = typeof b === 'number' ? b : Number(b);
  if (left) {
    if (a === 0) return 0;
    checkBits(bitLength(a) + n);
    return normBig(toBig(a) << BigInt(n));
  }
  if (typeof a === 'number') {
    if (n >= 64) return a < 0 ? -1 : 0;
    return Math.floor(a / 2 ** n);
  }
  return normBig(a >> BigInt(Math.min(n, bitLength(a) + 1)));
}

export function intBitOp(a: Int, b: Int, op: '&' | '|' | '^'): Int {
  if (typeof a === 'number' && typeof b === 'number' && a >= -0x80000000 && a <= 0x7fffffff && b >= -0x80000000 && b <= 0x7fffffff) {
    return op === '&' ? a & b : op === '|' ? a | b : a ^ b;
  }
  const A = toBig(a);
  const B = toBig(b);
  return normBig(op === '&' ? A & B : op === '|' ? A | B : A ^ B);
}

export function intInvert(a: Int): Int {
  return intSub(intNeg(a), 1);
}

export function intCompare(a: Int, b: Int): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** int -> float, OverflowError beyond the double range. */
export function intToFloat(a: Int): number {
  const f = Number(a);
  if (!Number.isFinite(f)) throw raise(exc.OverflowError, 'int too large to convert to float');
  return f;
}

/** Exact int / int true division, correctly rounded as CPython does. */
export function intTrueDiv(a: Int, b: Int): number {
  if (b === 0) throw raise(exc.ZeroDivisionError, 'division by zero');
  if (typeof a === 'number' && typeof b === 'number') return a / b;
  const A = toBig(a);
  const B = toBig(b);
  const neg = (A < 0n) !== (B < 0n);
  const an = A < 0n ? -A : A;
  const bn = B < 0n ? -B : B;
  // Scale so the quotient has about 64 significant bits, then let one
  // rounding (integer -> double conversion of a sticky-bit-adjusted quotient) do the work.
  const shift = bitLength(normBig(bn)) - bitLength(normBig(an)) + 66;
  const num = shift > 0 ? an << BigInt(shift) : an;
  const den = shift > 0 ? bn : bn << BigInt(-shift);
  let q = num / den;
  if (num % den !== 0n) q |= 1n;
  const r = scaleByPow2(Number(q), -shift);
  if (!Number.isFinite(r)) throw raise(exc.OverflowError, 'integer division result too large for a float');
  return neg ? -r : r;
}

function scaleByPow2(x: number, e: number): number {
  // 2 ** e underflows to 0 for e < -1074 even when x * 2^e is representable.
  while (e < -1000) { x *= 2 ** -1000; e += 1000; }
  while (e > 1000) { x *= 2 ** 1000; e -= 1000; }
  return x * 2 ** e;
}

/** str(int), with CPython 3.11's limit on digits. */
export function intToString(a: Int): string {
  if (typeof a === 'number') return String(a);
  const s = a.toString();
  const digits = s[0] === '-' ? s.length - 1 : s.length;
  if (digits > rt.limits.intMaxStrDigits) {
    throw raise(exc.ValueError, `Exceeds the limit (${rt.limits.intMaxStrDigits} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit`);
  }
  return s;
}

/** Parse the decimal digits of an int constant. */
export function intFromDecimal(s: string): Int {
  if (s.length < 16) return Number(s);
  return normBig(BigInt(s));
}

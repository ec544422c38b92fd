// Float to text, as CPython does it: repr (shortest round-trip digits, with
// CPython's switch to exponent notation), and correctly rounded fixed,
// exponent and general formats (round-half-even on the exact binary value,
// which JS toFixed does not do: (0.125).toFixed(2) is '0.13', Python says '0.12').

const view = new DataView(new ArrayBuffer(8));

/** The exact value of a finite, positive double as N / 10^scale. */
function exactDecimal(x: number): { n: bigint; scale: number } {
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e2: number;
  if (biased === 0) {
    e2 = -1074;
  } else {
    mant |= 1n << 52n;
    e2 = biased - 1075;
  }
  if (e2 >= 0) return { n: mant << BigInt(e2), scale: 0 };
  return { n: mant * 5n ** BigInt(-e2), scale: -e2 };
}

function divRoundHalfEven(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r2 = (n % d) * 2n;
  if (r2 > d || (r2 === d && (q & 1n) === 1n)) return q + 1n;
  return q;
}

/** |x| rounded half-even to `prec` digits after the point, as a digit string of the scaled integer. */
export function fixedDigits(x: number, prec: number): string {
  if (x === 0) return '0';
  const { n, scale } = exactDecimal(Math.abs(x));
  if (scale <= prec) return (n * 10n ** BigInt(prec - scale)).toString();
  return divRoundHalfEven(n, 10n ** BigInt(scale - prec)).toString();
}

/** |x| rounded half-even to `sig` significant digits: digits (length sig) and decimal exponent of the first. */
export function significantDigits(x: number, sig: number): { digits: string; exp: number } {
  if (x === 0) return { digits: '0'.repeat(sig), exp: 0 };
  const { n, scale } = exactDecimal(Math.abs(x));
  const s = n.toString();
  let exp = s.length - 1 - scale;
  if (s.length <= sig) return { digits: s + '0'.repeat(sig - s.length), exp };
  let q = divRoundHalfEven(n, 10n ** BigInt(s.length - sig)).toString();
  if (q.length > sig) {
    q = q.slice(0, sig);
    exp += 1;
  }
  return { digits: q, exp };
}

/** Shortest round-trip digits of |x| (finite, nonzero) and the decimal exponent of the first digit. */
export function shortestDigits(x: number): { digits: string; exp: number } {
  const t = Math.abs(x).toExponential();
  const ePos = t.indexOf('e');
  const digits = t.slice(0, ePos).replace('.', '');
  return { digits, exp: Number(t.slice(ePos + 1)) };
}

function placeFixed(digits: string, exp: number): string {
  if (exp < 0) return '0.' + '0'.repeat(-exp - 1) + digits;
  if (digits.length <= exp + 1) return digits + '0'.repeat(exp + 1 - digits.length);
  return digits.slice(0, exp + 1) + '.' + digits.slice(exp + 1);
}

function expSuffix(exp: number): string {
  const a = Math.abs(exp);
  return (exp < 0 ? 'e-' : 'e+') + (a < 10 ? '0' + a : String(a));
}

function placeExp(digits: string, exp: number): string {
  const rest = digits.slice(1);
  return digits[0] + (rest ? '.' + rest : '') + expSuffix(exp);
}

function nonFinite(x: number): string | null {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  return null;
}

/** repr(float) / str(float). */
export function floatRepr(x: number): string {
  const nf = nonFinite(x);
  if (nf !== null) return nf;
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  const { digits, exp } = shortestDigits(x);
  if (exp < -4 || exp >= 16) return sign + placeExp(digits, exp);
  const text = placeFixed(digits, exp);
  return sign + (text.includes('.') ? text : text + '.0');
}

/** Body of a float format without sign: types f F e E g G % and '' (no type). */
export function formatFloatBody(x: number, type: string, precision: number | null, alternate: boolean): string {
  const ax = Math.abs(x);
  if (!Number.isFinite(x)) {
    const t = Number.isNaN(x) ? 'nan' : 'inf';
    const body = type === 'F' || type === 'E' || type === 'G' ? t.toUpperCase() : t;
    return type === '%' ? body + '%' : body;
  }
  switch (type) {
    case 'f': case 'F': {
      const p = precision ?? 6;
      return withPoint(fixedDigits(ax, p), p, alternate);
    }
    case '%': {
      const p = precision ?? 6;
      return withPoint(fixedDigits(ax * 100, p), p, alternate) + '%';
    }
    case 'e': case 'E': {
      const p = precision ?? 6;
      const { digits, exp } = significantDigits(ax, p + 1);
      const mant = digits[0] + (p > 0 || alternate ? '.' + digits.slice(1) : '');
      const out = mant + expSuffix(exp);
      return type === 'E' ? out.toUpperCase() : out;
    }
    case 'g': case 'G': {
      const out = generalFormat(ax, precision ?? 6, alternate, false);
      return type === 'G' ? out.toUpperCase() : out;
    }
    case '': case 'n':
      if (precision === null) {
        if (type === 'n') return generalFormat(ax, 6, alternate, false);
        const r = floatRepr(ax);
        return alternate && !r.includes('.') && !r.includes('e') ? r + '.' : r;
      }
      return generalFormat(ax, precision, alternate, type === '');
    default:
      throw new Error(`unknown float format type ${type}`);
  }
}

function withPoint(scaled: string, p: number, alternate: boolean): string {
  if (p === 0) return scaled + (alternate ? '.' : '');
  const padded = scaled.length <= p ? '0'.repeat(p - scaled.length + 1) + scaled : scaled;
  return padded.slice(0, padded.length - p) + '.' + padded.slice(padded.length - p);
}

/** 'g' formatting; `addDot0` is CPython's mode for a format with precision but no type. */
function generalFormat(ax: number, precision: number, alternate: boolean, addDot0: boolean): string {
  const p = precision === 0 ? 1 : precision;
  if (ax === 0) {
    if (alternate) return '0.' + '0'.repeat(p - 1);
    return addDot0 ? '0.0' : '0';
  }
  const { digits, exp } = significantDigits(ax, p);
  const useExp = exp < -4 || exp >= (addDot0 ? p - 1 : p);
  let d = digits;
  if (!alternate) d = d.replace(/0+$/, '') || '0';
  if (useExp) {
    const rest = d.slice(1);
    return d[0] + (rest || alternate ? '.' + rest : '') + expSuffix(exp);
  }
  let text = placeFixedMin(d, exp, alternate ? p : 0);
  if (addDot0 && !text.includes('.')) text += '.0';
  if (alternate && !text.includes('.')) text += '.';
  return text;
}

function placeFixedMin(digits: string, exp: number, minDigits: number): string {
  const padded = digits.length < minDigits ? digits + '0'.repeat(minDigits - digits.length) : digits;
  return placeFixed(padded, exp);
}

/** round(x, ndigits) for floats: the exact value rounded half-even, then read back as a double. */
export function roundFloat(x: number, ndigits: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  if (ndigits > 330) return x;
  if (ndigits < -330) return 0 * Math.sign(x);
  const sign = x < 0 ? '-' : '';
  if (ndigits >= 0) {
    const scaled = fixedDigits(x, ndigits);
    const r = Number(sign + scaled + 'e-' + ndigits);
    return r === 0 ? (x < 0 ? -0 : 0) : r;
  }
  const { n, scale } = exactDecimal(Math.abs(x));
  const q = divRoundHalfEven(n, 10n ** BigInt(scale - ndigits));
  const r = Number(sign + q.toString() + 'e' + -ndigits);
  return r === 0 ? (x < 0 ? -0 : 0) : r;
}

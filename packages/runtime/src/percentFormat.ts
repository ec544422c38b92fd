// printf-style `str % args` and `str.format(...)`.

import { percentHook } from './arith.ts';
import { exc, raise, raiseWith } from './exceptions.ts';
import { formatFloatBody } from './floatFormat.ts';
import { intToFloat, intToString } from './ints.ts';
import { dictGet } from './iteration.ts';
import { pyRepr, pyStr } from './repr.ts';
import { typeName } from './types.ts';
import { formatValue } from './format.ts';
import { PyDict, PyFloat, PyInstance, PyList, PyRange, PyTuple, type Value } from './values.ts';

function asNumber(v: Value, conv: string): number | bigint | PyFloat {
  if (typeof v === 'number' || typeof v === 'bigint' || v instanceof PyFloat) return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if ('diu'.includes(conv)) throw raise(exc.TypeError, `%${conv} format: a real number is required, not ${typeName(v)}`);
  if ('xXoc'.includes(conv)) throw raise(exc.TypeError, `%${conv} format: an integer is required, not ${typeName(v)}`);
  throw raise(exc.TypeError, `must be real number, not ${typeName(v)}`);
}

function padField(body: string, sign: string, flags: string, width: number, numeric: boolean): string {
  const len = sign.length + body.length;
  if (width <= len) return sign + body;
  if (flags.includes('-')) return sign + body + ' '.repeat(width - len);
  if (numeric && flags.includes('0')) return sign + '0'.repeat(width - len) + body;
  return ' '.repeat(width - len) + sign + body;
}

function convertOne(conv: string, v: Value, flags: string, width: number, precision: number | null): string {
  switch (conv) {
    case 's': case 'r': case 'a': {
      let s = conv === 's' ? pyStr(v) : pyRepr(v);
      if (precision !== null) s = s.slice(0, precision);
      return padField(s, '', flags, width, false);
    }
    case 'c': {
      let s: string;
      if (typeof v === 'string') {
        if (Array.from(v).length !== 1) throw raise(exc.TypeError, '%c requires int or char');
        s = v;
      } else {
        if (!(typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean')) throw raise(exc.TypeError, '%c requires int or char');
        const n = asNumber(v, 'c') as number | bigint;
        if (n < 0 || n > 0x10ffff) throw raise(exc.OverflowError, '%c arg not in range(0x110000)');
        s = String.fromCodePoint(Number(n));
      }
      return padField(s, '', flags, width, false);
    }
    case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': {
      let n = asNumber(v, conv);
      if (n instanceof PyFloat) {
        if ('xXo'.includes(conv)) throw raise(exc.TypeError, `%${conv} format: an integer is required, not float`);
        if (Number.isNaN(n.v)) throw raise(exc.ValueError, 'cannot convert float NaN to integer');
        if (!Number.isFinite(n.v)) throw raise(exc.OverflowError, 'cannot convert float infinity to integer');
        n = Number.isSafeInteger(Math.trunc(n.v)) ? Math.trunc(n.v) : BigInt(Math.trunc(n.v));
      }
      const negative = n < 0;
      const abs = negative ? -(n as number) : n;
      let digits = conv === 'x' ? abs.toString(16) : conv === 'X' ? abs.toString(16).toUpperCase()
        : conv === 'o' ? abs.toString(8) : intToString(abs);
      if (precision !== null && digits.length < precision) digits = '0'.repeat(precision - digits.length) + digits;
      if (flags.includes('#') && conv !== 'd' && conv !== 'i' && conv !== 'u') {
        digits = (conv === 'x' ? '0x' : conv === 'X' ? '0X' : '0o') + digits;
      }
      const sign = negative ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
      return padField(digits, sign, flags, width, true);
    }
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
      const n = asNumber(v, conv);
      const x = n instanceof PyFloat ? n.v : intToFloat(n);
      const body = formatFloatBody(x, conv, precision ?? 6, flags.includes('#'));
      const negative = (x < 0 || Object.is(x, -0)) && !Number.isNaN(x);
      const sign = negative ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
      // CPython pads nan and inf with zeros too: '%05.1f' % nan is '00nan'.
      return padField(body, sign, flags, width, true);
    }
    default:
      throw raise(exc.ValueError, `unsupported format character '${conv}' (0x${conv.codePointAt(0)!.toString(16)})`);
  }
}

/** `fmt % args`. */
export function percentFormat(fmt: string, args: Value): string {
  const positional = args instanceof PyTuple ? args.items : [args];
  const mapping = args instanceof PyDict || (args instanceof PyInstance && !(args instanceof PyTuple)) ? args : null;
  let argIndex = 0;
  let usedMapping = false;
  let out = '';
  const nextArg = (): Value => {
    if (argIndex >= positional.length) throw raise(exc.TypeError, 'not enough arguments for format string');
    return positional[argIndex++];
  };
  let i = 0;
  while (i < fmt.length) {
    const pct = fmt.indexOf('%', i);
    if (pct < 0) {
      out += fmt.slice(i);
      break;
    }
    out += fmt.slice(i, pct);
    i = pct + 1;
    if (i >= fmt.length) throw raise(exc.ValueError, 'incomplete format');
    let value: Value | undefined;
    if (fmt[i] === '(') {
      let depth = 1;
      let j = i + 1;
      while (j < fmt.length && depth > 0) {
        if (fmt[j] === '(') depth++;
        else if (fmt[j] === ')') depth--;
        j++;
      }
      if (depth > 0) throw raise(exc.ValueError, 'incomplete format key');
      if (!(mapping instanceof PyDict)) throw raise(exc.TypeError, 'format requires a mapping');
      const key = fmt.slice(i + 1, j - 1);
      const got = dictGet(mapping, key);
      if (got === undefined) throw raiseWith(exc.KeyError, [key]);
      value = got;
      usedMapping = true;
      i = j;
    }
    let flags = '';
    while (i < fmt.length && '-+ #0'.includes(fmt[i])) flags += fmt[i++];
    let width = 0;
    if (fmt[i] === '*') {
      const w = nextArg();
      if (typeof w !== 'number') throw raise(exc.TypeError, '* wants int');
      width = Math.abs(w);
      if (w < 0) flags += '-';
      i++;
    } else {
      while (i < fmt.length && fmt[i] >= '0' && fmt[i] <= '9') width = width * 10 + Number(fmt[i++]);
    }
    let precision: number | null = null;
    if (fmt[i] === '.') {
      i++;
      precision = 0;
      if (fmt[i] === '*') {
        const p = nextArg();
        if (typeof p !== 'number') throw raise(exc.TypeError, '* wants int');
        precision = Math.max(0, p);
        i++;
      } else {
        while (i < fmt.length && fmt[i] >= '0' && fmt[i] <= '9') precision = precision * 10 + Number(fmt[i++]);
      }
    }
    while (i < fmt.length && 'hlL'.includes(fmt[i])) i++;
    if (i >= fmt.length) throw raise(exc.ValueError, 'incomplete format');
    const conv = fmt[i++];
    if (conv === '%') {
      out += '%';
      continue;
    }
    if (value === undefined) value = mapping instanceof PyDict && usedMapping ? mapping : nextArg();
    out += convertOne(conv, value, flags, width, precision);
  }
  // CPython skips this check when the argument supports item access (a dict, list, range, ...).
  const isMappingLike = args instanceof PyDict || args instanceof PyList || args instanceof PyRange || (args instanceof PyInstance && args.cls.lookup('__getitem__') !== undefined);
  if (argIndex < positional.length && !isMappingLike) {
    throw raise(exc.TypeError, 'not all arguments converted during string formatting');
  }
  return out;
}

percentHook.format = percentFormat;

/** Hooks the interpreter fills: attribute access and subscription for `{0.attr}` / `{0[key]}` fields. */
export const fieldHooks = {
  getAttr: (_v: Value, _name: string): Value => null,
  getItem: (_v: Value, _k: Value): Value => null,
};

/** `fmt.format(*args, **kwargs)`. */
export function strFormat(fmt: string, args: Value[], kwargs: Map<string, Value>): string {
  let out = '';
  let auto = 0;
  let mode: 'auto' | 'manual' | null = null;
  let i = 0;
  while (i < fmt.length) {
    const c = fmt[i];
    if (c === '}') {
      if (fmt[i + 1] === '}') { out += '}'; i += 2; continue; }
      throw raise(exc.ValueError, "Single '}' encountered in format string");
    }
    if (c !== '{') { out += c; i++; continue; }
    if (fmt[i + 1] === '{') { out += '{'; i += 2; continue; }
    let depth = 1;
    let j = i + 1;
    while (j < fmt.length && depth > 0) {
      if (fmt[j] === '{') depth++;
      else if (fmt[j] === '}') depth--;
      if (depth > 0) j++;
    }
    if (depth > 0) throw raise(exc.ValueError, "expected '}' before end of string");
    const field = fmt.slice(i + 1, j);
    i = j + 1;
    let specStart = -1;
    let convPos = -1;
    let bracket = 0;
    for (let k = 0; k < field.length; k++) {
      if (field[k] === '[') bracket++;
      else if (field[k] === ']') bracket--;
      else if (bracket === 0 && field[k] === '!' && convPos < 0) convPos = k;
      else if (bracket === 0 && field[k] === ':') { specStart = k; break; }
    }
    const nameEnd = convPos >= 0 ? convPos : specStart >= 0 ? specStart : field.length;
    const name = field.slice(0, nameEnd);
    const conversion = convPos >= 0 ? field.slice(convPos + 1, specStart >= 0 ? specStart : field.length) : '';
    let spec = specStart >= 0 ? field.slice(specStart + 1) : '';
    if (spec.includes('{')) spec = strFormat(spec, args, kwargs);
    const m = /^([^.[]*)(.*)$/s.exec(name)!;
    let value: Value;
    const first = m[1];
    if (first === '' || /^\d+$/.test(first)) {
      let index: number;
      if (first === '') {
        if (mode === 'manual') throw raise(exc.ValueError, 'cannot switch from manual field specification to automatic field numbering');
        mode = 'auto';
        index = auto++;
      } else {
        if (mode === 'auto') throw raise(exc.ValueError, 'cannot switch from automatic field numbering to manual field specification');
        mode = 'manual';
        index = Number(first);
      }
      if (index >= args.length) throw raise(exc.IndexError, `Replacement index ${index} out of range for positional args tuple`);
      value = args[index];
    } else {
      const v = kwargs.get(first);
      if (v === undefined) throw raiseWith(exc.KeyError, [first]);
      value = v;
    }
    const rest = /\.([^.[]+)|\[([^\]]*)\]/g;
    let r: RegExpExecArray | null;
    while ((r = rest.exec(m[2])) !== null) {
      if (r[1] !== undefined) value = fieldHooks.getAttr(value, r[1]);
      else value = fieldHooks.getItem(value, /^\d+$/.test(r[2]) ? Number(r[2]) : r[2]);
    }
    if (conversion === 'r' || conversion === 'a') value = pyRepr(value);
    else if (conversion === 's') value = pyStr(value);
    else if (conversion !== '') throw raise(exc.ValueError, `Unknown conversion specifier ${conversion}`);
    out += formatValue(value, spec);
  }
  return out;
}

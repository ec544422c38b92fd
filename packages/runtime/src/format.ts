// The format-spec mini-language (`format(v, spec)`, f-strings, str.format):
// [[fill]align][sign][z][#][0][width][grouping][.precision][type].

import { callHook, exc, raise } from './exceptions.ts';
import { formatFloatBody } from './floatFormat.ts';
import { intToFloat, intToString } from './ints.ts';
import { pyStr } from './repr.ts';
import { strLen } from './strings.ts';
import { typeName } from './types.ts';
import { PyFloat, PyFunction, PyInstance, type Value } from './values.ts';

export interface FormatSpec {
  fill: string;
  align: '<' | '>' | '^' | '=' | null;
  sign: '+' | '-' | ' ' | null;
  noNegZero: boolean;
  alternate: boolean;
  zero: boolean;
  width: number;
  grouping: ',' | '_' | null;
  precision: number | null;
  type: string;
}

const SPEC_RE = /^(?:([\s\S])?([<>=^]))?([-+ ])?(z)?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([a-zA-Z%])?$/u;

export function parseSpec(spec: string): FormatSpec {
  const m = SPEC_RE.exec(spec);
  if (m === null) {
    if (/^(?:[\s\S]?[<>=^])?[-+ ]?z?#?0?\d*[,_]?\.(?!\d)/u.test(spec)) throw raise(exc.ValueError, 'Format specifier missing precision');
    throw raise(exc.ValueError, 'Invalid format specifier');
  }
  const width = m[7] ? Number(m[7]) : 0;
  if (width > 1e7) throw raise(exc.ValueError, 'Too many decimal digits in format string');
  return {
    fill: m[1] ?? (m[6] && !m[2] ? '0' : ' '),
    align: (m[2] as FormatSpec['align']) ?? (m[6] && !m[2] ? '=' : null),
    sign: (m[3] as FormatSpec['sign']) ?? null,
    noNegZero: !!m[4],
    alternate: !!m[5],
    zero: !!m[6],
    width,
    grouping: (m[8] as FormatSpec['grouping']) ?? null,
    precision: m[9] !== undefined ? Number(m[9]) : null,
    type: m[10] ?? '',
  };
}

function pad(body: string, signPrefix: string, spec: FormatSpec, defaultAlign: '<' | '>'): string {
  const align = spec.align ?? defaultAlign;
  const len = strLen(signPrefix) + strLen(body);
  if (len >= spec.width) return signPrefix + body;
  const n = spec.width - len;
  switch (align) {
    case '<': return signPrefix + body + spec.fill.repeat(n);
    case '>': return spec.fill.repeat(n) + signPrefix + body;
    case '=': return signPrefix + spec.fill.repeat(n) + body;
    case '^': {
      const left = Math.floor(n / 2);
      return spec.fill.repeat(left) + signPrefix + body + spec.fill.repeat(n - left);
    }
  }
}

function group(digits: string, sep: string, size: number, minWidth: number): string {
  let d = digits;
  for (;;) {
    let out = '';
    for (let end = d.length; end > 0; end -= size) {
      const start = Math.max(0, end - size);
      out = d.slice(start, end) + (out ? sep + out : '');
    }
    if (out.length >= minWidth) return out;
    d = '0' + d;
  }
}

/** Apply sign, grouping, zero padding and alignment to a number's digits. */
function finishNumber(negative: boolean, prefix: string, intDigits: string, rest: string, spec: FormatSpec, groupSize: number): string {
  const sign = negative ? '-' : spec.sign === '+' ? '+' : spec.sign === ' ' ? ' ' : '';
  let intPart = intDigits;
  if (spec.grouping !== null) {
    const zeroFill = spec.align === '=' && spec.fill === '0';
    const minWidth = zeroFill ? Math.max(0, spec.width - sign.length - prefix.length - rest.length) : 0;
    intPart = group(intDigits, spec.grouping, groupSize, minWidth);
  }
  return pad(intPart + rest, sign + prefix, spec, '>');
}

function formatInt(v: number | bigint, spec: FormatSpec, typeNameText = 'int'): string {
  const t = spec.type;
  if ('eEfFgG%'.includes(t) && t !== '') return formatFloat(intToFloat(v), spec);
  if (spec.precision !== null) throw raise(exc.ValueError, 'Precision not allowed in integer format specifier');
  const negative = v < 0;
  const abs = negative ? -(v as number) : v;
  if (t === 'c') {
    if (spec.sign !== null) throw raise(exc.ValueError, "Sign not allowed with integer format specifier 'c'");
    if (v > 9223372036854775807n || v < -9223372036854775808n) throw raise(exc.OverflowError, 'Python int too large to convert to C long');
    const cp = Number(v);
    if (cp < 0 || cp > 0x10ffff) throw raise(exc.OverflowError, '%c arg not in range(0x110000)');
    return pad(String.fromCodePoint(cp), '', spec, '>');
  }
  let digits: string;
  let prefix = '';
  let groupSize = 3;
  switch (t) {
    case '': case 'd': case 'n':
      if (spec.grouping !== null && t === 'n') throw raise(exc.ValueError, "Cannot specify ',' with 'n'.");
      digits = intToString(abs);
      break;
    case 'b': digits = abs.toString(2); prefix = '0b'; groupSize = 4; break;
    case 'o': digits = abs.toString(8); prefix = '0o'; groupSize = 4; break;
    case 'x': digits = abs.toString(16); prefix = '0x'; groupSize = 4; break;
    case 'X': digits = abs.toString(16).toUpperCase(); prefix = '0X'; groupSize = 4; break;
    default:
      throw raise(exc.ValueError, `Unknown format code '${t}' for object of type '${typeNameText}'`);
  }
  if (spec.grouping === ',' && groupSize === 4) throw raise(exc.ValueError, `Cannot specify ',' with '${t}'.`);
  return finishNumber(negative, spec.alternate ? prefix : '', digits, '', spec, groupSize);
}

function formatFloat(x: number, spec: FormatSpec): string {
  const t = spec.type;
  if (!'eEfFgGn%'.includes(t) && t !== '') throw raise(exc.ValueError, `Unknown format code '${t}' for object of type 'float'`);
  let negative = x < 0 || Object.is(x, -0);
  let body = formatFloatBody(x, t, spec.precision, spec.alternate);
  if (spec.noNegZero && negative && /^[0.]*(?:e[+-]?0+)?%?$/i.test(body.replace(/[eE][+-]\d+$/, ''))) negative = false;
  if (Number.isNaN(x)) negative = false;
  const m = /^(\d*)(.*)$/s.exec(body)!;
  if (!Number.isFinite(x)) {
    // inf and nan are never zero-padded with grouping; '0' flag pads them with zeros like CPython.
    return finishNumber(negative, '', '', body, { ...spec, grouping: null }, 3);
  }
  body = m[2];
  return finishNumber(negative, '', m[1], body, spec, 3);
}

function formatStr(s: string, spec: FormatSpec): string {
  if (spec.type !== '' && spec.type !== 's') throw raise(exc.ValueError, `Unknown format code '${spec.type}' for object of type 'str'`);
  if (spec.sign === ' ') throw raise(exc.ValueError, 'Space not allowed in string format specifier');
  if (spec.sign !== null) throw raise(exc.ValueError, 'Sign not allowed in string format specifier');
  if (spec.alternate) throw raise(exc.ValueError, 'Alternate form (#) not allowed in string format specifier');
  if (spec.grouping !== null) throw raise(exc.ValueError, `Cannot specify '${spec.grouping}' with 's'.`);
  if (spec.align === '=') throw raise(exc.ValueError, "'=' alignment not allowed in string format specifier");
  let body = s;
  if (spec.precision !== null) body = Array.from(s).slice(0, spec.precision).join('');
  return pad(body, '', spec, '<');
}

/** format(value, spec). */
export function formatValue(v: Value, specText: string): string {
  if (v instanceof PyInstance) {
    const m = v.cls.lookup('__format__');
    if (m instanceof PyFunction) {
      const r = callHook.call(m, [v, specText], null);
      if (typeof r !== 'string') throw raise(exc.TypeError, `__format__ must return a str, not ${typeName(r)}`);
      return r;
    }
  }
  if (specText === '') return pyStr(v);
  const spec = parseSpec(specText);
  if (typeof v === 'number' || typeof v === 'bigint') return formatInt(v, spec);
  if (typeof v === 'boolean') return formatInt(v ? 1 : 0, spec, 'bool');
  if (v instanceof PyFloat) return formatFloat(v.v, spec);
  if (typeof v === 'string') return formatStr(v, spec);
  throw raise(exc.TypeError, `unsupported format string passed to ${typeName(v)}.__format__`);
}

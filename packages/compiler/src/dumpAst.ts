// Printing of a tree in the text of CPython 3.11's `ast.dump(tree)`, so
// parser output can be compared with CPython's character for character.

import type { ConstantValue, Node } from './ast.ts';
import type { LineTable } from './lineTable.ts';
import { isPrintable } from './parser/printable.ts';

export interface DumpOptions {
  /**
   * When given, nodes that CPython gives positions print `lineno`,
   * `col_offset`, `end_lineno` and `end_col_offset` (columns in UTF-8 bytes),
   * like `ast.dump(tree, include_attributes=True)`.
   */
  lineTable?: LineTable;
}

/**
 * Fields of each node kind in CPython's order. A `?` marks an optional field,
 * which `ast.dump` leaves out when it is None. `type_comment` fields are
 * always None in the entity language and so never printed.
 */
const FIELDS: Record<string, readonly string[]> = {
  Module: ['body', 'type_ignores'],
  FunctionDef: ['name', 'args', 'body', 'decorator_list', 'returns?'],
  AsyncFunctionDef: ['name', 'args', 'body', 'decorator_list', 'returns?'],
  ClassDef: ['name', 'bases', 'keywords', 'body', 'decorator_list'],
  Return: ['value?'],
  Delete: ['targets'],
  Assign: ['targets', 'value'],
  AugAssign: ['target', 'op', 'value'],
  AnnAssign: ['target', 'annotation', 'value?', 'simple'],
  For: ['target', 'iter', 'body', 'orelse'],
  AsyncFor: ['target', 'iter', 'body', 'orelse'],
  While: ['test', 'body', 'orelse'],
  If: ['test', 'body', 'orelse'],
  With: ['items', 'body'],
  AsyncWith: ['items', 'body'],
  Match: ['subject', 'cases'],
  Raise: ['exc?', 'cause?'],
  Try: ['body', 'handlers', 'orelse', 'finalbody'],
  TryStar: ['body', 'handlers', 'orelse', 'finalbody'],
  Assert: ['test', 'msg?'],
  Import: ['names'],
  ImportFrom: ['module?', 'names', 'level'],
  Global: ['names'],
  Nonlocal: ['names'],
  Expr: ['value'],
  Pass: [],
  Break: [],
  Continue: [],
  BoolOp: ['op', 'values'],
  NamedExpr: ['target', 'value'],
  BinOp: ['left', 'op', 'right'],
  UnaryOp: ['op', 'operand'],
  Lambda: ['args', 'body'],
  IfExp: ['test', 'body', 'orelse'],
  Dict: ['keys', 'values'],
  Set: ['elts'],
  ListComp: ['elt', 'generators'],
  SetComp: ['elt', 'generators'],
  DictComp: ['key', 'value', 'generators'],
  GeneratorExp: ['elt', 'generators'],
  Await: ['value'],
  Yield: ['value?'],
  YieldFrom: ['value'],
  Compare: ['left', 'ops', 'comparators'],
  Call: ['func', 'args', 'keywords'],
  FormattedValue: ['value', 'conversion', 'format_spec?'],
  JoinedStr: ['values'],
  Constant: ['value', 'kind?'],
  Attribute: ['value', 'attr', 'ctx'],
  Subscript: ['value', 'slice', 'ctx'],
  Starred: ['value', 'ctx'],
  Name: ['id', 'ctx'],
  List: ['elts', 'ctx'],
  Tuple: ['elts', 'ctx'],
  Slice: ['lower?', 'upper?', 'step?'],
  comprehension: ['target', 'iter', 'ifs', 'is_async'],
  ExceptHandler: ['type?', 'name?', 'body'],
  arguments: ['posonlyargs', 'args', 'vararg?', 'kwonlyargs', 'kw_defaults', 'kwarg?', 'defaults'],
  arg: ['arg', 'annotation?'],
  keyword: ['arg?', 'value'],
  alias: ['name', 'asname?'],
  withitem: ['context_expr', 'optional_vars?'],
  match_case: ['pattern', 'guard?', 'body'],
};

/** Node kinds without positions in CPython (`_attributes` is empty). */
const UNPOSITIONED = new Set(['Module', 'comprehension', 'arguments', 'withitem', 'match_case']);

/**
 * Returns the `ast.dump` text of `node`. Two differences are by design: match
 * patterns, which the tree keeps only as spans, print as
 * `MatchPattern(start=S, end=E)`, and operators and contexts print as CPython
 * prints their singletons (`Add()`, `Load()`).
 */
export function dumpAst(node: Node, options: DumpOptions = {}): string {
  const parts: string[] = [];
  writeNode(node, options.lineTable ?? null, parts);
  return parts.join('');
}

function writeNode(node: Node, lineTable: LineTable | null, out: string[]): void {
  const name = node.kind === 'Expr' ? 'Expr' : node.kind;
  out.push(name, '(');
  let isFirst = true;
  const separate = () => {
    if (!isFirst) out.push(', ');
    isFirst = false;
  };

  const record = node as unknown as Record<string, unknown>;
  for (const spec of FIELDS[node.kind]!) {
    const isOptional = spec.endsWith('?');
    const field = isOptional ? spec.slice(0, -1) : spec;
    const value = fieldValue(node, field, record);
    if (isOptional && value === null) continue;
    separate();
    out.push(field, '=');
    writeValue(node, field, value, lineTable, out);
  }

  if (lineTable !== null && !UNPOSITIONED.has(node.kind)) {
    const start = lineTable.position(node.start);
    const end = lineTable.position(node.end);
    separate();
    out.push(
      `lineno=${start.line}, col_offset=${lineTable.utf8Column(node.start)}, `,
      `end_lineno=${end.line}, end_col_offset=${lineTable.utf8Column(node.end)}`,
    );
  }
  out.push(')');
}

function fieldValue(node: Node, field: string, record: Record<string, unknown>): unknown {
  if (node.kind === 'Module' && field === 'type_ignores') return [];
  if (node.kind === 'Constant' && field === 'kind') return node.constKind;
  if (node.kind === 'match_case' && field === 'pattern') return node.patternSpan;
  return record[field] ?? null;
}

function writeValue(owner: Node, field: string, value: unknown, lineTable: LineTable | null, out: string[]): void {
  if (owner.kind === 'Constant' && field === 'value') {
    out.push(reprConstant(value as ConstantValue));
  } else if (owner.kind === 'match_case' && field === 'pattern') {
    const span = value as { start: number; end: number };
    out.push(`MatchPattern(start=${span.start}, end=${span.end})`);
  } else if (Array.isArray(value)) {
    out.push('[');
    value.forEach((item, index) => {
      if (index > 0) out.push(', ');
      writeValue(owner, field, item, lineTable, out);
    });
    out.push(']');
  } else if (value === null) {
    out.push('None');
  } else if (typeof value === 'string') {
    out.push(isSingletonField(owner, field) ? `${value}()` : reprString(value));
  } else if (typeof value === 'number') {
    out.push(String(value));
  } else {
    writeNode(value as Node, lineTable, out);
  }
}

/** Fields whose string value names an operator or context class, printed as `Add()`. */
function isSingletonField(owner: Node, field: string): boolean {
  return field === 'op' || field === 'ctx' || (owner.kind === 'Compare' && field === 'ops');
}

// ---------------------------------------------------------------- Python reprs

/** Returns Python's `repr` of a constant value. */
export function reprConstant(value: ConstantValue): string {
  switch (value.kind) {
    case 'int': return value.value;
    case 'float': return reprFloat(value.value);
    case 'complex': return `${formatFloatRepr(value.imag, false)}j`;
    case 'str': return reprString(value.value);
    case 'bytes': return reprBytes(value.value);
    case 'bool': return value.value ? 'True' : 'False';
    case 'None': return 'None';
    case 'Ellipsis': return 'Ellipsis';
  }
}

/** Returns Python's `repr` of a float: shortest round-trip digits, as CPython 3.11 prints them. */
export function reprFloat(value: number): string {
  return formatFloatRepr(value, true);
}

function formatFloatRepr(value: number, addDotZero: boolean): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  const [mantissa, exponentText] = Math.abs(value).toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  const decimalPoint = Number(exponentText) + 1;

  // CPython's 'r' format switches to exponent notation outside 1e-4 <= |x| < 1e16.
  if (decimalPoint <= -4 || decimalPoint > 16) {
    const exponent = decimalPoint - 1;
    const fraction = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const exponentDigits = String(Math.abs(exponent)).padStart(2, '0');
    return `${sign}${fraction}e${exponent < 0 ? '-' : '+'}${exponentDigits}`;
  }
  if (decimalPoint <= 0) return `${sign}0.${'0'.repeat(-decimalPoint)}${digits}`;
  if (decimalPoint >= digits.length) {
    return `${sign}${digits}${'0'.repeat(decimalPoint - digits.length)}${addDotZero ? '.0' : ''}`;
  }
  return `${sign}${digits.slice(0, decimalPoint)}.${digits.slice(decimalPoint)}`;
}

/** Returns Python's `repr` of a str. */
export function reprString(value: string): string {
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  let out = quote;
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (char === quote || char === '\\') out += '\\' + char;
    else if (code === 9) out += '\\t';
    else if (code === 10) out += '\\n';
    else if (code === 13) out += '\\r';
    else if (code < 32 || code === 127) out += '\\x' + hex(code, 2);
    else if (code < 127) out += char;
    else if (isPrintable(code)) out += char;
    else if (code <= 0xff) out += '\\x' + hex(code, 2);
    else if (code <= 0xffff) out += '\\u' + hex(code, 4);
    else out += '\\U' + hex(code, 8);
  }
  return out + quote;
}

/** Returns Python's `repr` of a bytes value. */
export function reprBytes(value: readonly number[]): string {
  const hasSingle = value.includes(39);
  const quote = hasSingle && !value.includes(34) ? '"' : "'";
  const quoteCode = quote.charCodeAt(0);
  let out = 'b' + quote;
  for (const byte of value) {
    if (byte === quoteCode || byte === 92) out += '\\' + String.fromCharCode(byte);
    else if (byte === 9) out += '\\t';
    else if (byte === 10) out += '\\n';
    else if (byte === 13) out += '\\r';
    else if (byte < 32 || byte >= 127) out += '\\x' + hex(byte, 2);
    else out += String.fromCharCode(byte);
  }
  return out + quote;
}

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, '0');
}

// fast-check arbitraries for random programs of the entity language. They
// build abstract expression and statement trees, and the printers below turn
// the trees into source. The printers add the parentheses that precedence
// requires (and random extra ones), choose quotes and escapes that fit the
// context, and indent blocks with random units.

import fc from 'fast-check';

// ---------------------------------------------------------------- expression trees

export type ExprTree =
  | { t: 'name'; id: string }
  | { t: 'atom'; text: string }
  | { t: 'str'; prefix: string; segments: string[] }
  | { t: 'bytes'; prefix: string; segments: string[] }
  | { t: 'fstr'; parts: FPart[] }
  | { t: 'concat'; items: ExprTree[] }
  | { t: 'bin'; op: string; left: ExprTree; right: ExprTree }
  | { t: 'unary'; op: string; operand: ExprTree }
  | { t: 'not'; operand: ExprTree }
  | { t: 'bool'; op: 'and' | 'or'; values: ExprTree[] }
  | { t: 'cmp'; first: ExprTree; rest: [string, ExprTree][] }
  | { t: 'ifexp'; body: ExprTree; test: ExprTree; orelse: ExprTree }
  | { t: 'lambda'; params: string; body: ExprTree }
  | { t: 'walrus'; id: string; value: ExprTree }
  | { t: 'await'; value: ExprTree }
  | { t: 'call'; func: ExprTree; args: CallArg[] }
  | { t: 'attr'; value: ExprTree; name: string }
  | { t: 'sub'; value: ExprTree; slices: SliceTree[] }
  | { t: 'list' | 'tuple' | 'set'; elts: ExprTree[] }
  | { t: 'dict'; entries: [ExprTree | null, ExprTree][] }
  | { t: 'comp'; kind: 'list' | 'set' | 'gen' | 'dict'; elt: ExprTree; value: ExprTree; gens: Generator[] }
  | { t: 'star'; value: ExprTree };

export type FPart =
  | { kind: 'text'; text: string }
  | { kind: 'field'; value: ExprTree; debug: boolean; conversion: string; spec: string };

export type CallArg =
  | { kind: 'pos'; value: ExprTree }
  | { kind: 'star'; value: ExprTree }
  | { kind: 'kw'; name: string; value: ExprTree }
  | { kind: 'dstar'; value: ExprTree };

export type SliceTree = { kind: 'index'; value: ExprTree } | { kind: 'slice'; parts: (ExprTree | null)[]; hasStep: boolean };

export interface Generator {
  target: string;
  iter: ExprTree;
  ifs: ExprTree[];
  isAsync: boolean;
}

const NAMES = ['a', 'b', 'x', 'y', 'foo', '_bar', 'self', 'match', 'case', '_', 'type', 'café', 'n1'];
const nameArb = fc.constantFrom(...NAMES);

const intArb = fc.oneof(
  fc.nat({ max: 1000 }).map(String),
  fc.bigInt({ min: 0n, max: 10n ** 40n }).map((n) => n.toString()),
  fc.nat({ max: 0xffff }).map((n) => `0x${n.toString(16)}`),
  fc.nat({ max: 0o777 }).map((n) => `0o${n.toString(8)}`),
  fc.nat({ max: 255 }).map((n) => `0b${n.toString(2)}`),
  fc.constantFrom('1_000', '0_0', '00', '0X_Ff', '0B1_0', '0O_7'),
);

const floatArb = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true, min: 0 }).map((x) => String(x).replace('+', '')),
  fc.constantFrom('1.', '.5', '1e10', '1E-5', '1.5e+3', '1_0.0_1', '0.1', '1e16', '1e15', '1e-4', '1e-5', '1e400', '00.5', '09.5', '0e0', '3.14159'),
);

const imaginaryArb = fc.tuple(fc.oneof(intArb.filter((s) => !/^0[xob]/i.test(s)), floatArb), fc.constantFrom('j', 'J'))
  .map(([number, suffix]) => number + suffix);

const numberArb = fc.oneof(intArb, floatArb, imaginaryArb).filter((s) => !s.includes('e+') || /\d$/.test(s));

/** Source fragments of string content; quotes and backslashes are escaped by the printer. */
const SEGMENTS = ['abc', ' ', 'x y', 'é', '日本', '😀', "'", '"', '\\n', '\\t', '\\\\', '\\x41', '\\u00e9', '\\U0001F600', '\\101', '\\0', '\\N{BULLET}', '\\d', '{', '}', '#', '\u00a0', '\\\n'];
const segmentsArb = fc.array(fc.constantFrom(...SEGMENTS), { maxLength: 5 });
const bytesSegmentsArb = fc.array(fc.constantFrom('abc', ' ', "'", '"', '\\n', '\\x00', '\\xff', '\\\\', '\\777', '#'), { maxLength: 4 });

const leafArb: fc.Arbitrary<ExprTree> = fc.oneof(
  { weight: 4, arbitrary: nameArb.map((id): ExprTree => ({ t: 'name', id })) },
  { weight: 3, arbitrary: numberArb.map((text): ExprTree => ({ t: 'atom', text })) },
  { weight: 1, arbitrary: fc.constantFrom('True', 'False', 'None', '...').map((text): ExprTree => ({ t: 'atom', text })) },
  { weight: 2, arbitrary: fc.record({ prefix: fc.constantFrom('', '', 'r', 'u', 'R', 'U'), segments: segmentsArb }).map((s): ExprTree => ({ t: 'str', ...s })) },
  { weight: 1, arbitrary: fc.record({ prefix: fc.constantFrom('b', 'B', 'rb', 'Br'), segments: bytesSegmentsArb }).map((s): ExprTree => ({ t: 'bytes', ...s })) },
);

const BINARY = ['+', '-', '*', '/', '//', '%', '@', '**', '<<', '>>', '&', '|', '^'];
const COMPARE = ['<', '>', '==', '!=', '<=', '>=', 'in', 'not in', 'is', 'is not'];
const PARAMS = ['', 'x', 'x, y', 'x=1', 'a, /, b', '*args', '**kw', 'a, *, b=2', 'a=1, *b, c, d=2, **e', '*, k'];

export const exprArb: (depth?: number) => fc.Arbitrary<ExprTree> = fc.memo((depth) => {
  if (depth <= 1) return leafArb;
  const sub = exprArb(depth - 1);
  const operands = fc.array(sub, { minLength: 2, maxLength: 3 });
  const generatorArb = fc.record({
    target: fc.constantFrom('i', 'j', 'k, v', '(p, q)', '[r, *s]', 'o.attr', 'd[0]'),
    iter: sub,
    ifs: fc.array(sub, { maxLength: 2 }),
    isAsync: fc.boolean(),
  });
  const sliceArb: fc.Arbitrary<SliceTree> = fc.oneof(
    sub.map((value): SliceTree => ({ kind: 'index', value })),
    fc.record({ parts: fc.array(fc.option(sub), { minLength: 3, maxLength: 3 }), hasStep: fc.boolean() })
      .map((s): SliceTree => ({ kind: 'slice', ...s })),
  );
  const callArgArb: fc.Arbitrary<CallArg[]> = fc.tuple(
    fc.array(sub, { maxLength: 2 }),
    fc.option(sub),
    fc.array(fc.tuple(fc.constantFrom('k', 'key', 'sep'), sub), { maxLength: 2 }),
    fc.option(sub),
  ).map(([positional, starred, keywords, doubleStar]) => [
    ...positional.map((value): CallArg => ({ kind: 'pos', value })),
    ...(starred ? [{ kind: 'star', value: starred } as CallArg] : []),
    ...keywords.map(([name, value]): CallArg => ({ kind: 'kw', name, value })),
    ...(doubleStar ? [{ kind: 'dstar', value: doubleStar } as CallArg] : []),
  ]);
  const fpartArb: fc.Arbitrary<FPart> = fc.oneof(
    fc.constantFrom('text', ' ', '{{', '}}', 'é', '\\n').map((text): FPart => ({ kind: 'text', text })),
    fc.record({
      value: sub,
      debug: fc.boolean(),
      conversion: fc.constantFrom('', '', 'r', 's', 'a'),
      spec: fc.constantFrom('', '', '>10', '.2f', '', '{w}', '>{w}.{p}'),
    }).map((field): FPart => ({ kind: 'field', ...field })),
  );

  return fc.oneof(
    { weight: 6, arbitrary: leafArb },
    { weight: 3, arbitrary: fc.record({ op: fc.constantFrom(...BINARY), left: sub, right: sub }).map((e): ExprTree => ({ t: 'bin', ...e })) },
    { weight: 1, arbitrary: fc.record({ op: fc.constantFrom('-', '+', '~'), operand: sub }).map((e): ExprTree => ({ t: 'unary', ...e })) },
    { weight: 1, arbitrary: sub.map((operand): ExprTree => ({ t: 'not', operand })) },
    { weight: 1, arbitrary: fc.record({ op: fc.constantFrom('and' as const, 'or' as const), values: operands }).map((e): ExprTree => ({ t: 'bool', ...e })) },
    { weight: 2, arbitrary: fc.record({ first: sub, rest: fc.array(fc.tuple(fc.constantFrom(...COMPARE), sub), { minLength: 1, maxLength: 3 }) }).map((e): ExprTree => ({ t: 'cmp', ...e })) },
    { weight: 1, arbitrary: fc.record({ body: sub, test: sub, orelse: sub }).map((e): ExprTree => ({ t: 'ifexp', ...e })) },
    { weight: 1, arbitrary: fc.record({ params: fc.constantFrom(...PARAMS), body: sub }).map((e): ExprTree => ({ t: 'lambda', ...e })) },
    { weight: 1, arbitrary: fc.record({ id: nameArb, value: sub }).map((e): ExprTree => ({ t: 'walrus', ...e })) },
    { weight: 1, arbitrary: sub.map((value): ExprTree => ({ t: 'await', value })) },
    { weight: 2, arbitrary: fc.record({ func: sub, args: callArgArb }).map((e): ExprTree => ({ t: 'call', ...e })) },
    { weight: 2, arbitrary: fc.record({ value: sub, name: nameArb }).map((e): ExprTree => ({ t: 'attr', ...e })) },
    { weight: 2, arbitrary: fc.record({ value: sub, slices: fc.array(sliceArb, { minLength: 1, maxLength: 3 }) }).map((e): ExprTree => ({ t: 'sub', ...e })) },
    { weight: 2, arbitrary: fc.record({ t: fc.constantFrom('list' as const, 'tuple' as const), elts: fc.array(fc.oneof(sub, sub.map((value): ExprTree => ({ t: 'star', value }))), { maxLength: 4 }) }) },
    { weight: 1, arbitrary: fc.array(sub, { minLength: 1, maxLength: 3 }).map((elts): ExprTree => ({ t: 'set', elts })) },
    { weight: 1, arbitrary: fc.array(fc.tuple(fc.option(sub), sub), { maxLength: 3 }).map((entries): ExprTree => ({ t: 'dict', entries })) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('list' as const, 'set' as const, 'gen' as const, 'dict' as const), elt: sub, value: sub, gens: fc.array(generatorArb, { minLength: 1, maxLength: 2 }) }).map((e): ExprTree => ({ t: 'comp', ...e })) },
    { weight: 2, arbitrary: fc.array(fpartArb, { maxLength: 4 }).map((parts): ExprTree => ({ t: 'fstr', parts })) },
    { weight: 1, arbitrary: fc.array(fc.oneof(leafArb.filter((e) => e.t === 'str'), fc.array(fpartArb, { maxLength: 2 }).map((parts): ExprTree => ({ t: 'fstr', parts }))), { minLength: 2, maxLength: 3 }).map((items): ExprTree => ({ t: 'concat', items })) },
  );
});

// ---------------------------------------------------------------- expression printer

/** Printing context: quotes a string may use, and whether backslashes are allowed. */
interface StringContext {
  quotes: string[];
  allowBackslash: boolean;
  allowFString: boolean;
  /** The quote of an enclosing f-string, which would end it if it appeared. */
  forbiddenQuote: string | null;
}

const TOP_CONTEXT: StringContext = {
  quotes: ["'", '"', "'''", '"""'],
  allowBackslash: true,
  allowFString: true,
  forbiddenQuote: null,
};

/** Decisions the printer draws as it goes (extra parentheses, quote choice). */
export interface PrintChoices {
  next(): number;
}

// Binding strength of each printed form; an operand weaker than its slot
// requires gets parentheses.
const PRECEDENCE = {
  lambda: 0, ifexp: 0, or: 1, and: 2, not: 3, cmp: 4, '|': 5, '^': 6, '&': 7,
  '<<': 8, '>>': 8, '+': 9, '-': 9, '*': 10, '/': 10, '//': 10, '%': 10, '@': 10,
  unary: 11, '**': 12, await: 13, primary: 14, atom: 15,
} as const;

function precedenceOf(e: ExprTree): number {
  switch (e.t) {
    case 'lambda': return 0;
    case 'ifexp': return 0;
    case 'bool': return e.op === 'or' ? 1 : 2;
    case 'not': return 3;
    case 'cmp': return 4;
    case 'bin': return PRECEDENCE[e.op as keyof typeof PRECEDENCE];
    case 'unary': return 11;
    case 'await': return 13;
    case 'call': case 'attr': case 'sub': return 14;
    case 'star': return -1;
    case 'walrus': return -1;
    default: return 15;
  }
}

export function printExpr(e: ExprTree, minPrecedence: number, choices: PrintChoices, context: StringContext = TOP_CONTEXT): string {
  const text = printBare(e, choices, context);
  const precedence = precedenceOf(e);
  const needsParens = precedence < minPrecedence || e.t === 'walrus';
  const isStarred = e.t === 'star';
  if (needsParens && !isStarred) return `(${text})`;
  if (!isStarred && choices.next() < 0.05) return `(${text})`;
  return text;
}

function printBare(e: ExprTree, choices: PrintChoices, context: StringContext): string {
  const p = (child: ExprTree, min: number) => printExpr(child, min, choices, context);
  switch (e.t) {
    case 'name': return e.id;
    case 'atom': return e.text;
    case 'str': return printString(e.prefix, e.segments, choices, context);
    case 'bytes': return printString(e.prefix, e.segments, choices, context);
    case 'fstr': return printFString(e.parts, choices, context);
    case 'concat': return e.items.map((item) => printBare(item, choices, context)).join(' ');
    case 'bin': {
      const precedence = PRECEDENCE[e.op as keyof typeof PRECEDENCE];
      if (e.op === '**') return `${p(e.left, 13)} ** ${p(e.right, 11)}`;
      return `${p(e.left, precedence)} ${e.op} ${p(e.right, precedence + 1)}`;
    }
    case 'unary': return `${e.op}${p(e.operand, 11)}`;
    case 'not': return `not ${p(e.operand, 3)}`;
    case 'bool': return e.values.map((v) => p(v, e.op === 'or' ? 2 : 3)).join(` ${e.op} `);
    case 'cmp': return [p(e.first, 5), ...e.rest.map(([op, v]) => `${op} ${p(v, 5)}`)].join(' ');
    case 'ifexp': return `${p(e.body, 1)} if ${p(e.test, 1)} else ${p(e.orelse, 0)}`;
    case 'lambda': return `lambda${e.params ? ' ' + e.params : ''}: ${p(e.body, 0)}`;
    case 'walrus': return `${e.id} := ${p(e.value, 0)}`;
    case 'await': return `await ${p(e.value, 14)}`;
    case 'call': {
      const func = isNumberAtom(e.func) ? `(${printBare(e.func, choices, context)})` : p(e.func, 14);
      return `${func}(${e.args.map((arg) => printCallArg(arg, choices, context)).join(', ')})`;
    }
    case 'attr': {
      const value = isNumberAtom(e.value) ? `(${printBare(e.value, choices, context)})` : p(e.value, 14);
      return `${value}.${e.name}`;
    }
    case 'sub': {
      const value = p(e.value, 14);
      const slices = e.slices.map((s) => printSlice(s, choices, context));
      return `${value}[${slices.join(', ')}${slices.length === 1 && choices.next() < 0.1 ? ',' : ''}]`;
    }
    case 'list': return `[${e.elts.map((x) => printElement(x, choices, context)).join(', ')}]`;
    case 'tuple': {
      const elts = e.elts.map((x) => printElement(x, choices, context));
      return elts.length === 1 ? `(${elts[0]},)` : `(${elts.join(', ')})`;
    }
    case 'set': return `{${e.elts.map((x) => printElement(x, choices, context)).join(', ')}}`;
    case 'dict': return `{${e.entries.map(([k, v]) => (k === null ? `**${p(v, 5)}` : `${p(k, 0)}: ${p(v, 0)}`)).join(', ')}}`;
    case 'star': return `*${p(e.value, 5)}`;
    case 'comp': {
      const gens = e.gens.map((g) => printGenerator(g, choices, context)).join(' ');
      const elt = p(e.elt, 0);
      if (e.kind === 'list') return `[${elt} ${gens}]`;
      if (e.kind === 'set') return `{${elt} ${gens}}`;
      if (e.kind === 'gen') return `(${elt} ${gens})`;
      return `{${elt}: ${p(e.value, 0)} ${gens}}`;
    }
  }
}

function isNumberAtom(e: ExprTree): boolean {
  return e.t === 'atom' && /^[\d.]/.test(e.text);
}

function printElement(e: ExprTree, choices: PrintChoices, context: StringContext): string {
  return e.t === 'star' ? printBare(e, choices, context) : printExpr(e, 0, choices, context);
}

function printCallArg(arg: CallArg, choices: PrintChoices, context: StringContext): string {
  const p = (child: ExprTree) => printExpr(child, 0, choices, context);
  switch (arg.kind) {
    case 'pos': return p(arg.value);
    case 'star': return `*${p(arg.value)}`;
    case 'kw': return `${arg.name}=${p(arg.value)}`;
    case 'dstar': return `**${p(arg.value)}`;
  }
}

function printSlice(s: SliceTree, choices: PrintChoices, context: StringContext): string {
  if (s.kind === 'index') return printExpr(s.value, 0, choices, context);
  const [lower, upper, step] = s.parts.map((part) => (part === null ? '' : printExpr(part, 0, choices, context)));
  return s.hasStep ? `${lower}:${upper}:${step}` : `${lower}:${upper}`;
}

function printGenerator(g: Generator, choices: PrintChoices, context: StringContext): string {
  const ifs = g.ifs.map((test) => ` if ${printExpr(test, 1, choices, context)}`).join('');
  return `${g.isAsync ? 'async ' : ''}for ${g.target} in ${printExpr(g.iter, 1, choices, context)}${ifs}`;
}

function pickQuote(choices: PrintChoices, context: StringContext): string {
  return context.quotes[Math.floor(choices.next() * context.quotes.length)]!;
}

function printString(prefix: string, segments: string[], choices: PrintChoices, context: StringContext): string {
  const quote = pickQuote(choices, context);
  const isRaw = /r/i.test(prefix);
  const isTriple = quote.length === 3;
  let body = '';
  for (const segment of segments) {
    if (!context.allowBackslash && segment.includes('\\')) continue;
    if (context.forbiddenQuote !== null && segment.includes(context.forbiddenQuote)) continue;
    if (segment === quote[0]) {
      // A quote matching the delimiter needs an escape, which raw strings and
      // f-string expressions cannot express cleanly: leave it out there.
      if (isRaw || !context.allowBackslash) continue;
      body += '\\' + segment;
    } else if (segment === '\\\n' && (!context.allowBackslash || isRaw)) {
      continue;
    } else {
      body += segment;
    }
  }
  // A triple-quoted body must not end with its quote character.
  if (isTriple && body.endsWith(quote[0]!)) body += ' ';
  return `${prefix}${quote}${body}${quote}`;
}

function printFString(parts: FPart[], choices: PrintChoices, context: StringContext): string {
  if (!context.allowFString) return printString('', ['f'], choices, context);
  const quote = pickQuote(choices, context);
  const innerQuotes = ["'", '"', "'''", '"""'].filter((q) => q[0] !== quote[0]);
  const inner: StringContext = { quotes: innerQuotes, allowBackslash: false, allowFString: false, forbiddenQuote: quote[0]! };
  let body = '';
  for (const part of parts) {
    if (part.kind === 'text') {
      if (part.text.includes('\\') && !context.allowBackslash) continue;
      body += part.text;
      continue;
    }
    let expression = printExpr(part.value, 1, choices, inner);
    if (expression.startsWith('{')) expression = ' ' + expression;
    if (expression.endsWith('=') || expression.endsWith('!')) expression += ' ';
    const conversion = part.conversion ? '!' + part.conversion : '';
    body += `{${expression}${part.debug ? '=' : ''}${conversion}${part.spec ? ':' + part.spec : ''}}`;
  }
  if (quote.length === 3 && body.endsWith(quote[0]!)) body += ' ';
  return `f${quote}${body}${quote}`;
}

// ---------------------------------------------------------------- statements

export type StmtTree =
  | { t: 'expr'; value: ExprTree }
  | { t: 'assign'; targets: string[]; value: ExprTree }
  | { t: 'aug'; target: string; op: string; value: ExprTree }
  | { t: 'ann'; target: string; annotation: ExprTree; value: ExprTree | null }
  | { t: 'simple'; text: string }
  | { t: 'return'; value: ExprTree | null }
  | { t: 'compound'; header: HeaderTree; body: StmtTree[]; clauses: { header: string; body: StmtTree[] }[] };

export type HeaderTree =
  | { kind: 'if' | 'while'; test: ExprTree }
  | { kind: 'for'; target: string; iter: ExprTree; isAsync: boolean }
  | { kind: 'with'; items: [ExprTree, string | null][]; isAsync: boolean }
  | { kind: 'def'; name: string; params: string; returns: ExprTree | null; decorators: ExprTree[]; isAsync: boolean }
  | { kind: 'class'; name: string; bases: ExprTree[]; decorators: ExprTree[] }
  | { kind: 'try' }
  | { kind: 'match'; subject: ExprTree; patterns: string[] };

const TARGETS = ['x', 'self.count', 'd[k]', 'a, b', '(a, b)', '[a, *rest]', '*head, tail', 'o.p.q', 'm[1:2]'];
const SIMPLE = [
  'pass', 'break', 'continue', 'global g', 'nonlocal a, b', 'del x', 'del a[0], b.c', 'import os',
  'import a.b as c, d', 'from . import x', 'from ..m import (a, b as c,)', 'from x import *',
  'raise', 'raise E', 'raise E() from err', 'assert x', "assert x, 'msg'", 'yield', 'yield x', 'yield from g()',
  'x = yield', 'f()', '...',
];
const PARAM_LISTS = ['', 'self', 'self, x', 'a, /, b=1', '*args, **kwargs', 'a: int, b: "Item" = None', 'a, *, b, c=2', 'x=[]'];

export const statementArb: (depth?: number) => fc.Arbitrary<StmtTree> = fc.memo((depth) => {
  const expr = exprArb(3);
  const simple = fc.oneof(
    { weight: 3, arbitrary: expr.map((value): StmtTree => ({ t: 'expr', value })) },
    { weight: 4, arbitrary: fc.record({ targets: fc.array(fc.constantFrom(...TARGETS), { minLength: 1, maxLength: 2 }), value: expr }).map((s): StmtTree => ({ t: 'assign', ...s })) },
    { weight: 1, arbitrary: fc.record({ target: fc.constantFrom('x', 'self.n', 'd[0]'), op: fc.constantFrom('+=', '-=', '*=', '/=', '//=', '%=', '**=', '@=', '&=', '|=', '^=', '<<=', '>>='), value: expr }).map((s): StmtTree => ({ t: 'aug', ...s })) },
    { weight: 1, arbitrary: fc.record({ target: fc.constantFrom('x', 'self.items', '(y)', 'd["k"]'), annotation: exprArb(2), value: fc.option(expr) }).map((s): StmtTree => ({ t: 'ann', ...s })) },
    { weight: 2, arbitrary: fc.constantFrom(...SIMPLE).map((text): StmtTree => ({ t: 'simple', text })) },
    { weight: 1, arbitrary: fc.option(expr).map((value): StmtTree => ({ t: 'return', value })) },
  );
  if (depth <= 1) return simple;

  const body = fc.array(statementArb(depth - 1), { minLength: 1, maxLength: 3 });
  const clause = (header: string) => body.map((stmts) => ({ header, body: stmts }));
  const headerArb: fc.Arbitrary<HeaderTree> = fc.oneof(
    fc.record({ kind: fc.constantFrom('if' as const, 'while' as const), test: expr }),
    fc.record({ kind: fc.constant('for' as const), target: fc.constantFrom('i', 'k, v', '(a, b)', '[p, *q]', 'self.x'), iter: expr, isAsync: fc.boolean() }),
    fc.record({ kind: fc.constant('with' as const), items: fc.array(fc.tuple(expr, fc.option(fc.constantFrom('f', '(a, b)', 'self.h'))), { minLength: 1, maxLength: 2 }), isAsync: fc.boolean() }),
    fc.record({ kind: fc.constant('def' as const), name: nameArb, params: fc.constantFrom(...PARAM_LISTS), returns: fc.option(exprArb(2)), decorators: fc.array(exprArb(2), { maxLength: 2 }), isAsync: fc.boolean() }),
    fc.record({ kind: fc.constant('class' as const), name: fc.constantFrom('A', 'Item', 'Account'), bases: fc.array(exprArb(2), { maxLength: 2 }), decorators: fc.array(exprArb(2), { maxLength: 1 }) }),
    fc.constant({ kind: 'try' as const }),
    fc.record({ kind: fc.constant('match' as const), subject: expr, patterns: fc.array(fc.constantFrom('1', '_', 'x', '[a, *b]', '{"k": v}', 'P(x=0) | None', '(1, 2) if y'), { minLength: 1, maxLength: 3 }) }),
  );
  const clausesFor = (header: HeaderTree) => {
    switch (header.kind) {
      case 'if':
        return fc.tuple(fc.array(fc.tuple(expr, body), { maxLength: 2 }), fc.option(body)).map(([elifs, orelse]) => [
          ...elifs.map(([test, stmts]) => ({ header: `elif ${printExpr(test, 0, fixedChoices())}:`, body: stmts })),
          ...(orelse ? [{ header: 'else:', body: orelse }] : []),
        ]);
      case 'while': case 'for':
        return fc.option(clause('else:')).map((orelse) => (orelse ? [orelse] : []));
      case 'try':
        return fc.tuple(
          fc.array(fc.tuple(fc.constantFrom('except:', 'except E:', 'except (A, B) as e:', 'except E as err:'), body), { maxLength: 2 }),
          fc.option(body),
          fc.option(body),
        ).map(([handlers, orelse, finalbody]) => {
          const result = handlers.map(([header, stmts]) => ({ header, body: stmts }));
          if (result.length > 0 && orelse) result.push({ header: 'else:', body: orelse });
          if (finalbody || result.length === 0) result.push({ header: 'finally:', body: finalbody ?? [{ t: 'simple', text: 'pass' }] });
          return result;
        });
      default:
        return fc.constant([]);
    }
  };
  const compound = headerArb.chain((header) =>
    fc.tuple(body, clausesFor(header)).map(([stmts, clauses]): StmtTree => ({ t: 'compound', header, body: stmts, clauses })),
  );
  return fc.oneof({ weight: 3, arbitrary: simple }, { weight: 2, arbitrary: compound });
});

export const programArb: fc.Arbitrary<{ statements: StmtTree[]; seed: number }> = fc.record({
  statements: fc.array(statementArb(3), { minLength: 1, maxLength: 5 }),
  seed: fc.integer(),
});

// ---------------------------------------------------------------- statement printer

/** Deterministic choices from a seed (mulberry32), for the printer's small decisions. */
export function seededChoices(seed: number): PrintChoices {
  let state = seed >>> 0;
  return {
    next() {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

function fixedChoices(): PrintChoices {
  return { next: () => 0.5 };
}

const INDENT_UNITS = ['    ', '  ', ' ', '\t', '        ', '   '];

export function printProgram(program: { statements: StmtTree[]; seed: number }): string {
  const choices = seededChoices(program.seed);
  const lines: string[] = [];
  for (const statement of program.statements) printStatement(statement, '', choices, lines);
  const newline = choices.next() < 0.1 ? '\r\n' : '\n';
  return lines.join(newline) + (choices.next() < 0.9 ? newline : '');
}

function printStatement(s: StmtTree, indent: string, choices: PrintChoices, lines: string[]): void {
  if (choices.next() < 0.1) lines.push(choices.next() < 0.5 ? '' : `${indent}# comment ${lines.length}`);
  if (s.t !== 'compound') {
    const text = printSimple(s, choices);
    lines.push(`${indent}${text}${choices.next() < 0.05 ? ';' : ''}${choices.next() < 0.05 ? '  # trailing' : ''}`);
    return;
  }
  const header = printHeader(s.header, choices, indent, lines);
  if (s.header.kind === 'match') {
    lines.push(`${indent}${header}`);
    const unit = INDENT_UNITS[Math.floor(choices.next() * INDENT_UNITS.length)]!;
    for (const pattern of s.header.patterns) printBody(`case ${pattern}:`, s.body, indent + unit, choices, lines);
    return;
  }
  printBody(header, s.body, indent, choices, lines);
  for (const clause of s.clauses) printBody(clause.header, clause.body, indent, choices, lines);
}

function printBody(header: string, body: StmtTree[], indent: string, choices: PrintChoices, lines: string[]): void {
  const isOneLine = body.every((s) => s.t !== 'compound') && choices.next() < 0.2;
  if (isOneLine) {
    lines.push(`${indent}${header} ${body.map((s) => printSimple(s, choices)).join('; ')}`);
    return;
  }
  lines.push(`${indent}${header}`);
  const unit = INDENT_UNITS[Math.floor(choices.next() * INDENT_UNITS.length)]!;
  for (const statement of body) printStatement(statement, indent + unit, choices, lines);
}

function printSimple(s: StmtTree, choices: PrintChoices): string {
  const p = (e: ExprTree) => printExpr(e, 0, choices);
  switch (s.t) {
    case 'expr': return p(s.value);
    case 'assign': return `${s.targets.join(' = ')} = ${p(s.value)}`;
    case 'aug': return `${s.target} ${s.op} ${p(s.value)}`;
    case 'ann': return `${s.target}: ${p(s.annotation)}${s.value ? ' = ' + p(s.value) : ''}`;
    case 'simple': return s.text;
    case 'return': return s.value ? `return ${p(s.value)}` : 'return';
    case 'compound': return 'pass';
  }
}

function printHeader(h: HeaderTree, choices: PrintChoices, indent: string, lines: string[]): string {
  const p = (e: ExprTree, min = 0) => printExpr(e, min, choices);
  switch (h.kind) {
    case 'if': case 'while': return `${h.kind} ${p(h.test)}:`;
    case 'for': return `${h.isAsync ? 'async ' : ''}for ${h.target} in ${p(h.iter)}:`;
    case 'with': {
      const items = h.items.map(([e, target]) => `${p(e)}${target ? ' as ' + target : ''}`);
      return `${h.isAsync ? 'async ' : ''}with ${items.join(', ')}:`;
    }
    case 'def':
      for (const decorator of h.decorators) lines.push(`${indent}@${p(decorator)}`);
      return `${h.isAsync ? 'async ' : ''}def ${h.name}(${h.params})${h.returns ? ' -> ' + p(h.returns) : ''}:`;
    case 'class':
      for (const decorator of h.decorators) lines.push(`${indent}@${p(decorator)}`);
      return `class ${h.name}${h.bases.length > 0 || choices.next() < 0.2 ? `(${h.bases.map((b) => p(b)).join(', ')})` : ''}:`;
    case 'try': return 'try:';
    case 'match': return `match ${p(h.subject)}:`;
  }
}

// Expression rules of CPython 3.11's grammar, from `star_expressions` down to
// `primary`. Atoms and displays are in atoms.ts, call arguments in
// arguments.ts.

import type { CmpOpKind, Expr, Name, OperatorKind, UnaryOpKind } from '../ast.ts';
import { TokenKind } from '../token.ts';
import { parseCallArguments, parseLambdaParameters } from './arguments.ts';
import { parseAtom } from './atoms.ts';
import type { Parser } from './parser.ts';
import { SyntaxErrorCode } from './syntaxErrors.ts';
import { describeExpression } from './targets.ts';

// star_expressions:
//     | star_expression (',' star_expression )+ [','] | star_expression ',' | star_expression
export function parseStarExpressions(p: Parser): Expr {
  const start = p.peek().start;
  const first = parseStarExpression(p);
  if (!p.at(TokenKind.Comma)) return first;
  const elts: Expr[] = [first];
  while (p.eat(TokenKind.Comma)) {
    if (!startsExpression(p.kind) && p.kind !== TokenKind.Star) break;
    elts.push(parseStarExpression(p));
  }
  return { kind: 'Tuple', elts, ctx: 'Load', start, end: p.previousEnd };
}

// star_expression: '*' bitwise_or | expression
export function parseStarExpression(p: Parser): Expr {
  if (p.at(TokenKind.Star)) return parseStarred(p, parseBitwiseOr);
  return parseExpression(p);
}

// star_named_expressions: ','.star_named_expression+ [',']
// star_named_expression: '*' bitwise_or | named_expression
export function parseStarNamedExpression(p: Parser): Expr {
  if (p.at(TokenKind.Star)) return parseStarred(p, parseBitwiseOr);
  return parseNamedExpression(p);
}

export function parseStarred(p: Parser, parseOperand: (p: Parser) => Expr): Expr {
  const star = p.advance();
  p.enter();
  const value = parseOperand(p);
  p.leave();
  return { kind: 'Starred', value, ctx: 'Load', start: star.start, end: p.previousEnd };
}

// named_expression: assignment_expression | expression !':='
// assignment_expression: NAME ':=' ~ expression
export function parseNamedExpression(p: Parser): Expr {
  if (p.at(TokenKind.Name) && p.peek(1).kind === TokenKind.ColonEqual) {
    const name = p.advance();
    p.advance();
    const value = parseExpression(p);
    const target: Name = { kind: 'Name', id: name.value, ctx: 'Store', start: name.start, end: name.end };
    return { kind: 'NamedExpr', target, value, start: name.start, end: p.previousEnd };
  }
  const expression = parseExpression(p);
  if (p.at(TokenKind.ColonEqual)) {
    p.fail(
      `cannot use assignment expressions with ${describeExpression(expression)}`,
      expression,
    );
  }
  return expression;
}

// expression:
//     | disjunction 'if' disjunction 'else' expression
//     | disjunction
//     | lambdef
export function parseExpression(p: Parser): Expr {
  const expression = parseExpressionWithoutHint(p);
  if (startsExpression(p.kind)) checkMissingComma(p, expression);
  return expression;
}

function parseExpressionWithoutHint(p: Parser): Expr {
  if (p.at(TokenKind.Lambda)) return parseLambda(p);
  const start = p.peek().start;
  const body = parseDisjunction(p);
  if (!p.at(TokenKind.If)) return body;
  p.advance();
  const test = parseDisjunction(p);
  if (!p.eat(TokenKind.Else)) p.fail("expected 'else' after 'if' expression", { start, end: p.previousEnd });
  p.enter();
  const orelse = parseExpression(p);
  p.leave();
  return { kind: 'IfExp', test, body, orelse, start, end: p.previousEnd };
}

const SOFT_KEYWORDS = new Set(['match', 'case', '_']);

// invalid_expression:
//     | !(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid
//
// Two expressions in a row inside brackets: CPython suggests a comma and
// reports the error at the first one.
function checkMissingComma(p: Parser, first: Expr): void {
  if (!isInsideBrackets(p)) return;
  const firstToken = p.tokens.find((token) => token.start === first.start);
  if (firstToken !== undefined && firstToken.kind === TokenKind.Name) {
    if (SOFT_KEYWORDS.has(firstToken.value)) return;
    if (p.tokens[p.tokens.indexOf(firstToken) + 1]?.kind === TokenKind.String) return;
  }
  const second = p.attempt(() => parseExpressionWithoutHint(p));
  if (second === null) return;
  p.fail('invalid syntax. Perhaps you forgot a comma?', { start: first.start, end: second.end });
}

/** True when the current token is inside brackets, counted back to the start of the logical line. */
function isInsideBrackets(p: Parser): boolean {
  let depth = 0;
  for (let i = p.pos - 1; i >= 0; i--) {
    const kind = p.tokens[i]!.kind;
    if (kind === TokenKind.Newline || kind === TokenKind.Indent || kind === TokenKind.Dedent) break;
    if (kind === TokenKind.LeftParen || kind === TokenKind.LeftBracket || kind === TokenKind.LeftBrace) depth++;
    else if (kind === TokenKind.RightParen || kind === TokenKind.RightBracket || kind === TokenKind.RightBrace) depth--;
  }
  return depth > 0;
}

// lambdef: 'lambda' [lambda_params] ':' expression
function parseLambda(p: Parser): Expr {
  const lambda = p.advance();
  p.enter();
  const args = parseLambdaParameters(p);
  p.expect(TokenKind.Colon);
  const body = parseExpression(p);
  p.leave();
  return { kind: 'Lambda', args, body, start: lambda.start, end: p.previousEnd };
}

// disjunction: conjunction ('or' conjunction )+ | conjunction
export function parseDisjunction(p: Parser): Expr {
  const start = p.peek().start;
  const first = parseConjunction(p);
  if (!p.at(TokenKind.Or)) return first;
  const values = [first];
  while (p.eat(TokenKind.Or)) values.push(parseConjunction(p));
  return { kind: 'BoolOp', op: 'Or', values, start, end: p.previousEnd };
}

// conjunction: inversion ('and' inversion )+ | inversion
function parseConjunction(p: Parser): Expr {
  const start = p.peek().start;
  const first = parseInversion(p);
  if (!p.at(TokenKind.And)) return first;
  const values = [first];
  while (p.eat(TokenKind.And)) values.push(parseInversion(p));
  return { kind: 'BoolOp', op: 'And', values, start, end: p.previousEnd };
}

// inversion: 'not' inversion | comparison
function parseInversion(p: Parser): Expr {
  if (!p.at(TokenKind.Not)) return parseComparison(p);
  const not = p.advance();
  p.enter();
  const operand = parseInversion(p);
  p.leave();
  return { kind: 'UnaryOp', op: 'Not', operand, start: not.start, end: p.previousEnd };
}

const COMPARISON_OPERATORS: ReadonlyMap<TokenKind, CmpOpKind> = new Map<TokenKind, CmpOpKind>([
  [TokenKind.EqualEqual, 'Eq'], [TokenKind.NotEqual, 'NotEq'], [TokenKind.Less, 'Lt'],
  [TokenKind.LessEqual, 'LtE'], [TokenKind.Greater, 'Gt'], [TokenKind.GreaterEqual, 'GtE'],
  [TokenKind.In, 'In'],
]);

// comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or
// compare_op_bitwise_or_pair: ('==' | '!=' | '<=' | '<' | '>=' | '>' | 'not' 'in' | 'in'
//     | 'is' 'not' | 'is') bitwise_or
function parseComparison(p: Parser): Expr {
  const start = p.peek().start;
  const left = parseBitwiseOr(p);
  let ops: CmpOpKind[] | null = null;
  let comparators: Expr[] = [];
  for (;;) {
    const kind = p.kind;
    let op = COMPARISON_OPERATORS.get(kind);
    if (op !== undefined) {
      p.advance();
    } else if (kind === TokenKind.Not && p.peek(1).kind === TokenKind.In) {
      p.advance();
      p.advance();
      op = 'NotIn';
    } else if (kind === TokenKind.Is) {
      p.advance();
      op = p.eat(TokenKind.Not) ? 'IsNot' : 'Is';
    } else {
      break;
    }
    ops ??= [];
    ops.push(op);
    comparators.push(parseBitwiseOr(p));
  }
  if (ops === null) return left;
  return { kind: 'Compare', left, ops, comparators, start, end: p.previousEnd };
}

// Binding strength of each binary operator token (higher binds tighter),
// indexed by TokenKind; -1 for tokens that are no binary operator.
const BINARY_PRECEDENCE = new Int8Array(128).fill(-1);
const BINARY_OPERATORS: (OperatorKind | undefined)[] = [];
const BINARY_TABLE: [TokenKind, OperatorKind, number][] = [
  [TokenKind.VerticalBar, 'BitOr', 0],
  [TokenKind.Circumflex, 'BitXor', 1],
  [TokenKind.Ampersand, 'BitAnd', 2],
  [TokenKind.LeftShift, 'LShift', 3], [TokenKind.RightShift, 'RShift', 3],
  [TokenKind.Plus, 'Add', 4], [TokenKind.Minus, 'Sub', 4],
  [TokenKind.Star, 'Mult', 5], [TokenKind.Slash, 'Div', 5], [TokenKind.DoubleSlash, 'FloorDiv', 5],
  [TokenKind.Percent, 'Mod', 5], [TokenKind.At, 'MatMult', 5],
];
for (const [kind, op, precedence] of BINARY_TABLE) {
  BINARY_PRECEDENCE[kind] = precedence;
  BINARY_OPERATORS[kind] = op;
}

// bitwise_or: bitwise_or '|' bitwise_xor | bitwise_xor
// bitwise_xor: bitwise_xor '^' bitwise_and | bitwise_and
// bitwise_and: bitwise_and '&' shift_expr | shift_expr
// shift_expr: shift_expr ('<<' | '>>') sum | sum
// sum: sum ('+' | '-') term | term
// term: term ('*' | '/' | '//' | '%' | '@') factor | factor
//
// The six left-associative levels are parsed by precedence climbing, which
// gives the same trees as one function per level with fewer calls.
export function parseBitwiseOr(p: Parser): Expr {
  return parseBinary(p, 0);
}

function parseBinary(p: Parser, minPrecedence: number): Expr {
  const start = p.peek().start;
  let left = parseFactor(p);
  let links = 0;
  for (;;) {
    const kind = p.kind;
    const precedence = BINARY_PRECEDENCE[kind]!;
    if (precedence < minPrecedence) break;
    p.advance();
    p.deepenTree(1);
    links++;
    const right = parseBinary(p, precedence + 1);
    left = { kind: 'BinOp', left, op: BINARY_OPERATORS[kind]!, right, start, end: p.previousEnd };
  }
  p.treeDepth -= links;
  return left;
}

const UNARY_OPERATORS: ReadonlyMap<TokenKind, UnaryOpKind> = new Map<TokenKind, UnaryOpKind>([
  [TokenKind.Plus, 'UAdd'], [TokenKind.Minus, 'USub'], [TokenKind.Tilde, 'Invert'],
]);

// factor: '+' factor | '-' factor | '~' factor | power
function parseFactor(p: Parser): Expr {
  const kind = p.kind;
  if (kind !== TokenKind.Plus && kind !== TokenKind.Minus && kind !== TokenKind.Tilde) return parsePower(p);
  const operator = p.advance();
  p.enter();
  const operand = parseFactor(p);
  p.leave();
  const op = UNARY_OPERATORS.get(kind)!;
  return { kind: 'UnaryOp', op, operand, start: operator.start, end: p.previousEnd };
}

// power: await_primary '**' factor | await_primary
function parsePower(p: Parser): Expr {
  const start = p.peek().start;
  const left = parseAwaitPrimary(p);
  if (!p.eat(TokenKind.DoubleStar)) return left;
  p.enter();
  const right = parseFactor(p);
  p.leave();
  return { kind: 'BinOp', left, op: 'Pow', right, start, end: p.previousEnd };
}

// await_primary: AWAIT primary | primary
function parseAwaitPrimary(p: Parser): Expr {
  if (!p.at(TokenKind.Await)) return parsePrimary(p);
  const awaitToken = p.advance();
  p.enter();
  const value = parsePrimary(p);
  p.leave();
  return { kind: 'Await', value, start: awaitToken.start, end: p.previousEnd };
}

// primary:
//     | primary '.' NAME
//     | primary genexp
//     | primary '(' [arguments] ')'
//     | primary '[' slices ']'
//     | atom
export function parsePrimary(p: Parser): Expr {
  const start = p.peek().start;
  let node = parseAtom(p);
  let links = 0;
  for (;;) {
    const kind = p.kind;
    if (kind === TokenKind.Dot || kind === TokenKind.LeftParen || kind === TokenKind.LeftBracket) {
      p.deepenTree(1);
      links++;
    }
    if (kind === TokenKind.Dot) {
      p.advance();
      const name = p.expect(TokenKind.Name);
      node = { kind: 'Attribute', value: node, attr: name.value, ctx: 'Load', start, end: name.end };
    } else if (kind === TokenKind.LeftParen) {
      const open = p.advance();
      p.enter();
      const { args, keywords } = parseCallArguments(p, open.start);
      p.leave();
      p.expect(TokenKind.RightParen);
      node = { kind: 'Call', func: node, args, keywords, start, end: p.previousEnd };
    } else if (kind === TokenKind.LeftBracket) {
      p.advance();
      p.enter();
      const slice = parseSlices(p);
      p.leave();
      p.expect(TokenKind.RightBracket);
      node = { kind: 'Subscript', value: node, slice, ctx: 'Load', start, end: p.previousEnd };
    } else {
      p.treeDepth -= links;
      return node;
    }
  }
}

// slices:
//     | slice !','
//     | ','.(slice | starred_expression)+ [',']
function parseSlices(p: Parser): Expr {
  const start = p.peek().start;
  const first = parseSliceOrStarred(p);
  // A lone starred element still makes a tuple: `x[*a]` is `x[(*a,)]`.
  if (!p.at(TokenKind.Comma) && first.kind !== 'Starred') return first;
  const elts = [first];
  while (p.eat(TokenKind.Comma)) {
    if (p.at(TokenKind.RightBracket)) break;
    elts.push(parseSliceOrStarred(p));
  }
  return { kind: 'Tuple', elts, ctx: 'Load', start, end: p.previousEnd };
}

// slice:
//     | [expression] ':' [expression] [':' [expression] ]
//     | named_expression
function parseSliceOrStarred(p: Parser): Expr {
  if (p.at(TokenKind.Star)) return parseStarred(p, parseExpression);
  const start = p.peek().start;
  let lower: Expr | null = null;
  if (!p.at(TokenKind.Colon)) {
    lower = parseNamedExpression(p);
    if (!p.at(TokenKind.Colon)) return lower;
    if (lower.kind === 'NamedExpr' && !p.parenthesized.has(lower)) p.failAtCurrent();
  }
  p.advance();
  let upper: Expr | null = null;
  let step: Expr | null = null;
  if (startsExpression(p.kind)) upper = parseExpression(p);
  if (p.eat(TokenKind.Colon) && startsExpression(p.kind)) step = parseExpression(p);
  return { kind: 'Slice', lower, upper, step, start, end: p.previousEnd };
}

/** True when a token of `kind` can start an expression. */
export function startsExpression(kind: TokenKind): boolean {
  switch (kind) {
    case TokenKind.Name: case TokenKind.Number: case TokenKind.String:
    case TokenKind.True: case TokenKind.False: case TokenKind.None:
    case TokenKind.LeftParen: case TokenKind.LeftBracket: case TokenKind.LeftBrace:
    case TokenKind.Minus: case TokenKind.Plus: case TokenKind.Tilde:
    case TokenKind.Not: case TokenKind.Lambda: case TokenKind.Await: case TokenKind.Ellipsis:
      return true;
    default:
      return false;
  }
}

/** Reports a wrong argument-like construct with the argument-list code. */
export function failArguments(p: Parser, message: string, where: { start: number; end: number }): never {
  return p.fail(message, where, SyntaxErrorCode.InvalidArguments);
}

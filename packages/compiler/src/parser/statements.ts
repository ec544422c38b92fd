// Simple statements: everything that fits on one logical line, including
// the assignment forms and their CPython 3.11 error messages.

import type { Alias, Expr, OperatorKind, Stmt } from '../ast.ts';
import { TokenKind } from '../token.ts';
import { parseExpression, parseStarExpressions, startsExpression } from './expressions.ts';
import type { Parser } from './parser.ts';
import { SyntaxErrorCode } from './syntaxErrors.ts';
import { describeExpression, findInvalidTarget, makeStoreTarget, setContext } from './targets.ts';

// simple_stmts:
//     | simple_stmt !';' NEWLINE
//     | ';'.simple_stmt+ [';'] NEWLINE
export function parseSimpleStatements(p: Parser, body: Stmt[]): void {
  for (;;) {
    body.push(parseSimpleStatement(p));
    if (!p.eat(TokenKind.Semicolon)) break;
    if (p.at(TokenKind.Newline) || p.at(TokenKind.EndOfFile)) break;
  }
  if (!p.eat(TokenKind.Newline) && !p.at(TokenKind.EndOfFile)) p.failAtCurrent();
}

// simple_stmt:
//     | assignment | star_expressions | return_stmt | import_stmt | raise_stmt
//     | 'pass' | del_stmt | yield_stmt | assert_stmt | 'break' | 'continue'
//     | global_stmt | nonlocal_stmt
function parseSimpleStatement(p: Parser): Stmt {
  const token = p.peek();
  const { start, end } = token;
  switch (token.kind) {
    case TokenKind.Pass:
      p.advance();
      return { kind: 'Pass', start, end };
    case TokenKind.Break:
      p.advance();
      return { kind: 'Break', start, end };
    case TokenKind.Continue:
      p.advance();
      return { kind: 'Continue', start, end };
    case TokenKind.Return: {
      p.advance();
      const value = startsStarExpression(p) ? parseStarExpressions(p) : null;
      return { kind: 'Return', value, start, end: p.previousEnd };
    }
    case TokenKind.Raise:
      return parseRaise(p);
    case TokenKind.Global:
    case TokenKind.Nonlocal: {
      p.advance();
      const names = [p.expect(TokenKind.Name).value];
      while (p.eat(TokenKind.Comma)) names.push(p.expect(TokenKind.Name).value);
      const kind = token.kind === TokenKind.Global ? 'Global' : 'Nonlocal';
      return { kind, names, start, end: p.previousEnd };
    }
    case TokenKind.Del:
      return parseDelete(p);
    case TokenKind.Assert: {
      p.advance();
      const test = parseExpression(p);
      const msg = p.eat(TokenKind.Comma) ? parseExpression(p) : null;
      return { kind: 'Assert', test, msg, start, end: p.previousEnd };
    }
    case TokenKind.Import:
      return parseImport(p);
    case TokenKind.From:
      return parseImportFrom(p);
    default:
      return parseAssignmentOrExpression(p);
  }
}

function startsStarExpression(p: Parser): boolean {
  return startsExpression(p.kind) || p.at(TokenKind.Star);
}

// raise_stmt: 'raise' expression ['from' expression ] | 'raise'
function parseRaise(p: Parser): Stmt {
  const raise = p.advance();
  if (!startsExpression(p.kind)) return { kind: 'Raise', exc: null, cause: null, start: raise.start, end: raise.end };
  const exc = parseExpression(p);
  const cause = p.eat(TokenKind.From) ? parseExpression(p) : null;
  return { kind: 'Raise', exc, cause, start: raise.start, end: p.previousEnd };
}

// del_stmt: 'del' del_targets &(';' | NEWLINE)
// del_targets: ','.del_target+ [',']
//
// Valid deletion targets parse the same as expressions, so the targets are
// parsed as star_expressions and then checked, which also gives CPython's
// "cannot delete ..." message for invalid ones.
function parseDelete(p: Parser): Stmt {
  const del = p.advance();
  const expression = parseStarExpressions(p);
  const targets = expression.kind === 'Tuple' && !p.parenthesized.has(expression) ? expression.elts : [expression];
  for (const target of targets) {
    const invalid = findInvalidTarget(target, 'Del');
    if (invalid !== null) p.fail(`cannot delete ${describeExpression(invalid)}`, invalid, SyntaxErrorCode.InvalidTarget);
    setContext(target, 'Del');
  }
  return { kind: 'Delete', targets, start: del.start, end: p.previousEnd };
}

// import_name: 'import' dotted_as_names
// dotted_as_name: dotted_name ['as' NAME ]
function parseImport(p: Parser): Stmt {
  const importToken = p.advance();
  const names: Alias[] = [];
  do {
    const nameStart = p.peek().start;
    const name = parseDottedName(p);
    const asname = p.eat(TokenKind.As) ? p.expect(TokenKind.Name).value : null;
    names.push({ kind: 'alias', name, asname, start: nameStart, end: p.previousEnd });
  } while (p.eat(TokenKind.Comma));
  return { kind: 'Import', names, start: importToken.start, end: p.previousEnd };
}

// dotted_name: dotted_name '.' NAME | NAME
function parseDottedName(p: Parser): string {
  let name = p.expect(TokenKind.Name).value;
  while (p.eat(TokenKind.Dot)) name += '.' + p.expect(TokenKind.Name).value;
  return name;
}

// import_from:
//     | 'from' ('.' | '...')* dotted_name 'import' import_from_targets
//     | 'from' ('.' | '...')+ 'import' import_from_targets
// import_from_targets:
//     | '(' import_from_as_names [','] ')'
//     | import_from_as_names !','
//     | '*'
function parseImportFrom(p: Parser): Stmt {
  const from = p.advance();
  let level = 0;
  for (;;) {
    if (p.eat(TokenKind.Dot)) level += 1;
    else if (p.eat(TokenKind.Ellipsis)) level += 3;
    else break;
  }
  const module = level > 0 && p.at(TokenKind.Import) ? null : parseDottedName(p);
  p.expect(TokenKind.Import);

  const names: Alias[] = [];
  if (p.at(TokenKind.Star)) {
    const star = p.advance();
    names.push({ kind: 'alias', name: '*', asname: null, start: star.start, end: star.end });
    return { kind: 'ImportFrom', module, names, level, start: from.start, end: p.previousEnd };
  }

  const isParenthesized = p.eat(TokenKind.LeftParen) !== null;
  do {
    if (isParenthesized && p.at(TokenKind.RightParen) && names.length > 0) break;
    const name = p.expect(TokenKind.Name);
    const asname = p.eat(TokenKind.As) ? p.expect(TokenKind.Name).value : null;
    names.push({ kind: 'alias', name: name.value, asname, start: name.start, end: p.previousEnd });
  } while (p.eat(TokenKind.Comma) && !(!isParenthesized && isTrailingComma(p)));
  if (isParenthesized) p.expect(TokenKind.RightParen);
  return { kind: 'ImportFrom', module, names, level, start: from.start, end: p.previousEnd };
}

function isTrailingComma(p: Parser): boolean {
  if (!p.at(TokenKind.Newline) && !p.at(TokenKind.Semicolon) && !p.at(TokenKind.EndOfFile)) return false;
  p.fail('trailing comma not allowed without surrounding parentheses', p.peek());
}

// yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
export function parseYieldExpression(p: Parser): Expr {
  const yieldToken = p.advance();
  if (p.eat(TokenKind.From)) {
    const value = parseExpression(p);
    return { kind: 'YieldFrom', value, start: yieldToken.start, end: p.previousEnd };
  }
  const value = startsStarExpression(p) ? parseStarExpressions(p) : null;
  return { kind: 'Yield', value, start: yieldToken.start, end: p.previousEnd };
}

const AUGMENTED_OPERATORS: ReadonlyMap<TokenKind, OperatorKind> = new Map<TokenKind, OperatorKind>([
  [TokenKind.PlusEqual, 'Add'], [TokenKind.MinusEqual, 'Sub'], [TokenKind.StarEqual, 'Mult'],
  [TokenKind.AtEqual, 'MatMult'], [TokenKind.SlashEqual, 'Div'], [TokenKind.PercentEqual, 'Mod'],
  [TokenKind.AmpersandEqual, 'BitAnd'], [TokenKind.VerticalBarEqual, 'BitOr'],
  [TokenKind.CircumflexEqual, 'BitXor'], [TokenKind.LeftShiftEqual, 'LShift'],
  [TokenKind.RightShiftEqual, 'RShift'], [TokenKind.DoubleStarEqual, 'Pow'],
  [TokenKind.DoubleSlashEqual, 'FloorDiv'],
]);

function parseAssignedValue(p: Parser): Expr {
  return p.at(TokenKind.Yield) ? parseYieldExpression(p) : parseStarExpressions(p);
}

// assignment:
//     | NAME ':' expression ['=' annotated_rhs ]
//     | ('(' single_target ')' | single_subscript_attribute_target) ':' expression ['=' annotated_rhs ]
//     | (star_targets '=' )+ (yield_expr | star_expressions) !'='
//     | single_target augassign ~ (yield_expr | star_expressions)
// star_expressions (an expression statement)
function parseAssignmentOrExpression(p: Parser): Stmt {
  const start = p.peek().start;
  const first = parseAssignedValue(p);
  const kind = p.kind;

  if (kind === TokenKind.Colon) return parseAnnotatedAssignment(p, first, start);

  if (kind === TokenKind.Equal) {
    const targets = [first];
    while (p.eat(TokenKind.Equal)) targets.push(parseAssignedValue(p));
    const value = targets.pop()!;
    checkAssignmentTargets(p, targets, value);
    for (const target of targets) makeStoreTarget(p, target);
    return { kind: 'Assign', targets, value, start, end: p.previousEnd };
  }

  const op = AUGMENTED_OPERATORS.get(kind);
  if (op !== undefined) {
    if (first.kind !== 'Name' && first.kind !== 'Attribute' && first.kind !== 'Subscript') {
      p.fail(`'${describeExpression(first)}' is an illegal expression for augmented assignment`, first, SyntaxErrorCode.InvalidTarget);
    }
    p.advance();
    setContext(first, 'Store');
    const value = parseAssignedValue(p);
    return { kind: 'AugAssign', target: first, op, value, start, end: p.previousEnd };
  }

  if (first.kind === 'Name' && (first.id === 'print' || first.id === 'exec') && startsExpression(kind)) {
    const argument = parseStarExpressions(p);
    p.fail(`Missing parentheses in call to '${first.id}'. Did you mean ${first.id}(...)?`, { start, end: argument.end });
  }
  return { kind: 'Expr', value: first, start, end: p.previousEnd };
}

function parseAnnotatedAssignment(p: Parser, target: Expr, start: number): Stmt {
  const isParenthesized = p.parenthesized.has(target);
  if (target.kind === 'Tuple' && !isParenthesized) {
    p.fail('only single target (not tuple) can be annotated', target.elts[0] ?? target, SyntaxErrorCode.InvalidTarget);
  }
  if (target.kind === 'Tuple' || target.kind === 'List') {
    p.fail(`only single target (not ${target.kind === 'Tuple' ? 'tuple' : 'list'}) can be annotated`, target, SyntaxErrorCode.InvalidTarget);
  }
  if (target.kind !== 'Name' && target.kind !== 'Attribute' && target.kind !== 'Subscript') {
    p.fail('illegal target for annotation', target, SyntaxErrorCode.InvalidTarget);
  }
  p.advance();
  setContext(target, 'Store');
  const annotation = parseExpression(p);
  const value = p.eat(TokenKind.Equal) ? parseAssignedValue(p) : null;
  const simple = target.kind === 'Name' && !isParenthesized ? 1 : 0;
  return { kind: 'AnnAssign', target, annotation, value, simple, start, end: p.previousEnd };
}

/**
 * Reports an invalid target with CPython's wording. For `target = value`
 * with a single `=`, CPython suggests `==`, because its grammar reads the
 * statement as a misspelled comparison first.
 */
function checkAssignmentTargets(p: Parser, targets: Expr[], value: Expr): void {
  const invalidIndex = targets.findIndex((target) => findInvalidTarget(target, 'Store') !== null);
  if (invalidIndex < 0) return;

  const first = targets[0]!;
  if (targets.length === 1 && !p.parenthesized.has(first) && startsWithBitwiseOr(p, value)) {
    const last = first.kind === 'Tuple' && !p.parenthesized.has(first) ? first.elts[first.elts.length - 1]! : first;
    if (isBitwiseOrLevel(p, last) && !startsWithExcludedAtom(p, last)) {
      if (last.kind === 'Name') {
        p.fail("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", { start: last.start, end: value.end }, SyntaxErrorCode.InvalidTarget);
      }
      p.fail(`cannot assign to ${describeExpression(last)} here. Maybe you meant '==' instead of '='?`, last, SyntaxErrorCode.InvalidTarget);
    }
  }
  const target = targets[invalidIndex]!;
  if ((target.kind === 'Yield' || target.kind === 'YieldFrom') && !p.parenthesized.has(target)) {
    p.fail('assignment to yield expression not possible', target, SyntaxErrorCode.InvalidTarget);
  }
  const invalid = findInvalidTarget(target, 'Store')!;
  p.fail(`cannot assign to ${describeExpression(invalid)}`, invalid, SyntaxErrorCode.InvalidTarget);
}

/** True when `node` is what CPython's `bitwise_or` rule can produce on its own. */
function isBitwiseOrLevel(p: Parser, node: Expr): boolean {
  if (p.parenthesized.has(node)) return true;
  switch (node.kind) {
    case 'Compare': case 'BoolOp': case 'IfExp': case 'Lambda': case 'NamedExpr':
    case 'Starred': case 'Yield': case 'YieldFrom':
      return false;
    case 'UnaryOp':
      return node.op !== 'Not';
    default:
      return true;
  }
}

function startsWithBitwiseOr(p: Parser, node: Expr): boolean {
  let leftmost = node;
  while (!p.parenthesized.has(leftmost)) {
    if (leftmost.kind === 'Tuple' && leftmost.elts.length > 0) leftmost = leftmost.elts[0]!;
    else if (leftmost.kind === 'Compare') leftmost = leftmost.left;
    else if (leftmost.kind === 'BoolOp') leftmost = leftmost.values[0]!;
    else if (leftmost.kind === 'IfExp') leftmost = leftmost.body;
    else break;
  }
  return isBitwiseOrLevel(p, leftmost);
}

/** CPython skips the `==` hint when the target starts with a list, tuple, genexp, True, False or None. */
function startsWithExcludedAtom(p: Parser, node: Expr): boolean {
  let leftmost = node;
  for (;;) {
    if (p.parenthesized.has(leftmost) && leftmost.kind !== 'Tuple') return false;
    switch (leftmost.kind) {
      case 'BinOp': leftmost = leftmost.left; continue;
      case 'Attribute': case 'Subscript': leftmost = leftmost.value; continue;
      case 'Call': leftmost = leftmost.func; continue;
      case 'List': case 'Tuple': case 'GeneratorExp':
        return true;
      case 'Constant':
        return leftmost.value.kind === 'bool' || leftmost.value.kind === 'None';
      default:
        return false;
    }
  }
}

// Atoms: names, constants, strings, and the bracketed forms (groups,
// tuples, lists, dicts, sets, comprehensions, generator expressions).

import type { Comprehension, Expr } from '../ast.ts';
import { TokenKind } from '../token.ts';
import {
  parseBitwiseOr,
  parseDisjunction,
  parseExpression,
  parseStarNamedExpression,
} from './expressions.ts';
import { decodeNumber } from './literals.ts';
import type { Parser } from './parser.ts';
import { parseStrings } from './strings.ts';
import { parseStarTargets } from './targets.ts';
import { parseYieldExpression } from './statements.ts';

// atom:
//     | NAME | 'True' | 'False' | 'None' | strings | NUMBER
//     | (tuple | group | genexp) | (list | listcomp)
//     | (dict | set | dictcomp | setcomp) | '...'
export function parseAtom(p: Parser): Expr {
  const token = p.peek();
  const { start, end } = token;
  switch (token.kind) {
    case TokenKind.Name:
      p.advance();
      return { kind: 'Name', id: token.value, ctx: 'Load', start, end };
    case TokenKind.Number:
      p.advance();
      return { kind: 'Constant', value: decodeNumber(p.source.slice(start, end)), constKind: null, start, end };
    case TokenKind.String:
      return parseStrings(p);
    case TokenKind.True:
    case TokenKind.False:
      p.advance();
      return { kind: 'Constant', value: { kind: 'bool', value: token.kind === TokenKind.True }, constKind: null, start, end };
    case TokenKind.None:
      p.advance();
      return { kind: 'Constant', value: { kind: 'None' }, constKind: null, start, end };
    case TokenKind.Ellipsis:
      p.advance();
      return { kind: 'Constant', value: { kind: 'Ellipsis' }, constKind: null, start, end };
    case TokenKind.LeftParen:
      return parseParenthesized(p);
    case TokenKind.LeftBracket:
      return parseListDisplay(p);
    case TokenKind.LeftBrace:
      return parseBraceDisplay(p);
    default:
      return p.failAtCurrent();
  }
}

// tuple: '(' [star_named_expression ',' [star_named_expressions] ] ')'
// group: '(' (yield_expr | named_expression) ')'
// genexp: '(' ( assignment_expression | expression !':=') for_if_clauses ')'
function parseParenthesized(p: Parser): Expr {
  const open = p.advance();
  p.enter();
  if (p.eat(TokenKind.RightParen)) {
    p.leave();
    return { kind: 'Tuple', elts: [], ctx: 'Load', start: open.start, end: p.previousEnd };
  }
  if (p.at(TokenKind.Yield)) {
    const value = parseYieldExpression(p);
    p.expect(TokenKind.RightParen);
    p.leave();
    return p.markParenthesized(value);
  }

  const first = parseStarNamedExpression(p);
  if (isComprehensionStart(p)) {
    if (first.kind === 'Starred') p.fail('iterable unpacking cannot be used in comprehension', first);
    const generators = parseComprehensionClauses(p);
    p.expect(TokenKind.RightParen);
    p.leave();
    return { kind: 'GeneratorExp', elt: first, generators, start: open.start, end: p.previousEnd };
  }
  if (p.eat(TokenKind.RightParen)) {
    p.leave();
    if (first.kind === 'Starred') p.fail('cannot use starred expression here', first);
    return p.markParenthesized(first);
  }
  if (!p.at(TokenKind.Comma)) return p.failAtCurrent();

  const elts = [first];
  while (p.eat(TokenKind.Comma)) {
    if (p.at(TokenKind.RightParen)) break;
    elts.push(parseStarNamedExpression(p));
  }
  p.expect(TokenKind.RightParen);
  p.leave();
  return p.markParenthesized({ kind: 'Tuple', elts, ctx: 'Load', start: open.start, end: p.previousEnd });
}

// list: '[' [star_named_expressions] ']'
// listcomp: '[' named_expression for_if_clauses ']'
function parseListDisplay(p: Parser): Expr {
  const open = p.advance();
  p.enter();
  const elts: Expr[] = [];
  if (!p.at(TokenKind.RightBracket)) {
    const first = parseStarNamedExpression(p);
    if (isComprehensionStart(p)) {
      if (first.kind === 'Starred') p.fail('iterable unpacking cannot be used in comprehension', first);
      const generators = parseComprehensionClauses(p);
      p.expect(TokenKind.RightBracket);
      p.leave();
      return { kind: 'ListComp', elt: first, generators, start: open.start, end: p.previousEnd };
    }
    elts.push(first);
    while (p.eat(TokenKind.Comma)) {
      if (p.at(TokenKind.RightBracket)) break;
      elts.push(parseStarNamedExpression(p));
    }
  }
  p.expect(TokenKind.RightBracket);
  p.leave();
  return { kind: 'List', elts, ctx: 'Load', start: open.start, end: p.previousEnd };
}

// dict: '{' [double_starred_kvpairs] '}'
// set: '{' star_named_expressions '}'
// dictcomp: '{' kvpair for_if_clauses '}'
// setcomp: '{' named_expression for_if_clauses '}'
// double_starred_kvpair: '**' bitwise_or | kvpair
// kvpair: expression ':' expression
function parseBraceDisplay(p: Parser): Expr {
  const open = p.advance();
  p.enter();
  if (p.eat(TokenKind.RightBrace)) {
    p.leave();
    return { kind: 'Dict', keys: [], values: [], start: open.start, end: p.previousEnd };
  }

  let firstKey: Expr | null = null;
  let firstValue: Expr;
  if (p.eat(TokenKind.DoubleStar)) {
    firstValue = parseBitwiseOr(p);
  } else {
    const first = parseStarNamedExpression(p);
    if (!p.at(TokenKind.Colon) || first.kind === 'Starred' || first.kind === 'NamedExpr' && !p.parenthesized.has(first)) {
      return finishSetDisplay(p, open.start, first);
    }
    p.advance();
    firstKey = first;
    firstValue = parseDictValue(p);
    if (isComprehensionStart(p)) {
      const generators = parseComprehensionClauses(p);
      p.expect(TokenKind.RightBrace);
      p.leave();
      return { kind: 'DictComp', key: firstKey, value: firstValue, generators, start: open.start, end: p.previousEnd };
    }
  }

  const keys: (Expr | null)[] = [firstKey];
  const values: Expr[] = [firstValue];
  while (p.eat(TokenKind.Comma)) {
    if (p.at(TokenKind.RightBrace)) break;
    if (p.eat(TokenKind.DoubleStar)) {
      keys.push(null);
      values.push(parseBitwiseOr(p));
      continue;
    }
    const key = parseExpression(p);
    if (!p.eat(TokenKind.Colon)) p.fail("':' expected after dictionary key", key);
    keys.push(key);
    values.push(parseDictValue(p));
  }
  p.expect(TokenKind.RightBrace);
  p.leave();
  return { kind: 'Dict', keys, values, start: open.start, end: p.previousEnd };
}

function parseDictValue(p: Parser): Expr {
  if (p.at(TokenKind.RightBrace) || p.at(TokenKind.Comma)) {
    p.fail("expression expected after dictionary key and ':'", p.tokens[p.pos - 1]!);
  }
  return parseExpression(p);
}

function finishSetDisplay(p: Parser, start: number, first: Expr): Expr {
  if (isComprehensionStart(p)) {
    if (first.kind === 'Starred') p.fail('iterable unpacking cannot be used in comprehension', first);
    const generators = parseComprehensionClauses(p);
    p.expect(TokenKind.RightBrace);
    p.leave();
    return { kind: 'SetComp', elt: first, generators, start, end: p.previousEnd };
  }
  const elts = [first];
  while (p.eat(TokenKind.Comma)) {
    if (p.at(TokenKind.RightBrace)) break;
    elts.push(parseStarNamedExpression(p));
  }
  p.expect(TokenKind.RightBrace);
  p.leave();
  return { kind: 'Set', elts, start, end: p.previousEnd };
}

export function isComprehensionStart(p: Parser): boolean {
  const kind = p.kind;
  return kind === TokenKind.For || (kind === TokenKind.Async && p.peek(1).kind === TokenKind.For);
}

// for_if_clauses: for_if_clause+
// for_if_clause: [ASYNC] 'for' star_targets 'in' ~ disjunction ('if' disjunction )*
export function parseComprehensionClauses(p: Parser): Comprehension[] {
  const generators: Comprehension[] = [];
  while (isComprehensionStart(p)) {
    const forStart = p.peek().start;
    const isAsync = p.eat(TokenKind.Async) !== null;
    p.expect(TokenKind.For);
    const target = parseStarTargets(p, TokenKind.In);
    p.expect(TokenKind.In);
    const iter = parseDisjunction(p);
    const ifs: Expr[] = [];
    while (p.eat(TokenKind.If)) ifs.push(parseDisjunction(p));
    generators.push({
      kind: 'comprehension',
      target,
      iter,
      ifs,
      is_async: isAsync ? 1 : 0,
      start: forStart,
      end: p.previousEnd,
    });
  }
  return generators;
}

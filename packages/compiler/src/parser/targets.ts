// Assignment and deletion targets: setting the Store/Del context on an
// expression parsed as a target, and the CPython 3.11 messages for
// expressions that cannot be targets.

import type { Expr, ExprContext } from '../ast.ts';
import { TokenKind } from '../token.ts';
import { parseStarExpressions, parsePrimary, parseStarred } from './expressions.ts';
import type { Parser } from './parser.ts';
import { SyntaxErrorCode } from './syntaxErrors.ts';

/** Returns CPython's name for the kind of `node`, as used in target error messages. */
export function describeExpression(node: Expr): string {
  switch (node.kind) {
    case 'Attribute': return 'attribute';
    case 'Subscript': return 'subscript';
    case 'Starred': return 'starred';
    case 'Name': return 'name';
    case 'List': return 'list';
    case 'Tuple': return 'tuple';
    case 'Lambda': return 'lambda';
    case 'Call': return 'function call';
    case 'BoolOp': case 'BinOp': case 'UnaryOp': return 'expression';
    case 'GeneratorExp': return 'generator expression';
    case 'Yield': case 'YieldFrom': return 'yield expression';
    case 'Await': return 'await expression';
    case 'ListComp': return 'list comprehension';
    case 'SetComp': return 'set comprehension';
    case 'DictComp': return 'dict comprehension';
    case 'Dict': return 'dict literal';
    case 'Set': return 'set display';
    case 'JoinedStr': case 'FormattedValue': return 'f-string expression';
    case 'Constant': {
      const value = node.value;
      if (value.kind === 'None') return 'None';
      if (value.kind === 'bool') return value.value ? 'True' : 'False';
      if (value.kind === 'Ellipsis') return 'ellipsis';
      return 'literal';
    }
    case 'Compare': return 'comparison';
    case 'IfExp': return 'conditional expression';
    case 'NamedExpr': return 'named expression';
    case 'Slice': return 'slice';
  }
}

/**
 * Returns the first part of `node` that cannot be a target of a store (or a
 * delete when `ctx` is Del), or null when the whole expression is a valid
 * target.
 */
export function findInvalidTarget(node: Expr, ctx: ExprContext, isForTarget = false): Expr | null {
  switch (node.kind) {
    case 'Name': case 'Attribute': case 'Subscript':
      return null;
    case 'Starred':
      return ctx === 'Del' ? node : findInvalidTarget(node.value, ctx, isForTarget);
    case 'List': case 'Tuple':
      for (const element of node.elts) {
        const invalid = findInvalidTarget(element, ctx, isForTarget);
        if (invalid !== null) return invalid;
      }
      return null;
    case 'Compare':
      // `for a in b` reparsed as an expression is a comparison whose left
      // side holds the targets.
      if (!isForTarget) return node;
      return node.ops[0] === 'In' ? findInvalidTarget(node.left, ctx, true) : null;
    default:
      return node;
  }
}

/** Sets `ctx` on a valid target and everything it unpacks into. */
export function setContext(node: Expr, ctx: ExprContext): void {
  switch (node.kind) {
    case 'Name': case 'Attribute': case 'Subscript':
      node.ctx = ctx;
      return;
    case 'Starred':
      node.ctx = ctx;
      setContext(node.value, ctx);
      return;
    case 'List': case 'Tuple':
      node.ctx = ctx;
      for (const element of node.elts) setContext(element, ctx);
      return;
    default:
      return;
  }
}

/**
 * Checks `node` as the target of a store and sets its context, or fails with
 * CPython's "cannot assign to ..." message.
 */
export function makeStoreTarget(p: Parser, node: Expr): Expr {
  const invalid = findInvalidTarget(node, 'Store');
  if (invalid !== null) {
    p.fail(`cannot assign to ${describeExpression(invalid)}`, invalid, SyntaxErrorCode.InvalidTarget);
  }
  setContext(node, 'Store');
  return node;
}

// star_targets:
//     | star_target !','
//     | star_target (',' star_target )* [',']
// star_target: '*' (!'*' star_target) | target_with_star_atom
//
// Each element is parsed as a primary, which covers names, attributes,
// subscripts and bracketed target lists, then checked. `stopKind` is the
// token that ends the targets (`in` in a for loop).
export function parseStarTargets(p: Parser, stopKind: TokenKind): Expr {
  const start = p.pos;
  const first = parseStarTarget(p);
  let target = first;
  if (p.at(TokenKind.Comma)) {
    const elts = [first];
    while (p.eat(TokenKind.Comma)) {
      if (p.at(stopKind) || !startsTarget(p.kind)) break;
      elts.push(parseStarTarget(p));
    }
    target = { kind: 'Tuple', elts, ctx: 'Store', start: p.tokens[start]!.start, end: p.previousEnd };
  }

  if (!p.at(stopKind)) {
    // Reparse as an expression to name what is wrong, as CPython's
    // invalid_for_target rule does (`for f() + 1 in x`).
    const afterTargets = p.pos;
    p.rewind(start);
    const expression = p.attempt(() => parseStarExpressions(p));
    const invalid = expression === null ? null : findInvalidTarget(expression, 'Store', true);
    if (invalid !== null) {
      p.fail(`cannot assign to ${describeExpression(invalid)}`, invalid, SyntaxErrorCode.InvalidTarget);
    }
    p.rewind(afterTargets);
    return p.failAtCurrent();
  }
  return makeStoreTarget(p, target);
}

function parseStarTarget(p: Parser): Expr {
  if (p.at(TokenKind.Star)) {
    if (p.peek(1).kind === TokenKind.Star) p.failAtCurrent();
    return parseStarred(p, parseStarTargetOperand);
  }
  return parsePrimary(p);
}

function parseStarTargetOperand(p: Parser): Expr {
  return parseStarTarget(p);
}

function startsTarget(kind: TokenKind): boolean {
  return kind === TokenKind.Name || kind === TokenKind.LeftParen || kind === TokenKind.LeftBracket
    || kind === TokenKind.Star || kind === TokenKind.String || kind === TokenKind.Number
    || kind === TokenKind.LeftBrace || kind === TokenKind.None || kind === TokenKind.True
    || kind === TokenKind.False;
}

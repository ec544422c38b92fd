// Argument lists: the arguments of a call and the parameters of `def` and
// `lambda`, with CPython 3.11's checks and messages for their order.

import type { Arg, Arguments, Expr, Keyword } from '../ast.ts';
import { TokenKind } from '../token.ts';
import { isComprehensionStart, parseComprehensionClauses } from './atoms.ts';
import { failArguments, parseExpression, parseNamedExpression, parseStarExpression } from './expressions.ts';
import type { Parser } from './parser.ts';
import { SyntaxErrorCode } from './syntaxErrors.ts';

// arguments: args [','] &')'
// args:
//     | ','.(starred_expression | (assignment_expression | expression !':=') !'=')+ [',' kwargs]
//     | kwargs
// kwarg_or_starred: NAME '=' expression | starred_expression
// kwarg_or_double_starred: NAME '=' expression | '**' expression
//
// A generator expression may be the sole argument of a call without its own
// parentheses; it then spans the parentheses of the call, as in CPython.
// Class bases (`openStart` null) allow no such generator expression.
export function parseCallArguments(p: Parser, openStart: number | null): { args: Expr[]; keywords: Keyword[] } {
  const args: Expr[] = [];
  const keywords: Keyword[] = [];
  let hasKeyword = false;
  let hasDoubleStar = false;

  while (!p.at(TokenKind.RightParen)) {
    const token = p.peek();
    const next = p.peek(1).kind;
    if (token.kind === TokenKind.Star) {
      p.advance();
      const value = parseExpression(p);
      if (hasDoubleStar) {
        failArguments(p, 'iterable argument unpacking follows keyword argument unpacking', { start: token.start, end: value.end });
      }
      args.push({ kind: 'Starred', value, ctx: 'Load', start: token.start, end: p.previousEnd });
    } else if (token.kind === TokenKind.DoubleStar) {
      p.advance();
      const value = parseExpression(p);
      keywords.push({ kind: 'keyword', arg: null, value, start: token.start, end: p.previousEnd });
      hasDoubleStar = true;
    } else if (token.kind === TokenKind.Name && next === TokenKind.Equal) {
      p.advance();
      p.advance();
      const value = parseExpression(p);
      if (isComprehensionStart(p)) {
        p.fail("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", { start: token.start, end: value.end });
      }
      keywords.push({ kind: 'keyword', arg: token.value, value, start: token.start, end: p.previousEnd });
      hasKeyword = true;
    } else if ((token.kind === TokenKind.True || token.kind === TokenKind.False || token.kind === TokenKind.None) && next === TokenKind.Equal) {
      p.fail(`cannot assign to ${p.source.slice(token.start, token.end)}`, token, SyntaxErrorCode.InvalidTarget);
    } else {
      const value = parsePositionalArgument(p, openStart, args.length + keywords.length === 0);
      if (hasDoubleStar) failArguments(p, 'positional argument follows keyword argument unpacking', value);
      if (hasKeyword) failArguments(p, 'positional argument follows keyword argument', value);
      args.push(value);
    }
    if (!p.eat(TokenKind.Comma)) break;
  }
  return { args, keywords };
}

function parsePositionalArgument(p: Parser, openStart: number | null, isFirst: boolean): Expr {
  const value = parseNamedExpression(p);
  if (p.at(TokenKind.Equal)) {
    p.fail('expression cannot contain assignment, perhaps you meant "=="?', { start: value.start, end: p.peek().end });
  }
  if (!isComprehensionStart(p)) return value;
  if (openStart === null) p.failAtCurrent();

  const generators = parseComprehensionClauses(p);
  if (!isFirst || !p.at(TokenKind.RightParen)) {
    failArguments(p, 'Generator expression must be parenthesized', { start: value.start, end: p.previousEnd });
  }
  return { kind: 'GeneratorExp', elt: value, generators, start: openStart, end: p.peek().end };
}

/** Where the parameters of `def` or `lambda` end, and whether they take annotations. */
interface ParameterSyntax {
  closeKind: TokenKind;
  hasAnnotations: boolean;
}

// parameters:
//     | slash_no_default param_no_default* param_with_default* [star_etc]
//     | slash_with_default param_with_default* [star_etc]
//     | param_no_default+ param_with_default* [star_etc]
//     | param_with_default+ [star_etc]
//     | star_etc
// star_etc:
//     | '*' param_no_default param_maybe_default* [kwds]
//     | '*' param_no_default_star_annotation param_maybe_default* [kwds]
//     | '*' ',' param_maybe_default+ [kwds]
//     | kwds
// kwds: '**' param_no_default
export function parseDefParameters(p: Parser): Arguments {
  return parseParameters(p, { closeKind: TokenKind.RightParen, hasAnnotations: true });
}

// lambda_params: the same shapes as `parameters`, without annotations, ended by ':'.
export function parseLambdaParameters(p: Parser): Arguments {
  return parseParameters(p, { closeKind: TokenKind.Colon, hasAnnotations: false });
}

function parseParameters(p: Parser, syntax: ParameterSyntax): Arguments {
  const start = p.peek().start;
  let posonlyargs: Arg[] = [];
  let args: Arg[] = [];
  const defaults: Expr[] = [];
  let vararg: Arg | null = null;
  const kwonlyargs: Arg[] = [];
  const kwDefaults: (Expr | null)[] = [];
  let kwarg: Arg | null = null;
  let hasSlash = false;
  let hasStar = false;
  let hasDefault = false;

  while (!p.at(syntax.closeKind)) {
    const token = p.peek();
    if (kwarg !== null) failArguments(p, 'arguments cannot follow var-keyword argument', token);

    if (token.kind === TokenKind.Slash) {
      if (hasStar) failArguments(p, '/ must be ahead of *', token);
      if (hasSlash) failArguments(p, '/ may appear only once', token);
      if (args.length === 0) failArguments(p, 'at least one argument must precede /', token);
      p.advance();
      hasSlash = true;
      posonlyargs = args;
      args = [];
    } else if (token.kind === TokenKind.Star) {
      if (hasStar) failArguments(p, '* argument may appear only once', token);
      p.advance();
      hasStar = true;
      if (p.at(TokenKind.Comma) || p.at(syntax.closeKind)) {
        const after = p.at(TokenKind.Comma) ? p.peek(1).kind : p.kind;
        if (after === syntax.closeKind || after === TokenKind.DoubleStar) {
          failArguments(p, 'named arguments must follow bare *', token);
        }
      } else {
        vararg = parseParameter(p, syntax, true);
        if (p.at(TokenKind.Equal)) failArguments(p, 'var-positional argument cannot have default value', p.peek());
      }
    } else if (token.kind === TokenKind.DoubleStar) {
      p.advance();
      kwarg = parseParameter(p, syntax, false);
      if (p.at(TokenKind.Equal)) failArguments(p, 'var-keyword argument cannot have default value', p.peek());
    } else {
      const parameter = parseParameter(p, syntax, false);
      const defaultValue = p.eat(TokenKind.Equal) ? parseExpression(p) : null;
      if (hasStar) {
        kwonlyargs.push(parameter);
        kwDefaults.push(defaultValue);
      } else {
        if (defaultValue !== null) {
          defaults.push(defaultValue);
          hasDefault = true;
        } else if (hasDefault) {
          failArguments(p, 'non-default argument follows default argument', parameter);
        }
        args.push(parameter);
      }
    }
    if (!p.eat(TokenKind.Comma)) break;
  }
  if (!p.at(syntax.closeKind)) p.failAtCurrent();

  return {
    kind: 'arguments',
    posonlyargs,
    args,
    vararg,
    kwonlyargs,
    kw_defaults: kwDefaults,
    kwarg,
    defaults,
    start,
    end: Math.max(start, p.previousEnd),
  };
}

// param: NAME annotation?
// annotation: ':' expression
// star_annotation: ':' star_expression
function parseParameter(p: Parser, syntax: ParameterSyntax, isVararg: boolean): Arg {
  const name = p.expect(TokenKind.Name);
  let annotation: Expr | null = null;
  if (syntax.hasAnnotations && p.eat(TokenKind.Colon)) {
    annotation = isVararg ? parseStarExpression(p) : parseExpression(p);
  }
  return { kind: 'arg', arg: name.value, annotation, start: name.start, end: p.previousEnd };
}

// The `match` statement. Patterns are outside the entity language, so only
// their spans are kept (see MatchCase in ast.ts); analysis rejects `match`.

import type { Expr, MatchCase, Stmt } from '../ast.ts';
import { TokenKind } from '../token.ts';
import { endOfStatement, expectColon, parseBlock } from './compound.ts';
import { parseNamedExpression, parseStarNamedExpression } from './expressions.ts';
import type { Parser } from './parser.ts';
import { SyntaxErrorCode } from './syntaxErrors.ts';

// match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT
// subject_expr: star_named_expression ',' star_named_expressions? | named_expression
//
// `match` is a soft keyword: the caller tries the header and falls back to a
// simple statement when it does not parse.
export function parseMatchHeader(p: Parser): { start: number; subject: Expr } {
  const matchToken = p.advance();
  const subject = parseMatchSubject(p);
  p.expect(TokenKind.Colon);
  p.expect(TokenKind.Newline);
  return { start: matchToken.start, subject };
}

export function parseMatchBody(p: Parser, start: number, subject: Expr): Stmt {
  if (!p.at(TokenKind.Indent)) {
    const next = p.peek();
    p.report(`expected an indented block after 'match' statement on line ${p.lineOf(start)}`, next.start, next.end, SyntaxErrorCode.Indentation);
    return { kind: 'Match', subject, cases: [], start, end: p.previousEnd };
  }
  p.advance();
  const cases: MatchCase[] = [];
  while (!p.at(TokenKind.Dedent) && !p.at(TokenKind.EndOfFile)) {
    cases.push(parseCaseBlock(p));
  }
  p.eat(TokenKind.Dedent);
  const end = endOfStatement(p);
  return { kind: 'Match', subject, cases, start, end };
}

function parseMatchSubject(p: Parser): Expr {
  const start = p.peek().start;
  const first = parseStarNamedExpression(p);
  if (!p.at(TokenKind.Comma)) {
    if (first.kind === 'Starred') p.failAtCurrent();
    return first;
  }
  const elts = [first];
  while (p.eat(TokenKind.Comma) && !p.at(TokenKind.Colon)) elts.push(parseStarNamedExpression(p));
  return { kind: 'Tuple', elts, ctx: 'Load', start, end: p.previousEnd };
}

// case_block: "case" patterns guard? ':' block
// guard: 'if' named_expression
//
// NOTE: patterns are outside the entity language, so only their span is
// kept (see MatchCase in ast.ts) and their syntax is not checked beyond
// balanced brackets and a non-empty pattern.
function parseCaseBlock(p: Parser): MatchCase {
  const caseToken = p.peek();
  if (caseToken.kind !== TokenKind.Name || caseToken.value !== 'case') p.failAtCurrent();
  p.advance();
  const patternStart = p.peek().start;
  let bracketDepth = 0;
  let patternEnd = patternStart;
  // Bounded by the token count: every iteration consumes a token.
  for (;;) {
    const kind = p.kind;
    if (kind === TokenKind.Newline || kind === TokenKind.EndOfFile) break;
    if (bracketDepth === 0 && (kind === TokenKind.Colon || kind === TokenKind.If)) break;
    if (kind === TokenKind.LeftParen || kind === TokenKind.LeftBracket || kind === TokenKind.LeftBrace) bracketDepth++;
    if (kind === TokenKind.RightParen || kind === TokenKind.RightBracket || kind === TokenKind.RightBrace) bracketDepth--;
    patternEnd = p.advance().end;
  }
  if (patternEnd === patternStart) p.failAtCurrent();
  const guard = p.eat(TokenKind.If) ? parseNamedExpression(p) : null;
  expectColon(p, false);
  const body = parseBlock(p, "'case' statement", caseToken.start);
  return {
    kind: 'match_case',
    patternSpan: { start: patternStart, end: patternEnd },
    guard,
    body,
    start: caseToken.start,
    end: endOfStatement(p),
  };
}

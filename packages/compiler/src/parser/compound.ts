// Compound statements and blocks, and the statement loop with its error
// recovery: a statement that fails to parse is skipped up to the end of its
// logical line (and its indented body, which is still parsed for errors), so
// one pass reports the errors of several statements.

import type { Expr, ExceptHandler, Keyword, Stmt, WithItem } from '../ast.ts';
import { TokenKind } from '../token.ts';
import { parseCallArguments, parseDefParameters } from './arguments.ts';
import { parseExpression, parseNamedExpression, parseStarExpressions } from './expressions.ts';
import { parseMatchBody, parseMatchHeader } from './match.ts';
import { isParseAbort, type Parser } from './parser.ts';
import { parseSimpleStatements } from './statements.ts';
import { SyntaxErrorCode } from './syntaxErrors.ts';
import { describeExpression, findInvalidTarget, makeStoreTarget, parseStarTargets } from './targets.ts';

// file: [statements] ENDMARKER
export function parseFileStatements(p: Parser): Stmt[] {
  const body: Stmt[] = [];
  while (!p.at(TokenKind.EndOfFile)) {
    if (p.at(TokenKind.Dedent)) {
      p.advance();
      continue;
    }
    parseStatementRecovering(p, body);
  }
  return body;
}

/** Parses one statement into `body`; on a syntax error skips to the next statement. */
function parseStatementRecovering(p: Parser, body: Stmt[]): void {
  const startPos = p.pos;
  const depth = p.depth;
  const treeDepth = p.treeDepth;
  try {
    parseStatement(p, body);
  } catch (error) {
    if (!isParseAbort(error)) throw error;
    p.depth = depth;
    p.treeDepth = treeDepth;
    skipToNextStatement(p);
  }
  if (p.pos === startPos && !p.at(TokenKind.EndOfFile)) {
    // No rule consumed anything: report once and move on, so the loop ends.
    p.report('invalid syntax', p.peek().start, p.peek().end);
    p.advance();
  }
}

function skipToNextStatement(p: Parser): void {
  // Bounded by the token count: every iteration consumes a token.
  while (!p.at(TokenKind.Newline) && !p.at(TokenKind.EndOfFile) && !p.at(TokenKind.Dedent)) {
    if (p.at(TokenKind.Indent) && p.pos > 0 && p.tokens[p.pos - 1]!.kind === TokenKind.Newline) break;
    p.advance();
  }
  p.eat(TokenKind.Newline);
  if (p.at(TokenKind.Indent)) {
    // The indented body of a header that failed: parse it for its own errors.
    p.advance();
    parseStatementsUntilDedent(p);
  }
}

function parseStatementsUntilDedent(p: Parser): Stmt[] {
  const body: Stmt[] = [];
  while (!p.at(TokenKind.Dedent) && !p.at(TokenKind.EndOfFile)) parseStatementRecovering(p, body);
  p.eat(TokenKind.Dedent);
  return body;
}

// statement: compound_stmt | simple_stmts
// compound_stmt:
//     | function_def | if_stmt | class_def | with_stmt | for_stmt | try_stmt
//     | while_stmt | match_stmt
function parseStatement(p: Parser, body: Stmt[]): void {
  const token = p.peek();
  switch (token.kind) {
    case TokenKind.Indent:
      p.report('unexpected indent', token.start, token.end, SyntaxErrorCode.Indentation);
      p.advance();
      body.push(...parseStatementsUntilDedent(p));
      return;
    case TokenKind.Def:
      body.push(parseFunctionDef(p, [], null));
      return;
    case TokenKind.Class:
      body.push(parseClassDef(p, []));
      return;
    case TokenKind.At:
      body.push(parseDecorated(p));
      return;
    case TokenKind.If:
      body.push(parseIf(p));
      return;
    case TokenKind.While:
      body.push(parseWhile(p));
      return;
    case TokenKind.For:
      body.push(parseFor(p, null));
      return;
    case TokenKind.Try:
      body.push(parseTry(p));
      return;
    case TokenKind.With:
      body.push(parseWith(p, null));
      return;
    case TokenKind.Async:
      body.push(parseAsync(p));
      return;
    case TokenKind.Name:
      if (token.value === 'match') {
        const header = p.attempt(() => parseMatchHeader(p));
        if (header !== null) {
          body.push(parseMatchBody(p, header.start, header.subject));
          return;
        }
      }
      parseSimpleStatements(p, body);
      return;
    default:
      parseSimpleStatements(p, body);
  }
}

/**
 * Consumes the `:` of a compound statement header. CPython reports
 * "expected ':'" for forced colons and when the line ends instead.
 */
export function expectColon(p: Parser, isForced: boolean): void {
  if (p.eat(TokenKind.Colon)) return;
  if (isForced || p.at(TokenKind.Newline)) p.fail("expected ':'", p.peek());
  p.failAtCurrent();
}

// block: NEWLINE INDENT statements DEDENT | simple_stmts
export function parseBlock(p: Parser, header: string, headerStart: number): Stmt[] {
  if (!p.at(TokenKind.Newline)) {
    const body: Stmt[] = [];
    parseSimpleStatements(p, body);
    return body;
  }
  p.advance();
  if (!p.at(TokenKind.Indent)) {
    const next = p.peek();
    p.report(
      `expected an indented block after ${header} on line ${p.lineOf(headerStart)}`,
      next.start,
      next.end,
      SyntaxErrorCode.Indentation,
    );
    return [];
  }
  p.advance();
  p.enter();
  const body = parseStatementsUntilDedent(p);
  p.leave();
  return body;
}

/**
 * Returns the end of a compound statement: the end of its last token other
 * than NEWLINE, INDENT and DEDENT, as CPython computes it (so a trailing `;`
 * of the last statement counts).
 */
export function endOfStatement(p: Parser): number {
  for (let i = p.pos - 1; i >= 0; i--) {
    const kind = p.tokens[i]!.kind;
    if (kind !== TokenKind.Newline && kind !== TokenKind.Indent && kind !== TokenKind.Dedent) return p.tokens[i]!.end;
  }
  return 0;
}

/** Parses a condition and rejects `=` where `==` was probably meant, as CPython does. */
function parseCondition(p: Parser): Expr {
  const test = parseNamedExpression(p);
  if (p.at(TokenKind.Equal)) {
    if (test.kind === 'Name') {
      p.fail("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", { start: test.start, end: p.peek().end });
    }
    p.fail(`cannot assign to ${describeExpression(test)} here. Maybe you meant '==' instead of '='?`, test, SyntaxErrorCode.InvalidTarget);
  }
  return test;
}

// decorators: ('@' named_expression NEWLINE )+
function parseDecorated(p: Parser): Stmt {
  const decorators: Expr[] = [];
  while (p.eat(TokenKind.At)) {
    decorators.push(parseNamedExpression(p));
    p.expect(TokenKind.Newline);
  }
  if (p.at(TokenKind.Def)) return parseFunctionDef(p, decorators, null);
  if (p.at(TokenKind.Class)) return parseClassDef(p, decorators);
  if (p.at(TokenKind.Async) && p.peek(1).kind === TokenKind.Def) {
    const asyncToken = p.advance();
    return parseFunctionDef(p, decorators, asyncToken.start);
  }
  return p.failAtCurrent();
}

// function_def_raw:
//     | 'def' NAME &&'(' [params] ')' ['->' expression ] &&':' block
//     | ASYNC 'def' NAME &&'(' [params] ')' ['->' expression ] &&':' block
function parseFunctionDef(p: Parser, decorators: Expr[], asyncStart: number | null): Stmt {
  const def = p.expect(TokenKind.Def);
  const start = asyncStart ?? def.start;
  const name = p.expect(TokenKind.Name);
  p.expectForced(TokenKind.LeftParen);
  const args = parseDefParameters(p);
  p.expect(TokenKind.RightParen);
  const returns = p.eat(TokenKind.Arrow) ? parseExpression(p) : null;
  expectColon(p, true);
  const body = parseBlock(p, 'function definition', start);
  const nameSpan = { start: name.start, end: name.end };
  const end = endOfStatement(p);
  const kind = asyncStart === null ? 'FunctionDef' : 'AsyncFunctionDef';
  return { kind, name: name.value, args, body, decorator_list: decorators, returns, nameSpan, start, end };
}

// class_def_raw: 'class' NAME ['(' [arguments] ')' ] ':' block
function parseClassDef(p: Parser, decorators: Expr[]): Stmt {
  const classToken = p.advance();
  const name = p.expect(TokenKind.Name);
  let bases: Expr[] = [];
  let keywords: Keyword[] = [];
  if (p.at(TokenKind.LeftParen)) {
    p.advance();
    p.enter();
    ({ args: bases, keywords } = parseCallArguments(p, null));
    p.leave();
    p.expect(TokenKind.RightParen);
  }
  expectColon(p, false);
  const body = parseBlock(p, 'class definition', classToken.start);
  const nameSpan = { start: name.start, end: name.end };
  return {
    kind: 'ClassDef',
    name: name.value,
    bases,
    keywords,
    body,
    decorator_list: decorators,
    nameSpan,
    start: classToken.start,
    end: endOfStatement(p),
  };
}

// if_stmt: 'if' named_expression ':' block (elif_stmt | [else_block])
// elif_stmt: 'elif' named_expression ':' block (elif_stmt | [else_block])
function parseIf(p: Parser): Stmt {
  const ifToken = p.advance();
  const test = parseCondition(p);
  expectColon(p, false);
  const keyword = ifToken.kind === TokenKind.If ? "'if' statement" : "'elif' statement";
  const body = parseBlock(p, keyword, ifToken.start);
  let orelse: Stmt[] = [];
  if (p.at(TokenKind.Elif)) {
    p.enter();
    orelse = [parseIf(p)];
    p.leave();
  } else if (p.at(TokenKind.Else)) {
    orelse = parseElse(p);
  }
  const end = endOfStatement(p);
  return { kind: 'If', test, body, orelse, start: ifToken.start, end };
}

// else_block: 'else' &&':' block
function parseElse(p: Parser): Stmt[] {
  const elseToken = p.advance();
  expectColon(p, true);
  return parseBlock(p, "'else' statement", elseToken.start);
}

// while_stmt: 'while' named_expression ':' block [else_block]
function parseWhile(p: Parser): Stmt {
  const whileToken = p.advance();
  const test = parseCondition(p);
  expectColon(p, false);
  const body = parseBlock(p, "'while' statement", whileToken.start);
  const orelse = p.at(TokenKind.Else) ? parseElse(p) : [];
  return { kind: 'While', test, body, orelse, start: whileToken.start, end: endOfStatement(p) };
}

// for_stmt: [ASYNC] 'for' star_targets 'in' ~ star_expressions ':' block [else_block]
function parseFor(p: Parser, asyncStart: number | null): Stmt {
  const forToken = p.advance();
  const start = asyncStart ?? forToken.start;
  const target = parseStarTargets(p, TokenKind.In);
  p.expect(TokenKind.In);
  const iter = parseStarExpressions(p);
  expectColon(p, false);
  const body = parseBlock(p, "'for' statement", start);
  const orelse = p.at(TokenKind.Else) ? parseElse(p) : [];
  const end = endOfStatement(p);
  const kind = asyncStart === null ? 'For' : 'AsyncFor';
  return { kind, target, iter, body, orelse, start, end };
}

// with_stmt:
//     | [ASYNC] 'with' '(' ','.with_item+ ','? ')' ':' block
//     | [ASYNC] 'with' ','.with_item+ ':' block
function parseWith(p: Parser, asyncStart: number | null): Stmt {
  const withToken = p.advance();
  const start = asyncStart ?? withToken.start;
  let items: WithItem[] | null = null;
  if (p.at(TokenKind.LeftParen)) {
    items = p.attempt(() => {
      p.advance();
      const parenthesizedItems = [parseWithItem(p)];
      while (p.eat(TokenKind.Comma) && !p.at(TokenKind.RightParen)) parenthesizedItems.push(parseWithItem(p));
      p.expect(TokenKind.RightParen);
      if (!p.at(TokenKind.Colon)) p.failAtCurrent();
      return parenthesizedItems;
    });
  }
  if (items === null) {
    items = [parseWithItem(p)];
    while (p.eat(TokenKind.Comma)) items.push(parseWithItem(p));
  }
  expectColon(p, false);
  const body = parseBlock(p, "'with' statement", start);
  const kind = asyncStart === null ? 'With' : 'AsyncWith';
  return { kind, items, body, start, end: endOfStatement(p) };
}

// with_item:
//     | expression 'as' star_target &(',' | ')' | ':')
//     | expression
function parseWithItem(p: Parser): WithItem {
  const contextExpr = parseExpression(p);
  let optionalVars: Expr | null = null;
  if (p.eat(TokenKind.As)) {
    const targetStart = p.pos;
    const target = parseExpression(p);
    if (!p.at(TokenKind.Comma) && !p.at(TokenKind.RightParen) && !p.at(TokenKind.Colon)) {
      p.rewind(targetStart);
      parseStarTargets(p, TokenKind.Colon);
    }
    const invalid = findInvalidTarget(target, 'Store');
    if (invalid !== null || target.kind === 'Starred') {
      p.fail(`cannot assign to ${describeExpression(invalid ?? target)}`, invalid ?? target, SyntaxErrorCode.InvalidTarget);
    }
    optionalVars = makeStoreTarget(p, target);
  }
  return {
    kind: 'withitem',
    context_expr: contextExpr,
    optional_vars: optionalVars,
    start: contextExpr.start,
    end: optionalVars?.end ?? contextExpr.end,
  };
}

// try_stmt:
//     | 'try' &&':' block finally_block
//     | 'try' &&':' block except_block+ [else_block] [finally_block]
//     | 'try' &&':' block except_star_block+ [else_block] [finally_block]
function parseTry(p: Parser): Stmt {
  const tryToken = p.advance();
  expectColon(p, true);
  const body = parseBlock(p, "'try' statement", tryToken.start);
  const handlers: ExceptHandler[] = [];
  let isStar: boolean | null = null;
  while (p.at(TokenKind.Except)) {
    const handlerIsStar = p.peek(1).kind === TokenKind.Star;
    if (isStar !== null && handlerIsStar !== isStar) {
      p.fail("cannot have both 'except' and 'except*' on the same 'try'", p.peek());
    }
    isStar = handlerIsStar;
    handlers.push(parseExceptHandler(p));
  }
  const orelse = handlers.length > 0 && p.at(TokenKind.Else) ? parseElse(p) : [];
  let finalbody: Stmt[] = [];
  const hasFinally = p.at(TokenKind.Finally);
  if (hasFinally) {
    const finallyToken = p.advance();
    expectColon(p, true);
    finalbody = parseBlock(p, "'finally' statement", finallyToken.start);
  }
  if (handlers.length === 0 && !hasFinally) p.fail("expected 'except' or 'finally' block", p.peek());
  const end = endOfStatement(p);
  const kind = isStar === true ? 'TryStar' : 'Try';
  return { kind, body, handlers, orelse, finalbody, start: tryToken.start, end };
}

// except_block:
//     | 'except' expression ['as' NAME ] ':' block
//     | 'except' ':' block
// except_star_block: 'except' '*' expression ['as' NAME ] ':' block
function parseExceptHandler(p: Parser): ExceptHandler {
  const exceptToken = p.advance();
  const isStar = p.eat(TokenKind.Star) !== null;
  let type: Expr | null = null;
  let name: string | null = null;
  if (!p.at(TokenKind.Colon) || isStar) {
    if (isStar && (p.at(TokenKind.Colon) || p.at(TokenKind.Newline))) {
      p.fail('expected one or more exception types', p.peek());
    }
    type = parseExpression(p);
    if (p.at(TokenKind.Comma)) {
      p.fail('multiple exception types must be parenthesized', { start: type.start, end: p.peek().end });
    }
    if (p.eat(TokenKind.As)) name = p.expect(TokenKind.Name).value;
  }
  expectColon(p, false);
  const header = isStar ? "'except*' statement" : "'except' statement";
  const body = parseBlock(p, header, exceptToken.start);
  return { kind: 'ExceptHandler', type, name, body, start: exceptToken.start, end: endOfStatement(p) };
}

// async_stmt: ASYNC (function_def_raw | for_stmt | with_stmt)
function parseAsync(p: Parser): Stmt {
  const asyncToken = p.advance();
  if (p.at(TokenKind.Def)) return parseFunctionDef(p, [], asyncToken.start);
  if (p.at(TokenKind.For)) return parseFor(p, asyncToken.start);
  if (p.at(TokenKind.With)) return parseWith(p, asyncToken.start);
  return p.failAtCurrent();
}

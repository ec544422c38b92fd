// Parser state shared by the grammar rules in this folder: the token
// cursor, the syntax errors found so far, and the nesting depth. The rules
// are plain functions taking the parser as first argument, one per grammar
// rule, grouped by concept in the files beside this one.

import type { Expr, Node } from '../ast.ts';
import { DIAGNOSTICS_MAX, PARSE_DEPTH_MAX, TREE_DEPTH_MAX } from '../limits.ts';
import { LineTable } from '../lineTable.ts';
import { OPERATOR_TEXT, TokenKind, type Token } from '../token.ts';
import { SyntaxErrorCode, type SyntaxIssue } from './syntaxErrors.ts';

/**
 * Thrown by a grammar rule after it recorded a syntax error, and caught where
 * the parser can resynchronise: at the next statement, or by a rule that was
 * only trying one alternative. Never escapes `parse`.
 */
export class ParseAbort {
  readonly isParseAbort = true;
}

const ABORT = new ParseAbort();

export class Parser {
  readonly source: string;
  readonly tokens: Token[];
  readonly issues: SyntaxIssue[];
  pos = 0;
  /** Nesting of recursive rules now open, bounded by PARSE_DEPTH_MAX. */
  depth = 0;
  /** Depth of the tree being built at the cursor, bounded by TREE_DEPTH_MAX. */
  treeDepth = 0;
  /**
   * Index of the furthest token looked at, which rewinding does not reduce.
   * CPython compares the line of that token with the line of a bracket left
   * open, to choose which error to report.
   */
  furthest = 0;
  /** End offset of the last consumed token. */
  previousEnd = 0;
  /**
   * Expressions written in parentheses, which CPython treats differently in a
   * few places (annotation targets, starred groups, target error messages).
   */
  readonly parenthesized = new WeakSet<Expr>();
  /** Nesting of f-string expression parses, bounded by FSTRING_DEPTH_MAX. */
  fstringDepth = 0;
  private lineTable: LineTable | null = null;

  constructor(source: string, tokens: Token[], issues: SyntaxIssue[], lineTable: LineTable | null = null) {
    this.source = source;
    this.tokens = tokens;
    this.issues = issues;
    this.lineTable = lineTable;
  }

  lines(): LineTable {
    this.lineTable ??= new LineTable(this.source);
    return this.lineTable;
  }

  /** Returns the 1-based line of `offset`, for messages that name a line. */
  lineOf(offset: number): number {
    return this.lines().lineOf(offset);
  }

  // ------------------------------------------------------------ cursor

  peek(ahead = 0): Token {
    const index = this.pos + ahead;
    const tokens = this.tokens;
    if (index > this.furthest) this.furthest = Math.min(index, tokens.length - 1);
    return index < tokens.length ? tokens[index]! : tokens[tokens.length - 1]!;
  }

  get kind(): TokenKind {
    return this.peek().kind;
  }

  at(kind: TokenKind): boolean {
    return this.peek().kind === kind;
  }

  /** True when the current token is the soft keyword or name `name`. */
  atName(name: string): boolean {
    const token = this.peek();
    return token.kind === TokenKind.Name && token.value === name;
  }

  advance(): Token {
    const token = this.peek();
    if (this.pos < this.tokens.length - 1) this.pos++;
    this.previousEnd = token.end;
    return token;
  }

  eat(kind: TokenKind): Token | null {
    return this.peek().kind === kind ? this.advance() : null;
  }

  /** Consumes a token of `kind` or fails with "invalid syntax" at the current token. */
  expect(kind: TokenKind): Token {
    if (this.peek().kind === kind) return this.advance();
    return this.failAtCurrent();
  }

  /**
   * Consumes a token of `kind` or fails with "expected 'X'", as CPython does
   * for forced tokens in its grammar.
   */
  expectForced(kind: TokenKind): Token {
    if (this.peek().kind === kind) return this.advance();
    return this.fail(`expected '${OPERATOR_TEXT.get(kind) ?? '?'}'`, this.peek());
  }

  /** Moves the cursor back to `pos`, as when an alternative did not match. */
  rewind(pos: number): void {
    this.pos = pos;
    this.previousEnd = pos > 0 ? this.tokens[pos - 1]!.end : 0;
  }

  // ------------------------------------------------------------ errors

  /** Records a syntax error without unwinding. */
  report(message: string, start: number, end: number, code: SyntaxIssue['code'] = SyntaxErrorCode.InvalidSyntax): void {
    if (this.issues.length < DIAGNOSTICS_MAX) {
      const reach = this.tokens[Math.max(this.furthest, this.pos)]!.start;
      this.issues.push({ code, message, start, end, origin: 'parser', reach });
    }
  }

  /** Records a syntax error at `where` and unwinds to the nearest recovery point. */
  fail(
    message: string,
    where: { start: number; end: number },
    code: SyntaxIssue['code'] = SyntaxErrorCode.InvalidSyntax,
  ): never {
    this.report(message, where.start, where.end, code);
    throw ABORT;
  }

  /** Returns the signal that unwinds to the nearest recovery point, for callers that recorded their own error. */
  abortSignal(): ParseAbort {
    return ABORT;
  }

  /** Fails with CPython's generic message at the current token. */
  failAtCurrent(): never {
    const token = this.peek();
    if (token.kind === TokenKind.Indent) {
      return this.fail('unexpected indent', token, SyntaxErrorCode.Indentation);
    }
    return this.fail('invalid syntax', token);
  }

  /**
   * Runs `rule` and returns its result, or returns null with the cursor and
   * the error list restored when it fails. For alternatives that can only be
   * told apart by trying them.
   */
  attempt<T>(rule: () => T): T | null {
    const pos = this.pos;
    const issueCount = this.issues.length;
    const depth = this.depth;
    const treeDepth = this.treeDepth;
    try {
      return rule();
    } catch (error) {
      if (!isParseAbort(error)) throw error;
      this.rewind(pos);
      this.issues.length = issueCount;
      this.depth = depth;
      this.treeDepth = treeDepth;
      return null;
    }
  }

  // ------------------------------------------------------------ nesting

  /** Enters one level of a recursive rule; fails when the nesting bound is reached. */
  enter(): void {
    if (++this.depth > PARSE_DEPTH_MAX) {
      this.fail(
        `too many nested expressions or blocks (more than ${PARSE_DEPTH_MAX}); split the code into smaller parts`,
        this.peek(),
        SyntaxErrorCode.TooDeep,
      );
    }
    this.deepenTree(1);
  }

  leave(): void {
    this.depth--;
    this.treeDepth--;
  }

  /**
   * Adds `levels` to the depth of the tree being built, as each link of a
   * left-associative chain does; fails when TREE_DEPTH_MAX is passed. The
   * caller gives the levels back with `this.treeDepth -= levels`.
   */
  deepenTree(levels: number): void {
    this.treeDepth += levels;
    if (this.treeDepth > TREE_DEPTH_MAX) {
      this.fail(
        `expression too deeply nested (more than ${TREE_DEPTH_MAX} levels); split it into smaller parts`,
        this.peek(),
        SyntaxErrorCode.TooDeep,
      );
    }
  }

  /** Marks `node` as written in parentheses. */
  markParenthesized<T extends Expr>(node: T): T {
    this.parenthesized.add(node);
    return node;
  }
}

export function isParseAbort(error: unknown): error is ParseAbort {
  return error instanceof ParseAbort;
}

/** Sets the span of `node` and returns it; helper for node construction. */
export function spanned<T extends Node>(node: T, start: number, end: number): T {
  node.start = start;
  node.end = end;
  return node;
}

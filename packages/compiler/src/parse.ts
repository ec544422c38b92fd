// Entry point of the front end: source text to a Module and diagnostics.

import type { Module } from './ast.ts';
import type { Diagnostic } from './diagnostic.ts';
import { makeDiagnostic } from './formatDiagnostic.ts';
import { SYNTAX_ERRORS_MAX } from './limits.ts';
import { LineTable } from './lineTable.ts';
import { parseFileStatements } from './parser/compound.ts';
import { Parser } from './parser/parser.ts';
import { SyntaxErrorCode, type SyntaxIssue } from './parser/syntaxErrors.ts';
import { tokenize } from './tokenizer.ts';

export interface ParseResult {
  /** The tree; statements that failed to parse are left out. */
  module: Module;
  /**
   * Syntax errors, the one CPython would report first, then the others in
   * source order, at most SYNTAX_ERRORS_MAX plus one final "too many syntax
   * errors" diagnostic. A null byte is reported alone, as CPython does.
   */
  diagnostics: Diagnostic[];
}

/**
 * Parses a file of the entity language. Never throws: syntax errors become
 * diagnostics and the parser resumes at the next statement, so the module
 * contains every statement that parsed. `fileName` is accepted for symmetry
 * with compile(); diagnostics carry no file name (formatDiagnostic adds it).
 */
export function parse(source: string, fileName = '<input>'): ParseResult {
  void fileName;
  const lineTable = new LineTable(source);
  let module: Module = { kind: 'Module', body: [], start: 0, end: source.length };
  let issues: SyntaxIssue[];
  try {
    const tokenized = tokenize(source);
    const nullByte = source.indexOf('\0');
    if (nullByte >= 0 && !tokenized.issues.some((issue) => issue.origin === 'source')) {
      tokenized.issues.push({
        code: SyntaxErrorCode.Tokenizer,
        message: 'source code string cannot contain null bytes',
        start: nullByte,
        end: nullByte + 1,
        origin: 'source',
      });
    }
    const parserIssues: SyntaxIssue[] = [];
    const parser = new Parser(source, tokenized.tokens, parserIssues, lineTable);
    module = { kind: 'Module', body: parseFileStatements(parser), start: 0, end: source.length };
    moveEndOfFileIssues(parserIssues, source);
    issues = capSyntaxIssues(orderSyntaxIssues(tokenized.issues, parserIssues, lineTable, endOfLastLine(source)));
  } catch (error) {
    // The bounds in limits.ts keep recursion shallow; this is the last guard
    // that keeps an unforeseen input from escaping as an exception.
    const reason = error instanceof RangeError ? 'the code is nested too deeply' : 'an internal parser error occurred';
    issues = [{
      code: SyntaxErrorCode.TooDeep,
      message: `could not parse the file: ${reason}; please simplify the code around here`,
      start: 0,
      end: Math.min(1, source.length),
      origin: 'parser',
    }];
  }
  const diagnostics = issues.map((issue) => makeDiagnostic(lineTable, issue.code, issue.message, issue));
  return { module, diagnostics };
}

/**
 * Cuts the ordered errors to what a person can act on. CPython rejects a
 * source with a null byte before tokenizing it, so that error stands alone;
 * the other errors of such a (usually binary) file are noise. Otherwise the
 * first SYNTAX_ERRORS_MAX errors are kept and one more diagnostic, at the
 * first error left out, says that reporting stopped.
 */
function capSyntaxIssues(issues: SyntaxIssue[]): SyntaxIssue[] {
  const sourceIssue = issues.find((issue) => issue.origin === 'source');
  if (sourceIssue !== undefined) return [sourceIssue];
  if (issues.length <= SYNTAX_ERRORS_MAX) return issues;

  const firstOmitted = issues[SYNTAX_ERRORS_MAX]!;
  return [...issues.slice(0, SYNTAX_ERRORS_MAX), {
    code: SyntaxErrorCode.TooManyErrors,
    message: `stopped reporting syntax errors after the first ${SYNTAX_ERRORS_MAX}. Fix those, or check that the file is Python source text`,
    start: firstOmitted.start,
    end: firstOmitted.end,
    origin: firstOmitted.origin,
  }];
}

/** Returns the offset where the last line's text ends, before a final newline. */
function endOfLastLine(source: string): number {
  let end = source.length;
  if (source.endsWith('\n')) end -= source.endsWith('\r\n') ? 2 : 1;
  else if (source.endsWith('\r')) end -= 1;
  return end;
}

/**
 * Moves errors found at the end-of-file tokens to the end of the last line,
 * where CPython reports them, instead of the empty line after a final
 * newline.
 */
function moveEndOfFileIssues(parserIssues: SyntaxIssue[], source: string): void {
  const end = endOfLastLine(source);
  for (const issue of parserIssues) {
    if (issue.start >= source.length) {
      issue.start = end;
      issue.end = end;
    }
  }
}

/**
 * Puts first the error CPython 3.11 reports for the file, then the rest in
 * source order. CPython stops at its first error, so a tokenizer error met
 * before the parser fails wins. After a parser error other than "unexpected
 * indent", CPython tokenizes the rest of the file, and the next tokenizer
 * SyntaxError there replaces the parser error. A tokenizer error state (bad
 * unindent, TabError) ends that scan instead. A bracket left open at the end
 * of the file wins when it was opened on an earlier line than the parser
 * error, or when the parser only failed at the end.
 */
function orderSyntaxIssues(
  tokenizerIssues: SyntaxIssue[],
  parserIssues: SyntaxIssue[],
  lineTable: LineTable,
  endOfFileOffset: number,
): SyntaxIssue[] {
  const unclosed = tokenizerIssues.find((issue) => issue.origin === 'unclosed') ?? null;
  // With a bracket open at the end, errors at the end-of-file tokens only
  // restate it.
  const parserErrors = unclosed === null
    ? parserIssues
    : parserIssues.filter((issue) => issue.start < endOfFileOffset);
  const all = [...tokenizerIssues, ...parserErrors];
  const primary = findPrimaryIssue(tokenizerIssues, parserErrors[0] ?? null, unclosed, lineTable);
  // When the unclosed bracket is the error, the rest of the file is inside
  // it, so parser errors after it only restate it; CPython reports it alone.
  const isRestatement = (issue: SyntaxIssue): boolean =>
    primary === unclosed && unclosed !== null && issue.origin === 'parser' && issue.start > unclosed.start;
  const rest = all.filter((issue) => issue !== primary && !isRestatement(issue)).sort((a, b) => a.start - b.start);
  return primary === null ? rest : [primary, ...rest];
}

function findPrimaryIssue(
  tokenizerIssues: SyntaxIssue[],
  firstParser: SyntaxIssue | null,
  unclosed: SyntaxIssue | null,
  lineTable: LineTable,
): SyntaxIssue | null {
  const sourceIssue = tokenizerIssues.find((issue) => issue.origin === 'source');
  if (sourceIssue !== undefined) return sourceIssue;

  const tokenizerErrors = tokenizerIssues.filter((issue) => issue.origin === 'tokenizer' || issue.origin === 'tokenizerState');
  if (firstParser === null) return tokenizerErrors[0] ?? unclosed;

  // A tokenizer error at the parser error's own token comes first: the
  // parser met it while reading that token.
  const before = tokenizerErrors.find((issue) => issue.start <= firstParser.start);
  if (before !== undefined) return before;
  if (firstParser.message === 'unexpected indent') return firstParser;

  // NOTE: CPython's second parse pass, which names the error, can look
  // further ahead than this parser, so about 1 file in 1,000 among random
  // mutations gets its first error on another line than CPython's.
  const after = tokenizerErrors.find((issue) => issue.start >= firstParser.start);
  if (after !== undefined) return after.origin === 'tokenizer' ? after : firstParser;
  const parserLine = lineTable.lineOf(firstParser.reach ?? firstParser.start);
  if (unclosed !== null && parserLine > lineTable.lineOf(unclosed.start)) return unclosed;
  return firstParser;
}

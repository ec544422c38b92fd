// Entry point of the front end: source text to a Module and diagnostics.

import type { Module } from './ast.ts';
import type { Diagnostic } from './diagnostic.ts';
import { makeDiagnostic } from './formatDiagnostic.ts';
import { LineTable } from './lineTable.ts';
import { parseFileStatements } from './parser/compound.ts';
import { Parser } from './parser/parser.ts';
import { SyntaxErrorCode, type SyntaxIssue } from './parser/syntaxErrors.ts';
import { tokenize } from './tokenizer.ts';

export interface ParseResult {
  /** The tree; statements that failed to parse are left out. */
  module: Module;
  /** Syntax errors, the one CPython would report first, then the others in source order. */
  diagnostics: Diagnostic[];
}

/**
 * Parses a file of the entity language. Never throws: syntax errors become
 * diagnostics and the parser resumes at the next statement, so the module
 * holds every statement that parsed.
 */
export function parse(source: string, fileName = '<input>'): ParseResult {
  void fileName;
  const lineTable = new LineTable(source);
  let module: Module = { kind: 'Module', body: [], start: 0, end: source.length };
  let issues: SyntaxIssue[];
  try {
    const tokenized = tokenize(source);
    const parserIssues: SyntaxIssue[] = [];
    const parser = new Parser(source, tokenized.tokens, parserIssues, lineTable);
    module = { kind: 'Module', body: parseFileStatements(parser), start: 0, end: source.length };
    issues = orderSyntaxIssues(tokenized.issues, parserIssues, lineTable, source.length);
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
 * Puts first the error CPython 3.11 reports for the file, then the rest in
 * source order. CPython stops at its first error but lets a tokenizer error
 * anywhere in the file take the place of a parser error (it tokenizes the rest
 * of the file to look for one), except after "unexpected indent", and reports
 * a bracket left open at the end of the file when it was opened on an earlier
 * line than the parser error, or when the parser only failed at the end.
 */
function orderSyntaxIssues(
  tokenizerIssues: SyntaxIssue[],
  parserIssues: SyntaxIssue[],
  lineTable: LineTable,
  sourceLength: number,
): SyntaxIssue[] {
  const unclosed = tokenizerIssues.find((issue) => issue.origin === 'unclosed') ?? null;
  const tokenizerErrors = tokenizerIssues.filter((issue) => issue.origin !== 'unclosed');
  const parserErrors = unclosed === null
    ? parserIssues
    : parserIssues.filter((issue) => issue.start < sourceLength);
  const firstParser = parserErrors[0] ?? null;
  const firstTokenizer = tokenizerErrors[0] ?? null;

  let primary: SyntaxIssue | null = null;
  if (firstTokenizer !== null) {
    const isIndentFirst = firstParser !== null && firstParser.message === 'unexpected indent'
      && firstParser.start < firstTokenizer.start;
    primary = isIndentFirst ? firstParser : firstTokenizer;
  } else if (unclosed !== null) {
    const isUnclosedFirst = firstParser === null
      || lineTable.lineOf(firstParser.start) > lineTable.lineOf(unclosed.start);
    primary = isUnclosedFirst ? unclosed : firstParser;
  } else {
    primary = firstParser;
  }

  const all = [...tokenizerIssues, ...parserErrors];
  const rest = all.filter((issue) => issue !== primary).sort((a, b) => a.start - b.start);
  return primary === null ? rest : [primary, ...rest];
}

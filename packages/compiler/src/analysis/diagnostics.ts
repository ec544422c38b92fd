// Collects the diagnostics of one compilation; the line table that gives
// them lines and columns is built on the first diagnostic.

import type { Span } from '../ast.ts';
import type { Diagnostic, Severity } from '../diagnostic.ts';
import { makeDiagnostic } from '../formatDiagnostic.ts';
import { LineTable } from '../lineTable.ts';

export class DiagnosticSink {
  readonly diagnostics: Diagnostic[] = [];
  private lines: LineTable | null = null;

  constructor(private readonly source: string) {}

  error(code: string, message: string, span: Span): void {
    this.add('error', code, message, span);
  }

  add(severity: Severity, code: string, message: string, span: Span): void {
    this.lines ??= new LineTable(this.source);
    this.diagnostics.push(makeDiagnostic(this.lines, code, message, span, severity));
  }

  get hasErrors(): boolean {
    return this.diagnostics.some((diagnostic) => diagnostic.severity === 'error');
  }
}

// The check of a client script before it runs: syntax errors, the
// compile-time errors CPython would raise, and the constructs the client
// interpreter (packages/runtime/src/client) does not run. Without it, such a
// construct fails only when the script reaches it, after the statements
// before it have already changed entity state.

import type { Module, Node } from '../ast.ts';
import { Code } from '../analysis/codes.ts';
import { DiagnosticSink } from '../analysis/diagnostics.ts';
import { forEachChild } from '../analysis/walk.ts';
import type { Diagnostic } from '../diagnostic.ts';
import { parse } from '../parse.ts';
import { findContextErrors } from './contextErrors.ts';

/** Modules a client script may import: the entities file is importable as `entities`, as in the CPython harness. */
const CLIENT_MODULES = new Set(['stateflow', 'typing', 'entities']);

export interface ClientCheckResult {
  /** The parsed script, or null when it has syntax errors. */
  module: Module | null;
  diagnostics: Diagnostic[];
}

/**
 * Checks a client script without running it. The diagnostics are syntax
 * errors (codes E00xx, as `parse` reports them, and E0010) or constructs
 * outside the client language (E02xx codes, the same as in entity files).
 */
export function checkClient(source: string, fileName = 'client.py'): ClientCheckResult {
  const parsed = parse(source, fileName);
  const syntaxErrors = parsed.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (syntaxErrors.length > 0) return { module: null, diagnostics: parsed.diagnostics };

  const contextErrors = findContextErrors(parsed.module.body, source);
  const sink = new DiagnosticSink(source);
  for (const statement of parsed.module.body) findUnsupported(statement, sink);
  const diagnostics = [...contextErrors, ...sink.diagnostics].sort((a, b) => a.span.start - b.span.start);
  return { module: parsed.module, diagnostics };
}

function findUnsupported(node: Node, sink: DiagnosticSink): void {
  switch (node.kind) {
    case 'With':
    case 'AsyncWith':
      sink.error(Code.withUnsupported, 'The with statement is not supported in client scripts; use try/finally instead.', keywordSpan(node, 4));
      return;
    case 'Match':
      sink.error(Code.matchUnsupported, 'The match statement is not supported in client scripts; use if/elif instead.', keywordSpan(node, 5));
      return;
    case 'AsyncFunctionDef':
    case 'AsyncFor':
      sink.error(Code.asyncUnsupported, `${node.kind === 'AsyncFor' ? 'async for' : 'async def'} is not supported in client scripts; use a plain ${node.kind === 'AsyncFor' ? 'for loop' : 'def'}.`, keywordSpan(node, 5));
      return;
    case 'Await':
      sink.error(Code.asyncUnsupported, 'await is not supported in client scripts; call the function directly.', node);
      return;
    case 'YieldFrom':
      sink.error(Code.yieldUnsupported, "'yield from' is not supported in client scripts; loop over the iterable and yield each item.", node);
      return;
    case 'TryStar':
      sink.error(Code.exceptStarUnsupported, 'except* is not supported in client scripts; use except.', keywordSpan(node, 3));
      return;
    case 'Import':
      for (const alias of node.names) {
        if (!CLIENT_MODULES.has(alias.name)) reportImport(alias.name, alias, sink);
      }
      return;
    case 'ImportFrom': {
      const module = '.'.repeat(node.level) + (node.module ?? '');
      if (node.level > 0 || !CLIENT_MODULES.has(module)) reportImport(module, node, sink);
      return;
    }
    case 'Constant':
      if (node.value.kind === 'bytes' || node.value.kind === 'complex') {
        sink.error(Code.unsupportedPlacement, `${node.value.kind} literals are not supported in client scripts.`, node);
      }
      return;
    default:
      forEachChild(node, (child) => findUnsupported(child, sink));
  }
}

function reportImport(module: string, span: Node, sink: DiagnosticSink): void {
  sink.error(Code.importUnsupported, `Cannot import '${module}': a client script may import only stateflow, typing and entities.`, span);
}

/** Returns the span of a statement's leading keyword, so an editor underlines `with` rather than the whole block. */
function keywordSpan(node: Node, length: number): { start: number; end: number } {
  return { start: node.start, end: Math.min(node.end, node.start + length) };
}

// Resolves names imported from `stateflow` and `typing`, the only modules an
// entity program may import.

import type { Expr, Import, ImportFrom } from '../ast.ts';
import { Code } from './codes.ts';
import type { DiagnosticSink } from './diagnostics.ts';

export const ALLOWED_MODULES = new Set(['stateflow', 'typing']);
const STATEFLOW_NAMES = ['entity', 'stateflow', 'transactional', 'invariant'] as const;
export type StateflowName = (typeof STATEFLOW_NAMES)[number];

export class ImportTable {
  /** Local name -> stateflow name, from `from stateflow import x [as y]` or `*`. */
  private readonly stateflowNames = new Map<string, StateflowName>();
  /** Local names bound to the `stateflow` module itself. */
  private readonly stateflowModules = new Set<string>();

  /** Records an import statement, reporting modules outside the entity language. */
  add(statement: Import | ImportFrom, sink: DiagnosticSink): void {
    if (statement.kind === 'Import') {
      for (const alias of statement.names) {
        const root = alias.name.split('.')[0]!;
        if (!ALLOWED_MODULES.has(root)) {
          reportImport(alias.name, alias, sink);
        } else if (alias.name === 'stateflow') {
          this.stateflowModules.add(alias.asname ?? 'stateflow');
        }
      }
      return;
    }

    const module = statement.module ?? '';
    if (statement.level > 0 || !ALLOWED_MODULES.has(module)) {
      reportImport('.'.repeat(statement.level) + module, statement, sink);
      return;
    }
    if (module !== 'stateflow') return;
    for (const alias of statement.names) {
      if (alias.name === '*') {
        for (const name of STATEFLOW_NAMES) this.stateflowNames.set(name, name);
      } else if ((STATEFLOW_NAMES as readonly string[]).includes(alias.name)) {
        this.stateflowNames.set(alias.asname ?? alias.name, alias.name as StateflowName);
      }
    }
  }

  /**
   * The stateflow name a decorator expression refers to (`@entity`,
   * `@stateflow.entity`, `@entity()`), or null when it is something else.
   */
  resolveDecorator(decorator: Expr): { name: StateflowName; imported: boolean } | null {
    const expr = decorator.kind === 'Call' ? decorator.func : decorator;
    if (expr.kind === 'Name') {
      const imported = this.stateflowNames.get(expr.id);
      if (imported !== undefined) return { name: imported, imported: true };
      if ((STATEFLOW_NAMES as readonly string[]).includes(expr.id)) {
        return { name: expr.id as StateflowName, imported: false };
      }
      return null;
    }
    if (expr.kind === 'Attribute' && expr.value.kind === 'Name' && this.stateflowModules.has(expr.value.id)) {
      if ((STATEFLOW_NAMES as readonly string[]).includes(expr.attr)) {
        return { name: expr.attr as StateflowName, imported: true };
      }
    }
    return null;
  }
}

function reportImport(moduleName: string, span: { start: number; end: number }, sink: DiagnosticSink): void {
  sink.error(
    Code.importUnsupported,
    `Import of module '${moduleName}' is not supported: entity programs may import only 'stateflow' and 'typing'.`,
    span,
  );
}

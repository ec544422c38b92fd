// Helpers that compile small entity programs for tests.
import { compile } from '../../src/compile.ts';
import type { Diagnostic } from '../../src/diagnostic.ts';

/** Removes the common indentation of a template literal's lines. */
export function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').split('\n');
  const indents = lines.filter((line) => line.trim() !== '').map((line) => line.length - line.trimStart().length);
  const common = Math.min(...indents);
  return lines.map((line) => line.slice(common)).join('\n');
}

/** `[line, code]` of every diagnostic of a program. */
export function diagnosticsOf(source: string): [number, string][] {
  return compile(source).diagnostics.map((diagnostic: Diagnostic) => [diagnostic.line, diagnostic.code]);
}

export const HEADER = 'from typing import Any, Dict, List, Optional\nfrom stateflow import entity, transactional, invariant\n\n';

/** An `Item` entity (line 4..) followed by `body` at line 16 onwards. */
export function withItem(body: string): string {
  return HEADER + dedent(`
    @entity
    class Item:
        def __init__(self, name: str, price: int = 0):
            self.name: str = name
            self.price: int = price

        def __key__(self):
            return self.name

        def set_price(self, price: int, *, reason: str = "") -> None:
            self.price = price

    `) + dedent(body);
}

// Golden fixtures of method splitting: each `fixtures/split/NN-name.py` is
// compiled and the block graphs of its split methods are compared with the
// listing in `NN-name.json`. Run with UPDATE_FIXTURES=1 to rewrite the
// listings, then review the diff.

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { compile } from '../../src/compile.ts';
import { methodListing } from '../../src/emit/blockText.ts';

const fixtureDir = fileURLToPath(new URL('../fixtures/split/', import.meta.url));
const isUpdating = process.env['UPDATE_FIXTURES'] === '1';
const sources = readdirSync(fixtureDir).filter((name) => name.endsWith('.py')).sort();

function renderProgram(source: string, fileName: string): Record<string, unknown> {
  const result = compile(source, fileName);
  const errors = result.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`);
  if (result.ir === null) return { errors };
  const rendered: Record<string, unknown> = {};
  const notSplit: string[] = [];
  for (const entity of result.ir.entities) {
    for (const method of entity.methods) {
      if (method.isSplit) rendered[method.qualifiedName] = methodListing(method);
      else notSplit.push(method.qualifiedName);
    }
  }
  rendered['notSplit'] = notSplit;
  return rendered;
}

/** JSON with lists of strings kept on one line, so a block reads as a few lines. */
function formatFixture(value: unknown, indent: string): string {
  if (Array.isArray(value)) {
    if (value.every((item) => typeof item === 'string')) return JSON.stringify(value).replace(/","/g, '", "');
    const inner = indent + '  ';
    return `[\n${value.map((item) => inner + formatFixture(item, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const inner = indent + '  ';
    const entries = Object.entries(value).map(([key, item]) => `${inner}${JSON.stringify(key)}: ${formatFixture(item, inner)}`);
    return `{\n${entries.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

describe('split fixtures', () => {
  test('fixture directory has programs', () => {
    expect(sources.length).toBeGreaterThan(0);
  });

  for (const name of sources) {
    test(name, () => {
      const source = readFileSync(join(fixtureDir, name), 'utf8');
      const rendered = renderProgram(source, name);
      const expectedPath = join(fixtureDir, name.replace(/\.py$/, '.json'));
      const text = `${formatFixture(rendered, '')}\n`;
      if (isUpdating) writeFileSync(expectedPath, text);
      expect(rendered).not.toHaveProperty('errors');
      expect(existsSync(expectedPath), `${expectedPath} is missing: run with UPDATE_FIXTURES=1`).toBe(true);
      expect(text).toBe(readFileSync(expectedPath, 'utf8'));
    });
  }
});

// Parses every broken program under test/fixtures/syntax-errors and requires
// the first diagnostic on the line where CPython 3.11 reports its error, with
// CPython's message. CPython's error comes from compile() with
// ast.PyCF_ONLY_AST (parser errors only) in one batched python3 process.

import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { parse } from '../../src/parse.ts';
import { parseWithCPython, type CPythonResult } from './cpython.ts';

const FIXTURE_DIR = new URL('../fixtures/syntax-errors/', import.meta.url);
const files = readdirSync(FIXTURE_DIR).filter((name) => name.endsWith('.py')).sort();
const sources = files.map((name) => readFileSync(new URL(name, FIXTURE_DIR), 'utf8'));
const cases = files.map((name, index) => [name, index] as const);

describe('syntax error fixtures', () => {
  let reference: CPythonResult[] = [];

  beforeAll(() => {
    reference = parseWithCPython(sources);
  });

  test('corpus has at least 30 broken programs', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
  });

  test.each(cases)('%s reported on CPython line', (name, index) => {
    const expected = reference[index]!;
    expect(expected.ok, `CPython accepts ${name}`).toBe(false);
    const { diagnostics } = parse(sources[index]!, name);
    expect(diagnostics.length).toBeGreaterThan(0);
    const first = diagnostics[0]!;
    const cpythonLine = expected.ok ? null : expected.line;
    const cpythonMessage = expected.ok ? '' : expected.message;
    expect(
      first.line,
      `first diagnostic "${first.message}"; CPython: line ${cpythonLine} "${cpythonMessage}"`,
    ).toBe(cpythonLine);
    expect(first.code).toMatch(/^E000[1-9]$/);
  });

  test.each(cases)('%s has CPython message', (name, index) => {
    const expected = reference[index]!;
    const { diagnostics } = parse(sources[index]!, name);
    expect(diagnostics[0]?.message).toBe(expected.ok ? null : expected.message);
  });
});

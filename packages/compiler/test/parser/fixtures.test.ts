// Parses every fixture under test/fixtures/parse with Entflow and with
// CPython 3.11 and requires identical `ast.dump` text, with and without
// positions.

import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { dumpAst } from '../../src/dumpAst.ts';
import { LineTable } from '../../src/lineTable.ts';
import { parse } from '../../src/parse.ts';
import { parseWithCPython, type CPythonResult } from './cpython.ts';

const FIXTURE_DIR = new URL('../fixtures/parse/', import.meta.url);
const files = readdirSync(FIXTURE_DIR).filter((name) => name.endsWith('.py')).sort();
const sources = files.map((name) => readFileSync(new URL(name, FIXTURE_DIR), 'utf8'));

describe('parser fixtures', () => {
  let reference: CPythonResult[] = [];

  beforeAll(() => {
    reference = parseWithCPython(sources, { attributes: true });
  });

  test('corpus has at least 150 fixtures', () => {
    expect(files.length).toBeGreaterThanOrEqual(150);
  });

  test.each(files.map((name, index) => [name, index] as const))('%s matches ast.dump', (name, index) => {
    const expected = reference[index]!;
    expect(expected.ok, `CPython rejects fixture ${name}`).toBe(true);
    const result = parse(sources[index]!, name);
    expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([]);
    expect(dumpAst(result.module)).toBe(expected.ok ? expected.dump : '');
  });

  test.each(files.map((name, index) => [name, index] as const))('%s positions match', (name, index) => {
    const expected = reference[index]!;
    const source = sources[index]!;
    const result = parse(source, name);
    const actual = dumpAst(result.module, { lineTable: new LineTable(source) });
    expect(actual).toBe(expected.ok ? expected.attributes : '');
  });
});

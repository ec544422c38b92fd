// The parse() entry point: recovery across statements, bounds on nesting,
// diagnostic positions and formatting, and the line table.

import { describe, expect, test } from 'vitest';
import { dumpAst } from '../../src/dumpAst.ts';
import { formatDiagnostic, makeDiagnostic } from '../../src/formatDiagnostic.ts';
import { LineTable } from '../../src/lineTable.ts';
import { parse } from '../../src/parse.ts';

function firstMessages(source: string): string[] {
  return parse(source).diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`);
}

describe('parse', () => {
  test('recovers and reports several statements', () => {
    const source = 'a = 1\nb = = 2\nc = 3\nd = (\ne = 4\nif x\n    y = 5\nz = 6\n';
    const { module, diagnostics } = parse(source);
    expect(diagnostics.length).toBeGreaterThanOrEqual(2);
    expect(diagnostics[0]!.line).toBe(2);
    expect(diagnostics[0]!.message).toBe('invalid syntax');
    const names = module.body.flatMap((s) => (s.kind === 'Assign' && s.targets[0]!.kind === 'Name' ? [s.targets[0]!.id] : []));
    expect(names).toContain('a');
    expect(names).toContain('c');
  });

  test('errors in separate statements each reported', () => {
    const source = 'x = = 1\ny = 2\nf() = 3\nz = 4\nfor in y: pass\n';
    const lines = parse(source).diagnostics.map((d) => d.line);
    expect(lines).toEqual([1, 3, 5]);
  });

  test('error inside a block keeps the block', () => {
    const source = 'def f():\n    x = = 1\n    return 2\n';
    const { module, diagnostics } = parse(source);
    expect(diagnostics.map((d) => d.line)).toEqual([2]);
    expect(module.body[0]!.kind).toBe('FunctionDef');
  });

  test('deep nesting becomes a diagnostic', () => {
    const cases = [
      '('.repeat(1000) + '1' + ')'.repeat(1000),
      '-'.repeat(5000) + '1',
      'not '.repeat(3000) + 'x',
      'x = ' + 'lambda: '.repeat(500) + '1',
      'x = ' + '1 if a else '.repeat(500) + '2',
      'x = ' + '2 ** '.repeat(1000) + '2',
      'x = ' + '1 + '.repeat(600) + '1',
      'x = a' + '.b'.repeat(600),
      'x = f' + '()'.repeat(600),
      'await '.repeat(1000) + 'x',
      Array.from({ length: 150 }, (_, level) => `${' '.repeat(level)}if x:`).join('\n') + '\n' + ' '.repeat(150) + 'pass\n',
      'f"{' + 'f\'{'.repeat(10) + 'x' + '}\''.repeat(10) + '}"',
    ];
    for (const source of cases) {
      const result = parse(source);
      expect(result.module.kind).toBe('Module');
      expect(result.diagnostics.length, source.slice(0, 40)).toBeGreaterThan(0);
    }
    expect(parse('-'.repeat(5000) + '1').diagnostics[0]!.code).toBe('E0004');
  });

  test('nesting below the bound parses', () => {
    expect(parse('('.repeat(150) + '1' + ')'.repeat(150)).diagnostics).toEqual([]);
    expect(parse('-'.repeat(150) + '1').diagnostics).toEqual([]);
    expect(parse('['.repeat(150) + ']'.repeat(150)).diagnostics).toEqual([]);
    const longSum = parse('x = ' + '1 + '.repeat(400) + '1');
    expect(longSum.diagnostics).toEqual([]);
    expect(dumpAst(longSum.module).length).toBeGreaterThan(0);
  });

  test('odd inputs never throw', () => {
    const inputs = ['', '\n', '\r\n\r\n', ' ', '\t\t', '\\', '\\\n', '#', "'", '"""', 'f"{', "f'{x!", '\0', '\ud800',
      '(', ')', ']', '}', 'if', 'def', 'class', '@', 'lambda', 'match', 'match x:', 'case', 'try:', 'else:',
      ' x', '\fx', 'x\f', '\u00a0', '😀', 'é = 1', '1__', '0x', '1e', '...', '.', ':=', '**', 'yield from',
      'async', 'await', 'from', 'import', 'from . import', 'global', 'del', 'assert', 'raise from', 'return return'];
    for (const source of inputs) {
      const result = parse(source);
      expect(result.module.kind, JSON.stringify(source)).toBe('Module');
    }
  });

  test('diagnostics carry 1-based line and column', () => {
    const { diagnostics } = parse('x = 1\ny = (1,\n  2]\n');
    expect(diagnostics[0]).toMatchObject({
      code: 'E0003',
      severity: 'error',
      message: "closing parenthesis ']' does not match opening parenthesis '(' on line 2",
      line: 3,
      column: 4,
      endLine: 3,
      endColumn: 5,
    });
  });

  test('formatDiagnostic prints file, line, column, code', () => {
    const { diagnostics } = parse('if x\n    pass\n');
    expect(formatDiagnostic('app.py', diagnostics[0]!)).toBe("app.py:1:5: error E0001: expected ':'");
  });

  test('makeDiagnostic computes positions from a line table', () => {
    const table = new LineTable('ab\ncdé\r\nf');
    const diagnostic = makeDiagnostic(table, 'E0101', 'message', { start: 4, end: 9 }, 'warning');
    expect(diagnostic).toMatchObject({ line: 2, column: 2, endLine: 3, endColumn: 2, severity: 'warning' });
  });

  test('line table handles all newline forms', () => {
    const table = new LineTable('a\nb\r\nc\rd');
    expect(table.lineCount).toBe(4);
    expect(table.position(0)).toEqual({ line: 1, column: 0 });
    expect(table.position(2)).toEqual({ line: 2, column: 0 });
    expect(table.position(5)).toEqual({ line: 3, column: 0 });
    expect(table.position(7)).toEqual({ line: 4, column: 0 });
    expect(table.lineStart(3)).toBe(5);
  });

  test('line table counts UTF-8 columns', () => {
    const table = new LineTable('é😀x');
    expect(table.utf8Column(1)).toBe(2);
    expect(table.utf8Column(3)).toBe(6);
    expect(table.position(3)).toEqual({ line: 1, column: 3 });
  });

  test('match patterns keep their span', () => {
    const source = 'match x:\n    case [a, *b] if a:\n        pass\n';
    const { module } = parse(source);
    const match = module.body[0]!;
    expect(match.kind).toBe('Match');
    if (match.kind !== 'Match') return;
    const { patternSpan } = match.cases[0]!;
    expect(source.slice(patternSpan.start, patternSpan.end)).toBe('[a, *b]');
    expect(dumpAst(match)).toContain('pattern=MatchPattern(start=18, end=25)');
  });

  test('nameSpan points at the defined name', () => {
    const source = '@d\nasync def run(): pass\nclass Item: pass\n';
    const { module } = parse(source);
    const [run, item] = module.body;
    if (run?.kind !== 'AsyncFunctionDef' || item?.kind !== 'ClassDef') throw new Error('unexpected statements');
    expect(source.slice(run.nameSpan.start, run.nameSpan.end)).toBe('run');
    expect(source.slice(item.nameSpan.start, item.nameSpan.end)).toBe('Item');
  });

  test('f-string errors carry the f-string prefix', () => {
    expect(firstMessages("x = f'{a b}'")).toEqual(['1:8 E0001 f-string: invalid syntax. Perhaps you forgot a comma?']);
    expect(firstMessages("x = f'{}'")[0]).toContain('f-string: empty expression not allowed');
  });

  test('unknown \\N name is reported', () => {
    expect(firstMessages("x = '\\N{NO SUCH NAME}'")[0]).toContain('unknown Unicode character name');
    expect(parse("x = '\\N{bullet}'").diagnostics).toEqual([]);
  });
});

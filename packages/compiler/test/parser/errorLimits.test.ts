// Bounds on the syntax errors of one file: a null byte is reported alone, as
// CPython's compile() reports it, and a file that is not Python source (a
// binary, a mangled paste) yields a short list ending in one "stopped
// reporting" diagnostic.

import { describe, expect, test } from 'vitest';
import { compile } from '../../src/compile.ts';
import { SYNTAX_ERRORS_MAX } from '../../src/limits.ts';
import { parse } from '../../src/parse.ts';
import { parseWithCPython } from './cpython.ts';

/** Text shaped like an executable read as Latin-1: control characters and stray bytes on many lines. */
function binaryLikeText(withNullBytes: boolean): string {
  const lines: string[] = [];
  for (let i = 0; i < 400; i++) {
    const filler = String.fromCharCode(0x7f, 0x02 + (i % 20), 0xe9, 0x01);
    lines.push(`ELF${withNullBytes ? '\0\0' : ''}${filler}@@ ${i} }{ ) ${filler}`);
  }
  return lines.join('\n');
}

describe('syntax error limits', () => {
  test('null byte reported once like CPython', () => {
    const source = 'x = 1\n\0\ny = (\n\0 = 2\n';
    const [reference] = parseWithCPython([source]);
    const { diagnostics } = parse(source);

    expect(reference).toMatchObject({ ok: false, type: 'SyntaxError' });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.message).toBe(reference!.ok ? '' : reference!.message);
    expect(diagnostics[0]!.line).toBe(2);
    expect(diagnostics[0]!.column).toBe(1);
  });

  test('binary file with null bytes gives one diagnostic', () => {
    const source = binaryLikeText(true);
    const parsed = parse(source);
    const compiled = compile(source);

    expect(parsed.diagnostics.map((d) => d.message)).toEqual(['source code string cannot contain null bytes']);
    expect(compiled.ir).toBeNull();
    expect(compiled.diagnostics).toHaveLength(1);
  });

  test('binary file without null bytes is capped', () => {
    const source = binaryLikeText(false);
    const { diagnostics } = parse(source);
    const last = diagnostics[diagnostics.length - 1]!;

    expect(diagnostics).toHaveLength(SYNTAX_ERRORS_MAX + 1);
    expect(last.code).toBe('E0011');
    expect(last.message).toBe(`stopped reporting syntax errors after the first ${SYNTAX_ERRORS_MAX}. Fix those, or check that the file is Python source text`);
    expect(compile(source).diagnostics).toEqual(diagnostics);
  });

  test('errors up to the cap all reported', () => {
    const source = Array.from({ length: SYNTAX_ERRORS_MAX }, (_, i) => `x${i} = = ${i}\n`).join('');
    const { diagnostics } = parse(source);

    expect(diagnostics.map((d) => d.line)).toEqual(Array.from({ length: SYNTAX_ERRORS_MAX }, (_, i) => i + 1));
    expect(diagnostics.some((d) => d.code === 'E0011')).toBe(false);
  });

  test('cap diagnostic placed after kept errors', () => {
    const count = SYNTAX_ERRORS_MAX + 5;
    const source = Array.from({ length: count }, (_, i) => `x${i} = = ${i}\n`).join('');
    const { diagnostics } = parse(source);

    expect(diagnostics).toHaveLength(SYNTAX_ERRORS_MAX + 1);
    expect(diagnostics.slice(0, SYNTAX_ERRORS_MAX).map((d) => d.line)).toEqual(Array.from({ length: SYNTAX_ERRORS_MAX }, (_, i) => i + 1));
    expect(diagnostics[SYNTAX_ERRORS_MAX]!.line).toBe(SYNTAX_ERRORS_MAX + 1);
  });
});

// Line, column and exception class of the first syntax error, compared with
// CPython 3.11's ast.parse, for errors whose position once differed:
// TabError, an unclosed bracket followed by more code, and errors inside
// string literals. An unclosed bracket also gets no second diagnostic.

import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, test } from 'vitest';
import { parse } from '../../src/parse.ts';

const SOURCES = [
  'class A:\n    def f(self):\n        return 1\n\tdef g(self):\n\t\treturn 2\n',
  'class A:\n    x = 1\n\ty = 2\n',
  'if 1:\n        x = 1\n  \ty = 2\n',
  'def f():\n    x = [1, 2\n    return x\n',
  'x = {1: (2,\ny = 3\n',
  'x = f"{v!z}"\n',
  'def f(v):\n    return f"{v!z}"\n',
  'x = (f"{v}"\n     f"{v!q}")\n',
  'x = f"{v"\n',
  'x = f"}"\n',
  'x = f"{}"\n',
  'x = b"a" "b"\n',
];

const CLASS_OF_CODE: Record<string, string> = { E0002: 'IndentationError', E0005: 'TabError' };

interface Reference {
  type: string;
  line: number;
  column: number;
}

function parseWithCPython(sources: string[]): Reference[] {
  const script = `
import ast, json, sys
out = []
for source in json.load(sys.stdin):
    try:
        ast.parse(source)
        out.append(None)
    except SyntaxError as error:
        out.append({"type": type(error).__name__, "line": error.lineno, "column": error.offset})
print(json.dumps(out))
`;
  const run = spawnSync('python3', ['-c', script], { input: JSON.stringify(sources), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`python3 failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Reference[];
}

describe('syntax error positions', () => {
  let reference: Reference[] = [];

  beforeAll(() => {
    reference = parseWithCPython(SOURCES);
  });

  test.each(SOURCES.map((source, index) => [JSON.stringify(source), index] as const))('%s matches CPython', (_name, index) => {
    const expected = reference[index]!;
    const first = parse(SOURCES[index]!, 't.py').diagnostics[0];
    expect(first?.line).toBe(expected.line);
    expect(first?.column).toBe(expected.column);
    expect(CLASS_OF_CODE[first!.code] ?? 'SyntaxError').toBe(expected.type);
  });

  test('unclosed bracket reported alone', () => {
    const { diagnostics } = parse('def f():\n    x = [1, 2\n    return x\n', 't.py');
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual(["2:9 '[' was never closed"]);
  });
});

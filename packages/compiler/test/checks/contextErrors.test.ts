// Compares the compile-time syntax errors (`return` outside a function and
// the like) with CPython 3.11's compile() of the same source: same message,
// line and column for the first error, and no error where CPython has none.

import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, test } from 'vitest';
import { findContextErrors } from '../../src/checks/contextErrors.ts';
import { compile } from '../../src/compile.ts';
import { parse } from '../../src/parse.ts';

const SOURCES = [
  'return 1\n',
  'class A:\n    return 1\n',
  'yield 1\n',
  'x = await f()\n',
  'def f():\n    await g()\n',
  'class A:\n    yield 1\n',
  'def f():\n    return [(yield y) for y in z]\n',
  'def f():\n    return {k: (yield) for k in z}\n',
  'def f():\n    return [await y for y in z]\n',
  'def f():\n    return [y async for y in z]\n',
  '[x async for x in y]\n',
  'break\n',
  'continue\n',
  'for x in y:\n    def g():\n        break\n',
  'while 1:\n    class A:\n        continue\n',
  'for x in y:\n    pass\nelse:\n    break\n',
  'nonlocal x\n',
  'async def f():\n    yield from g()\n',
  'x = lambda: (yield)\n',
  'async def f():\n    return [x async for x in y]\n',
  'def f():\n    return (x async for x in y)\n',
  'def f():\n    yield from g()\n',
  'for x in y:\n    if x:\n        break\n    continue\n',
  'def f():\n    return [x for x in (yield)]\n',
  'async def f():\n    await g()\n',
];

interface Reference {
  message: string | null;
  line: number;
  column: number;
}

function compileWithCPython(sources: string[]): Reference[] {
  const script = `
import json, sys
out = []
for source in json.load(sys.stdin):
    try:
        compile(source, "t.py", "exec")
        out.append({"message": None, "line": 0, "column": 0})
    except SyntaxError as error:
        out.append({"message": error.msg, "line": error.lineno, "column": error.offset})
print(json.dumps(out))
`;
  const run = spawnSync('python3', ['-c', script], { input: JSON.stringify(sources), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`python3 failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Reference[];
}

describe('context errors', () => {
  let reference: Reference[] = [];

  beforeAll(() => {
    reference = compileWithCPython(SOURCES);
  });

  test.each(SOURCES.map((source, index) => [JSON.stringify(source), index] as const))('%s matches CPython', (_name, index) => {
    const source = SOURCES[index]!;
    const parsed = parse(source, 't.py');
    expect(parsed.diagnostics).toEqual([]);
    const errors = findContextErrors(parsed.module.body, source);
    const expected = reference[index]!;
    if (expected.message === null) {
      expect(errors).toEqual([]);
      return;
    }
    expect(errors[0]?.message).toBe(expected.message);
    expect(errors[0]?.line).toBe(expected.line);
    expect(errors[0]?.column).toBe(expected.column);
    expect(errors[0]?.code).toBe('E0010');
  });

  test('compile rejects entity file with break at module level', () => {
    const source = 'from stateflow import entity\nbreak\n';
    const result = compile(source, 't.py');
    expect(result.ir).toBeNull();
    expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual(["2:1 E0010 'break' outside loop"]);
  });

  test('compile rejects await and async comprehension in entity method', () => {
    const source = [
      'from stateflow import entity',
      '@entity',
      'class A:',
      '    def __key__(self):',
      '        return "a"',
      '    def f(self, z: list):',
      '        return [y async for y in z]',
      '    def g(self):',
      '        return await self.f([])',
      '',
    ].join('\n');
    const result = compile(source, 't.py');
    expect(result.ir).toBeNull();
    expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual([
      '7:16 E0010 asynchronous comprehension outside of an asynchronous function',
      "9:16 E0010 'await' outside async function",
    ]);
  });
});

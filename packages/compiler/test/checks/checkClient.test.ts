// checkClient on client scripts: syntax errors, CPython's compile-time
// errors, constructs the client interpreter does not run, and the corpus
// clients, which must all pass.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkClient } from '../../src/checks/checkClient.ts';

function listed(source: string): string[] {
  return checkClient(source, 'client.py').diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`);
}

describe('checkClient', () => {
  test('unclosed bracket is a syntax error', () => {
    const result = checkClient('print(1)\nx = (1 +\n', 'client.py');
    expect(result.module).toBeNull();
    expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual(["2:5 E0003 '(' was never closed"]);
  });

  test('unexpected indent is an indentation error', () => {
    expect(listed('print(1)\n\tx = 1\n')).toEqual(['2:1 E0002']);
  });

  test.each([
    ['with', 'with a:\n    pass\n', '1:1 E0210'],
    ['match', 'match a:\n    case 1:\n        pass\n', '1:1 E0211'],
    ['async def', 'async def f():\n    pass\n', '1:1 E0207'],
    ['async def in function', 'def g():\n    async def f():\n        pass\n', '2:5 E0207'],
    ['yield from', 'def g():\n    yield from [1]\n', '2:5 E0208'],
    ['except star', 'try:\n    pass\nexcept* ValueError:\n    pass\n', '1:1 E0223'],
    ['import os', 'import os\n', '1:8 E0209'],
    ['from import', 'from collections import deque\n', '1:1 E0209'],
    ['relative import', 'from . import entities\n', '1:1 E0209'],
    ['bytes literal', "x = b'a'\n", '1:5 E0224'],
    ['yield at top level', 'yield 1\n', '1:1 E0010'],
    ['return at top level', 'return 1\n', '1:1 E0010'],
    ['async comprehension', 'x = [y async for y in z]\n', '1:5 E0010'],
  ])('%s is rejected', (_name, source, expected) => {
    expect(listed(source)).toEqual([expected]);
  });

  test('errors listed in source order', () => {
    expect(listed('with a:\n    pass\nbreak\nimport os\n')).toEqual(['1:1 E0210', '3:1 E0010', '4:8 E0209']);
  });

  test.each([
    ['generator function', 'def g():\n    yield 1\nprint(list(g()))\n'],
    ['allowed imports', 'import typing\nfrom typing import List\nfrom stateflow import entity\nimport entities\nfrom entities import *\n'],
    ['loops and handlers', 'for i in range(3):\n    try:\n        continue\n    finally:\n        pass\n'],
    ['nested functions', 'def f():\n    def g():\n        return 1\n    return g()\n'],
  ])('%s is accepted', (_name, source) => {
    expect(listed(source)).toEqual([]);
  });

  test('corpus clients pass', () => {
    const corpus = new URL('../../../../corpus/', import.meta.url);
    const names = readdirSync(corpus).filter((name) => existsSync(new URL(`${name}/client.py`, corpus)));
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) {
      const source = readFileSync(new URL(`${name}/client.py`, corpus), 'utf8');
      expect(checkClient(source, 'client.py').diagnostics, name).toEqual([]);
    }
  });
});

// Order of compile()'s diagnostics: by line and column, so the command line
// and the IDE list them top to bottom, except that the syntax error CPython
// reports for the file stays first.

import { describe, expect, test } from 'vitest';
import { compile } from '../../src/compile.ts';
import { parseWithCPython } from '../parser/cpython.ts';
import { dedent } from '../support/programs.ts';

function positions(source: string): string[] {
  return compile(source).diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`);
}

describe('compile diagnostic order', () => {
  test('analysis errors in line order', () => {
    // The analysis finds imports and async methods in earlier passes than
    // the per-class checks, so its own order is not the source order.
    const source = dedent(`
      from stateflow import entity

      @entity
      class Cart:
          def __init__(self):
              self.n = 0

          def add(self, item):
              item.bump()
              yield self.n

          async def f(self):
              pass

      import os

      @entity
      class Other:
          def __key__(self):
              return "o"
          def g(self, c: Cart):
              c.n = 1
              with open('x'):
                  pass
    `);

    expect(positions(source)).toEqual([
      '4:7 E0201', '9:9 E0202', '10:9 E0208', '12:15 E0207', '15:8 E0209', '22:9 E0206', '23:9 E0210',
    ]);
  });

  test('same line ordered by column', () => {
    const source = 'import os\nimport json, sys, os\n';

    expect(positions(source)).toEqual(['1:8 E0209', '2:8 E0209', '2:14 E0209', '2:19 E0209']);
  });

  test('CPython syntax error stays first', () => {
    const source = 'x = 1 +\ny = 2\nz = "abc\n';
    const [reference] = parseWithCPython([source]);
    const diagnostics = compile(source).diagnostics;

    expect(reference).toMatchObject({ ok: false, line: 3 });
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '3:5 unterminated string literal (detected at line 3)',
      '1:8 invalid syntax',
    ]);
  });
});

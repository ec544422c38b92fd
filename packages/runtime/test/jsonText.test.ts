// toJsonText against Python's json.dumps: the state of an entity program in
// direct mode with exact floats must be the same JSON text as the reference
// harness's state written by json.dumps.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { compile } from '@entflow/compiler';
import { describe, expect, it } from 'vitest';

import { JsonFloat, runDirect, toJsonText } from '../src/index.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const ENTITIES = join(import.meta.dirname, 'programs', 'json-floats.entities.py');
const CLIENT = join(import.meta.dirname, 'programs', 'json-floats.client.py');

/** The reference harness's state, written by json.dumps with compact separators. */
function referenceStateText(): string {
  const script = [
    'import json, subprocess, sys',
    'out = subprocess.run([sys.executable, sys.argv[1], sys.argv[2], sys.argv[3]], capture_output=True, text=True, check=True).stdout',
    'print(json.dumps(json.loads(out)["state"], separators=(",", ":"), ensure_ascii=False))',
  ].join('\n');
  const runner = join(ROOT, 'corpus', 'reference', 'run_reference.py');
  return execFileSync('python3', ['-c', script, runner, ENTITIES, CLIENT], { encoding: 'utf8', env: { ...process.env, PYTHONHASHSEED: '0' } }).trim();
}

describe('toJsonText', () => {
  it('writes state like json.dumps', () => {
    const compiled = compile(readFileSync(ENTITIES, 'utf8'), 'entities.py');
    expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const result = runDirect(compiled.ir!, readFileSync(CLIENT, 'utf8'), { exactFloats: true });
    expect(result.error).toBeNull();
    expect(toJsonText(result.state)).toBe(referenceStateText());
  });

  it('keeps integral floats and big ints exact', () => {
    expect(toJsonText([new JsonFloat(1), new JsonFloat(1e22), 2n ** 70n, 3])).toBe('[1.0,1e+22,1180591620717411303424,3]');
  });

  it('indents like JSON.stringify', () => {
    const value = { a: [1, new JsonFloat(2)], b: {}, c: [] };
    expect(toJsonText(value, 2)).toBe(JSON.stringify(value, null, 2).replace('2\n', '2.0\n'));
  });
});

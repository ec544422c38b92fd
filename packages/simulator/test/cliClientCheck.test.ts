// `entflow run` checks the client script before any run: a script with
// syntax errors or unsupported constructs is reported with positions and
// nothing of it runs.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';

const SHOP = 'corpus/01-shop/entities.py';

async function cli(...argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await main(argv, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
  return { status, stdout, stderr };
}

function tempFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'entflow-cli-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('entflow run client check', () => {
  it('syntax error stops before running', async () => {
    const client = tempFile('client.py', 'print(1)\nx = (1 +\n');
    for (const extra of [[], ['--json'], ['--direct']]) {
      const { status, stdout, stderr } = await cli('run', SHOP, '--client', client, ...extra);
      expect(status).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toBe(`${client}:2:5: error E0003: '(' was never closed\n`);
    }
  });

  it('unsupported statements listed with positions', async () => {
    const client = tempFile('client.py', 'print(1)\nwith open("x") as f:\n    pass\nimport os\n');
    const { status, stdout, stderr } = await cli('run', SHOP, '--client', client, '--json');
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.split('\n')).toEqual([
      `${client}:2:1: error E0210: The with statement is not supported in client scripts; use try/finally instead.`,
      `${client}:4:8: error E0209: Cannot import 'os': a client script may import only stateflow, typing and entities.`,
      '',
    ]);
  });

  it('sweep checks the client too', async () => {
    const client = tempFile('client.py', 'break\n');
    const { status, stderr } = await cli('sweep', SHOP, '--client', client, '--seeds', '1..2');
    expect(status).toBe(1);
    expect(stderr).toBe(`${client}:1:1: error E0010: 'break' outside loop\n`);
  });

  it('entity and client errors both listed', async () => {
    const entities = tempFile('entities.py', 'from stateflow import entity\nreturn 1\n');
    const client = tempFile('client.py', 'match 1:\n    case 1:\n        pass\n');
    const { status, stderr } = await cli('run', entities, '--client', client);
    expect(status).toBe(1);
    expect(stderr).toBe(`${entities}:2:1: error E0010: 'return' outside function\n${client}:1:1: error E0211: The match statement is not supported in client scripts; use if/elif instead.\n`);
  });
});

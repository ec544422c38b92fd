// Bad input to the `entflow` command: one line on stderr that says what is
// wrong, with which file or option, and what to do; exit status 2; no stack.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';

const BANK = 'corpus/02-bank-transfer';
const ENTITIES = `${BANK}/entities.py`;
const CLIENT = `${BANK}/client.py`;

async function cli(...argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await main(argv, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
  return { status, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'entflow-input-'));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function expectUsage(argv: string[], message: string): Promise<void> {
  const { status, stdout, stderr } = await cli(...argv);
  expect(stderr).toBe(`entflow: ${message}\n`);
  expect(status).toBe(2);
  expect(stdout).toBe('');
}

describe('entflow input errors', () => {
  it('directory as entities file', async () => {
    const folder = join(dir, 'folder');
    mkdirSync(folder, { recursive: true });
    await expectUsage(['run', folder, '--client', CLIENT], `cannot read entities file "${folder}": it is a directory; give a file in it`);
  });

  it('empty entities file and client', async () => {
    const empty = file('empty.py', '\n  \n');
    await expectUsage(['run', empty, '--client', CLIENT], `entities file "${empty}" is empty; check the path, or add the @entity classes to it`);
    await expectUsage(['run', ENTITIES, '--client', empty], `client script "${empty}" is empty; check the path, or add the calls to make to it`);
  });

  it('empty file still compiles', async () => {
    const { status } = await cli('compile', file('nothing.py', ''));
    expect(status).toBe(0);
  });

  it('binary entities file and client', async () => {
    const binary = file('binary.py', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    const notUtf8 = file('latin1.py', new Uint8Array([0x78, 0x20, 0x3d, 0x20, 0xe9, 0x0a]));
    await expectUsage(['run', binary, '--client', CLIENT], `entities file "${binary}" is not a text file (it contains a NUL byte at offset 4); give a UTF-8 text file`);
    await expectUsage(['compile', notUtf8], `entities file "${notUtf8}" is not a text file (it contains bytes that are not UTF-8); give a UTF-8 text file`);
    await expectUsage(['run', ENTITIES, '--client', binary], `client script "${binary}" is not a text file (it contains a NUL byte at offset 4); give a UTF-8 text file`);
  });

  it('fault plan syntax, emptiness and fields', async () => {
    const broken = file('broken.json', '{"faults": [');
    const { status, stderr } = await cli('run', ENTITIES, '--client', CLIENT, '--faults', broken);
    expect(status).toBe(2);
    expect(stderr).toMatch(new RegExp(`^entflow: fault plan "${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" is not valid JSON: .+; fix the syntax \\(format in docs/fault-plan.md\\)\\n$`));
    const empty = file('empty.json', '');
    await expectUsage(['run', ENTITIES, '--client', CLIENT, '--faults', empty], `fault plan "${empty}" is empty; check the path, or write {"faults": []} for a plan without faults`);
    const kind = file('kind.json', '{"faults": [{"at": {"time": 5}, "kind": "explode"}], "extra": 1}');
    await expectUsage(['run', ENTITIES, '--client', CLIENT, '--faults', kind], `fault plan "${kind}" is invalid (format in docs/fault-plan.md):\n`
      + '  plan.extra: unknown field (a plan has only "faults")\n'
      + '  faults[0].kind: expected one of crash, drop, duplicate, delay, reorder, partition, slow, got "explode"');
  });

  it('reversed and huge seed ranges', async () => {
    await expectUsage(['sweep', ENTITIES, '--client', CLIENT, '--seeds', '5..1'],
      'option --seeds must look like A..B with A <= B (integers up to 4294967295), got "5..1"');
    await expectUsage(['sweep', ENTITIES, '--client', CLIENT, '--seeds', '0..4294967295'],
      'option --seeds covers 4294967296 seeds, more than 100000 per sweep; split the range into several sweeps');
  });

  it('zero workers and threads', async () => {
    await expectUsage(['run', ENTITIES, '--client', CLIENT, '--workers', '0'], 'option --workers must be an integer from 1 to 64, got "0"');
    await expectUsage(['sweep', ENTITIES, '--client', CLIENT, '--seeds', '1..2', '--threads', '0'], 'option --threads must be an integer from 1 to 16, got "0"');
  });

  it('short and valueless options', async () => {
    await expectUsage(['run', '-x', ENTITIES, '--client', CLIENT], 'unknown option -x for "entflow run": options are spelled --name (see "entflow run --help")');
    await expectUsage(['run', ENTITIES, '--client', '--json'], 'option --client needs a value, e.g. --client client.py');
    await expectUsage(['run', ENTITIES, '--client', CLIENT, '--json=yes'], 'option --json takes no value');
  });
});

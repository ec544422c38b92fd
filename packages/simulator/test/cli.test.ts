import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import { scenario } from './corpusHelpers.ts';

const BANK = 'corpus/02-bank-transfer';

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

describe('entflow command', () => {
  it('help for every command', async () => {
    for (const argv of [['--help'], ['help', 'run'], ['compile', '--help'], ['run', '--help'], ['sweep', '--help']]) {
      const { status, stdout } = await cli(...argv);
      expect(status).toBe(0);
      expect(stdout).toMatch(/Usage/);
    }
  });

  it('bad flags and files exit 2', async () => {
    const unknown = await cli('run', `${BANK}/entities.py`, '--client', `${BANK}/client.py`, '--bogus');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe('entflow: unknown option --bogus for "entflow run" (see "entflow run --help")\n');
    const missing = await cli('run', 'missing.py', '--client', `${BANK}/client.py`);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('cannot read entities file "missing.py": no such file');
    const mode = await cli('run', `${BANK}/entities.py`, '--client', `${BANK}/client.py`, '--mode', 'twice');
    expect(mode.status).toBe(2);
    expect(mode.stderr).toContain('option --mode must be one of exactly-once, at-least-once, at-most-once, got "twice"');
    const plan = tempFile('plan.json', '{"faults": [{"at": {"time": 5}, "kind": "crash", "worker": 9, "restartAfterTicks": 3}]}');
    const badPlan = await cli('run', `${BANK}/entities.py`, '--client', `${BANK}/client.py`, '--faults', plan);
    expect(badPlan.status).toBe(2);
    expect(badPlan.stderr).toContain('faults[0].worker: expected an integer from 0 to 2 (the cluster has 3 workers), got 9');
    expect((await cli('frobnicate')).status).toBe(2);
    expect((await cli('sweep', `${BANK}/entities.py`, '--client', `${BANK}/client.py`, '--seeds', '9..1')).status).toBe(2);
  });

  it('compile reports diagnostics with positions', async () => {
    const bad = tempFile('bad.py', 'from stateflow import entity\n\n@entity\nclass A:\n    def f(self)\n        pass\n');
    const { status, stderr } = await cli('compile', bad);
    expect(status).toBe(1);
    expect(stderr).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:5:\\d+: error \\w+: `));
  });

  it('compile emits ir, dot and mermaid', async () => {
    const ir = await cli('compile', `${BANK}/entities.py`);
    expect(ir.status).toBe(0);
    expect(JSON.parse(ir.stdout).irVersion).toBe(1);
    expect((await cli('compile', `${BANK}/entities.py`, '--emit', 'dot')).stdout).toMatch(/^digraph dataflow \{/);
    expect((await cli('compile', `${BANK}/entities.py`, '--emit', 'mermaid')).stdout).toMatch(/^flowchart LR/);
    expect((await cli('compile', `${BANK}/entities.py`, '--emit', 'ast')).stdout).toMatch(/^Module\(body=\[/);
  });

  it('run --json matches CPython', async () => {
    const bank = scenario('02-bank-transfer');
    const { status, stdout } = await cli('run', `${BANK}/entities.py`, '--client', `${BANK}/client.py`, '--json', '--chaos', '--seed', '3');
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(['output', 'state', 'error', 'stats', 'violations']);
    expect(report.output).toEqual(bank.reference.output);
    expect(report.state).toEqual(bank.reference.state);
    expect(report.error).toBeNull();
    expect(report.stats.seed).toBe(3);
    // The program breaks its own invariant, as CPython reports too; nothing else is flagged.
    expect(report.violations.every((v: { isInReference: boolean }) => v.isInReference)).toBe(true);
    expect(status).toBe(0);
  });

  it('run prints seed, profile and summary', async () => {
    const { status, stdout, stderr } = await cli('run', `${BANK}/entities.py`, '--client', `${BANK}/client.py`, '--chaos', '--seed', '5', '--mode', 'at-least-once');
    expect(stderr).toMatch(/^seed 5, mode at-least-once, 3 workers, 1 client\n/);
    expect(stderr).toContain('chaos profile (from the seed):');
    expect(stderr).toMatch(/-- at-least-once, seed 5: completed/);
    expect(stdout.split('\n')[0]).toBe('alice: 100 | bob: 50 | carol: 20');
    expect([0, 1]).toContain(status);
  });

  it('run --direct uses the runtime alone', async () => {
    const bank = scenario('02-bank-transfer');
    const { stdout } = await cli('run', `${BANK}/entities.py`, '--client', `${BANK}/client.py`, '--direct', '--json');
    const report = JSON.parse(stdout);
    expect(report.output).toEqual(bank.reference.output);
  });

  it('sweep finds and shrinks a failure', async () => {
    const { status, stdout } = await cli('sweep', `${BANK}/entities.py`, '--client', `${BANK}/client.py`, '--mode', 'at-least-once', '--chaos', '--seeds', '1..12', '--threads', '1');
    expect(status).toBe(1);
    expect(stdout).toMatch(/^12 seeds, \d+ failing \(at-least-once\)/);
    expect(stdout).toContain('minimal fault plan for seed');
    const plan = JSON.parse(stdout.slice(stdout.indexOf('{'), stdout.indexOf('\nreplay:')));
    expect(plan.faults.length).toBeGreaterThan(0);
    expect(stdout).toContain('--faults plan.json');
  });

  it('sweep in exactly-once finds nothing', async () => {
    const { status, stdout } = await cli('sweep', `${BANK}/entities.py`, '--client', `${BANK}/client.py`, '--chaos', '--seeds', '1..60', '--threads', '2');
    expect(stdout).toMatch(/^60 seeds, 0 failing \(exactly-once\)/);
    expect(status).toBe(0);
  });
});

// Parse time of a large file, measured in a plain Node process (see
// measureParse.ts). The bound is generous against the measured time (about
// 25 ms of CPU for 11,000 lines on the development machine, a 2-core VM), so
// it only fails on a real slowdown such as quadratic behaviour.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const PARSE_MS_MAX = 100;
const SCRIPT = fileURLToPath(new URL('./measureParse.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

describe('parser performance', () => {
  test('10,000 lines parse under 100 ms', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', SCRIPT], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const measured = JSON.parse(run.stdout) as { lines: number; fastestMs: number; errorCount: number };
    console.log(`parsed ${measured.lines} lines in ${measured.fastestMs.toFixed(1)} ms of CPU`);
    expect(measured.errorCount).toBe(0);
    expect(measured.lines).toBeGreaterThanOrEqual(10_000);
    expect(measured.fastestMs).toBeLessThan(PARSE_MS_MAX);
  });
});

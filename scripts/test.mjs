// Runs every test suite: the unit and property tests (vitest), then the
// browser tests (Playwright driving Debian's Chromium). Each runner ends with
// a line "N passed, N failed". The exit status is non-zero if any failed.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

function runVitest() {
  const reportPath = '.vitest-report.json';
  rmSync(reportPath, { force: true });
  const result = spawnSync(
    'node_modules/.bin/vitest',
    ['run', '--reporter=default', '--reporter=json', `--outputFile=${reportPath}`],
    { stdio: 'inherit' },
  );
  let passed = 0;
  let failed = 0;
  try {
    const report = JSON.parse(readFileSync(reportPath, 'utf8'));
    passed = report.numPassedTests;
    failed = report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
  } catch {
    failed = 1;
    console.error('vitest wrote no JSON report; counting the run as failed');
  }
  console.log(`vitest: ${passed} passed, ${failed} failed`);
  return result.status === 0 && failed === 0;
}

function runE2e() {
  const result = spawnSync('node', ['scripts/e2e.mjs'], { stdio: 'inherit' });
  return result.status === 0;
}

const isUnitOk = runVitest();
const isE2eOk = process.argv.includes('--unit-only') ? true : runE2e();
process.exit(isUnitOk && isE2eOk ? 0 : 1);

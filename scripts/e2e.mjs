// Browser tests: builds the IDE, runs the Playwright specs against Debian's
// Chromium and ends with "playwright: N passed, N failed" from the JSON
// report. By default it runs the functional project with two workers. With
// --perf it runs only the browser measurements, alone with one worker: those
// assert timing targets, so they belong to `npm run bench` and not to
// `npm test`, where a busy machine would fail them. Exits non-zero when a test
// failed, or when Chromium is missing. Other arguments go to Playwright.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
const isPerf = process.argv.includes('--perf');
const playwrightArgs = process.argv.slice(2).filter((arg) => arg !== '--perf');
const PASSES = isPerf
  ? [{ project: 'perf', workers: '1', report: 'e2e/artifacts/report-perf.json' }]
  : [{ project: 'functional', workers: '2', report: 'e2e/artifacts/report-functional.json' }];

if (!existsSync(CHROMIUM)) {
  console.error(`Chromium is missing at ${CHROMIUM}. Install it with: apt-get update && apt-get install -y chromium`);
  console.log('playwright: 0 passed, 1 failed');
  process.exit(1);
}

const build = spawnSync('node_modules/.bin/vite', ['build'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.error('The IDE build failed, so no browser test ran.');
  console.log('playwright: 0 passed, 1 failed');
  process.exit(1);
}

let passed = 0;
let failed = 0;
let isOk = true;
for (const pass of PASSES) {
  rmSync(pass.report, { force: true });
  const args = ['test', `--project=${pass.project}`, `--workers=${pass.workers}`, `--output=test-results/${pass.project}`, '--pass-with-no-tests', ...playwrightArgs];
  const run = spawnSync('node_modules/.bin/playwright', args, {
    stdio: 'inherit',
    env: { ...process.env, E2E_REPORT: pass.report },
  });
  try {
    const report = JSON.parse(readFileSync(pass.report, 'utf8'));
    passed += report.stats.expected + (report.stats.flaky ?? 0);
    // Errors outside tests (a spec that fails to load) count as failures too.
    failed += report.stats.unexpected + (report.errors?.length ?? 0);
  } catch {
    console.error(`Playwright wrote no JSON report at ${pass.report}; counting the ${pass.project} run as failed.`);
    failed += 1;
  }
  if (run.status !== 0) isOk = false;
}

console.log(`playwright: ${passed} passed, ${failed} failed`);
process.exit(isOk && failed === 0 ? 0 : 1);

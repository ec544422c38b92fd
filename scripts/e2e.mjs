// Browser tests: builds the IDE, runs Playwright against Debian's Chromium,
// and ends with "playwright: N passed, N failed" read from the JSON report.
// Exits non-zero when a test failed, or when Chromium is missing.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
const REPORT = 'e2e/artifacts/report.json';

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

rmSync(REPORT, { force: true });
const run = spawnSync('node_modules/.bin/playwright', ['test', ...process.argv.slice(2)], { stdio: 'inherit' });

let passed = 0;
let failed = 0;
try {
  const report = JSON.parse(readFileSync(REPORT, 'utf8'));
  passed = report.stats.expected + (report.stats.flaky ?? 0);
  // Errors outside tests (a spec that fails to load) count as failures too.
  failed = report.stats.unexpected + (report.errors?.length ?? 0);
} catch {
  console.error(`Playwright wrote no JSON report at ${REPORT}; counting the run as failed.`);
  failed = 1;
}
console.log(`playwright: ${passed} passed, ${failed} failed`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);

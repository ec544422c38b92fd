// Browser tests: Playwright driving Debian's Chromium against the built IDE,
// served by `vite preview` on loopback. scripts/e2e.mjs builds first.
import { defineConfig } from '@playwright/test';

export const PREVIEW_URL = 'http://127.0.0.1:4173';

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: process.env.E2E_REPORT ?? 'e2e/artifacts/report.json' }]],
  // Measurements run in a project of their own, which scripts/e2e.mjs runs
  // after the others with one worker, so no other test competes for the CPU.
  projects: [
    { name: 'functional', testIgnore: /perf\.spec\.ts$/ },
    { name: 'perf', testMatch: /perf\.spec\.ts$/ },
  ],
  use: {
    baseURL: PREVIEW_URL,
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'off',
  },
  webServer: {
    command: 'node_modules/.bin/vite preview',
    url: PREVIEW_URL,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});

import { defineConfig } from '@playwright/test';
import * as os from 'node:os';
import * as path from 'node:path';

// Concord's end-to-end tests run against the release binary on its own port and its own
// fresh database, started by Playwright. scripts/test.sh sets CONCORD_BIN and
// CONCORD_SITE_ROOT; the defaults suit a run from this folder after `cargo leptos build --release`.
const port = Number(process.env.CONCORD_E2E_PORT ?? 3217);
const bin = process.env.CONCORD_BIN ?? path.resolve(__dirname, '../target/release/concord');
const siteRoot = process.env.CONCORD_SITE_ROOT ?? path.resolve(__dirname, '../target/site');
// Set once in the runner and inherited by its workers, so that a test can reach the same
// database with the `concord` binary (e.g. `concord token create`).
process.env.CONCORD_E2E_DB ??= path.join(os.tmpdir(), `concord-e2e-${process.pid}-${Date.now()}.db`);
const db = process.env.CONCORD_E2E_DB;

export default defineConfig({
  testDir: './tests',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'off',
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
  },
  // Two projects: every test runs hydrated; the flows that must work without JavaScript run
  // again with it off (tagged `@both`), beside the tests of the no-JavaScript page itself
  // (tagged `@no-js`, run only there). `scripted()` in support.ts says which project runs.
  projects: [
    { name: 'hydrated', use: { javaScriptEnabled: true }, grepInvert: /@no-js/ },
    { name: 'no-js', use: { javaScriptEnabled: false }, grep: /@both|@no-js/ },
  ],
  webServer: {
    command: `"${bin}" serve --demo --db "${db}" --addr 127.0.0.1:${port} --site-root "${siteRoot}"`,
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});

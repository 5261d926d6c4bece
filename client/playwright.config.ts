import { defineConfig } from '@playwright/test';

/**
 * Browser tests drive Debian's Chromium (no Playwright browser download is
 * possible here) against the real server, built SPA included, on a fresh
 * embedded database.
 */
const PORT = Number(process.env.E2E_PORT ?? 4510);
const MYSQL_PORT = PORT + 1;
export const BASE_URL = `http://127.0.0.1:${PORT}`;
const MYSQL_BASE_URL = `http://127.0.0.1:${MYSQL_PORT}`;
const MYSQL_URL = process.env.E2E_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/keysmith_e2e';

const serverEnv = {
  HOST: '127.0.0.1',
  BCRYPT_COST: '10',
  LOG_LEVEL: 'warn',
  DEMO_SEED: 'true',
  AUTH_RATE_LIMIT: '1000',
};

export default defineConfig({
  testDir: './e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: './test-results',
  use: {
    baseURL: BASE_URL,
    viewport: { width: 1360, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
    },
    trace: 'off',
  },
  // Every journey runs on the embedded default; the account journeys also run on MySQL.
  projects: [
    { name: 'sqlite', use: { baseURL: BASE_URL } },
    { name: 'mysql', use: { baseURL: MYSQL_BASE_URL }, testMatch: /auth\.spec\.ts/ },
  ],
  webServer: [
    {
      command: 'node ../server/dist/main.js',
      url: `${BASE_URL}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { ...serverEnv, PORT: String(PORT), SQLITE_PATH: `./test-results/e2e-${Date.now()}.sqlite` },
    },
    {
      command: 'node e2e/reset-mysql.mjs && node ../server/dist/main.js',
      url: `${MYSQL_BASE_URL}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { ...serverEnv, PORT: String(MYSQL_PORT), DATABASE_URL: MYSQL_URL },
    },
  ],
});

// End-to-end tests: the production server (`tsx app/server/start.ts`: migrate, demo data, build
// if needed, server + email worker) on a fresh SQLite database, driven by Chromium.
// `npm test` picks the browser and passes it in CHROMIUM_PATH; unset, Playwright's own is used.
import { defineConfig, devices } from '@playwright/test'
import { fileURLToPath } from 'node:url'
import { E2E_BASE_URL, E2E_DATABASE_URL, E2E_PORT, E2E_STRIPE, E2E_STRIPE_PORT } from './e2e/env.ts'

const ci = ['true', '1'].includes((process.env.CI ?? '').toLowerCase())

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.test.ts',
  outputDir: '../test-results',
  fullyParallel: false,
  workers: 2,
  // No retries: a test that passes on its second try is reported as what it is, flaky.
  retries: 0,
  forbidOnly: ci,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: ci ? [['list'], ['html', { open: 'never', outputFolder: '../playwright-report' }]] : [['list']],
  use: {
    baseURL: E2E_BASE_URL,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || undefined,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: [
    {
      // Card payments go to a loopback stand-in for Stripe, which signs its webhooks to the app.
      command: 'node_modules/.bin/tsx tests/support/stripe-stub.ts',
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      url: `http://127.0.0.1:${E2E_STRIPE_PORT}/healthz`,
      timeout: 30_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
      env: {
        STRIPE_STUB_PORT: String(E2E_STRIPE_PORT),
        STRIPE_STUB_WEBHOOK_URL: `${E2E_BASE_URL}/webhooks/stripe`,
        STRIPE_SECRET_KEY: E2E_STRIPE.secretKey,
        STRIPE_WEBHOOK_SECRET: E2E_STRIPE.webhookSecret,
      },
    },
    {
      command: 'node_modules/.bin/tsx tests/e2e/start-server.ts',
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      url: `${E2E_BASE_URL}/healthz`,
      // A first start may build the app; `npm test` builds before, so this is the slow path only.
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
      env: {
        NODE_ENV: 'production',
        PORT: String(E2E_PORT),
        HOST: '127.0.0.1',
        APP_URL: E2E_BASE_URL,
        DATABASE_URL: E2E_DATABASE_URL,
        DEMO_DATA: 'on',
        MIGRATE_ON_START: 'on',
        RUN_WORKER: 'on',
        WORKER_POLL_MS: '200',
        // Rate limits stay on, as in production, but generous enough for many sign-ins in a row.
        RATE_LIMITS: 'on',
        RATE_LIMIT_SIGNIN_PER_EMAIL: '50',
        RATE_LIMIT_SIGNIN_PER_IP: '500',
        RATE_LIMIT_PUBLIC_FORM_PER_IP: '500',
        // No SMTP_URL: emails go to the local mailbox (/dev/mailbox).
        SMTP_URL: '',
        LOG_LEVEL: 'warn',
        STRIPE_SECRET_KEY: E2E_STRIPE.secretKey,
        STRIPE_WEBHOOK_SECRET: E2E_STRIPE.webhookSecret,
        STRIPE_API_HOST: '127.0.0.1',
        STRIPE_API_PORT: String(E2E_STRIPE_PORT),
        STRIPE_API_PROTOCOL: 'http',
      },
    },
  ],
})

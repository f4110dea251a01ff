// Where the end-to-end server listens and which database it uses; shared by the Playwright
// config, the server wrapper and the fixtures (which write sessions into that database).
import { fileURLToPath } from 'node:url'

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100)
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`
export const E2E_DB_FILE = fileURLToPath(new URL('../../data/e2e/essor-e2e.db', import.meta.url))
export const E2E_DATABASE_URL = `file:${E2E_DB_FILE}`
/** The Stripe stub (tests/support/stripe-stub.ts) the e2e server's Stripe client talks to. */
export const E2E_STRIPE_PORT = Number(process.env.E2E_STRIPE_PORT ?? E2E_PORT + 1000)
export const E2E_STRIPE = { secretKey: 'sk_test_e2e_stub', webhookSecret: 'whsec_e2e_stub' }

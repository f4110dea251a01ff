import { expect, test } from 'vitest'
import { cardAvailability } from './card-availability.server.ts'

test('when card payments are unavailable, the missing Stripe settings are named', () => {
  expect(cardAvailability({}, false)).toEqual({ available: false, missing: ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET'] })
  expect(cardAvailability({ STRIPE_SECRET_KEY: 'sk_test_x', STRIPE_WEBHOOK_SECRET: ' ' }, false)).toEqual({
    available: false,
    missing: ['STRIPE_WEBHOOK_SECRET'],
  })
  // Both set but refused by the Stripe configuration (e.g. a malformed key): unavailable, nothing "missing".
  expect(cardAvailability({ STRIPE_SECRET_KEY: 'x', STRIPE_WEBHOOK_SECRET: 'y' }, false)).toEqual({ available: false, missing: [] })
  expect(cardAvailability({ STRIPE_SECRET_KEY: 'sk_test_x', STRIPE_WEBHOOK_SECRET: 'whsec_x' }, true)).toEqual({
    available: true,
    missing: [],
  })
})

test('by default it follows the environment of the server', () => {
  const before = { ...process.env }
  try {
    delete process.env.STRIPE_SECRET_KEY
    delete process.env.STRIPE_WEBHOOK_SECRET
    expect(cardAvailability().available).toBe(false)
  } finally {
    process.env = before
  }
})

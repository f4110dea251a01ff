import { expect, test } from 'vitest'
import { cardAvailability } from './card-availability.server.ts'

test('card payments need both Stripe settings; the missing ones are named', () => {
  expect(cardAvailability({})).toEqual({ available: false, missing: ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET'] })
  expect(cardAvailability({ STRIPE_SECRET_KEY: 'sk_test_x', STRIPE_WEBHOOK_SECRET: ' ' })).toEqual({ available: false, missing: ['STRIPE_WEBHOOK_SECRET'] })
  expect(cardAvailability({ STRIPE_SECRET_KEY: 'sk_test_x', STRIPE_WEBHOOK_SECRET: 'whsec_x' })).toEqual({ available: true, missing: [] })
})

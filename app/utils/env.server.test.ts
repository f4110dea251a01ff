import { describe, expect, test } from 'vitest'
import { EnvError, parseEnv } from './env.server.ts'

describe('environment', () => {
  test('defaults: SQLite under data/, port 3000, demo data on', () => {
    const env = parseEnv({ SESSION_SECRET: 'x'.repeat(40) })
    expect(env.DATABASE_URL).toBe('file:./data/essor.db')
    expect(env.PORT).toBe(3000)
    expect(env.DEMO_DATA).toBe(true)
  })
  test('a wrong value names the variable', () => {
    expect(() => parseEnv({ PORT: 'abc', SESSION_SECRET: 'x'.repeat(40) })).toThrow(EnvError)
    expect(() => parseEnv({ PORT: 'abc', SESSION_SECRET: 'x'.repeat(40) })).toThrow(/PORT/)
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x', SESSION_SECRET: 'x'.repeat(40) })).toThrow(/DATABASE_URL/)
    expect(() => parseEnv({ SMTP_URL: 'http://mail', SESSION_SECRET: 'x'.repeat(40) })).toThrow(/SMTP_URL/)
  })
  test('PostgreSQL in production needs a shared SESSION_SECRET and defaults demo data off', () => {
    expect(() => parseEnv({ DATABASE_URL: 'postgresql://db/essor' })).toThrow(/SESSION_SECRET/)
    expect(() => parseEnv({ DATABASE_URL: 'postgresql://db/essor', SESSION_SECRET: 'y'.repeat(40) })).toThrow(/APP_URL/)
    expect(
      parseEnv({ DATABASE_URL: 'postgresql://db/essor', SESSION_SECRET: 'y'.repeat(40), APP_URL: 'https://essor.example.org' }).DEMO_DATA,
    ).toBe(false)
  })
  test('Stripe: both secrets or neither; plain HTTP only towards a stub', () => {
    const base = { SESSION_SECRET: 'x'.repeat(40) }
    expect(() => parseEnv({ ...base, STRIPE_SECRET_KEY: 'sk_test_1' })).toThrow(/STRIPE_WEBHOOK_SECRET/)
    expect(() => parseEnv({ ...base, STRIPE_WEBHOOK_SECRET: 'whsec_1' })).toThrow(/STRIPE_SECRET_KEY/)
    expect(() => parseEnv({ ...base, STRIPE_SECRET_KEY: 'pk_test_1', STRIPE_WEBHOOK_SECRET: 'whsec_1' })).toThrow(/STRIPE_SECRET_KEY/)
    const keys = { ...base, STRIPE_SECRET_KEY: 'sk_test_1', STRIPE_WEBHOOK_SECRET: 'whsec_1' }
    expect(() => parseEnv({ ...keys, STRIPE_API_PROTOCOL: 'http' })).toThrow(/STRIPE_API_PROTOCOL/)
    expect(() => parseEnv({ ...keys, STRIPE_API_PORT: 'x' })).toThrow(/STRIPE_API_PORT/)
    const env = parseEnv({ ...keys, STRIPE_API_HOST: '127.0.0.1', STRIPE_API_PORT: '4115', STRIPE_API_PROTOCOL: 'http' })
    expect(env).toMatchObject({ STRIPE_API_HOST: '127.0.0.1', STRIPE_API_PORT: 4115, STRIPE_API_PROTOCOL: 'http' })
  })
})

import { describe, expect, test } from 'vitest'
import { isCrossOriginRequest, isExemptFromOriginCheck } from './origin-check.ts'

const own = ['https://essor.example.org']

describe('Origin check', () => {
  test('refuses a POST from another origin', () => {
    expect(isCrossOriginRequest({ method: 'POST', origin: 'https://evil.example', ownOrigins: own })).toBe(true)
  })
  test('accepts a POST from our own origin, whatever the case', () => {
    expect(isCrossOriginRequest({ method: 'POST', origin: 'https://Essor.example.org', ownOrigins: own })).toBe(false)
  })
  test('never blocks GET or HEAD', () => {
    expect(isCrossOriginRequest({ method: 'GET', origin: 'https://evil.example', ownOrigins: own })).toBe(false)
    expect(isCrossOriginRequest({ method: 'HEAD', origin: 'https://evil.example', ownOrigins: own })).toBe(false)
  })
  test('refuses an opaque origin and cross-site fetch metadata without Origin', () => {
    expect(isCrossOriginRequest({ method: 'DELETE', origin: 'null', ownOrigins: own })).toBe(true)
    expect(isCrossOriginRequest({ method: 'POST', secFetchSite: 'cross-site', ownOrigins: own })).toBe(true)
    expect(isCrossOriginRequest({ method: 'POST', secFetchSite: 'same-origin', ownOrigins: own })).toBe(false)
  })
  test('Bearer-token API calls carry no ambient credentials and pass', () => {
    expect(
      isCrossOriginRequest({ method: 'POST', origin: 'https://other.example', authorization: 'Bearer essor_x', ownOrigins: own }),
    ).toBe(false)
  })
  test('exempt: one-click unsubscribe and the Stripe webhook (POST only, exact path)', () => {
    expect(isExemptFromOriginCheck('POST', '/webhooks/stripe')).toBe(true)
    expect(isExemptFromOriginCheck('POST', '/u/abc')).toBe(true)
    expect(isExemptFromOriginCheck('POST', '/webhooks/stripe/other')).toBe(false)
    expect(isExemptFromOriginCheck('POST', '/o/cress/events')).toBe(false)
    expect(isExemptFromOriginCheck('DELETE', '/webhooks/stripe')).toBe(false)
  })
})

import { describe, expect, test } from 'vitest'
import { isBounce, isPermanentSendError, retryDelayMs } from './retry.ts'

describe('retryDelayMs', () => {
  const fixed = (random: number) => ({ baseMs: 1000, capMs: 60_000, random: () => random })

  test('doubles with each failure, between half and all of the exponential step', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, fixed(1)))).toEqual([1000, 2000, 4000, 8000])
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, fixed(0)))).toEqual([500, 1000, 2000, 4000])
    expect(retryDelayMs(3, fixed(0.5))).toBe(3000)
  })

  test('is capped, even after very many failures', () => {
    expect(retryDelayMs(7, fixed(1))).toBe(60_000)
    expect(retryDelayMs(500, fixed(1))).toBe(60_000)
    expect(retryDelayMs(500, fixed(0))).toBe(30_000)
  })

  test('defaults: 30 s to 1 h, jittered', () => {
    const first = retryDelayMs(1)
    expect(first).toBeGreaterThanOrEqual(15_000)
    expect(first).toBeLessThanOrEqual(30_000)
    expect(retryDelayMs(20)).toBeLessThanOrEqual(3_600_000)
    expect(retryDelayMs(20)).toBeGreaterThanOrEqual(1_800_000)
    const spread = new Set(Array.from({ length: 20 }, () => retryDelayMs(5)))
    expect(spread.size).toBeGreaterThan(1)
  })
})

describe('isPermanentSendError', () => {
  test('5yz replies are permanent, 4yz, 503 and connection errors are not', () => {
    expect(isPermanentSendError({ responseCode: 550 })).toBe(true)
    expect(isPermanentSendError({ responseCode: 554 })).toBe(true)
    expect(isPermanentSendError({ responseCode: 451 })).toBe(false)
    expect(isPermanentSendError({ responseCode: 503 })).toBe(false)
    expect(isPermanentSendError(Object.assign(new Error('closed'), { code: 'ECONNECTION' }))).toBe(false)
    expect(isPermanentSendError(new Error('boom'))).toBe(false)
    expect(isPermanentSendError(null)).toBe(false)
  })

  test("Nodemailer's own verdict wins when it gives one", () => {
    expect(isPermanentSendError({ responseCode: 550, permanent: false })).toBe(false)
    expect(isPermanentSendError({ permanent: true })).toBe(true)
  })
})

describe('isBounce', () => {
  test('a permanent refusal of the recipient or of the message is a bounce; one of our sender or login is not', () => {
    expect(isBounce({ responseCode: 550, command: 'RCPT TO' })).toBe(true)
    expect(isBounce({ responseCode: 554, command: 'DATA' })).toBe(true)
    expect(isBounce({ responseCode: 452, command: 'RCPT TO' })).toBe(false)
    expect(isBounce({ responseCode: 550, command: 'MAIL FROM' })).toBe(false)
    expect(isBounce({ responseCode: 535, command: 'AUTH PLAIN' })).toBe(false)
    expect(isBounce(new Error('closed'))).toBe(false)
  })
})

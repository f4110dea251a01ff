import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { createDb, prisma } from '#app/db.server.ts'
import { resetEnvCache } from '#app/utils/env.server.ts'
import { deleteExpired, hit, limitPublicForm } from './rate-limit.server.ts'

const rule = { limit: 5, windowSeconds: 60 }

beforeEach(async () => {
  await prisma.rateLimit.deleteMany()
})

afterEach(() => {
  delete process.env.RATE_LIMIT_PUBLIC_FORM_PER_IP
  process.env.RATE_LIMITS = 'on'
  resetEnvCache()
})

describe('rate limits', () => {
  test('counts every one of 50 concurrent hits exactly once', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, () => hit('concurrent', { limit: 20, windowSeconds: 60 })))
    expect(results.filter((r) => r.allowed)).toHaveLength(20)
    expect(results.filter((r) => !r.allowed)).toHaveLength(30)
    expect((await prisma.rateLimit.findUniqueOrThrow({ where: { key: 'concurrent' } })).count).toBe(50)
    // Each remaining count is handed out once: the counter never skipped or repeated a value.
    const remaining = results.filter((r) => r.allowed).map((r) => r.remaining)
    expect(new Set(remaining).size).toBe(20)
  })

  test('two app instances (two clients, two connection pools) share one counter', async () => {
    const other = createDb(process.env.DATABASE_URL)
    await other.ready
    try {
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) => hit('shared', { limit: 10, windowSeconds: 60 }, i % 2 ? { db: other.db } : {})),
      )
      expect(results.filter((r) => r.allowed)).toHaveLength(10)
      expect((await prisma.rateLimit.findUniqueOrThrow({ where: { key: 'shared' } })).count).toBe(50)
    } finally {
      await other.db.$disconnect()
    }
  })

  test('denies past the limit until the window ends, then starts a new window', async () => {
    const now = 1_000_000
    for (let i = 0; i < 5; i++) expect((await hit('window', rule, { now: now + i })).allowed).toBe(true)
    const denied = await hit('window', rule, { now: now + 10 })
    expect(denied).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 50 })
    expect((await hit('window', rule, { now: now + 59 })).allowed).toBe(false)
    const fresh = await hit('window', rule, { now: now + 60 })
    expect(fresh).toEqual({ allowed: true, remaining: 4, retryAfterSeconds: 0 })
    expect((await prisma.rateLimit.findUniqueOrThrow({ where: { key: 'window' } })).expiresAt).toBe(now + 120)
  })

  test('keys are independent', async () => {
    for (let i = 0; i < 5; i++) await hit('a', rule)
    expect((await hit('a', rule)).allowed).toBe(false)
    expect((await hit('b', rule)).allowed).toBe(true)
  })

  test('expired rows are cleaned up', async () => {
    await hit('old', rule, { now: 100, cleanupChance: 0 })
    await hit('current', rule, { cleanupChance: 0 })
    expect(await deleteExpired()).toBe(1)
    expect(await prisma.rateLimit.findMany({ select: { key: true } })).toEqual([{ key: 'current' }])
  })

  test('does nothing when RATE_LIMITS is off', async () => {
    process.env.RATE_LIMITS = 'off'
    resetEnvCache()
    for (let i = 0; i < 10; i++) expect((await hit('off', rule)).allowed).toBe(true)
    expect(await prisma.rateLimit.count({ where: { key: 'off' } })).toBe(0)
  })

  test('public forms are limited per client IP and form', async () => {
    process.env.RATE_LIMIT_PUBLIC_FORM_PER_IP = '2'
    resetEnvCache()
    const from = (ip: string) => new Request('http://localhost/form', { headers: { 'x-essor-remote-addr': ip } })
    expect((await limitPublicForm(from('10.0.0.1'), 'register')).allowed).toBe(true)
    expect((await limitPublicForm(from('10.0.0.1'), 'register')).allowed).toBe(true)
    expect((await limitPublicForm(from('10.0.0.1'), 'register')).allowed).toBe(false)
    expect((await limitPublicForm(from('10.0.0.2'), 'register')).allowed).toBe(true)
    expect((await limitPublicForm(from('10.0.0.1'), 'nominate')).allowed).toBe(true)
  })
})

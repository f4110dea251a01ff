import { describe, expect, test } from 'vitest'
import { createCache, LoadingCache } from './cache.ts'

describe('createCache', () => {
  test('an entry lives for the TTL (inclusive), then is gone', () => {
    let now = 1000
    const cache = createCache<string>({ ttlMs: 50, max: 10, now: () => now })
    cache.set('a', 'A')
    now += 50
    expect(cache.get('a')).toBe('A')
    now += 1
    expect(cache.get('a')).toBeUndefined()
    expect(cache.size).toBe(0)
  })

  test('when full, the least recently used entry goes first; delete and clear forget entries', () => {
    const cache = createCache<number>({ ttlMs: 60_000, max: 2 })
    cache.set('a', 1)
    cache.set('b', 2)
    cache.set('c', 3)
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, 2, 3])
    cache.delete('b')
    expect(cache.get('b')).toBeUndefined()
    cache.clear()
    expect(cache.get('c')).toBeUndefined()
  })

  test('one entry may have its own TTL', () => {
    let now = 1000
    const cache = createCache<string>({ ttlMs: 1000, max: 10, now: () => now })
    cache.set('short', 'S', { ttl: 10 })
    cache.set('long', 'L')
    now += 20
    expect([cache.get('short'), cache.get('long')]).toEqual([undefined, 'L'])
  })

  test('a TTL is required', () => {
    expect(() => createCache({ ttlMs: 0, max: 1 })).toThrow(/ttlMs/)
  })
})

describe('LoadingCache', () => {
  test('concurrent readers share one load', async () => {
    const cache = new LoadingCache<number>({ ttlMs: 1000, max: 10 })
    let calls = 0
    const load = () => new Promise<number>((resolve) => setTimeout(() => resolve(++calls), 10))
    const values = await Promise.all(Array.from({ length: 20 }, () => cache.get('k', load)))
    expect(values).toEqual(Array(20).fill(1))
    expect(calls).toBe(1)
  })

  test('entries expire, failures are forgotten', async () => {
    let now = 1000
    const cache = new LoadingCache<number>({ ttlMs: 1000, max: 10, now: () => now })
    let calls = 0
    const load = async () => ++calls
    expect(await cache.get('k', load)).toBe(1)
    now += 500
    expect(await cache.get('k', load)).toBe(1)
    now += 1000
    expect(await cache.get('k', load)).toBe(2)
    await expect(cache.get('bad', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down')
    await Promise.resolve()
    expect(await cache.get('bad', load)).toBe(3)
  })

  test('a TTL of 0 loads every time', async () => {
    const cache = new LoadingCache<number>({ ttlMs: 0, max: 10 })
    let calls = 0
    await cache.get('k', async () => ++calls)
    await cache.get('k', async () => ++calls)
    expect(calls).toBe(2)
  })
})

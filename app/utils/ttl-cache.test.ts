import { describe, expect, test } from 'vitest'
import { TtlCache } from './ttl-cache.ts'

describe('TtlCache', () => {
  test('an entry lives for the TTL, then is gone', () => {
    let now = 1000
    const cache = new TtlCache<string>(50, 10, () => now)
    cache.set('a', 'A')
    now += 49
    expect(cache.get('a')).toBe('A')
    now += 1
    expect(cache.get('a')).toBeUndefined()
    expect(cache.size).toBe(0)
  })

  test('when full, the oldest entry goes first; delete and clear forget entries', () => {
    const cache = new TtlCache<number>(60_000, 2)
    cache.set('a', 1)
    cache.set('b', 2)
    cache.set('c', 3)
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, 2, 3])
    cache.delete('b')
    expect(cache.get('b')).toBeUndefined()
    cache.clear()
    expect(cache.get('c')).toBeUndefined()
  })
})

// The one in-memory cache of the app, on lru-cache: bounded (the least recently used entry goes
// first when full) and with a time to live. Per process: whatever writes the cached data also
// clears it here, and the TTL bounds how long another process may lag.
import { LRUCache } from 'lru-cache'

export type CacheOptions = {
  /** How long an entry lives, in milliseconds (> 0; `set` may give one entry its own). */
  ttlMs: number
  /** At most this many entries. */
  max: number
  /** The clock, in milliseconds; `Date.now` by default (so tests that move the date see entries expire). */
  now?: () => number
}

export type Cache<V extends NonNullable<unknown>> = LRUCache<string, V>

/** A bounded cache whose entries expire after `ttlMs`. */
export function createCache<V extends NonNullable<unknown>>({ ttlMs, max, now }: CacheOptions): Cache<V> {
  if (!(ttlMs > 0)) throw new Error(`createCache: ttlMs must be positive (got ${ttlMs})`)
  // Read the clock on every check (lru-cache otherwise reuses a reading for 1 ms); Date.now is cheap.
  return new LRUCache<string, V>({ max, ttl: ttlMs, perf: { now: now ?? (() => Date.now()) }, ttlResolution: 0 })
}

/**
 * A cache of loads: concurrent readers of one key share one load (no stampede when a popular
 * page expires), a failed load is not kept (the next reader tries again). `ttlMs` 0 turns
 * caching off: every read loads.
 */
export class LoadingCache<V> {
  private readonly entries: Cache<Promise<V>> | null

  constructor(options: CacheOptions) {
    this.entries = options.ttlMs > 0 ? createCache<Promise<V>>(options) : null
  }

  get(key: string, load: () => Promise<V>): Promise<V> {
    const entries = this.entries
    const hit = entries?.get(key)
    if (hit) return hit
    const promise = load()
    if (entries) {
      entries.set(key, promise)
      promise.catch(() => {
        if (entries.get(key) === promise) entries.delete(key)
      })
    }
    return promise
  }

  delete(key: string) {
    this.entries?.delete(key)
  }

  clear() {
    this.entries?.clear()
  }
}

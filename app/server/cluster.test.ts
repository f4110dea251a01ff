import os from 'node:os'
import { expect, test } from 'vitest'
import { webProcessCount } from './cluster.ts'

test('HTTP processes: WEB_CONCURRENCY when set, else one per core up to 4 in production, one otherwise', () => {
  expect(webProcessCount({ WEB_CONCURRENCY: 3, NODE_ENV: 'development' })).toBe(3)
  expect(webProcessCount({ WEB_CONCURRENCY: 0, NODE_ENV: 'production' })).toBe(Math.min(4, os.availableParallelism()))
  expect(webProcessCount({ WEB_CONCURRENCY: 0, NODE_ENV: 'development' })).toBe(1)
  expect(webProcessCount({ WEB_CONCURRENCY: 0, NODE_ENV: 'test' })).toBe(1)
})

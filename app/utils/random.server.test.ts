import { expect, test } from 'vitest'
import { newRowId, randomBytesPooled } from './random.server.ts'

test('pooled draws never repeat bytes, across pool refills, and large draws still work', () => {
  const seen = new Set<string>()
  for (let i = 0; i < 2000; i++) seen.add(Buffer.from(randomBytesPooled(12)).toString('hex'))
  expect(seen.size).toBe(2000)
  expect(randomBytesPooled(4096)).toHaveLength(4096)
  const a = randomBytesPooled(16)
  a.fill(0)
  expect(randomBytesPooled(16).every((b) => b === 0)).toBe(false)
})

test('row ids are unique and sort in the order they were made, many within one millisecond', () => {
  const ids = Array.from({ length: 5000 }, newRowId)
  expect(ids.every((id) => /^c[0-9a-z]{12}[0-9a-f]{12}$/.test(id))).toBe(true)
  expect(new Set(ids).size).toBe(5000)
  expect([...ids].sort()).toEqual(ids)
})

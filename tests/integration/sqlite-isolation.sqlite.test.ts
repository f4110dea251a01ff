// One SQLite connection serves the whole process: a statement made outside a transaction while
// another request's transaction is open must neither join it (and vanish on its rollback) nor
// see its uncommitted rows.
import { describe, expect, test } from 'vitest'
import { prisma, readRows, sqlBuilder } from '#app/db.server.ts'

describe('SQLite statements outside a transaction', () => {
  test('are not rolled back with an unrelated transaction, and do not see its uncommitted rows', async () => {
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    let seenInside = -1
    const failing = prisma
      .$transaction(async (tx) => {
        await tx.rateLimit.create({ data: { key: 'inside-tx', count: 1, expiresAt: 0 } })
        await held
        throw new Error('rolled back on purpose')
      })
      .catch((e: Error) => e.message)
    // Let the transaction start and write.
    await new Promise((r) => setTimeout(r, 50))
    const outside = prisma.rateLimit.create({ data: { key: 'outside-tx', count: 1, expiresAt: 0 } })
    const peek = prisma.rateLimit.count({ where: { key: 'inside-tx' } }).then((n) => (seenInside = n))
    setTimeout(release, 50)
    expect(await failing).toBe('rolled back on purpose')
    await outside
    await peek
    expect(seenInside).toBe(0)
    expect(await prisma.rateLimit.findMany({ select: { key: true }, orderBy: { key: 'asc' } })).toEqual([{ key: 'outside-tx' }])
  })

  test('a read on the driver (readRows) waits for an open transaction and does not see its rows', async () => {
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const failing = prisma
      .$transaction(async (tx) => {
        await tx.rateLimit.create({ data: { key: 'driver-inside-tx', count: 1, expiresAt: 0 } })
        await held
        throw new Error('rolled back on purpose')
      })
      .catch((e: Error) => e.message)
    await new Promise((r) => setTimeout(r, 50))
    let settled = false
    const peek = readRows(
      sqlBuilder
        .selectFrom('RateLimit')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('key', '=', 'driver-inside-tx'),
    ).then((rows) => {
      settled = true
      return rows[0]!.n
    })
    await new Promise((r) => setTimeout(r, 50))
    // Still waiting: the transaction holds the connection.
    expect(settled).toBe(false)
    release()
    expect(await failing).toBe('rolled back on purpose')
    expect(await peek).toBe(0)
  })
})

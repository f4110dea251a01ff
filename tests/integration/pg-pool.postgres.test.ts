// The PostgreSQL pool shared by Prisma and the driver reads (app/db.server.ts): opened in full at
// start, and robust to the server ending its connections (a restart, an administrator, a
// failover). PostgreSQL only: SQLite has no pool.
import { expect, test } from 'vitest'
import { sql } from 'kysely'
import { prisma, readRows, sqlBuilder, warmDb } from '#app/db.server.ts'
import { withAdmin } from '#tests/setup/postgres.ts'

const database = () => new URL(process.env.DATABASE_URL!).pathname.slice(1)
const backends = () =>
  withAdmin(async (c) => Number((await c.query('SELECT COUNT(*) AS n FROM pg_stat_activity WHERE datname = $1', [database()])).rows[0].n))

test('the server opens the whole pool at start; connections the server ends are replaced and nothing is lost', async () => {
  await warmDb()
  expect(await backends()).toBe(Number(process.env.DATABASE_POOL_SIZE ?? 10))

  // Every idle connection is ended by the server, as on a restart. Without a listener on the
  // pool, each of these errors would be thrown and end the process.
  const ended = await withAdmin(
    async (c) =>
      (await c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database()]))
        .rowCount,
  )
  expect(ended).toBeGreaterThan(0)
  await expect.poll(backends).toBe(0)

  // Both kinds of statement go on, on new connections.
  const [row] = await readRows(sqlBuilder.selectNoFrom(sql<number>`41 + 1`.as('n')))
  expect(row!.n).toBe(42)
  expect(await prisma.organisation.count()).toBeGreaterThanOrEqual(0)
})

// The one Prisma client, chosen by DATABASE_URL: SQLite (default, embedded) or PostgreSQL.
// Both generated clients come from one logical schema; the app is typed against the SQLite
// one and uses only what both providers support.
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaPg } from '@prisma/adapter-pg'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { PrismaClient as PostgresClient } from '#app/generated/postgresql/client.ts'
import { Prisma, PrismaClient as SqliteClient } from '#app/generated/sqlite/client.ts'
import { resolveDatabase, type DatabaseTarget } from '#app/utils/database-url.ts'

export type Db = SqliteClient
/** A client or the transaction client Prisma hands to `$transaction(async (tx) => …)`. */
export type Tx = Prisma.TransactionClient | Db
export { Prisma }

export function createDb(url: string | undefined = process.env.DATABASE_URL): { db: Db; target: DatabaseTarget; ready: Promise<void> } {
  const target = resolveDatabase(url)
  if (target.provider === 'postgresql') {
    const adapter = new PrismaPg({ connectionString: target.url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) })
    const db = new PostgresClient({ adapter }) as unknown as Db
    return { db, target, ready: Promise.resolve() }
  }
  mkdirSync(path.dirname(target.filePath), { recursive: true })
  // `timeout` is better-sqlite3's busy timeout: writers from other processes wait instead of failing.
  const adapter = new PrismaBetterSQLite3({ url: target.filePath, timeout: 10_000 })
  const db = new SqliteClient({ adapter })
  const ready = (async () => {
    await db.$queryRawUnsafe('PRAGMA journal_mode = WAL')
    await db.$queryRawUnsafe('PRAGMA synchronous = NORMAL')
    await db.$queryRawUnsafe('PRAGMA foreign_keys = ON')
  })()
  return { db, target, ready }
}

const globalForDb = globalThis as unknown as { __essorDb?: ReturnType<typeof createDb> }
// Kept on globalThis so Vite's dev reloads reuse the connection; tests get one per file.
const created = process.env.VITEST ? createDb() : (globalForDb.__essorDb ??= createDb())

export const prisma: Db = created.db
export const dbTarget: DatabaseTarget = created.target
export const dbReady: Promise<void> = created.ready

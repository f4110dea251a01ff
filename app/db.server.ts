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

/**
 * Prisma's SQLite adapter opens transactions with a deferred BEGIN. In WAL mode a transaction that
 * read first and then writes fails at once with SQLITE_BUSY when another process (a separate
 * worker, the CLI) committed in between, and the busy timeout cannot help. BEGIN IMMEDIATE takes
 * the write lock up front, where the busy timeout does apply. Transactions of one process are
 * already serialised by the adapter, so this costs nothing in throughput.
 */
class ImmediateTransactionSqlite extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect()
    const client = (adapter as unknown as { client: { prepare: (sql: string) => unknown } }).client
    const prepare = client.prepare.bind(client)
    client.prepare = (sql: string) => prepare(sql === 'BEGIN' ? 'BEGIN IMMEDIATE' : sql)
    return adapter
  }
}

export function createDb(url: string | undefined = process.env.DATABASE_URL): { db: Db; target: DatabaseTarget; ready: Promise<void> } {
  const target = resolveDatabase(url)
  if (target.provider === 'postgresql') {
    const adapter = new PrismaPg({ connectionString: target.url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) })
    const db = new PostgresClient({ adapter }) as unknown as Db
    return { db, target, ready: Promise.resolve() }
  }
  mkdirSync(path.dirname(target.filePath), { recursive: true })
  // `timeout` is better-sqlite3's busy timeout: writers from other processes wait instead of failing.
  const adapter = new ImmediateTransactionSqlite({ url: target.filePath, timeout: 10_000 })
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

// The one Prisma client, chosen by DATABASE_URL: SQLite (default, embedded) or PostgreSQL.
// Both generated clients come from one logical schema; the app is typed against the SQLite
// one and uses only what both providers support.
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaPg } from '@prisma/adapter-pg'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { PrismaClient as PostgresClient } from '#app/generated/postgresql/client.ts'
import { Prisma, PrismaClient as SqliteClient } from '#app/generated/sqlite/client.ts'
import { resolveDatabase, type DatabaseTarget } from '#app/utils/database-url.ts'
import { logger } from '#app/utils/logger.server.ts'

export type Db = SqliteClient
/** A client or the transaction client Prisma hands to `$transaction(async (tx) => …)`. */
export type Tx = Prisma.TransactionClient | Db
export { Prisma }

/** A FIFO lock: `acquire()` resolves with a release function once every earlier holder released. */
function createLock() {
  let tail = Promise.resolve()
  return {
    acquire(): Promise<() => void> {
      let release!: () => void
      const next = new Promise<void>((resolve) => (release = resolve))
      const ready = tail.then(() => release)
      tail = tail.then(() => next)
      return ready
    },
  }
}

type Queryable = { queryRaw: (q: unknown) => Promise<unknown>; executeRaw: (q: unknown) => Promise<unknown> }
type SqliteAdapter = Queryable & {
  client: { prepare: (sql: string) => unknown }
  executeScript: (script: string) => Promise<void>
  startTransaction: (isolationLevel?: string) => Promise<Queryable & { commit: () => Promise<void>; rollback: () => Promise<void> }>
  dispose: () => Promise<void>
}

type Statement = {
  reader: boolean
  run: (...args: unknown[]) => unknown
  columns: () => unknown[]
  raw: (on?: boolean) => { all: (...args: unknown[]) => unknown[] }
}
const STATEMENT_CACHE_SIZE = 500

/**
 * better-sqlite3's prepare for the adapter, with BEGIN made BEGIN IMMEDIATE (see below) and each
 * SQL text compiled once: the adapter prepares and binds a new statement for every query, which
 * was a twentieth of the server's CPU in a registration rush. The adapter only calls
 * `prepare(sql).run()` or `prepare(sql).bind(args)` then `reader`, `run()`, `columns()` and
 * `raw().all()`, which the returned object provides on the kept statement with the arguments
 * passed at each call (a bound statement could not be bound again). Statements run one at a time
 * (the lock below) and never iterate, so sharing one is safe.
 */
function preparedOnce(prepare: (sql: string) => unknown) {
  const statements = new Map<string, Statement>()
  const statementFor = (sql: string) => {
    let statement = statements.get(sql)
    if (statement) return statement
    statement = prepare(sql === 'BEGIN' ? 'BEGIN IMMEDIATE' : sql) as Statement
    statements.set(sql, statement)
    if (statements.size > STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!)
    return statement
  }
  return (sql: string) => {
    const statement = statementFor(sql)
    const bound = (args: unknown[]) => ({
      reader: statement.reader,
      run: () => statement.run(...args),
      columns: () => statement.columns(),
      raw: () => ({ all: () => statement.raw(true).all(...args) }),
    })
    return { reader: statement.reader, run: () => statement.run(), columns: () => statement.columns(), bind: bound }
  }
}

/**
 * Prisma's SQLite adapter has one connection per client and locks only its transactions, so a
 * statement made outside a transaction while another request's transaction is open runs inside
 * it: it sees uncommitted rows and is lost if that transaction rolls back. Here every statement
 * and every transaction takes one process-wide lock, so they run one after the other.
 *
 * Transactions also start with BEGIN IMMEDIATE instead of a deferred BEGIN: in WAL mode a
 * transaction that read first and then writes fails at once with SQLITE_BUSY when another
 * process (a separate worker, the CLI) committed in between, and the busy timeout cannot help.
 * BEGIN IMMEDIATE takes the write lock up front, where the busy timeout applies.
 *
 * Inside `$transaction(async (tx) => …)` use `tx`, never the global client: a global query would
 * wait for the transaction that waits for it.
 */
class SerialisedSqlite extends PrismaBetterSQLite3 {
  /** The connection and its lock, for `directDb` (set on every connect). */
  direct: { prepare: (sql: string) => unknown; lock: ReturnType<typeof createLock> } | null = null

  override async connect() {
    const adapter = (await super.connect()) as unknown as SqliteAdapter
    const lock = createLock()
    const prepare = adapter.client.prepare.bind(adapter.client)
    this.direct = { prepare, lock }
    adapter.client.prepare = preparedOnce(prepare)

    const serialised = <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
      async (...args: A): Promise<R> => {
        const release = await lock.acquire()
        try {
          return await fn(...args)
        } finally {
          release()
        }
      }
    adapter.queryRaw = serialised(adapter.queryRaw.bind(adapter))
    adapter.executeRaw = serialised(adapter.executeRaw.bind(adapter))
    adapter.executeScript = serialised(adapter.executeScript.bind(adapter))
    const dispose = adapter.dispose.bind(adapter)
    adapter.dispose = () => {
      // Prisma connects again on its next query; directDb waits for that connection.
      if (this.direct?.lock === lock) this.direct = null
      return dispose()
    }

    const startTransaction = adapter.startTransaction.bind(adapter)
    adapter.startTransaction = async (isolationLevel) => {
      const release = await lock.acquire()
      try {
        const tx = await startTransaction(isolationLevel)
        let released = false
        const once = () => {
          if (!released) {
            released = true
            release()
          }
        }
        const commit = tx.commit.bind(tx)
        const rollback = tx.rollback.bind(tx)
        tx.commit = () => commit().finally(once)
        tx.rollback = () => rollback().finally(once)
        return tx
      } catch (error) {
        release()
        throw error
      }
    }
    return adapter as unknown as Awaited<ReturnType<PrismaBetterSQLite3['connect']>>
  }
}

// ---- Statements on the driver itself ----------------------------------------------------------

type SqlValue = string | number | bigint | boolean | Date | null | undefined

/**
 * The few hottest paths (a registration rush) run their statements on the database driver
 * itself: Prisma's runtime costs several times what the statements cost (its query compiler,
 * its transaction machinery). Statements are Prisma.sql templates, so they are written once
 * for both databases; values are stored exactly as Prisma stores them (SQLite: ISO text with
 * +00:00 and 1/0; PostgreSQL: UTC timestamps without a zone).
 */
export type DirectDb =
  | {
      dialect: 'sqlite'
      /**
       * Runs `fn` in BEGIN IMMEDIATE … COMMIT (ROLLBACK if it throws), synchronously, under the
       * same process-wide lock as every Prisma statement (see SerialisedSqlite).
       */
      transaction<T>(fn: (db: SqliteStatements) => T): Promise<T>
      /** One read statement, outside any transaction, under the same lock. */
      read<T = Record<string, unknown>>(statement: Prisma.Sql): Promise<T[]>
    }
  | {
      dialect: 'postgresql'
      /** One statement on a pooled connection (its own transaction): rows as objects. */
      query<T = Record<string, unknown>>(statement: Prisma.Sql): Promise<T[]>
    }

export type SqliteStatements = {
  /** Rows as objects; integers as numbers, dates as stored (ISO text). */
  all<T = Record<string, unknown>>(statement: Prisma.Sql): T[]
  /** The number of rows changed. */
  run(statement: Prisma.Sql): number
}

type SqliteStatement = { all: (...args: unknown[]) => unknown[]; run: (...args: unknown[]) => { changes: number }; reader: boolean; safeIntegers: (on: boolean) => unknown }

function sqliteValue(value: SqlValue) {
  if (value === undefined || value === null) return null
  if (value instanceof Date) return value.toISOString().replace('Z', '+00:00')
  if (typeof value === 'boolean') return value ? 1 : 0
  return value
}

function pgValue(value: SqlValue) {
  if (value === undefined || value === null) return null
  if (value instanceof Date) return value.toISOString().replace('T', ' ').replace('Z', '')
  return value
}

// PostgreSQL: timestamps without a zone are UTC (as Prisma writes them); counts as numbers.
const pgTypes = {
  getTypeParser: (oid: number, format?: string) => {
    if (oid === 1114) return (text: string) => new Date(`${text.replace(' ', 'T')}Z`)
    if (oid === 20) return (text: string) => Number(text)
    return pg.types.getTypeParser(oid, format as 'text')
  },
}

function sqliteDirect(adapter: SerialisedSqlite, db: Db, ready: Promise<void>): DirectDb {
  const statements = new Map<string, SqliteStatement>()
  let preparedWith: unknown = null
  const statementFor = (prepare: (sql: string) => unknown, sql: string) => {
    // A new connection (after a disconnect) prepares its own statements.
    if (preparedWith !== prepare) {
      statements.clear()
      preparedWith = prepare
    }
    let statement = statements.get(sql)
    if (!statement) {
      statement = prepare(sql) as SqliteStatement
      if (statement.reader) statement.safeIntegers(false)
      statements.set(sql, statement)
      if (statements.size > STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!)
    }
    return statement
  }
  const connection = async () => {
    await ready
    // After a $disconnect, the next Prisma statement opens the connection again.
    if (!adapter.direct) await db.$connect()
    if (!adapter.direct) throw new Error('the SQLite connection is closed')
    return adapter.direct
  }
  const all = <T>(prepare: (sql: string) => unknown, s: Prisma.Sql) =>
    statementFor(prepare, s.sql).all(...s.values.map((v) => sqliteValue(v as SqlValue))) as T[]
  return {
    dialect: 'sqlite',
    async read<T>(statement: Prisma.Sql) {
      const { prepare, lock } = await connection()
      const release = await lock.acquire()
      try {
        return all<T>(prepare, statement)
      } finally {
        release()
      }
    },
    async transaction(fn) {
      const { prepare, lock } = await connection()
      const release = await lock.acquire()
      try {
        const run: SqliteStatements = {
          all: <T>(s: Prisma.Sql) => all<T>(prepare, s),
          run: (s) => statementFor(prepare, s.sql).run(...s.values.map((v) => sqliteValue(v as SqlValue))).changes,
        }
        statementFor(prepare, 'BEGIN IMMEDIATE').run()
        try {
          const result = fn(run)
          statementFor(prepare, 'COMMIT').run()
          return result
        } catch (error) {
          statementFor(prepare, 'ROLLBACK').run()
          throw error
        }
      } finally {
        release()
      }
    },
  }
}

function postgresDirect(pool: pg.Pool): DirectDb {
  // Named statements: each connection parses and plans a text once, then only binds values.
  const names = new Map<string, string>()
  const nameOf = (text: string) => {
    let name = names.get(text)
    if (!name && names.size < STATEMENT_CACHE_SIZE) names.set(text, (name = `essor_direct_${names.size + 1}`))
    return name
  }
  return {
    dialect: 'postgresql',
    async query<T>(s: Prisma.Sql) {
      const result = await pool.query({ name: nameOf(s.text), text: s.text, values: s.values.map((v) => pgValue(v as SqlValue)), types: pgTypes })
      return result.rows as T[]
    },
  }
}

/**
 * Opens every connection of the pool at once, so that the first visitors do not wait for them.
 * A connection that cannot open now is left to the first query that needs it.
 */
async function openConnections(pool: pg.Pool) {
  const max = pool.options.max ?? 10
  const opened = await Promise.allSettled(Array.from({ length: max }, () => pool.connect()))
  for (const result of opened) if (result.status === 'fulfilled') result.value.release()
  const failed = opened.find((result) => result.status === 'rejected')
  if (failed) logger.warn({ reason: String((failed.reason as Error)?.message ?? failed.reason) }, 'could not open every PostgreSQL connection at start')
}

export function createDb(url: string | undefined = process.env.DATABASE_URL): {
  db: Db
  target: DatabaseTarget
  ready: Promise<void>
  direct: DirectDb
  /** Resolves once the connections a busy server uses are open. */
  warm: () => Promise<void>
  /** Closes every connection for good (the process uses the database no more). */
  close: () => Promise<void>
} {
  const target = resolveDatabase(url)
  if (target.provider === 'postgresql') {
    // One pool for Prisma and for the direct statements. It outlives $disconnect (Prisma connects
    // again on its next query, and the direct statements go on using it). A fixed size, as most
    // server pools: a connection once opened is kept, so a rush after a quiet hour does not wait
    // for new ones; the server opens them all at start (warm). Idle connections do not keep a
    // process alive.
    const size = Number(process.env.DATABASE_POOL_SIZE ?? 10)
    const pool = new pg.Pool({ connectionString: target.url, max: size, min: size, allowExitOnIdle: true })
    // A connection that breaks while idle (a server restart, a terminated backend) is dropped by
    // the pool and replaced on the next query; without a listener its error would end the process.
    pool.on('error', (error) =>
      logger.warn({ code: (error as { code?: unknown }).code, reason: error.message }, 'an idle PostgreSQL connection was closed; it will be replaced'),
    )
    const adapter = new PrismaPg(pool)
    const db = new PostgresClient({ adapter }) as unknown as Db
    const close = async () => {
      await db.$disconnect()
      if (!pool.ended) await pool.end()
    }
    return { db, target, ready: Promise.resolve(), direct: postgresDirect(pool), warm: () => openConnections(pool), close }
  }
  mkdirSync(path.dirname(target.filePath), { recursive: true })
  // `timeout` is better-sqlite3's busy timeout: writers from other processes wait instead of failing.
  const adapter = new SerialisedSqlite({ url: target.filePath, timeout: 10_000 })
  const db = new SqliteClient({ adapter })
  const ready = (async () => {
    await db.$queryRawUnsafe('PRAGMA journal_mode = WAL')
    await db.$queryRawUnsafe('PRAGMA synchronous = NORMAL')
    await db.$queryRawUnsafe('PRAGMA foreign_keys = ON')
  })()
  return { db, target, ready, direct: sqliteDirect(adapter, db, ready), warm: () => ready, close: () => db.$disconnect() }
}

const globalForDb = globalThis as unknown as { __essorDb?: ReturnType<typeof createDb> }
// Kept on globalThis so Vite's dev reloads reuse the connection; tests get one per file.
const created = process.env.VITEST ? createDb() : (globalForDb.__essorDb ??= createDb())

export const prisma: Db = created.db
export const dbTarget: DatabaseTarget = created.target
export const dbReady: Promise<void> = created.ready
export const directDb: DirectDb = created.direct
export const warmDb: () => Promise<void> = created.warm
export const closeDb: () => Promise<void> = created.close

/**
 * A read on the driver itself, for the hottest pages: on PostgreSQL a named statement (parsed and
 * planned once per connection), on SQLite a statement compiled once. Rows as `directDb` gives
 * them: on SQLite dates as stored text and booleans as 0/1.
 */
export function readRows<T = Record<string, unknown>>(statement: Prisma.Sql): Promise<T[]> {
  return directDb.dialect === 'postgresql' ? directDb.query<T>(statement) : directDb.read<T>(statement)
}

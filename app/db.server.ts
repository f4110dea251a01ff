// The one Prisma client, chosen by DATABASE_URL: SQLite (default, embedded) or PostgreSQL.
// Both generated clients come from one logical schema; the app is typed against the SQLite
// one and uses only what both providers support.
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaPg } from '@prisma/adapter-pg'
import type { IsolationLevel, SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, Transaction } from '@prisma/driver-adapter-utils'
import Database from 'better-sqlite3'
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type Compilable,
  type InferResult,
} from 'kysely'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { PrismaClient as PostgresClient } from '#app/generated/postgresql/client.ts'
import type { DB } from '#app/generated/kysely/types.ts'
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

/**
 * Prisma's SQLite adapter has one connection per client and locks only its transactions, so a
 * statement made outside a transaction while another request's transaction is open runs inside
 * it: it sees uncommitted rows and is lost if that transaction rolls back. This factory wraps the
 * official one by composition (Prisma's public driver-adapter interface, nothing private): every
 * statement and every transaction takes one process-wide lock, so they run one after the other.
 *
 * Transactions open with BEGIN IMMEDIATE, sent through the adapter's public `executeRaw`, instead
 * of the adapter's deferred BEGIN: in WAL mode a transaction that read first and then writes fails
 * at once with SQLITE_BUSY when another process (a separate worker, the CLI) committed in between,
 * and the busy timeout cannot help. BEGIN IMMEDIATE takes the write lock up front, where the busy
 * timeout applies. Prisma itself sends COMMIT / ROLLBACK through the transaction's `executeRaw`
 * (`usePhantomQuery: false`, as the official adapter says), then calls commit()/rollback().
 * See docs/decisions/0009-sqlite-adapter-wrapper.md.
 *
 * Inside `$transaction(async (tx) => …)` use `tx`, never the global client: a global query would
 * wait for the transaction that waits for it.
 */
export class SerialisedSqlite implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'sqlite'
  readonly adapterName: string
  /** Shared by every connection Prisma opens through this factory and by `directDb`. */
  readonly lock = createLock()
  readonly #inner: PrismaBetterSQLite3

  constructor(...args: ConstructorParameters<typeof PrismaBetterSQLite3>) {
    this.#inner = new PrismaBetterSQLite3(...args)
    this.adapterName = this.#inner.adapterName
  }

  async connect(): Promise<SqlDriverAdapter> {
    return serialised(await this.#inner.connect(), this.lock)
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    return serialised(await this.#inner.connectToShadowDb(), createLock())
  }
}

const STATEMENT_CACHE_SIZE = 500
const NO_ARGS = { args: [], argTypes: [] }

function serialised(adapter: SqlDriverAdapter, lock: ReturnType<typeof createLock>): SqlDriverAdapter {
  const locked = async <R>(fn: () => Promise<R>): Promise<R> => {
    const release = await lock.acquire()
    try {
      return await fn()
    } finally {
      release()
    }
  }
  const info = { provider: adapter.provider, adapterName: adapter.adapterName }
  return {
    ...info,
    queryRaw: (query) => locked(() => adapter.queryRaw(query)),
    executeRaw: (query) => locked(() => adapter.executeRaw(query)),
    executeScript: (script) => locked(() => adapter.executeScript(script)),
    ...(adapter.getConnectionInfo ? { getConnectionInfo: () => adapter.getConnectionInfo!() } : {}),
    dispose: () => adapter.dispose(),
    async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
      // SQLite transactions are serialisable; the official adapter refuses any other level too.
      if (isolationLevel && isolationLevel !== 'SERIALIZABLE')
        throw new Error(`SQLite does not support the isolation level ${isolationLevel}`)
      const release = await lock.acquire()
      try {
        await adapter.executeRaw({ sql: 'BEGIN IMMEDIATE', ...NO_ARGS })
      } catch (error) {
        release()
        throw error
      }
      let open = true
      const end = () => {
        if (open) {
          open = false
          release()
        }
        return Promise.resolve()
      }
      return {
        ...info,
        options: { usePhantomQuery: false },
        // The lock is already held by this transaction.
        queryRaw: (query) => adapter.queryRaw(query),
        executeRaw: (query) => adapter.executeRaw(query),
        commit: end,
        rollback: end,
      }
    },
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

type SqliteStatement = {
  all: (...args: unknown[]) => unknown[]
  run: (...args: unknown[]) => { changes: number }
  columns: () => { name: string; type: string | null }[]
}
const SQLITE_BUSY_TIMEOUT_MS = 10_000

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

/**
 * The direct statements on SQLite run on a better-sqlite3 connection of their own (synchronous,
 * so a registration holds the lock for microseconds), under the same process-wide lock as every
 * Prisma statement: within this process the two connections never overlap, so neither waits on
 * the other's SQLite lock. Opened on first use, once `ready` set WAL mode on the file.
 */
function sqliteDirect(filePath: string, lock: ReturnType<typeof createLock>, ready: Promise<void>) {
  let connection: Database.Database | null = null
  // Our own connection's statements, each SQL text compiled once.
  const statements = new Map<string, SqliteStatement>()
  const open = async () => {
    await ready
    if (!connection) {
      connection = new Database(filePath, { timeout: SQLITE_BUSY_TIMEOUT_MS })
      connection.pragma('synchronous = NORMAL')
      connection.pragma('foreign_keys = ON')
    }
    return connection
  }
  const statementFor = (sql: string) => {
    let statement = statements.get(sql)
    if (!statement) {
      statement = connection!.prepare(sql) as unknown as SqliteStatement
      statements.set(sql, statement)
      if (statements.size > STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!)
    }
    return statement
  }
  const args = (values: readonly unknown[]) => values.map((v) => sqliteValue(v as SqlValue))
  const all = <T>(sql: string, values: readonly unknown[]) => statementFor(sql).all(...args(values)) as T[]
  const locked = async <R>(fn: () => R): Promise<R> => {
    await open()
    const release = await lock.acquire()
    try {
      return fn()
    } finally {
      release()
    }
  }
  const direct: Extract<DirectDb, { dialect: 'sqlite' }> = {
    dialect: 'sqlite',
    read: <T>(statement: Prisma.Sql) => locked(() => all<T>(statement.sql, statement.values)),
    transaction: (fn) =>
      locked(() => {
        const run: SqliteStatements = {
          all: <T>(s: Prisma.Sql) => all<T>(s.sql, s.values),
          run: (s) => statementFor(s.sql).run(...args(s.values)).changes,
        }
        statementFor('BEGIN IMMEDIATE').run()
        try {
          const result = fn(run)
          statementFor('COMMIT').run()
          return result
        } catch (error) {
          statementFor('ROLLBACK').run()
          throw error
        }
      }),
  }
  /** A compiled read with its rows normalised as Prisma gives them (see `readRows`). */
  const readCompiled = <T>(sql: string, values: readonly unknown[]) =>
    locked(() => {
      const statement = statementFor(sql)
      return normaliseSqliteRows(statement.columns(), statement.all(...args(values))) as T[]
    })
  const close = () => {
    connection?.close()
    connection = null
    statements.clear()
  }
  return { direct, readCompiled, close }
}

/**
 * SQLite stores dates as ISO text and booleans as 0/1; Prisma (and PostgreSQL) hand back Date and
 * boolean. A column read straight from a table has its declared type, which says which is which;
 * a computed column (EXISTS, CASE) has none and stays as SQLite gives it (Kysely types it SqlBool).
 */
function normaliseSqliteRows(columns: { name: string; type: string | null }[], rows: unknown[]) {
  const dates = columns.filter((c) => c.type === 'DATETIME').map((c) => c.name)
  const booleans = columns.filter((c) => c.type === 'BOOLEAN').map((c) => c.name)
  if (dates.length === 0 && booleans.length === 0) return rows
  for (const row of rows as Record<string, unknown>[]) {
    for (const name of dates) if (typeof row[name] === 'string') row[name] = new Date(row[name])
    for (const name of booleans) if (row[name] !== null) row[name] = row[name] === 1 || row[name] === 1n || row[name] === true
  }
  return rows
}

function postgresDirect(pool: pg.Pool) {
  // Named statements: each connection parses and plans a text once, then only binds values.
  const names = new Map<string, string>()
  const nameOf = (text: string) => {
    let name = names.get(text)
    if (!name && names.size < STATEMENT_CACHE_SIZE) names.set(text, (name = `essor_direct_${names.size + 1}`))
    return name
  }
  const read = async <T>(text: string, values: readonly unknown[]) => {
    const result = await pool.query({ name: nameOf(text), text, values: values.map((v) => pgValue(v as SqlValue)), types: pgTypes })
    return result.rows as T[]
  }
  const direct: DirectDb = { dialect: 'postgresql', query: <T>(s: Prisma.Sql) => read<T>(s.text, s.values) }
  return { direct, read }
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
  if (failed)
    logger.warn(
      { reason: String((failed.reason as Error)?.message ?? failed.reason) },
      'could not open every PostgreSQL connection at start',
    )
}

export function createDb(url: string | undefined = process.env.DATABASE_URL): {
  db: Db
  target: DatabaseTarget
  ready: Promise<void>
  direct: DirectDb
  /** Runs one compiled read (see `readRows`). */
  read: <T>(sql: string, parameters: readonly unknown[]) => Promise<T[]>
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
      logger.warn(
        { code: (error as { code?: unknown }).code, reason: error.message },
        'an idle PostgreSQL connection was closed; it will be replaced',
      ),
    )
    const adapter = new PrismaPg(pool)
    const db = new PostgresClient({ adapter }) as unknown as Db
    const close = async () => {
      await db.$disconnect()
      if (!pool.ended) await pool.end()
    }
    const direct = postgresDirect(pool)
    return { db, target, ready: Promise.resolve(), direct: direct.direct, read: direct.read, warm: () => openConnections(pool), close }
  }
  mkdirSync(path.dirname(target.filePath), { recursive: true })
  // `timeout` is better-sqlite3's busy timeout: writers from other processes wait instead of failing.
  const adapter = new SerialisedSqlite({ url: target.filePath, timeout: SQLITE_BUSY_TIMEOUT_MS })
  const db = new SqliteClient({ adapter })
  const ready = (async () => {
    await db.$queryRawUnsafe('PRAGMA journal_mode = WAL')
    await db.$queryRawUnsafe('PRAGMA synchronous = NORMAL')
    await db.$queryRawUnsafe('PRAGMA foreign_keys = ON')
  })()
  const sqlite = sqliteDirect(target.filePath, adapter.lock, ready)
  const close = async () => {
    await db.$disconnect()
    sqlite.close()
  }
  return { db, target, ready, direct: sqlite.direct, read: sqlite.readCompiled, warm: () => ready, close }
}

const globalForDb = globalThis as unknown as { __essorDb?: ReturnType<typeof createDb> }
// The dev server (`npm run dev`) evaluates this file again on every change: it keeps its one
// connection on globalThis. Production runs one bundle (app/server/bundle.ts) and tests get one
// client per file, so neither needs it.
const created = process.env.NODE_ENV === 'development' ? (globalForDb.__essorDb ??= createDb()) : createDb()

export const prisma: Db = created.db
export const dbTarget: DatabaseTarget = created.target
export const dbReady: Promise<void> = created.ready
export const directDb: DirectDb = created.direct
export const warmDb: () => Promise<void> = created.warm
export const closeDb: () => Promise<void> = created.close

/**
 * Builds the hand-written statements of the hottest pages, checked by `tsc` against the tables
 * generated from the Prisma schema (app/generated/kysely). Kysely only compiles them here, with
 * the query compiler of the database in use; `readRows` runs them.
 */
export const sqlBuilder = new Kysely<DB>({
  dialect:
    dbTarget.provider === 'postgresql'
      ? {
          createAdapter: () => new PostgresAdapter(),
          createDriver: () => new DummyDriver(),
          createIntrospector: (k) => new PostgresIntrospector(k),
          createQueryCompiler: () => new PostgresQueryCompiler(),
        }
      : {
          createAdapter: () => new SqliteAdapter(),
          createDriver: () => new DummyDriver(),
          createIntrospector: (k) => new SqliteIntrospector(k),
          createQueryCompiler: () => new SqliteQueryCompiler(),
        },
})

/**
 * A read on the driver itself, for the hottest pages (the session, the header, the juror, the
 * scoring page): on PostgreSQL a named statement (parsed and planned once per connection) on the
 * shared pool, on SQLite a compiled statement under the process-wide lock. Columns of a table come
 * back as Prisma gives them on both databases (dates as Date, booleans as booleans); a computed
 * boolean (EXISTS, a comparison) is typed `SqlBool` by Kysely (0/1 on SQLite).
 */
export function readRows<Q extends Compilable>(query: Q): Promise<InferResult<Q>> {
  const { sql: text, parameters } = query.compile()
  return created.read(text, parameters) as Promise<InferResult<Q>>
}

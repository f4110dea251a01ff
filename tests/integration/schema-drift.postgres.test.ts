// One logical schema, two providers: each migration history, applied to a fresh database, must
// give the same columns (name, type family, nullability, default), primary keys and indexes
// (columns, uniqueness). Introspects the migrated databases themselves, not the migration text.
import Database from 'better-sqlite3'
import { mkdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { afterAll, expect, test } from 'vitest'
import { deployMigrations } from '#app/server/migrate.ts'

type Column = { table: string; name: string; family: string; nullable: boolean; default: string | null }
type Index = { table: string; columns: string[]; unique: boolean; primary: boolean }

// The type each provider's migrations write for one Prisma type.
const SQLITE_FAMILY: Record<string, string> = {
  TEXT: 'text',
  INTEGER: 'integer',
  BIGINT: 'bigint',
  REAL: 'float',
  DECIMAL: 'decimal',
  DATETIME: 'datetime',
  BOOLEAN: 'boolean',
  BLOB: 'bytes',
  JSONB: 'json',
}
const POSTGRES_FAMILY: Record<string, string> = {
  text: 'text',
  integer: 'integer',
  bigint: 'bigint',
  'double precision': 'float',
  numeric: 'decimal',
  'timestamp without time zone': 'datetime',
  boolean: 'boolean',
  bytea: 'bytes',
  jsonb: 'json',
}

/** A default as both providers can agree on it: PostgreSQL's casts dropped, now() named one way. */
function normaliseDefault(value: string | null): string | null {
  if (value === null) return null
  const v = value.replace(/::[a-z ]+(\(\d+\))?$/i, '').trim()
  if (/^(CURRENT_TIMESTAMP|now\(\))$/i.test(v)) return 'now'
  return v
}

const file = path.resolve(`data/test/drift-${process.pid}.db`)
afterAll(() => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
})

async function sqliteSchema() {
  mkdirSync(path.dirname(file), { recursive: true })
  rmSync(file, { force: true })
  await deployMigrations(`file:${file}`)
  const db = new Database(file, { readonly: true })
  try {
    const tables = (
      db
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'`)
        .all() as { name: string }[]
    ).map((t) => t.name)
    const columns: Column[] = []
    const indexes: Index[] = []
    for (const table of tables) {
      const info = db.prepare(`PRAGMA table_info("${table}")`).all() as {
        name: string
        type: string
        notnull: number
        dflt_value: string | null
        pk: number
      }[]
      for (const c of info) {
        const family = SQLITE_FAMILY[c.type.toUpperCase()]
        if (!family) throw new Error(`no type family for SQLite ${c.type} (${table}.${c.name})`)
        columns.push({ table, name: c.name, family, nullable: c.notnull === 0 && c.pk === 0, default: normaliseDefault(c.dflt_value) })
      }
      const pk = info
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name)
      if (pk.length > 0) indexes.push({ table, columns: pk, unique: true, primary: true })
      for (const ix of db.prepare(`PRAGMA index_list("${table}")`).all() as { name: string; unique: number; origin: string }[]) {
        if (ix.origin === 'pk') continue
        const cols = (db.prepare(`PRAGMA index_info("${ix.name}")`).all() as { seqno: number; name: string }[])
          .sort((a, b) => a.seqno - b.seqno)
          .map((c) => c.name)
        indexes.push({ table, columns: cols, unique: ix.unique === 1, primary: false })
      }
    }
    return { columns, indexes }
  } finally {
    db.close()
  }
}

async function postgresSchema() {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await client.connect()
  try {
    const cols = await client.query<{
      table_name: string
      column_name: string
      data_type: string
      is_nullable: string
      column_default: string | null
    }>(
      `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    )
    const columns: Column[] = cols.rows.map((c) => {
      const family = POSTGRES_FAMILY[c.data_type]
      if (!family) throw new Error(`no type family for PostgreSQL ${c.data_type} (${c.table_name}.${c.column_name})`)
      return {
        table: c.table_name,
        name: c.column_name,
        family,
        nullable: c.is_nullable === 'YES',
        default: normaliseDefault(c.column_default),
      }
    })
    const ix = await client.query<{ table: string; columns: string[]; unique: boolean; primary: boolean }>(
      `SELECT t.relname AS "table", ix.indisunique AS "unique", ix.indisprimary AS "primary",
         array_agg(a.attname::text ORDER BY k.ord) AS "columns"
       FROM pg_index ix
       JOIN pg_class i ON i.oid = ix.indexrelid
       JOIN pg_class t ON t.oid = ix.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
       WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'
       GROUP BY t.relname, i.relname, ix.indisunique, ix.indisprimary`,
    )
    return { columns, indexes: ix.rows }
  } finally {
    await client.end()
  }
}

const byKey = <T>(rows: T[], key: (r: T) => string) => [...rows].sort((a, b) => key(a).localeCompare(key(b)))
const columnKey = (c: Column) => `${c.table}.${c.name}`
const indexKey = (i: Index) => `${i.table}(${i.columns.join(',')})${i.primary ? ' pk' : ''}${i.unique ? ' unique' : ''}`

test('both migrated databases have the same columns, defaults, keys and indexes', async () => {
  const [sqlite, postgres] = [await sqliteSchema(), await postgresSchema()]
  expect(sqlite.columns.length).toBeGreaterThan(100)
  expect(byKey(postgres.columns, columnKey)).toEqual(byKey(sqlite.columns, columnKey))
  expect(byKey(postgres.indexes, indexKey).map(indexKey)).toEqual(byKey(sqlite.indexes, indexKey).map(indexKey))
})

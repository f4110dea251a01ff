// One logical schema, two providers: this fails when the SQLite source and the derived
// PostgreSQL schema, or their migration histories, drift apart.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { derivePostgresSchema } from '../../prisma/scripts/postgres-schema.mjs'

const read = (p: string) => readFileSync(p, 'utf8')
const migrationFolders = (dir: string) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()

describe('schema drift between SQLite and PostgreSQL', () => {
  test('the PostgreSQL schema is exactly the one derived from the SQLite source', () => {
    expect(read('prisma/postgresql/schema.prisma')).toBe(derivePostgresSchema(read('prisma/schema.prisma')))
  })

  test('both providers have the same migration history', () => {
    const sqlite = migrationFolders('prisma/migrations')
    const postgres = migrationFolders('prisma/postgresql/migrations')
    expect(sqlite.length).toBeGreaterThan(0)
    expect(postgres).toEqual(sqlite)
    for (const folder of sqlite) {
      expect(existsSync(`prisma/migrations/${folder}/migration.sql`)).toBe(true)
      expect(existsSync(`prisma/postgresql/migrations/${folder}/migration.sql`)).toBe(true)
    }
  })

  test('no schema change is left without a migration (run npm run db:migration -- <name>)', () => {
    expect(read('prisma/schema.last-migration.prisma')).toBe(read('prisma/schema.prisma'))
    expect(read('prisma/postgresql/schema.last-migration.prisma')).toBe(read('prisma/postgresql/schema.prisma'))
  })

  test('each migration creates the same tables on both providers', () => {
    for (const folder of migrationFolders('prisma/migrations')) {
      // SQLite changes a column by rebuilding the table ("new_X" then renamed); PostgreSQL alters it.
      const tables = (sql: string) =>
        [...sql.matchAll(/CREATE TABLE "(\w+)"/g)]
          .map((m) => m[1]!)
          .filter((t) => !t.startsWith('new_'))
          .sort()
      expect(tables(read(`prisma/postgresql/migrations/${folder}/migration.sql`))).toEqual(
        tables(read(`prisma/migrations/${folder}/migration.sql`)),
      )
    }
  })
})

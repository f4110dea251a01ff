// Runs before each integration test file: gives the file its own database, copied from the
// migrated base, and points DATABASE_URL at it before any app module is imported.
import { randomBytes } from 'node:crypto'
import { copyFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { afterAll, inject } from 'vitest'
import { databaseUrl, withAdmin } from './postgres.ts'

const base = inject('baseDatabase')
const id = randomBytes(6).toString('hex')

if (process.env.TEST_DB === 'postgres') {
  const name = `essor_t_${id}`
  await withAdmin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${base}`))
  process.env.DATABASE_URL = databaseUrl(name)
  afterAll(async () => {
    const { prisma } = await import('#app/db.server.ts')
    await prisma.$disconnect()
    await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))
  })
} else {
  const file = path.resolve(`data/test/t-${id}.db`)
  copyFileSync(base, file)
  process.env.DATABASE_URL = `file:${file}`
  afterAll(async () => {
    const { prisma } = await import('#app/db.server.ts')
    await prisma.$disconnect()
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
  })
}
process.env.NODE_ENV = 'test'
process.env.RATE_LIMITS ??= 'on'

// Vitest global setup for the integration projects: migrates one base database, which every
// test file then copies (SQLite: a file copy; PostgreSQL: CREATE DATABASE … TEMPLATE).
import { rmSync } from 'node:fs'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { deployMigrations } from '#app/server/migrate.ts'
import { databaseUrl, postgresReachable, TEST_POSTGRES_URL, withAdmin } from './postgres.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    baseDatabase: string
  }
}

export default async function setup(project: TestProject) {
  const kind = process.env.TEST_DB ?? project.config.env?.TEST_DB
  if (kind === 'postgres') {
    if (!(await postgresReachable())) {
      throw new Error(`PostgreSQL is not reachable at ${TEST_POSTGRES_URL} (set TEST_POSTGRES_URL)`)
    }
    const name = `essor_test_base_${process.pid}`
    await withAdmin(async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await c.query(`CREATE DATABASE ${name}`)
    })
    await deployMigrations(databaseUrl(name))
    project.provide('baseDatabase', name)
    return async () => {
      await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))
    }
  }
  const file = path.resolve(`data/test/base-${process.pid}.db`)
  rmSync(file, { force: true })
  await deployMigrations(`file:${file}`)
  project.provide('baseDatabase', file)
  return () => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
  }
}

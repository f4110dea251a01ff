// A second `npm start` on the SQLite file another server runs on stops at once with a plain
// sentence, before touching the database (it used to fail in Prisma's migration engine with a
// WASM_ERROR, after the first one had started sending emails). SQLite only: PostgreSQL has its own locks.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { dbReady } from '#app/db.server.ts'
import { claimSqliteFile, DatabaseInUseError, sqliteFileOf } from '#app/server/sqlite-owner.ts'
import { cleanup, root, serverEnv, startServer } from '#tests/bench/lib.ts'

// The bench helpers open this file's database: let it finish opening before the file's teardown closes it.
beforeAll(() => dbReady)
afterAll(cleanup)

function runStart(env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['app/server/start.ts'], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (c: Buffer) => (output += c.toString()))
    child.stderr.on('data', (c: Buffer) => (output += c.toString()))
    child.on('exit', (code) => resolve({ code, output }))
  })
}

describe('one server per SQLite file', () => {
  test('sqliteFileOf reads file: URLs only', () => {
    expect(sqliteFileOf('file:./data/x.db?connection_limit=1')).toBe(path.resolve('data/x.db'))
    expect(sqliteFileOf('postgresql://localhost/db')).toBeNull()
  })

  test('a second claim on the same file is refused until the first is released', async () => {
    const url = `file:${path.resolve(`data/test/claim-${process.pid}.db`)}`
    const release = await claimSqliteFile(url)
    await expect(claimSqliteFile(url)).rejects.toBeInstanceOf(DatabaseInUseError)
    await release()
    const again = await claimSqliteFile(url)
    await again()
  })

  test('a second npm start on a served file stops with a sentence that says why', async () => {
    const url = process.env.DATABASE_URL!
    const server = await startServer({ kind: 'sqlite', url, drop: async () => {} }, { env: { MIGRATE_ON_START: 'off', RUN_WORKER: 'off' } })
    try {
      const second = await runStart(serverEnv(url, server.port + 1, { MIGRATE_ON_START: 'off' }))
      expect(second.code).toBe(1)
      expect(second.output).toContain('is used by another Essor process')
      expect(second.output).not.toContain('WASM_ERROR')
      // The first server still answers, with its database.
      expect(await (await fetch(`${server.url}/healthz`)).json()).toMatchObject({ database: 'ok' })
    } finally {
      await server.stop()
    }
  }, 120_000)
})

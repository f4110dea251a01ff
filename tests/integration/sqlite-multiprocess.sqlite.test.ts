// SQLite shared by two processes (the server and a separate worker or the CLI): transactions
// that read then write must wait for the other process's lock, never fail with "database is locked".
import { register } from '#app/composition/registrations.server.ts'
import { spawn } from 'node:child_process'
import { describe, expect, test } from 'vitest'
import { dbTarget, prisma } from '#app/db.server.ts'
import { makeEvent, makeOrganisation, person } from '#tests/support/factories.ts'

const writerScript = `
import Database from 'better-sqlite3'
const db = new Database(process.argv[1], { timeout: 10000 })
const until = Date.now() + 3000
let n = 0
while (Date.now() < until) {
  db.exec('BEGIN IMMEDIATE')
  db.prepare('INSERT INTO "RateLimit" ("key", "count", "expiresAt") VALUES (?, 1, 0)').run((process.argv[2] ?? 'other-process-') + n++)
  const end = Date.now() + 2
  while (Date.now() < end) {}
  db.exec('COMMIT')
}
console.log(n)
`

describe('SQLite with two processes', () => {
  test('registrations keep succeeding while another process writes', async () => {
    if (dbTarget.provider !== 'sqlite') throw new Error('this file runs in the SQLite project only')
    const org = await makeOrganisation()
    const event = await makeEvent(org.id, { capacity: 1000 })
    const child = spawn(process.execPath, ['--input-type=module', '-e', writerScript, dbTarget.filePath], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let written = ''
    child.stdout.on('data', (d) => (written += d))
    const done = new Promise<number | null>((resolve) => child.on('exit', resolve))
    const results = []
    const until = Date.now() + 2500
    while (Date.now() < until)
      results.push(
        await register(event.id, person()).then(
          () => 'ok',
          (e: Error) => e.message,
        ),
      )
    expect(await done).toBe(0)
    expect(Number(written)).toBeGreaterThan(10)
    expect(results.filter((r) => r !== 'ok')).toEqual([])
    expect(await prisma.registration.count({ where: { eventId: event.id } })).toBe(results.length)
  })

  test('a Prisma transaction that reads, then writes after another process committed, waits instead of failing', async () => {
    if (dbTarget.provider !== 'sqlite') throw new Error('this file runs in the SQLite project only')
    // With a deferred BEGIN the read takes a snapshot, the other process commits, and the write
    // fails at once with SQLITE_BUSY (the busy timeout cannot help): the write lock must come first.
    const child = spawn(process.execPath, ['--input-type=module', '-e', writerScript, dbTarget.filePath, 'second-writer-'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    const done = new Promise<number | null>((resolve) => child.on('exit', resolve))
    await new Promise((r) => setTimeout(r, 200))
    const results: string[] = []
    for (let i = 0; i < 20; i++) {
      results.push(
        await prisma
          .$transaction(async (tx) => {
            await tx.rateLimit.count()
            await new Promise((r) => setTimeout(r, 20))
            await tx.rateLimit.create({ data: { key: `read-then-write-${i}`, count: 1, expiresAt: 0 } })
          })
          .then(
            () => 'ok',
            (e: Error) => e.message,
          ),
      )
    }
    expect(await done).toBe(0)
    expect(results.filter((r) => r !== 'ok')).toEqual([])
  })
})

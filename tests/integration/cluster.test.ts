// `npm start` with two HTTP processes (WEB_CONCURRENCY=2, app/server/cluster.ts) on the test
// file's database: both serve, the jobs run in a third process at a lower priority, a change made through one is seen at once through the other (the
// few-seconds caches are dropped in both), a process that dies is replaced, and SIGTERM stops
// them all. Needs the production build (`npm test` builds before this step).
import { readFileSync, readdirSync } from 'node:fs'
import http from 'node:http'
import { afterAll, describe, expect, test } from 'vitest'
import { dbTarget } from '#app/db.server.ts'
import { cleanup, organiserToken, startServer, type BenchServer } from '#tests/bench/lib.ts'

afterAll(cleanup)

/** The HTTP processes of the server's process group: the cluster's children carry NODE_UNIQUE_ID. */
function httpProcesses(pgid: number): number[] {
  const pids: number[] = []
  for (const dir of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${dir}/stat`, 'utf8')
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]) !== pgid) continue
      if (
        readFileSync(`/proc/${dir}/environ`, 'utf8')
          .split('\0')
          .some((v) => v.startsWith('NODE_UNIQUE_ID='))
      )
        pids.push(Number(dir))
    } catch {
      // gone meanwhile
    }
  }
  return pids.sort()
}

/** The jobs process (email worker and periodic jobs) of the group, with its nice value. */
function jobsProcesses(pgid: number): { pid: number; nice: number }[] {
  const found: { pid: number; nice: number }[] = []
  for (const dir of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${dir}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      if (Number(fields[2]) !== pgid) continue
      if (readFileSync(`/proc/${dir}/cmdline`, 'utf8').includes('app/server/worker.ts'))
        found.push({ pid: Number(dir), nice: Number(fields[16]) })
    } catch {
      // gone meanwhile
    }
  }
  return found
}

/** One request on its own connection, so the cluster's parent hands each to the next process in turn. */
function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false, headers: { Connection: 'close' } }, (res) => {
        let body = ''
        res.on('data', (c: Buffer) => (body += c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      })
      .on('error', reject)
  })
}

async function until<T>(what: string, fn: () => T | Promise<T>, ok: (value: T) => boolean, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await fn()
    if (ok(value)) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(value)})`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

describe(`npm start with two HTTP processes (${dbTarget.provider})`, () => {
  let server: BenchServer

  test('both serve, and an event created through one is listed at once by both', async () => {
    const database = {
      kind: dbTarget.provider === 'postgresql' ? ('postgres' as const) : ('sqlite' as const),
      url: process.env.DATABASE_URL!,
      drop: async () => {},
    }
    // The public caches are kept long here: only the processes telling each other can make the new event appear.
    server = await startServer(database, {
      env: { WEB_CONCURRENCY: '2', PUBLIC_CACHE_TTL_MS: '60000', MIGRATE_ON_START: 'off' },
      startTimeoutMs: 120_000,
    })
    expect(httpProcesses(server.pid)).toHaveLength(2)
    // The emails and the jobs run beside them, at a lower priority.
    expect(
      await until(
        'the jobs process',
        () => jobsProcesses(server.pid),
        (found) => found.length === 1,
      ),
    ).toEqual([{ pid: expect.any(Number), nice: 10 }])
    const token = await organiserToken(server.env, 'cluster-test')

    // Each process lists the events (none yet) and keeps that answer.
    for (let i = 0; i < 4; i++) expect(JSON.parse((await get(`${server.url}/api/v1/events`)).body)).toMatchObject({ events: [] })

    const created = await fetch(`${server.url}/api/v1/events`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        title: 'Conférence régionale de l’ESS',
        kind: 'conference',
        startsAt: '2027-03-12T08:00:00Z',
        endsAt: '2027-03-12T17:00:00Z',
        capacity: 300,
        waitlist: true,
        published: true,
      }),
    })
    expect(created.status).toBe(201)
    const { slug } = (await created.json()) as { slug: string }
    // Give the message its moment to cross the parent (well under a millisecond; 50 ms leaves room on a busy machine).
    await new Promise((r) => setTimeout(r, 50))
    const lists = await Promise.all(Array.from({ length: 6 }, () => get(`${server.url}/api/v1/events`)))
    for (const list of lists) expect((JSON.parse(list.body) as { events: { slug: string }[] }).events.map((e) => e.slug)).toEqual([slug])
  })

  test('a process that dies is replaced; SIGTERM stops every process', async () => {
    const before = httpProcesses(server.pid)
    process.kill(before[0]!, 'SIGKILL')
    const after = await until(
      'a replacement HTTP process',
      () => httpProcesses(server.pid),
      (pids) => pids.length === 2 && !pids.includes(before[0]!),
    )
    expect(after).toContain(before[1])
    const answers = await Promise.all(Array.from({ length: 4 }, () => get(`${server.url}/healthz`)))
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200])

    await server.stop()
    await until(
      'every process to exit',
      () => [...httpProcesses(server.pid), ...jobsProcesses(server.pid)],
      (pids) => pids.length === 0,
    )
    await expect(get(`${server.url}/healthz`)).rejects.toThrow()
  })
})

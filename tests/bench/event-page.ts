// `npm run bench -- event-page [--db sqlite|postgres]`: requests per second and p95 of an event's
// public page (/e/{slug}) under 100 concurrent clients, beside a bare node:http server returning
// the same bytes, measured in the same run with the same client. The page is the demo's
// "Journée régionale de l'économie sociale" (programme of 8 workshops, questions, ~285 registrations).
// Options: --requests N (10000 per server), --concurrency N (100), --max-seconds N (30 per server),
// --profile (writes the app server's CPU profile under data/bench/profiles/), --bare off (skips
// the bare server: the app's figures only).
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  agentFor,
  cleanup,
  cli,
  freePort,
  freshDatabase,
  load,
  log,
  onCleanup,
  percentile,
  processGroupCpuMs,
  request,
  root,
  round,
  startServer,
  warmUp,
  type DbKind,
} from './lib.ts'

const PAGE_SLUG = 'journee-regionale-economie-sociale-occitanie-2026'
// What a browser sends for a page, minus Accept-Encoding: both servers then send the same plain bytes.
const PAGE_HEADERS = { Accept: 'text/html,application/xhtml+xml', 'Accept-Language': 'fr-FR,fr;q=0.9', 'User-Agent': 'essor-bench' }

/** The demo event, loaded through the seed's own function into the server's database. */
async function seedPageEvent(env: NodeJS.ProcessEnv) {
  await cli(env, ['organisation', 'create', '--slug', 'region-occitanie', '--name', 'Région Occitanie', '--region', 'Occitanie'])
  process.env.DATABASE_URL = env.DATABASE_URL
  const { prisma, dbReady } = await import('#app/db.server.ts')
  await dbReady
  try {
    const { seedDemoEvents } = await import('../../prisma/seed/events.ts')
    const seeded = await seedDemoEvents(prisma)
    if (!seeded.seeded) throw new Error('the demo event was not created')
  } finally {
    await prisma.$disconnect()
  }
}

/** A node:http server in its own process (like the app) answering every request with `file`'s bytes. */
async function startBareServer(file: string, contentType: string) {
  const port = await freePort()
  const script = `
    const http = require('node:http')
    const body = require('node:fs').readFileSync(${JSON.stringify(file)})
    const server = http.createServer((req, res) => {
      res.writeHead(200, { 'Content-Type': ${JSON.stringify(contentType)}, 'Content-Length': body.length })
      res.end(body)
    })
    server.keepAliveTimeout = 65000
    server.listen(${port}, '127.0.0.1', () => console.log('ready'))
  `
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const done = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    child.kill('SIGTERM')
    await done
  }
  onCleanup(stop)
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once('data', () => resolve())
    child.once('exit', (code) => reject(new Error(`the bare server exited with code ${code}`)))
  })
  return { url: `http://127.0.0.1:${port}`, stop }
}

async function measure(url: string, opts: { requests: number; concurrency: number; maxMs: number; pid?: number }) {
  const agent = agentFor(opts.concurrency)
  // Warm-up: every client's connection open, JIT warm, caches filled.
  await warmUp(agent, url, opts.concurrency, PAGE_HEADERS)
  await load({
    count: Math.min(500, opts.requests),
    concurrency: opts.concurrency,
    maxMs: 10_000,
    send: () => request(agent, url, { headers: PAGE_HEADERS }),
  })
  const cpuBefore = opts.pid ? processGroupCpuMs(opts.pid) : null
  const run = await load({
    count: opts.requests,
    concurrency: opts.concurrency,
    maxMs: opts.maxMs,
    send: () => request(agent, url, { headers: PAGE_HEADERS }),
  })
  const cpuAfter = opts.pid ? processGroupCpuMs(opts.pid) : null
  agent.destroy()
  const ok = run.results.filter((r) => r.status === 200)
  const failed = run.results.length - ok.length
  if (failed)
    log(
      `${url}: ${failed} requests failed (first: ${run.results.find((r) => r.status !== 200)?.status} ${run.results.find((r) => r.status !== 200)?.error ?? ''})`,
    )
  return {
    rps: (ok.length / run.elapsedMs) * 1000,
    p50: percentile(
      ok.map((r) => r.ms),
      50,
    ),
    p95: percentile(
      ok.map((r) => r.ms),
      95,
    ),
    failed,
    done: run.results.length,
    cpuMsPerRequest: cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / Math.max(1, run.results.length),
  }
}

export async function eventPageBench(db: DbKind, flags: Record<string, string>) {
  const requests = Number(flags.requests ?? 10_000)
  const concurrency = Number(flags.concurrency ?? 100)
  const maxMs = Number(flags['max-seconds'] ?? 30) * 1000
  const database = await freshDatabase(db, 'eventpage')
  onCleanup(database.drop)
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'essor-bench-'))
  onCleanup(() => rmSync(tmp, { recursive: true, force: true }))
  try {
    const profileDir = flags.profile ? path.join(root, 'data/bench/profiles') : undefined
    const server = await startServer(database, { profileDir })
    await seedPageEvent(server.env)
    const pageUrl = `${server.url}/e/${PAGE_SLUG}`

    // The bytes the bare server will send: exactly what the app sends for this page.
    const agent = agentFor(1)
    const sample = await request(agent, pageUrl, { headers: PAGE_HEADERS })
    agent.destroy()
    if (sample.status !== 200) throw new Error(`${pageUrl} answered ${sample.status}: ${sample.body.slice(0, 300)}`)
    if (!sample.body.includes('Journée régionale')) throw new Error(`${pageUrl} does not show the event`)
    const file = path.join(tmp, 'page.html')
    writeFileSync(file, sample.body)
    log(`page ${pageUrl}: ${Buffer.byteLength(sample.body)} bytes; ${requests} requests from ${concurrency} clients per server`)

    const app = await measure(pageUrl, { requests, concurrency, maxMs, pid: server.pid })
    log(`app: ${round(app.rps)} req/s, p50 ${round(app.p50)} ms, p95 ${round(app.p95)} ms (${app.done} requests)`)
    await server.stop()
    if (profileDir) log(`CPU profile of the app server written under ${profileDir}`)

    let bareRun: { rps: number; p95: number; done?: number } = { rps: NaN, p95: NaN }
    if (flags.bare !== 'off') {
      const bare = await startBareServer(file, 'text/html; charset=utf-8')
      bareRun = await measure(bare.url, { requests: requests * 5, concurrency, maxMs })
      log(`bare node:http: ${round(bareRun.rps)} req/s, p95 ${round(bareRun.p95)} ms (${bareRun.done} requests)`)
      await bare.stop()
    }

    return {
      bench: 'event-page',
      db: db === 'postgres' ? 'postgres' : 'sqlite',
      page_bytes: Buffer.byteLength(sample.body),
      concurrency,
      app_rps: round(app.rps),
      app_p50_ms: round(app.p50),
      app_p95_ms: round(app.p95),
      app_errors: app.failed,
      bare_rps: round(bareRun.rps),
      bare_p95_ms: round(bareRun.p95),
      ratio: round(app.rps / bareRun.rps, 4),
      // The app server's CPU per page (email worker included): steadier than rates on a busy machine.
      server_cpu_ms_per_request: app.cpuMsPerRequest === null ? null : round(app.cpuMsPerRequest, 2),
    }
  } finally {
    await cleanup()
  }
}

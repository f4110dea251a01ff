// Shared pieces of the benchmarks: a production server on loopback with a fresh database, the
// CLI to make an organiser's API token, a concurrency-limited HTTP load loop over keep-alive
// connections, and percentiles. Everything is bounded in count and in time, and every process
// and database a bench creates is removed at the end, even when it fails.
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import path from 'node:path'
import { promisify } from 'node:util'
import { databaseUrl, TEST_POSTGRES_URL, withAdmin } from '../setup/postgres.ts'

export const root = path.resolve(import.meta.dirname, '../..')
const bin = (name: string) => path.join(root, 'node_modules/.bin', name)
const run = promisify(execFile)

export type DbKind = 'sqlite' | 'postgres'

export function log(message: string) {
  // Progress goes to stderr: stdout ends with the one JSON line a script can read.
  process.stderr.write(`[bench] ${message}\n`)
}

// ---- Cleanup -----------------------------------------------------------------------------

const cleanups: (() => Promise<void> | void)[] = []

export function onCleanup(fn: () => Promise<void> | void) {
  cleanups.unshift(fn)
}

export async function cleanup() {
  while (cleanups.length) {
    const fn = cleanups.shift()!
    try {
      await fn()
    } catch (error) {
      log(`cleanup: ${(error as Error).message}`)
    }
  }
}

/** An interrupted bench still stops its servers and drops its databases (the bench CLI calls this). */
export function cleanUpOnSignals() {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      log(`${signal}: stopping`)
      void cleanup().finally(() => process.exit(130))
    })
  }
}

// ---- Databases ---------------------------------------------------------------------------

export type BenchDatabase = { kind: DbKind; url: string; drop: () => Promise<void> }

/** A new, empty database: a file under data/bench/ or a PostgreSQL database; dropped by `drop`. */
export async function freshDatabase(kind: DbKind, name: string): Promise<BenchDatabase> {
  const id = `${name}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`.replace(/[^a-z0-9_]/gi, '_').toLowerCase()
  if (kind === 'postgres') {
    const db = `essor_bench_${id}`
    await withAdmin((c) => c.query(`CREATE DATABASE ${db}`))
    return {
      kind,
      url: databaseUrl(db, process.env.BENCH_POSTGRES_URL || TEST_POSTGRES_URL),
      drop: () => withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`)).then(() => undefined),
    }
  }
  const dir = path.join(root, 'data/bench')
  mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `${id}.db`)
  return {
    kind,
    url: `file:${file}`,
    drop: async () => {
      for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true })
    },
  }
}

// ---- The server ----------------------------------------------------------------------------

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

export type BenchServer = { url: string; port: number; pid: number; child: ChildProcess; env: NodeJS.ProcessEnv; stop: () => Promise<void> }

/** Environment of the server and of the CLI calls made against the same database. */
export function serverEnv(databaseUrlValue: string, port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  // Started from a test, the server is still a production server: it must not see VITEST, or a
  // build it starts would load the test configuration of vite.config.ts (no Remix plugin).
  const { VITEST: _vitest, VITEST_POOL_ID: _pool, VITEST_WORKER_ID: _worker, ...inherited } = process.env
  return {
    ...inherited,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: databaseUrlValue,
    RATE_LIMITS: 'off',
    DEMO_DATA: 'off',
    LOG_LEVEL: 'warn',
    // Required with PostgreSQL in production; any value does for a throw-away server.
    SESSION_SECRET: randomBytes(32).toString('base64url'),
    APP_URL: `http://127.0.0.1:${port}`,
    ...extra,
  }
}

/**
 * `npx tsx app/server/start.ts` (what `npm start` runs): it migrates, builds when the sources
 * changed, and serves. Resolves once /healthz answers with the database up.
 */
export async function startServer(
  database: BenchDatabase,
  opts: { env?: Record<string, string>; startTimeoutMs?: number; profileDir?: string } = {},
): Promise<BenchServer> {
  const port = await freePort()
  const env = serverEnv(database.url, port, opts.env)
  // With a profile directory, the same start script under `node --cpu-prof` (tsx as a loader):
  // the .cpuprofile is written when the server stops; open it in Chrome's DevTools.
  const [command, args] = opts.profileDir
    ? [
        process.execPath,
        [
          '--cpu-prof',
          '--cpu-prof-dir',
          opts.profileDir,
          '--import',
          path.join(root, 'node_modules/tsx/dist/loader.mjs'),
          'app/server/start.ts',
        ],
      ]
    : [bin('tsx'), ['app/server/start.ts']]
  const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  const output: string[] = []
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString())
    if (output.length > 200) output.shift()
  }
  child.stdout!.on('data', (chunk: Buffer) => {
    keep(chunk)
    // The server's own warnings (pino level 40+, e.g. "RATE_LIMITS=off") are shown: a bench must say how it ran.
    for (const line of chunk.toString().split('\n')) {
      const level = /^\{"level":(\d+)/.exec(line)?.[1]
      if (level && Number(level) >= 40) process.stderr.write(`[server] ${line}\n`)
    }
  })
  child.stderr!.on('data', (chunk: Buffer) => {
    keep(chunk)
    for (const line of chunk.toString().split('\n')) if (line.trim()) process.stderr.write(`[server] ${line}\n`)
  })
  let exited: number | null = null
  child.on('exit', (code, signal) => {
    exited = code ?? (signal ? 128 : 1)
  })
  const url = `http://127.0.0.1:${port}`
  const stop = async () => {
    if (exited !== null || !child.pid) return
    const done = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      return
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL')
      } catch {
        // gone
      }
    }, 15_000)
    await done
    clearTimeout(timer)
  }
  onCleanup(stop)

  const deadline = Date.now() + (opts.startTimeoutMs ?? 300_000)
  log(`starting the server on ${url} (${database.kind}); it builds first if the sources changed`)
  for (;;) {
    if (exited !== null) throw new Error(`the server exited with code ${exited} before it was ready:\n${output.join('').slice(-4000)}`)
    if (Date.now() > deadline)
      throw new Error(`the server was not ready after ${(opts.startTimeoutMs ?? 300_000) / 1000} s:\n${output.join('').slice(-4000)}`)
    try {
      const res = await fetch(`${url}/healthz`)
      const body = (await res.json()) as { database?: string }
      if (body.database === 'ok') break
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  log(`server ready (pid ${child.pid})`)
  return { url, port, pid: child.pid!, child, env, stop }
}

/** Runs `npm run cli -- …` against the server's database; returns its output lines. */
export async function cli(env: NodeJS.ProcessEnv, args: string[]): Promise<string[]> {
  try {
    const { stdout } = await run(bin('tsx'), ['app/server/cli.ts', ...args], { cwd: root, env: { ...env, LOG_LEVEL: 'warn' } })
    return stdout.trim().split('\n')
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string }
    throw new Error(`cli ${args.join(' ')} failed: ${e.stderr || e.stdout || e.message}`)
  }
}

/** An organisation, an organiser and their API token, made with the CLI (the token is its last line). */
export async function organiserToken(env: NodeJS.ProcessEnv, slug = 'bench-cress') {
  await cli(env, ['organisation', 'create', '--slug', slug, '--name', 'CRESS Bench'])
  const email = `organiser@${slug}.example`
  await cli(env, ['user', 'create', '--email', email, '--organisation', slug, '--role', 'organiser', '--name', 'Bench Organiser'])
  const lines = await cli(env, ['token', 'create', '--organisation', slug, '--email', email, '--name', 'bench'])
  const token = lines[lines.length - 1]!.trim()
  if (!/^essor_[a-z2-7]{32}$/.test(token)) throw new Error(`unexpected token line: ${token}`)
  return token
}

// ---- HTTP ------------------------------------------------------------------------------------

export type HttpResult = { status: number; body: string; ms: number; startedAt: number; error?: string }

/** One keep-alive agent per load run: 100 clients = 100 sockets, reused. */
export function agentFor(concurrency: number) {
  return new http.Agent({ keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency })
}

export function request(
  agent: http.Agent,
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number } = {},
): Promise<HttpResult> {
  const started = performance.now()
  return new Promise((resolve) => {
    const body = opts.body === undefined ? undefined : Buffer.from(opts.body)
    const req = http.request(
      url,
      {
        agent,
        method: opts.method ?? 'GET',
        headers: { ...(body ? { 'Content-Type': 'application/json', 'Content-Length': String(body.length) } : {}), ...opts.headers },
        timeout: opts.timeoutMs ?? 30_000,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString(),
            ms: performance.now() - started,
            startedAt: started,
          }),
        )
        res.on('error', (e) => resolve({ status: 0, body: '', ms: performance.now() - started, startedAt: started, error: e.message }))
      },
    )
    req.on('timeout', () => req.destroy(new Error('timeout')))
    req.on('error', (e) => resolve({ status: 0, body: '', ms: performance.now() - started, startedAt: started, error: e.message }))
    req.end(body)
  })
}

export async function jsonRequest<T = unknown>(url: string, opts: { method?: string; token?: string; body?: unknown } = {}) {
  const res = await fetch(url, {
    method: opts.method ?? 'GET',
    headers: {
      ...(opts.token ? { Authorization: `Bearer ${opts.token}` } : {}),
      ...(opts.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    },
    body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
  })
  const text = await res.text()
  let body: unknown = text
  try {
    body = JSON.parse(text)
  } catch {
    // not JSON
  }
  return { status: res.status, body: body as T }
}

// ---- Load ------------------------------------------------------------------------------------

export type LoadResult = { results: HttpResult[]; elapsedMs: number; stoppedByTime: boolean }

/**
 * Runs `count` requests with at most `concurrency` in flight (each of the `concurrency` clients
 * sends its next request when the previous one answered). Stops early after `maxMs`.
 */
export async function load(opts: {
  count: number
  concurrency: number
  maxMs: number
  send: (i: number) => Promise<HttpResult>
}): Promise<LoadResult> {
  const results: HttpResult[] = []
  let next = 0
  let stoppedByTime = false
  const started = performance.now()
  const deadline = started + opts.maxMs
  const client = async () => {
    for (;;) {
      if (next >= opts.count) return
      if (performance.now() > deadline) {
        stoppedByTime = true
        return
      }
      const i = next++
      results.push(await opts.send(i))
    }
  }
  await Promise.all(Array.from({ length: Math.min(opts.concurrency, opts.count) }, client))
  return { results, elapsedMs: performance.now() - started, stoppedByTime }
}

/** Opens `concurrency` keep-alive connections (one GET each, all at once, twice) before a measurement. */
export async function warmUp(agent: http.Agent, url: string, concurrency: number, headers: Record<string, string> = {}) {
  for (let round = 0; round < 2; round++) {
    const results = await Promise.all(Array.from({ length: concurrency }, () => request(agent, url, { headers, timeoutMs: 120_000 })))
    const failed = results.filter((r) => r.status !== 200)
    if (failed.length)
      throw new Error(
        `warm-up: ${failed.length} of ${concurrency} GET ${url} failed (${failed[0]!.status} ${failed[0]!.error ?? failed[0]!.body.slice(0, 200)})`,
      )
  }
}

/** Nearest-rank percentile of latencies, in ms. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)))
  return sorted[rank - 1]!
}

/** Per second of the run: requests started, slowest of them (ms); shows stalls and starvation. */
export function timeline(results: HttpResult[]) {
  if (results.length === 0) return ''
  const t0 = Math.min(...results.map((r) => r.startedAt))
  const buckets = new Map<number, { n: number; max: number }>()
  for (const r of results) {
    const s = Math.floor((r.startedAt - t0) / 1000)
    const b = buckets.get(s) ?? { n: 0, max: 0 }
    b.n++
    b.max = Math.max(b.max, r.ms)
    buckets.set(s, b)
  }
  return [...buckets.entries()]
    .sort((x, y) => x[0] - y[0])
    .map(([s, b]) => `${s}s:${b.n}/${Math.round(b.max)}ms`)
    .join(' ')
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits

/** `--db sqlite|postgres` (default sqlite) and other `--name value` flags. */
export function parseFlags(argv: string[]) {
  const flags: Record<string, string> = {}
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (!a.startsWith('--')) continue
    const [key, inline] = a.slice(2).split('=', 2) as [string, string | undefined]
    if (inline !== undefined) flags[key] = inline
    else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) flags[key] = argv[++i]!
    else flags[key] = 'true'
  }
  const db = flags.db ?? 'sqlite'
  if (db !== 'sqlite' && db !== 'postgres' && db !== 'postgresql') throw new Error(`--db must be sqlite or postgres, not "${db}"`)
  return { db: (db === 'sqlite' ? 'sqlite' : 'postgres') as DbKind, flags }
}

/** A date `days` from now at a given UTC hour, as ISO 8601. */
export function daysFromNow(days: number, hourUtc: number) {
  const d = new Date(Date.now() + days * 24 * 60 * 60 * 1000)
  d.setUTCHours(hourUtc, 0, 0, 0)
  return d.toISOString()
}

// ---- CPU -------------------------------------------------------------------------------------

/**
 * CPU time (user + system, ms) used so far by a process group (the server and the node process
 * tsx starts under it), from /proc; null where /proc is missing. On a shared machine this moves
 * far less than throughput: compare it before and after a change.
 */
export function processGroupCpuMs(pgid: number): number | null {
  let dirs: string[]
  try {
    dirs = readdirSync('/proc').filter((d) => /^\d+$/.test(d))
  } catch {
    return null
  }
  let ticks = 0
  for (const dir of dirs) {
    try {
      // Fields after the command name (which may hold spaces): state ppid pgrp … utime(14) stime(15).
      const stat = readFileSync(`/proc/${dir}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      if (Number(fields[2]) !== pgid) continue
      ticks += Number(fields[11]) + Number(fields[12])
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks * 10 // USER_HZ is 100 on Linux
}

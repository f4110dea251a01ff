// `npm start`: with no configuration, migrates the SQLite database under data/, builds if needed,
// loads the demo data when the database is empty, then serves the app (one HTTP process per core
// in production, see cluster.ts) and runs the email worker and the periodic jobs.
// What runs with the routes (the HTTP server, the database client, the worker, the jobs, the demo
// data) comes from the production build (app/server/bundle.ts), never from source beside it: one
// process, one copy of each module. This file reads the environment, migrates, builds, supervises.
import cluster from 'node:cluster'
import type { Server } from 'node:http'
import { EnvError, parseEnv, type Env } from '#app/utils/env.server.ts'
import { buildIfNeeded, loadServerBundle } from './build.ts'

function fail(message: string): never {
  console.error(message)
  process.exit(1)
}

let env: Env
try {
  env = parseEnv()
} catch (error) {
  fail(error instanceof EnvError ? error.message : String(error))
}
process.env.NODE_ENV = env.NODE_ENV
process.env.DATABASE_URL = env.DATABASE_URL

// Several HTTP processes (node:cluster) share the port: this parent prepares the database and
// the build once, then keeps the HTTP processes and the jobs process running.
const httpChild = cluster.isWorker
let releaseDatabase = async () => {}
if (!httpChild) {
  const { claimSqliteFile } = await import('./sqlite-owner.ts')
  try {
    releaseDatabase = await claimSqliteFile(env.DATABASE_URL)
  } catch (error) {
    fail((error as Error).message)
  }
  if (env.MIGRATE_ON_START) {
    const { deployMigrations } = await import('./migrate.ts')
    try {
      await deployMigrations(env.DATABASE_URL)
    } catch (error) {
      fail((error as Error).message)
    }
  }
  try {
    await buildIfNeeded((msg) => console.log(msg))
  } catch (error) {
    fail(`The build failed: ${(error as Error).message}`)
  }
}

const app = await loadServerBundle()
const { logger, prisma, dbReady, dbTarget } = app
await dbReady
if (!httpChild && env.DEMO_DATA) await app.seedDemoData(prisma)

// An HTTP process of several (0 here) runs neither the jobs nor the banner.
const processes = httpChild ? 0 : (await import('./cluster.ts')).webProcessCount(env)
// The email worker and the periodic jobs: in the only process, or with several HTTP processes in
// a process of their own at a lower priority (cluster.ts).
const runJobsHere = env.RUN_WORKER && processes === 1
const worker = runJobsHere ? app.createEmailWorker({ logger }) : null
const scheduler = runJobsHere ? app.createScheduler(logger) : null

function banner() {
  const url = env.APP_URL ?? `http://localhost:${env.PORT}`
  logger.info({ port: env.PORT, database: dbTarget.provider, worker: env.RUN_WORKER, processes }, 'server started')
  if (!env.RATE_LIMITS) logger.warn('RATE_LIMITS=off: sign-in and public-form rate limits are disabled')
  const lines = [
    `\n  Essor is running at ${url}`,
    `  Database: ${dbTarget.provider}${processes > 1 ? `, ${processes} HTTP processes` : ''}`,
  ]
  if (!env.APP_URL) {
    lines.push(`  Links in emails point to ${url}: they work on this machine only (set APP_URL to the public address)`)
  }
  if (!env.SMTP_URL) lines.push(`  Emails go to the local mailbox: ${url}/dev/mailbox`)
  if (env.DEMO_DATA) {
    lines.push('  Demo sign-in (email link via the mailbox, or password ' + app.DEMO_PASSWORD + '):')
    for (const a of app.demoAccounts) lines.push(`    ${a.email.padEnd(44)} ${a.role.padEnd(10)} ${a.organisation}`)
  }
  console.log(lines.join('\n') + '\n')
}

let stopping = false
/** Stops the jobs (the email being sent is finished) and closes the database, then exits. */
async function finish(code: number, closing: (Promise<unknown> | undefined)[]) {
  await Promise.all([...closing, worker?.stop(), scheduler?.stop()])
  await prisma.$disconnect()
  await releaseDatabase().catch(() => {})
  logger.info('stopped')
  process.exit(code)
}
function forceExitAfter(ms: number) {
  setTimeout(() => {
    logger.error(`graceful shutdown timed out after ${ms / 1000} s, exiting`)
    process.exit(1)
  }, ms).unref()
}

if (processes > 1) {
  // The database is prepared: this parent only supervises, and keeps no connection.
  await app.closeDb()
  const { superviseHttpProcesses, superviseJobsProcess } = await import('./cluster.ts')
  const supervisor = superviseHttpProcesses(processes, logger, () => stopping)
  const jobs = env.RUN_WORKER ? superviseJobsProcess(logger, () => stopping) : null
  await supervisor.listening
  banner()
  const shutdown = (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'shutting down: the HTTP processes finish their requests, then the jobs stop')
    forceExitAfter(30_000)
    void finish(0, [supervisor.stop(), jobs?.stop()])
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  process.on('SIGINT', () => shutdown('SIGINT'))
} else {
  const http = app.createHttpApp(env, app.build)
  await app.warmDb()
  const server: Server = http.listen(env.PORT, env.HOST, () => {
    worker?.start()
    scheduler?.start()
    if (!httpChild) banner()
  })
  server.keepAliveTimeout = 65_000
  const shutdown = (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'shutting down: no new connections, finishing in-flight requests')
    forceExitAfter(25_000)
    const closed = new Promise<void>((resolve) => server.close(() => resolve()))
    server.closeIdleConnections()
    void finish(0, [closed])
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  process.on('SIGINT', () => shutdown('SIGINT'))
  // An HTTP process whose parent is gone stops too.
  if (httpChild) process.on('disconnect', () => shutdown('disconnect'))
}

// `npm start`: with no configuration, migrates the SQLite database under data/, loads the demo
// data when it is empty, builds if needed, then serves the app and runs the email worker.
import type { ServerBuild } from '@remix-run/node'
import type { Server } from 'node:http'
import { pathToFileURL } from 'node:url'
import { EnvError, parseEnv, type Env } from '#app/utils/env.server.ts'

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

const { logger } = await import('#app/utils/logger.server.ts')
const { deployMigrations } = await import('./migrate.ts')
const { buildIfNeeded, SERVER_BUILD } = await import('./build.ts')

if (env.MIGRATE_ON_START) {
  try {
    await deployMigrations(env.DATABASE_URL)
  } catch (error) {
    fail((error as Error).message)
  }
}

const { prisma, dbReady, dbTarget } = await import('#app/db.server.ts')
await dbReady
if (env.DEMO_DATA) {
  const { seedDemoData } = await import('../../prisma/seed.ts')
  await seedDemoData(prisma)
}

await buildIfNeeded((msg) => console.log(msg))
const build = (await import(pathToFileURL(SERVER_BUILD).href)) as ServerBuild
const { createHttpApp } = await import('./http.ts')
const app = createHttpApp(env, build)

const { createEmailWorker } = await import('#app/modules/email/worker.server.ts')
const { createScheduler } = await import('./scheduler.ts')
const worker = env.RUN_WORKER ? createEmailWorker({ logger }) : null
const scheduler = env.RUN_WORKER ? createScheduler(logger) : null

const server: Server = app.listen(env.PORT, env.HOST, async () => {
  worker?.start()
  scheduler?.start()
  const url = env.APP_URL ?? `http://localhost:${env.PORT}`
  logger.info({ port: env.PORT, database: dbTarget.provider, worker: Boolean(worker) }, 'server started')
  if (!env.RATE_LIMITS) logger.warn('RATE_LIMITS=off: sign-in and public-form rate limits are disabled')
  const lines = [`\n  Essor is running at ${url}`, `  Database: ${dbTarget.provider}`]
  if (!env.SMTP_URL) lines.push(`  Emails go to the local mailbox: ${url}/dev/mailbox`)
  if (env.DEMO_DATA) {
    const { demoAccounts, DEMO_PASSWORD } = await import('../../prisma/seed.ts')
    lines.push('  Demo sign-in (email link via the mailbox, or password ' + DEMO_PASSWORD + '):')
    for (const a of demoAccounts) lines.push(`    ${a.email.padEnd(44)} ${a.role.padEnd(10)} ${a.organisation}`)
  }
  console.log(lines.join('\n') + '\n')
})
server.keepAliveTimeout = 65_000

let stopping = false
async function shutdown(signal: string) {
  if (stopping) return
  stopping = true
  logger.info({ signal }, 'shutting down: no new connections, finishing in-flight requests')
  const force = setTimeout(() => {
    logger.error('graceful shutdown timed out after 25 s, exiting')
    process.exit(1)
  }, 25_000)
  force.unref()
  const closed = new Promise<void>((resolve) => server.close(() => resolve()))
  server.closeIdleConnections()
  await Promise.all([closed, worker?.stop(), scheduler?.stop()])
  await prisma.$disconnect()
  logger.info('stopped')
  process.exit(0)
}
process.on('SIGTERM', () => void shutdown('SIGTERM'))
process.on('SIGINT', () => void shutdown('SIGINT'))

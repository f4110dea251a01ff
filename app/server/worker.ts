// `npm run worker`: the email worker and the periodic jobs alone, for deployments that run them
// apart from the web servers (any number of them on PostgreSQL). `npm start` with several HTTP
// processes runs it as its child too (cluster.ts). Like the HTTP server, it runs the production
// build (`npm run build` first). SIGTERM / SIGINT let the message being sent finish, hand the
// rest of the batch back, then exit 0.
import { EnvError, getEnv, type Env } from '#app/utils/env.server.ts'
import { loadServerBundle } from './build.ts'

let env: Env
try {
  env = getEnv()
} catch (error) {
  console.error(error instanceof EnvError ? error.message : String(error))
  process.exit(1)
}
process.env.DATABASE_URL = env.DATABASE_URL

const { logger, prisma, dbReady, dbTarget, createEmailWorker, createScheduler } = await loadServerBundle().catch((error: Error) => {
  console.error(error.message)
  process.exit(1)
})

await dbReady
const worker = createEmailWorker({ logger })
const scheduler = createScheduler(logger)
worker.start()
scheduler.start()
logger.info({ database: dbTarget.provider, smtp: Boolean(env.SMTP_URL) }, 'worker process started')

let stopping = false
async function shutdown(signal: string) {
  if (stopping) return
  stopping = true
  logger.info({ signal }, 'worker shutting down after the message being sent')
  // Past the lease another worker may claim the message anyway, so waiting longer is pointless.
  const force = setTimeout(() => {
    logger.error('worker shutdown timed out, exiting')
    process.exit(1)
  }, env.WORKER_LEASE_MS)
  force.unref()
  await Promise.all([worker.stop(), scheduler.stop()])
  await prisma.$disconnect()
  process.exit(0)
}
process.on('SIGTERM', () => void shutdown('SIGTERM'))
process.on('SIGINT', () => void shutdown('SIGINT'))
// Started by `npm start` (cluster.ts): stop when that parent is gone.
if (process.send) process.on('disconnect', () => void shutdown('disconnect'))

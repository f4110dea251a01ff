// The outbox worker: claims due messages with an expiring lease, renders each in its
// recipient's language, sends it with its stable Message-ID and records the outcome.
//
// Delivery is at least once. A worker that dies mid-batch leaves its messages leased; once the
// lease expires another worker (or the same one restarted) claims them again. The only message
// that can arrive twice is one whose SMTP acceptance was not yet recorded when the worker died,
// and the copy carries the same Message-ID, so receivers can drop it.
import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import type { Logger } from 'pino'
import { prisma, type Db } from '#app/db.server.ts'
import type { EmailMessage } from '#app/generated/sqlite/client.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { logger as appLogger } from '#app/utils/logger.server.ts'
import { EmailRenderError, renderStoredEmail } from './render.server.ts'
import { DEFAULT_MAX_ATTEMPTS, isPermanentSendError, retryDelayMs } from './retry.ts'
import { createMailTransport, type MailTransport } from './transport.server.ts'

export { DEFAULT_MAX_ATTEMPTS, isPermanentSendError, retryDelayMs }

export type WorkerLogger = Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>

export type EmailWorkerOptions = {
  db?: Db
  /** Defaults to SMTP when SMTP_URL is set, else the local mailbox. */
  transport?: MailTransport
  /** Defaults to MAIL_FROM. */
  from?: string
  /** Pause between polls when nothing is due. Defaults to WORKER_POLL_MS. */
  pollMs?: number
  /** Messages claimed at once. Defaults to WORKER_BATCH_SIZE. */
  batchSize?: number
  /** How long a claim stays exclusive; renewed before each send. Defaults to WORKER_LEASE_MS. */
  leaseMs?: number
  /** Attempts before a message is marked failed. */
  maxAttempts?: number
  retryBaseMs?: number
  retryCapMs?: number
  logger?: WorkerLogger
  /** Names this worker in leases and in WorkerHeartbeat. */
  id?: string
}

export type EmailWorker = {
  readonly id: string
  start(): void
  /** Stops polling, lets the message being sent finish, hands back the rest of the batch. */
  stop(): Promise<void>
  /** Claims and processes one batch; resolves with how many messages it handled. */
  runOnce(): Promise<number>
}

const HEARTBEAT_RETENTION_MS = 24 * 60 * 60 * 1000
const MAX_ERROR_LENGTH = 1000

function describeError(error: unknown) {
  const text = error instanceof Error ? error.message : String(error)
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text
}

export function createEmailWorker(options: EmailWorkerOptions = {}): EmailWorker {
  const db = options.db ?? prisma
  const ownsTransport = !options.transport
  const transport = options.transport ?? createMailTransport({ db })
  const from = options.from ?? getEnv().MAIL_FROM
  const pollMs = options.pollMs ?? getEnv().WORKER_POLL_MS
  const batchSize = options.batchSize ?? getEnv().WORKER_BATCH_SIZE
  const leaseMs = options.leaseMs ?? getEnv().WORKER_LEASE_MS
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS
  const backoff = { baseMs: options.retryBaseMs, capMs: options.retryCapMs }
  const log = options.logger ?? appLogger
  const id = options.id ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
  // A send must end well within the lease, or another worker could claim the message meanwhile.
  const sendTimeoutMs = Math.max(1000, Math.floor(leaseMs / 2))

  let claims = 0
  let stopping = false
  let loop: Promise<void> | null = null
  let wake: (() => void) | null = null
  const batches = new Set<Promise<number>>()

  /**
   * Candidates are read first, then claimed by an UPDATE that repeats every due condition. On
   * PostgreSQL a second worker's UPDATE waits for the first one's row locks, then re-checks those
   * conditions on the new row version and skips what was just leased: two workers never hold the
   * same message. (Prisma's `updateMany({ limit })` puts the conditions only in an `id IN
   * (SELECT … LIMIT n)` subquery, which is not re-checked, so it is not used.) SQLite runs one
   * writer at a time, so the same statement is atomic there. Leases compare against this
   * machine's clock: keep the clocks of worker machines in sync (NTP).
   */
  async function claimBatch(claimId: string): Promise<EmailMessage[]> {
    for (let round = 0; round < 3; round++) {
      const now = new Date()
      const due = {
        status: 'pending',
        nextAttemptAt: { lte: now },
        OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }],
      }
      const candidates = await db.emailMessage.findMany({
        where: due,
        select: { id: true },
        orderBy: [{ nextAttemptAt: 'asc' }, { createdAt: 'asc' }],
        take: batchSize,
      })
      if (candidates.length === 0) return []
      const claimed = await db.emailMessage.updateManyAndReturn({
        where: { ...due, id: { in: candidates.map((c) => c.id) } },
        data: { leaseOwner: claimId, leaseUntil: new Date(now.getTime() + leaseMs) },
      })
      if (claimed.length > 0) {
        return claimed.sort(
          (a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || a.createdAt.getTime() - b.createdAt.getTime(),
        )
      }
      // Another worker took all these candidates first: look again past them.
    }
    return []
  }

  async function deliver(message: EmailMessage, claimId: string) {
    const renewed = await db.emailMessage.updateMany({
      where: { id: message.id, leaseOwner: claimId, status: 'pending' },
      data: { leaseUntil: new Date(Date.now() + leaseMs) },
    })
    if (renewed.count === 0) {
      log.warn({ emailId: message.id, workerId: id }, 'email lease lost before sending; another worker has it')
      return
    }
    try {
      const rendered = await renderStoredEmail(message)
      await transport.send(
        { messageId: message.messageId, from, to: { address: message.toAddress, name: message.toName }, ...rendered },
        { signal: AbortSignal.timeout(sendTimeoutMs) },
      )
    } catch (error) {
      await recordFailure(message, claimId, error)
      return
    }
    await recordSent(message)
  }

  async function recordSent(message: EmailMessage) {
    // Recorded even if the lease was lost meanwhile: the server accepted the message, and leaving
    // it pending would only make another worker send one more copy.
    await db.emailMessage.updateMany({
      where: { id: message.id, status: { not: 'sent' } },
      data: {
        status: 'sent',
        sentAt: new Date(),
        attempts: { increment: 1 },
        lastError: null,
        leaseOwner: null,
        leaseUntil: null,
      },
    })
    log.info({ emailId: message.id, template: message.template, attempt: message.attempts + 1 }, 'email sent')
  }

  async function recordFailure(message: EmailMessage, claimId: string, error: unknown) {
    const attempts = message.attempts + 1
    const permanent = error instanceof EmailRenderError || isPermanentSendError(error)
    const giveUp = permanent || attempts >= maxAttempts
    const lastError = describeError(error)
    const nextAttemptAt = giveUp ? undefined : new Date(Date.now() + retryDelayMs(attempts, backoff))
    await db.emailMessage.updateMany({
      where: { id: message.id, leaseOwner: claimId },
      data: {
        status: giveUp ? 'failed' : 'pending',
        attempts: { increment: 1 },
        lastError,
        nextAttemptAt,
        leaseOwner: null,
        leaseUntil: null,
      },
    })
    const details = { emailId: message.id, template: message.template, attempt: attempts, error: lastError }
    if (giveUp) log.error({ ...details, permanent }, 'email failed')
    else log.warn({ ...details, nextAttemptAt }, 'email send failed, will retry')
  }

  async function release(messages: EmailMessage[], claimId: string) {
    if (messages.length === 0) return
    await db.emailMessage.updateMany({
      where: { id: { in: messages.map((m) => m.id) }, leaseOwner: claimId },
      data: { leaseOwner: null, leaseUntil: null },
    })
  }

  async function processBatch(): Promise<number> {
    if (stopping) return 0
    const claimId = `${id}#${++claims}`
    const messages = await claimBatch(claimId)
    let handled = 0
    for (const message of messages) {
      if (stopping) break
      await deliver(message, claimId)
      handled++
    }
    await release(messages.slice(handled), claimId)
    return handled
  }

  function runOnce(): Promise<number> {
    const batch = processBatch()
    batches.add(batch)
    return batch.finally(() => batches.delete(batch))
  }

  let lastPrune = 0
  async function beat() {
    const now = new Date()
    await db.workerHeartbeat.upsert({ where: { id }, create: { id, beatAt: now }, update: { beatAt: now } })
    // Workers that died without stopping leave their row; drop those once in a while.
    if (now.getTime() - lastPrune > HEARTBEAT_RETENTION_MS) {
      lastPrune = now.getTime()
      const cutoff = new Date(now.getTime() - HEARTBEAT_RETENTION_MS)
      await db.workerHeartbeat.deleteMany({ where: { beatAt: { lt: cutoff } } })
    }
  }

  function pause(ms: number) {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms)
      wake = done
      function done() {
        clearTimeout(timer)
        wake = null
        resolve()
      }
    })
  }

  async function run() {
    log.info({ workerId: id, transport: transport.kind, pollMs, batchSize, leaseMs }, 'email worker started')
    while (!stopping) {
      let handled = 0
      try {
        await beat()
        handled = await runOnce()
      } catch (error) {
        log.error({ err: error, workerId: id }, 'email worker poll failed')
      }
      // A full batch suggests more messages are due: go on without pausing.
      if (!stopping && handled < batchSize) await pause(pollMs)
    }
  }

  return {
    id,
    runOnce,
    start() {
      if (loop) return
      stopping = false
      loop = run()
    },
    async stop() {
      stopping = true
      wake?.()
      await Promise.allSettled([loop, ...batches])
      loop = null
      await db.workerHeartbeat.deleteMany({ where: { id } }).catch(() => {})
      if (ownsTransport) transport.close()
      log.info({ workerId: id }, 'email worker stopped')
    },
  }
}

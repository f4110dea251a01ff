// The outbox worker: claims due messages with an expiring lease, renders each in its
// recipient's language, sends it with its stable Message-ID and records the outcome.
//
// Delivery is at least once. A worker that dies mid-batch leaves its messages leased; once the
// lease expires another worker (or the same one restarted) claims them again. The only messages
// that can arrive twice are those whose SMTP acceptance was not yet recorded when the worker died
// (acceptances are recorded a few at a time), and each copy carries the same Message-ID, so
// receivers can drop it.
//
// Campaign messages (category "campaign:<id>") are throttled per organisation (see throttle.server.ts);
// every other message is transactional and is claimed first, never held back by campaign traffic.
import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import type { Logger } from 'pino'
import { prisma, type Db } from '#app/db.server.ts'
import type { EmailMessage } from '#app/generated/sqlite/client.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { logger as appLogger } from '#app/utils/logger.server.ts'
import { EmailRenderError, renderStoredEmail } from './render.server.ts'
import { DEFAULT_MAX_ATTEMPTS, isBounce, isPermanentSendError, retryDelayMs } from './retry.ts'
import { suppress, suppressedAmong } from './suppression.server.ts'
import { campaignIdOf, CAMPAIGN_CATEGORY_PREFIX, createCampaignThrottle, throttleWindow } from './throttle.server.ts'
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
  /** Messages of a batch sent at once. Defaults to WORKER_CONCURRENCY. */
  concurrency?: number
  /** How long a claim stays exclusive; renewed while the batch is sent. Defaults to WORKER_LEASE_MS. */
  leaseMs?: number
  /** Attempts before a message is marked failed. */
  maxAttempts?: number
  retryBaseMs?: number
  retryCapMs?: number
  /** Campaign messages per organisation per minute when the organisation sets none (0: no limit). Defaults to EMAIL_CAMPAIGN_RATE_PER_MINUTE. */
  campaignRatePerMinute?: number
  /** The time the worker goes by (due dates, leases, throttling windows); tests pass a fake clock. */
  clock?: () => Date
  logger?: WorkerLogger
  /** Names this worker in leases and in WorkerHeartbeat. */
  id?: string
}

export type EmailWorker = {
  readonly id: string
  start(): void
  /** Stops polling, lets the messages being sent finish, hands back the rest of the batch. */
  stop(): Promise<void>
  /** Claims and processes one batch; resolves with how many messages it handled. */
  runOnce(): Promise<number>
}

const HEARTBEAT_RETENTION_MS = 24 * 60 * 60 * 1000
const MAX_ERROR_LENGTH = 1000
/** Acceptances recorded in one UPDATE; a crash can make at most this many (per lane) go out twice. */
const SENT_FLUSH_SIZE = 25

function describeError(error: unknown) {
  const text = error instanceof Error ? error.message : String(error)
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text
}

export function createEmailWorker(options: EmailWorkerOptions = {}): EmailWorker {
  const db = options.db ?? prisma
  const concurrency = Math.max(1, options.concurrency ?? getEnv().WORKER_CONCURRENCY)
  const ownsTransport = !options.transport
  const transport = options.transport ?? createMailTransport({ db, maxConnections: concurrency })
  const from = options.from ?? getEnv().MAIL_FROM
  const pollMs = options.pollMs ?? getEnv().WORKER_POLL_MS
  const batchSize = options.batchSize ?? getEnv().WORKER_BATCH_SIZE
  const leaseMs = options.leaseMs ?? getEnv().WORKER_LEASE_MS
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS
  const backoff = { baseMs: options.retryBaseMs, capMs: options.retryCapMs }
  const clock = options.clock ?? (() => new Date())
  const throttle = createCampaignThrottle(db, options.campaignRatePerMinute ?? getEnv().EMAIL_CAMPAIGN_RATE_PER_MINUTE)
  const log = options.logger ?? appLogger
  const id = options.id ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
  // A send must end well within the lease, or another worker could claim the message meanwhile.
  const sendTimeoutMs = Math.max(1000, Math.floor(leaseMs / 2))

  let claims = 0
  let stopping = false
  let loop: Promise<void> | null = null
  let wake: (() => void) | null = null
  const batches = new Set<Promise<number>>()

  const isCampaign = { category: { startsWith: CAMPAIGN_CATEGORY_PREFIX } }
  const isTransactional = { OR: [{ category: null }, { NOT: isCampaign }] }
  const dueAt = (now: Date) => ({
    status: 'pending',
    nextAttemptAt: { lte: now },
    OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }],
  })

  /**
   * Candidates are read first, then claimed by an UPDATE that repeats every due condition. On
   * PostgreSQL a second worker's UPDATE waits for the first one's row locks, then re-checks those
   * conditions on the new row version and skips what was just leased: two workers never hold the
   * same message. (Prisma's `updateMany({ limit })` puts the conditions only in an `id IN
   * (SELECT … LIMIT n)` subquery, which is not re-checked, so it is not used.) SQLite runs one
   * writer at a time, so the same statement is atomic there. Leases compare against this
   * machine's clock: keep the clocks of worker machines in sync (NTP).
   */
  async function claimTransactional(claimId: string, now: Date, take: number): Promise<EmailMessage[]> {
    const where = { AND: [dueAt(now), isTransactional] }
    for (let round = 0; round < 3; round++) {
      const candidates = await db.emailMessage.findMany({
        where,
        select: { id: true },
        orderBy: [{ nextAttemptAt: 'asc' }, { createdAt: 'asc' }],
        take,
      })
      if (candidates.length === 0) return []
      const claimed = await db.emailMessage.updateManyAndReturn({
        where: { AND: [where, { id: { in: candidates.map((c) => c.id) } }] },
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

  /**
   * Campaign messages, oldest first, as many per organisation as its minute allows. The rest of
   * a throttled organisation's due campaign messages wait for the next minute (their
   * nextAttemptAt moves to it, all to the same instant, so they keep their order by createdAt);
   * they are neither attempted nor failed, and they no longer stand in the way of other
   * organisations' messages.
   */
  async function claimCampaign(claimId: string, now: Date, take: number): Promise<EmailMessage[]> {
    const where = { AND: [dueAt(now), isCampaign] }
    const candidates = await db.emailMessage.findMany({
      where,
      select: { id: true, organisationId: true },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take,
    })
    if (candidates.length === 0) return []
    const byOrganisation = new Map<string | null, string[]>()
    for (const c of candidates) byOrganisation.set(c.organisationId, [...(byOrganisation.get(c.organisationId) ?? []), c.id])
    const organisationIds = [...byOrganisation.keys()].filter((o): o is string => o !== null)
    const rates = organisationIds.length ? await throttle.ratesFor(organisationIds) : new Map<string, number>()

    const chosen: string[] = []
    const granted = new Map<string, number>()
    const throttled: string[] = []
    for (const [organisationId, ids] of byOrganisation) {
      const limit = organisationId ? (rates.get(organisationId) ?? 0) : 0
      if (!organisationId || limit === 0) {
        chosen.push(...ids)
        continue
      }
      const tokens = await throttle.take(organisationId, ids.length, limit, now)
      granted.set(organisationId, tokens)
      chosen.push(...ids.slice(0, tokens))
      if (tokens < ids.length) throttled.push(organisationId)
    }
    const claimed = chosen.length
      ? await db.emailMessage.updateManyAndReturn({
          where: { AND: [where, { id: { in: chosen } }] },
          data: { leaseOwner: claimId, leaseUntil: new Date(now.getTime() + leaseMs) },
        })
      : []
    // Tokens for messages another worker claimed first go back to the minute.
    for (const [organisationId, tokens] of granted) {
      const used = claimed.filter((m) => m.organisationId === organisationId).length
      if (tokens > used) await throttle.giveBack(organisationId, tokens - used, now)
    }
    if (throttled.length) {
      const { end } = throttleWindow(now)
      await db.emailMessage.updateMany({ where: { AND: [where, { organisationId: { in: throttled } }] }, data: { nextAttemptAt: end } })
      log.debug({ organisations: throttled, until: end }, 'campaign emails throttled until the next minute')
    }
    return claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
  }

  async function claimBatch(claimId: string): Promise<EmailMessage[]> {
    const now = clock()
    const transactional = await claimTransactional(claimId, now, batchSize)
    const room = batchSize - transactional.length
    const campaign = room > 0 ? await claimCampaign(claimId, now, room) : []
    return [...transactional, ...campaign]
  }

  /** Campaign messages whose address is on their organisation's suppression list: not sent. */
  async function suppressedIn(messages: EmailMessage[]) {
    const out = new Set<string>()
    const byOrganisation = new Map<string, EmailMessage[]>()
    for (const m of messages) {
      if (!m.organisationId || !campaignIdOf(m.category)) continue
      byOrganisation.set(m.organisationId, [...(byOrganisation.get(m.organisationId) ?? []), m])
    }
    for (const [organisationId, list] of byOrganisation) {
      const suppressed = await suppressedAmong(
        organisationId,
        list.map((m) => m.toAddress),
        db,
      )
      for (const m of list) if (suppressed.has(m.toAddress)) out.add(m.id)
    }
    return out
  }

  async function processBatch(): Promise<number> {
    if (stopping) return 0
    const claimId = `${id}#${++claims}`
    const messages = await claimBatch(claimId)
    if (messages.length === 0) return 0

    const skipped = await suppressedIn(messages)
    if (skipped.size) {
      await db.emailMessage.updateMany({
        where: { id: { in: [...skipped] }, leaseOwner: claimId },
        data: {
          status: 'failed',
          lastError: 'suppressed: the address is on the organisation’s suppression list',
          leaseOwner: null,
          leaseUntil: null,
        },
      })
      log.info({ count: skipped.size }, 'campaign emails to suppressed addresses not sent')
    }

    const queue = messages.filter((m) => !skipped.has(m.id))
    const finished = new Set<string>(skipped)
    const lost = new Set<string>()
    let acceptedUnrecorded: EmailMessage[] = []
    let renewedAt = clock().getTime()
    let renewing: Promise<void> | null = null
    let next = 0
    let handled = skipped.size

    // One UPDATE renews the lease of every message of the batch not finished yet, a third of the
    // lease after the last renewal; those no longer ours (we were too slow) are skipped.
    function renewIfDue() {
      if (clock().getTime() - renewedAt < leaseMs / 3) return renewing
      renewing ??= (async () => {
        const now = clock()
        const open = messages.filter((m) => !finished.has(m.id) && !lost.has(m.id)).map((m) => m.id)
        const kept = await db.emailMessage.updateManyAndReturn({
          where: { id: { in: open }, leaseOwner: claimId, status: 'pending' },
          data: { leaseUntil: new Date(now.getTime() + leaseMs) },
          select: { id: true },
        })
        const ours = new Set(kept.map((k) => k.id))
        for (const messageId of open) if (!ours.has(messageId)) lost.add(messageId)
        renewedAt = now.getTime()
      })().finally(() => {
        renewing = null
      })
      return renewing
    }

    async function flushSent() {
      if (acceptedUnrecorded.length === 0) return
      const accepted = acceptedUnrecorded
      acceptedUnrecorded = []
      await recordSent(accepted)
    }

    async function lane() {
      while (!stopping && next < queue.length) {
        const message = queue[next++]!
        await renewIfDue()
        if (lost.has(message.id)) {
          log.warn({ emailId: message.id, workerId: id }, 'email lease lost before sending; another worker has it')
          continue
        }
        handled++
        const error = await deliver(message)
        finished.add(message.id)
        if (error === null) {
          acceptedUnrecorded.push(message)
          if (acceptedUnrecorded.length >= SENT_FLUSH_SIZE) await flushSent()
        } else {
          await recordFailure(message, claimId, error)
        }
      }
    }

    // Every lane ends before the batch is wrapped up, even if one failed (a database error): the
    // messages another lane is still sending must not be handed back meanwhile.
    const lanes = await Promise.allSettled(Array.from({ length: Math.min(concurrency, queue.length) }, lane))
    await flushSent()
    await release(
      queue.filter((m) => !finished.has(m.id) && !lost.has(m.id)),
      claimId,
    )
    const failure = lanes.find((l) => l.status === 'rejected')
    if (failure) throw failure.reason
    return handled
  }

  /** Renders and sends; resolves with the error, or null once the server accepted the message. */
  async function deliver(message: EmailMessage): Promise<unknown> {
    try {
      const rendered = await renderStoredEmail(message)
      await transport.send(
        {
          messageId: message.messageId,
          from,
          to: { address: message.toAddress, name: message.toName },
          unsubscribeUrl: message.unsubscribeUrl,
          ...rendered,
        },
        { signal: AbortSignal.timeout(sendTimeoutMs) },
      )
      return null
    } catch (error) {
      return error ?? new Error('unknown send error')
    }
  }

  async function recordSent(messages: EmailMessage[]) {
    // Recorded even if the lease was lost meanwhile: the server accepted the messages, and leaving
    // them pending would only make another worker send one more copy.
    await db.emailMessage.updateMany({
      where: { id: { in: messages.map((m) => m.id) }, status: { not: 'sent' } },
      data: {
        status: 'sent',
        sentAt: clock(),
        attempts: { increment: 1 },
        lastError: null,
        leaseOwner: null,
        leaseUntil: null,
      },
    })
    for (const message of messages) {
      log.info({ emailId: message.id, template: message.template, attempt: message.attempts + 1 }, 'email sent')
    }
  }

  async function recordFailure(message: EmailMessage, claimId: string, error: unknown) {
    const attempts = message.attempts + 1
    const bounced = isBounce(error)
    const permanent = error instanceof EmailRenderError || isPermanentSendError(error)
    const giveUp = permanent || attempts >= maxAttempts
    const lastError = describeError(error)
    const now = clock()
    const nextAttemptAt = giveUp ? undefined : new Date(now.getTime() + retryDelayMs(attempts, backoff))
    const campaignId = campaignIdOf(message.category)
    await db.$transaction(async (tx) => {
      const { count } = await tx.emailMessage.updateMany({
        where: { id: message.id, leaseOwner: claimId },
        data: {
          status: giveUp ? 'failed' : 'pending',
          attempts: { increment: 1 },
          lastError,
          nextAttemptAt,
          bouncedAt: bounced ? now : undefined,
          leaseOwner: null,
          leaseUntil: null,
        },
      })
      // A campaign address the server refused for good is not written to again by this organisation.
      if (count > 0 && bounced && campaignId && message.organisationId) {
        await suppress(tx, message.organisationId, message.toAddress, 'bounce', campaignId)
      }
    })
    const details = { emailId: message.id, template: message.template, attempt: attempts, error: lastError }
    if (giveUp) log.error({ ...details, permanent, bounced }, 'email failed')
    else log.warn({ ...details, nextAttemptAt }, 'email send failed, will retry')
  }

  async function release(messages: EmailMessage[], claimId: string) {
    if (messages.length === 0) return
    await db.emailMessage.updateMany({
      where: { id: { in: messages.map((m) => m.id) }, leaseOwner: claimId },
      data: { leaseOwner: null, leaseUntil: null },
    })
  }

  function runOnce(): Promise<number> {
    const batch = processBatch()
    batches.add(batch)
    return batch.finally(() => batches.delete(batch))
  }

  let lastPrune = 0
  async function beat() {
    const now = clock()
    await db.workerHeartbeat.upsert({ where: { id }, create: { id, beatAt: now }, update: { beatAt: now } })
    // Workers that died without stopping leave their row; drop those once in a while.
    if (now.getTime() - lastPrune > HEARTBEAT_RETENTION_MS) {
      lastPrune = now.getTime()
      const cutoff = new Date(now.getTime() - HEARTBEAT_RETENTION_MS)
      await db.workerHeartbeat.deleteMany({ where: { beatAt: { lt: cutoff } } })
      await throttle.prune(now)
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
    log.info({ workerId: id, transport: transport.kind, pollMs, batchSize, concurrency, leaseMs }, 'email worker started')
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

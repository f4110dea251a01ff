import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { createDb, dbTarget, prisma } from '#app/db.server.ts'
import { loader as mailboxMessageLoader } from '#app/routes/system/dev.mailbox.$id.tsx'
import { loader as attachmentLoader } from '#app/routes/system/dev.mailbox.$id_.attachments.$attachmentId.ts'
import { loader as mailboxLoader } from '#app/routes/system/dev.mailbox._index.tsx'
import { resetEnvCache } from '#app/utils/env.server.ts'
import { startSmtpSink, type SmtpSink } from '#tests/helpers/smtp-sink.ts'
import { latestMailboxMessageFor, listMailboxMessages } from './mailbox.server.ts'
import { enqueueEmail } from './outbox.server.ts'
import { createMailboxTransport, createSmtpTransport } from './transport.server.ts'
import { createEmailWorker, type EmailWorkerOptions } from './worker.server.ts'

const FROM = 'Essor <no-reply@essor.test>'
let sink: SmtpSink

beforeAll(async () => {
  sink = await startSmtpSink()
})
afterAll(async () => {
  await sink.close()
})
beforeEach(async () => {
  sink.received.length = 0
  sink.refuseWith(null)
  sink.whenReceived(null)
  await prisma.emailMessage.deleteMany()
  await prisma.localMailboxMessage.deleteMany()
})

function smtpWorker(options: EmailWorkerOptions = {}) {
  const transport = createSmtpTransport(sink.url)
  return createEmailWorker({ transport, from: FROM, pollMs: 50, batchSize: 10, leaseMs: 10_000, ...options })
}

function signInLink(to: string, locale: 'fr' | 'en', n = 1) {
  return {
    to,
    locale,
    template: 'sign-in-link' as const,
    props: { url: `https://essor.test/auth/link?token=t${n}`, expiresInMinutes: 15 },
    category: 'auth',
  }
}

async function drain(worker: ReturnType<typeof createEmailWorker>) {
  let total = 0
  for (let handled = await worker.runOnce(); handled > 0; handled = await worker.runOnce()) total += handled
  return total
}

describe('outbox delivery over SMTP', () => {
  test('messages written with a change are delivered in their language with their stable Message-ID', async () => {
    const [fr, en] = await prisma.$transaction(async (tx) => {
      const organisation = await tx.organisation.create({ data: { slug: 'cress-outbox', name: 'CRESS Outbox' } })
      return [
        await enqueueEmail(tx, {
          ...signInLink('Camille@Example.org', 'fr', 1),
          toName: 'Camille Martin',
          organisationId: organisation.id,
        }),
        await enqueueEmail(tx, signInLink('alex@example.org', 'en', 2)),
      ]
    })
    const stored = await prisma.emailMessage.findUniqueOrThrow({ where: { id: fr.id } })
    expect(stored).toMatchObject({
      status: 'pending',
      attempts: 0,
      toAddress: 'camille@example.org',
      locale: 'fr',
      messageId: fr.messageId,
    })
    expect(stored.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now())

    expect(await smtpWorker().runOnce()).toBe(2)

    expect(sink.received).toHaveLength(2)
    const toCamille = sink.received.find((m) => m.recipients.includes('camille@example.org'))!
    expect(toCamille.messageId).toBe(fr.messageId)
    expect(toCamille.subject).toBe('Votre lien de connexion à Essor')
    expect(toCamille.headers.get('to')).toContain('Camille Martin')
    expect(toCamille.headers.get('from')).toContain('no-reply@essor.test')
    expect(toCamille.headers.get('content-type')).toMatch(/^multipart\/alternative/)
    expect(toCamille.html).toContain('lang="fr"')
    expect(toCamille.html).toContain('href="https://essor.test/auth/link?token=t1"')
    expect(toCamille.text).toContain('Ce lien est valable 15 minutes.')
    expect(toCamille.text).toContain('https://essor.test/auth/link?token=t1')

    const toAlex = sink.received.find((m) => m.recipients.includes('alex@example.org'))!
    expect(toAlex.messageId).toBe(en.messageId)
    expect(toAlex.subject).toBe('Your sign-in link for Essor')
    expect(toAlex.text).toContain('This link is valid for 15 minutes.')
    expect(toAlex.html).toContain('https://essor.test/auth/link?token=t2')

    const rows = await prisma.emailMessage.findMany()
    for (const row of rows) {
      expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null, leaseOwner: null, leaseUntil: null })
      expect(row.sentAt).toBeInstanceOf(Date)
    }
  })

  test('a change that rolls back leaves no email behind', async () => {
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.organisation.create({ data: { slug: 'cress-rollback', name: 'CRESS Rollback' } })
        await enqueueEmail(tx, signInLink('nobody@example.org', 'fr'))
        throw new Error('the change fails after the email was written')
      }),
    ).rejects.toThrow('the change fails')

    expect(await prisma.emailMessage.count()).toBe(0)
    expect(await prisma.organisation.count({ where: { slug: 'cress-rollback' } })).toBe(0)
    expect(await smtpWorker().runOnce()).toBe(0)
    expect(sink.received).toHaveLength(0)
  })

  test('a temporary refusal (4xx) is retried later, with attempts and the error recorded', async () => {
    const message = await enqueueEmail(prisma, signInLink('retry@example.org', 'fr'))
    const worker = smtpWorker({ retryBaseMs: 60_000 })
    sink.refuseWith(() => ({ code: 451, message: 'Mailbox busy, try later' }))

    const before = Date.now()
    expect(await worker.runOnce()).toBe(1)
    const failed = await prisma.emailMessage.findUniqueOrThrow({ where: { id: message.id } })
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, leaseOwner: null, leaseUntil: null, sentAt: null })
    expect(failed.lastError).toContain('451')
    expect(failed.lastError).toContain('Mailbox busy')
    // First retry: between half and all of the 60 s base.
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 30_000)
    expect(failed.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now() + 60_000)
    expect(sink.received).toHaveLength(0)

    sink.refuseWith(null)
    expect(await worker.runOnce()).toBe(0) // not due yet

    await prisma.emailMessage.update({ where: { id: message.id }, data: { nextAttemptAt: new Date() } })
    expect(await worker.runOnce()).toBe(1)
    const sent = await prisma.emailMessage.findUniqueOrThrow({ where: { id: message.id } })
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, lastError: null })
    expect(sink.received.map((m) => m.messageId)).toEqual([message.messageId])
  })

  test('temporary refusals stop after maxAttempts: the message is marked failed with the last error', async () => {
    const message = await enqueueEmail(prisma, signInLink('busy@example.org', 'en'))
    const worker = smtpWorker({ maxAttempts: 3 })
    sink.refuseWith(() => ({ code: 421, message: 'Service not available' }))
    for (let attempt = 1; attempt <= 3; attempt++) {
      await prisma.emailMessage.update({ where: { id: message.id }, data: { nextAttemptAt: new Date() } })
      expect(await worker.runOnce()).toBe(1)
    }
    const row = await prisma.emailMessage.findUniqueOrThrow({ where: { id: message.id } })
    expect(row).toMatchObject({ status: 'failed', attempts: 3 })
    expect(row.lastError).toContain('421')
    await prisma.emailMessage.update({ where: { id: message.id }, data: { nextAttemptAt: new Date() } })
    expect(await worker.runOnce()).toBe(0)
  })

  test('a permanent refusal (5xx) marks the message failed at once', async () => {
    const message = await enqueueEmail(prisma, signInLink('unknown@example.org', 'fr'))
    sink.refuseWith(() => ({ code: 550, message: 'No such user here' }))

    expect(await smtpWorker().runOnce()).toBe(1)

    const row = await prisma.emailMessage.findUniqueOrThrow({ where: { id: message.id } })
    expect(row).toMatchObject({ status: 'failed', attempts: 1, leaseOwner: null, sentAt: null })
    expect(row.lastError).toContain('550')
    expect(row.lastError).toContain('No such user here')
    expect(sink.received).toHaveLength(0)
  })

  test('a message whose template is unknown fails without being sent', async () => {
    const message = await prisma.emailMessage.create({
      data: { messageId: '<unknown-template@essor.test>', toAddress: 'x@example.org', template: 'no-such-template', payload: '{}' },
    })
    expect(await smtpWorker().runOnce()).toBe(1)
    const row = await prisma.emailMessage.findUniqueOrThrow({ where: { id: message.id } })
    expect(row.status).toBe('failed')
    expect(row.lastError).toContain('no-such-template')
  })

  test('two workers share a batch: every message is delivered exactly once', async () => {
    // On PostgreSQL the second worker gets its own connection pool, as a second process would.
    // On SQLite it shares the client: better-sqlite3 waits for a lock synchronously, so two
    // connections in one process would block each other (across processes they just take turns).
    const other = dbTarget.provider === 'postgresql' ? createDb(process.env.DATABASE_URL) : { db: prisma, ready: undefined }
    await other.ready
    try {
      await prisma.$transaction(async (tx) => {
        for (let n = 0; n < 40; n++) await enqueueEmail(tx, signInLink(`person${n}@example.org`, n % 2 ? 'en' : 'fr', n))
      })
      const rows = await prisma.emailMessage.findMany({ select: { messageId: true } })
      const first = smtpWorker({ batchSize: 2, id: 'worker-a' })
      const second = smtpWorker({ batchSize: 2, id: 'worker-b', db: other.db })

      const [a, b] = await Promise.all([drain(first), drain(second)])

      expect(a + b).toBe(40)
      expect(a).toBeGreaterThan(0)
      expect(b).toBeGreaterThan(0)
      expect(sink.received).toHaveLength(40)
      expect(new Set(sink.received.map((m) => m.messageId))).toEqual(new Set(rows.map((r) => r.messageId)))
      const sent = await prisma.emailMessage.findMany({ where: { status: 'sent', attempts: 1 } })
      expect(sent).toHaveLength(40)
    } finally {
      if (other.db !== prisma) await other.db.$disconnect()
    }
  })
})

describe('transports', () => {
  const png = Buffer.from('89504e470d0a1a0a', 'hex')
  const mail = {
    messageId: '<attachments@essor.test>',
    from: FROM,
    to: { address: 'files@example.org', name: 'Files' },
    subject: 'Billet',
    html: '<p><img src="cid:qr@essor" alt="QR"></p>',
    text: 'Billet',
    attachments: [
      { filename: 'evenement.ics', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', contentType: 'text/calendar; charset=utf-8' },
      { filename: 'billet-qr.png', content: png, contentType: 'image/png', cid: 'qr@essor' },
    ],
  }

  test('SMTP carries attachments, inline ones with their Content-ID', async () => {
    await createSmtpTransport(sink.url).send(mail)
    const [received] = sink.received
    expect(received!.messageId).toBe('<attachments@essor.test>')
    expect(received!.headers.get('auto-submitted')).toBe('auto-generated')
    expect(received!.raw).toMatch(/filename=evenement\.ics/)
    expect(received!.raw).toMatch(/^Content-ID: <qr@essor>/im)
    expect(received!.html).toContain('cid:qr@essor')
  })

  test('the mailbox shows inline images in place of their cid: references', async () => {
    await createMailboxTransport().send(mail)
    const stored = await latestMailboxMessageFor('files@example.org')
    expect(stored!.html).toContain(`src="data:image/png;base64,${png.toString('base64')}"`)
    expect(stored!.html).not.toContain('cid:')
  })

  test('the mailbox lists the attachments and serves each one as it was sent', async () => {
    await createMailboxTransport().send({
      ...mail,
      messageId: '<attachments-2@essor.test>',
      to: { address: 'files2@example.org', name: 'F' },
    })
    const stored = await latestMailboxMessageFor('files2@example.org')
    const request = (path: string) => new Request(`http://localhost${path}`)
    const shown = await mailboxMessageLoader({ request: request(`/dev/mailbox/${stored!.id}`), params: { id: stored!.id }, context: {} })
    expect(shown.message.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['billet-qr.png', 'image/png'],
      ['evenement.ics', 'text/calendar; charset=utf-8'],
    ])
    const ics = shown.message.attachments.find((a) => a.filename === 'evenement.ics')!
    const path = `/dev/mailbox/${stored!.id}/attachments/${ics.id}`
    const response = await attachmentLoader({ request: request(path), params: { id: stored!.id, attachmentId: ics.id }, context: {} })
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
    expect(response.headers.get('content-disposition')).toContain('evenement.ics')
    expect(await response.text()).toBe('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n')
    const png2 = shown.message.attachments.find((a) => a.filename === 'billet-qr.png')!
    const image = await attachmentLoader({ request: request(path), params: { id: stored!.id, attachmentId: png2.id }, context: {} })
    expect(Buffer.from(await image.arrayBuffer()).equals(png)).toBe(true)
    // Another message's id with this attachment: not found.
    await expect(
      attachmentLoader({ request: request(path), params: { id: 'other', attachmentId: ics.id }, context: {} }),
    ).rejects.toHaveProperty('status', 404)
  })
})

describe('worker lifecycle', () => {
  test('stop() lets the message being sent finish and hands the rest of the batch back', async () => {
    await prisma.$transaction(async (tx) => {
      for (let n = 0; n < 5; n++) await enqueueEmail(tx, signInLink(`stop${n}@example.org`, 'fr', n))
    })
    const worker = createEmailWorker({
      transport: createSmtpTransport(sink.url),
      from: FROM,
      pollMs: 50,
      batchSize: 5,
      concurrency: 1,
      leaseMs: 60_000,
      id: 'worker-stop',
    })
    // Asked to stop while the server holds the first message, before it answers.
    let stopped: Promise<void> | undefined
    let whileSending: { heartbeats: number; leased: number } | undefined
    sink.whenReceived(async () => {
      stopped ??= worker.stop()
      whileSending ??= {
        heartbeats: await prisma.workerHeartbeat.count({ where: { id: 'worker-stop' } }),
        leased: await prisma.emailMessage.count({ where: { leaseOwner: { not: null } } }),
      }
    })
    worker.start()
    await expect.poll(() => stopped !== undefined, { timeout: 15_000 }).toBe(true)
    await stopped
    expect(whileSending).toEqual({ heartbeats: 1, leased: 5 })
    expect(sink.received).toHaveLength(1)

    const rows = await prisma.emailMessage.findMany()
    const sent = rows.filter((r) => r.status === 'sent')
    expect(sent).toHaveLength(1)
    expect(sink.received.map((m) => m.messageId)).toEqual([sent[0]!.messageId])
    const rest = rows.filter((r) => r.status === 'pending')
    expect(rest).toHaveLength(4)
    for (const row of rest) expect(row).toMatchObject({ leaseOwner: null, leaseUntil: null, attempts: 0 })
    expect(await prisma.workerHeartbeat.count({ where: { id: 'worker-stop' } })).toBe(0)
  })
})

describe('local mailbox', () => {
  test('with no SMTP server, the worker delivers into the mailbox, newest first, filterable by recipient', async () => {
    await enqueueEmail(prisma, signInLink('demo@example.org', 'fr', 1))
    await enqueueEmail(prisma, signInLink('other@example.org', 'en', 2))
    const worker = createEmailWorker({ transport: createMailboxTransport(), from: FROM, pollMs: 50, batchSize: 10, leaseMs: 10_000 })

    expect(await worker.runOnce()).toBe(2)

    const all = await listMailboxMessages()
    expect(all).toHaveLength(2)
    expect(all[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(all[1]!.createdAt.getTime())
    const mine = await listMailboxMessages({ to: ' Demo@Example.org ' })
    expect(mine.map((m) => m.subject)).toEqual(['Votre lien de connexion à Essor'])

    const latest = await latestMailboxMessageFor('DEMO@example.org')
    const row = await prisma.emailMessage.findFirstOrThrow({ where: { toAddress: 'demo@example.org' } })
    expect(latest).toMatchObject({ messageId: row.messageId, toAddress: 'demo@example.org' })
    expect(latest!.links).toEqual(['https://essor.test/auth/link?token=t1'])
    expect(latest!.text).toContain('https://essor.test/auth/link?token=t1')
    expect(latest!.html).toContain('lang="fr"')
    expect(row.status).toBe('sent')
    expect(await latestMailboxMessageFor('nobody@example.org')).toBeNull()
  })

  test('the mailbox pages show the messages while no SMTP_URL is set, and answer 404 once it is', async () => {
    await enqueueEmail(prisma, signInLink('pages@example.org', 'en', 7))
    await createEmailWorker({ transport: createMailboxTransport(), from: FROM, pollMs: 50, batchSize: 10, leaseMs: 10_000 }).runOnce()
    const request = (path: string) => new Request(`http://localhost${path}`)
    const args = (path: string, params = {}) => ({ request: request(path), params, context: {} })

    const list = await mailboxLoader(args('/dev/mailbox?to=pages@example.org'))
    expect(list.messages.map((m) => m.subject)).toEqual(['Your sign-in link for Essor'])
    const shown = await mailboxMessageLoader(args(`/dev/mailbox/${list.messages[0]!.id}`, { id: list.messages[0]!.id }))
    expect(shown.message).toMatchObject({ lang: 'en', links: ['https://essor.test/auth/link?token=t7'] })
    await expect(mailboxMessageLoader(args('/dev/mailbox/nope', { id: 'nope' }))).rejects.toHaveProperty('status', 404)

    const saved = process.env.SMTP_URL
    process.env.SMTP_URL = 'smtp://127.0.0.1:2525'
    resetEnvCache()
    try {
      await expect(mailboxLoader(args('/dev/mailbox'))).rejects.toHaveProperty('status', 404)
      await expect(mailboxMessageLoader(args(`/dev/mailbox/${list.messages[0]!.id}`, { id: list.messages[0]!.id }))).rejects.toHaveProperty(
        'status',
        404,
      )
    } finally {
      if (saved === undefined) delete process.env.SMTP_URL
      else process.env.SMTP_URL = saved
      resetEnvCache()
    }
  })
})

// Deliverability in the email worker: campaign throttling per organisation (shared by several
// workers), List-Unsubscribe headers, bounces feeding the suppression list, DKIM signing.
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { createDb, dbTarget, prisma, type Db } from '#app/db.server.ts'
import { startSmtpSink, type SmtpSink } from '#tests/helpers/smtp-sink.ts'
import { makeOrganisation } from '#tests/support/factories.ts'
import { enqueueEmail } from './outbox.server.ts'
import { suppress } from './suppression.server.ts'
import { createCampaignThrottle, throttleWindow } from './throttle.server.ts'
import { createSmtpTransport, type DkimOptions } from './transport.server.ts'
import { createEmailWorker, type EmailWorkerOptions } from './worker.server.ts'

const FROM = 'CRESS Test <no-reply@cress.test>'
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
  await prisma.emailMessage.deleteMany()
  await prisma.suppression.deleteMany()
  await prisma.rateLimit.deleteMany()
})

/** A fake clock starting 10 s into a minute a little ahead of now, so every queued row is due. */
function fakeClock() {
  let now = new Date((Math.floor(Date.now() / 60_000) + 2) * 60_000 + 10_000)
  return {
    now: () => now,
    set(date: Date) {
      now = date
    },
  }
}

function worker(options: EmailWorkerOptions & { dkim?: DkimOptions } = {}) {
  const { dkim, ...rest } = options
  const transport = createSmtpTransport(sink.url, { maxConnections: 2, dkim })
  return createEmailWorker({
    transport,
    from: FROM,
    pollMs: 50,
    batchSize: 50,
    concurrency: 2,
    leaseMs: 10_000,
    campaignRatePerMinute: 0,
    ...rest,
  })
}

async function drain(w: ReturnType<typeof createEmailWorker>) {
  let total = 0
  for (let handled = await w.runOnce(); handled > 0; handled = await w.runOnce()) total += handled
  return total
}

let sequence = 0
/** A campaign email row, created `sequence` ms apart so their order is known. */
async function campaignEmail(organisationId: string, to: string, opts: { campaignId?: string; unsubscribeUrl?: string } = {}) {
  const base = Date.now() - 60_000
  return prisma.emailMessage.create({
    data: {
      messageId: `<${randomBytes(8).toString('hex')}@cress.test>`,
      organisationId,
      toAddress: to,
      locale: 'fr',
      template: 'sign-in-link',
      payload: JSON.stringify({ url: `https://essor.test/c/${to}`, expiresInMinutes: 15 }),
      category: `campaign:${opts.campaignId ?? 'camp1'}`,
      unsubscribeUrl: opts.unsubscribeUrl ?? null,
      createdAt: new Date(base + ++sequence),
      nextAttemptAt: new Date(base),
    },
  })
}

function confirmation(to: string, organisationId: string | null = null) {
  return enqueueEmail(prisma, {
    to,
    locale: 'fr',
    template: 'sign-in-link',
    props: { url: 'https://essor.test/auth/link?token=t', expiresInMinutes: 15 },
    organisationId,
    category: 'registration',
  })
}

const received = () => sink.received.map((m) => m.recipients[0])

describe('campaign throttling', () => {
  test('at most N campaign emails per organisation per minute, in order; the rest wait without being attempted', async () => {
    const organisation = await makeOrganisation()
    await prisma.organisation.update({ where: { id: organisation.id }, data: { campaignRatePerMinute: 5 } })
    for (let n = 0; n < 12; n++) await campaignEmail(organisation.id, `c${n}@example.org`)
    const clock = fakeClock()
    const w = worker({ clock: clock.now, campaignRatePerMinute: 1000 })

    expect(await drain(w)).toBe(5)
    expect(received()).toEqual(['c0@example.org', 'c1@example.org', 'c2@example.org', 'c3@example.org', 'c4@example.org'])
    const waiting = await prisma.emailMessage.findMany({ where: { status: 'pending' }, orderBy: { createdAt: 'asc' } })
    expect(waiting).toHaveLength(7)
    const { end } = throttleWindow(clock.now())
    for (const row of waiting) expect(row).toMatchObject({ attempts: 0, lastError: null, leaseOwner: null, nextAttemptAt: end })

    // Later in the same minute: still nothing.
    clock.set(new Date(end.getTime() - 1000))
    expect(await drain(w)).toBe(0)

    clock.set(end)
    expect(await drain(w)).toBe(5)
    clock.set(new Date(end.getTime() + 60_000))
    expect(await drain(w)).toBe(2)
    expect(received()).toEqual(Array.from({ length: 12 }, (_, n) => `c${n}@example.org`))
    expect(await prisma.emailMessage.count({ where: { status: 'sent', attempts: 1 } })).toBe(12)
  })

  test('the default rate applies when the organisation sets none; 0 means no limit; organisations are throttled apart', async () => {
    const defaultRate = await makeOrganisation()
    const unlimited = await makeOrganisation()
    await prisma.organisation.update({ where: { id: unlimited.id }, data: { campaignRatePerMinute: 0 } })
    for (let n = 0; n < 6; n++) await campaignEmail(defaultRate.id, `d${n}@example.org`)
    for (let n = 0; n < 6; n++) await campaignEmail(unlimited.id, `u${n}@example.org`)
    const clock = fakeClock()

    expect(await drain(worker({ clock: clock.now, campaignRatePerMinute: 2, batchSize: 4 }))).toBe(8)
    const got = received()
    expect(got.filter((a) => a!.startsWith('d'))).toEqual(['d0@example.org', 'd1@example.org'])
    expect(got.filter((a) => a!.startsWith('u'))).toHaveLength(6)
  })

  test('transactional emails are never held back by campaign traffic', async () => {
    const organisation = await makeOrganisation()
    await prisma.organisation.update({ where: { id: organisation.id }, data: { campaignRatePerMinute: 3 } })
    for (let n = 0; n < 30; n++) await campaignEmail(organisation.id, `c${n}@example.org`)
    const clock = fakeClock()
    const w = worker({ clock: clock.now, batchSize: 5 })

    // Queued after 30 campaign emails, with a batch of 5: it goes out in the first batch.
    await confirmation('first@example.org', organisation.id)
    await w.runOnce()
    expect(received()).toContain('first@example.org')

    // With the minute's campaign quota spent, a new confirmation still goes out at once.
    await drain(w)
    await confirmation('second@example.org', organisation.id)
    expect(await w.runOnce()).toBe(1)
    expect(received().at(-1)).toBe('second@example.org')
    expect(received().filter((a) => a!.startsWith('c'))).toHaveLength(3)

    // Without any throttling, the campaign backlog does not delay it either.
    await prisma.organisation.update({ where: { id: organisation.id }, data: { campaignRatePerMinute: 0 } })
    await prisma.emailMessage.updateMany({ where: { status: 'pending' }, data: { nextAttemptAt: new Date(0) } })
    await confirmation('third@example.org', organisation.id)
    await w.runOnce()
    expect(received()).toContain('third@example.org')
  })

  test('two workers together do not exceed the rate', async () => {
    // On PostgreSQL the second worker has its own connection pool, as a second process would.
    const other = dbTarget.provider === 'postgresql' ? createDb(process.env.DATABASE_URL) : { db: prisma, ready: undefined }
    await other.ready
    try {
      const organisation = await makeOrganisation()
      await prisma.organisation.update({ where: { id: organisation.id }, data: { campaignRatePerMinute: 7 } })
      for (let n = 0; n < 40; n++) await campaignEmail(organisation.id, `c${n}@example.org`)
      const clock = fakeClock()
      const a = worker({ clock: clock.now, batchSize: 2, id: 'worker-a' })
      const b = worker({ clock: clock.now, batchSize: 2, id: 'worker-b', db: other.db as Db })

      const [sentA, sentB] = await Promise.all([drain(a), drain(b)])
      expect(sentA + sentB).toBe(7)
      expect(sink.received).toHaveLength(7)

      clock.set(throttleWindow(clock.now()).end)
      const [nextA, nextB] = await Promise.all([drain(a), drain(b)])
      expect(nextA + nextB).toBe(7)
      expect(sink.received).toHaveLength(14)
      expect(new Set(sink.received.map((m) => m.messageId)).size).toBe(14)
      expect(await prisma.emailMessage.count({ where: { status: 'sent' } })).toBe(14)
    } finally {
      if (other.db !== prisma) await other.db.$disconnect()
    }
  })

  test('tokens taken at once from several connections never add up to more than the limit', async () => {
    const organisation = await makeOrganisation()
    const clients = dbTarget.provider === 'postgresql' ? Array.from({ length: 4 }, () => createDb(process.env.DATABASE_URL)) : []
    await Promise.all(clients.map((c) => c.ready))
    try {
      const dbs: Db[] = clients.length ? clients.map((c) => c.db) : [prisma]
      const now = new Date()
      const grants = await Promise.all(
        Array.from({ length: 20 }, (_, i) => createCampaignThrottle(dbs[i % dbs.length]!, 10).take(organisation.id, 3, 10, now)),
      )
      expect(grants.reduce((sum, g) => sum + g, 0)).toBe(10)
      // The unused tokens went back: the counter shows what was granted.
      const row = await prisma.rateLimit.findFirstOrThrow({ where: { key: { startsWith: `email-campaign:${organisation.id}:` } } })
      expect(row.count).toBe(10)
    } finally {
      await Promise.all(clients.map((c) => c.db.$disconnect()))
    }
  })
})

describe('headers, bounces and suppressions', () => {
  test('campaign emails carry List-Unsubscribe and List-Unsubscribe-Post; transactional ones do not', async () => {
    const organisation = await makeOrganisation()
    const url = 'https://essor.test/u/tok123'
    const campaign = await campaignEmail(organisation.id, 'reader@example.org', { unsubscribeUrl: url })
    const tx = await confirmation('attendee@example.org', organisation.id)
    expect(await drain(worker())).toBe(2)

    const toReader = sink.received.find((m) => m.messageId === campaign.messageId)!
    expect(toReader.headers.get('list-unsubscribe')).toBe(`<${url}>`)
    expect(toReader.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click')
    const toAttendee = sink.received.find((m) => m.messageId === tx.messageId)!
    expect(toAttendee.headers.has('list-unsubscribe')).toBe(false)
    expect(toAttendee.headers.has('list-unsubscribe-post')).toBe(false)
  })

  test('a permanent refusal bounces: failed with the SMTP error, and a campaign address joins the suppression list', async () => {
    const organisation = await makeOrganisation()
    sink.refuseWith((mail) => (mail.recipients[0]!.startsWith('gone') ? { code: 550, message: '5.1.1 No such user' } : null))
    const campaign = await campaignEmail(organisation.id, 'gone@example.org', { campaignId: 'camp-b' })
    const tx = await confirmation('gone-too@example.org', organisation.id)
    const ok = await campaignEmail(organisation.id, 'here@example.org', { campaignId: 'camp-b' })
    await drain(worker())

    const bounced = await prisma.emailMessage.findUniqueOrThrow({ where: { id: campaign.id } })
    expect(bounced.status).toBe('failed')
    expect(bounced.bouncedAt).not.toBeNull()
    expect(bounced.lastError).toContain('550')
    expect(bounced.lastError).toContain('No such user')
    const suppressions = await prisma.suppression.findMany({ where: { organisationId: organisation.id } })
    expect(suppressions).toMatchObject([{ email: 'gone@example.org', reason: 'bounce', campaignId: 'camp-b' }])

    // A transactional message bounces too, but does not put the address on the campaign list.
    const txRow = await prisma.emailMessage.findUniqueOrThrow({ where: { id: tx.id } })
    expect(txRow.status).toBe('failed')
    expect(txRow.bouncedAt).not.toBeNull()
    expect(await prisma.emailMessage.findUniqueOrThrow({ where: { id: ok.id } })).toMatchObject({ status: 'sent', bouncedAt: null })
  })

  test('a temporary refusal is retried, not a bounce', async () => {
    const organisation = await makeOrganisation()
    sink.refuseWith(() => ({ code: 452, message: 'Mailbox full, try later' }))
    const campaign = await campaignEmail(organisation.id, 'full@example.org')
    await worker().runOnce()
    const row = await prisma.emailMessage.findUniqueOrThrow({ where: { id: campaign.id } })
    expect(row).toMatchObject({ status: 'pending', attempts: 1, bouncedAt: null })
    expect(row.lastError).toContain('452')
    expect(await prisma.suppression.count()).toBe(0)
  })

  test('campaign emails to a suppressed address are not sent; transactional ones still are', async () => {
    const organisation = await makeOrganisation()
    await suppress(prisma, organisation.id, 'Left@Example.org', 'unsubscribe', 'camp-a')
    const campaign = await campaignEmail(organisation.id, 'left@example.org', { campaignId: 'camp-c' })
    const tx = await confirmation('left@example.org', organisation.id)
    await drain(worker())

    expect(sink.received.map((m) => m.messageId)).toEqual([tx.messageId])
    const row = await prisma.emailMessage.findUniqueOrThrow({ where: { id: campaign.id } })
    expect(row.status).toBe('failed')
    expect(row.lastError).toContain('suppressed')
  })
})

describe('DKIM', () => {
  test('with DKIM configured, received messages carry a DKIM-Signature for the domain and selector', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const dkim = {
      domainName: 'cress.test',
      keySelector: 'essor2026',
      privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    }
    const tx = await confirmation('signed@example.org')
    await drain(worker({ dkim }))
    const [mail] = sink.received
    expect(mail!.messageId).toBe(tx.messageId)
    const signature = mail!.headers.get('dkim-signature') ?? ''
    expect(signature).toMatch(/\bd=cress\.test;/)
    expect(signature).toMatch(/\bs=essor2026;/)
    expect(signature).toMatch(/\bb=[A-Za-z0-9+/=\s]{100,}/)

    sink.received.length = 0
    await confirmation('unsigned@example.org')
    await drain(worker())
    expect(sink.received[0]!.headers.has('dkim-signature')).toBe(false)
  })
})

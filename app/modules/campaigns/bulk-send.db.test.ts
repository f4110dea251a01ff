// Sending to a large audience (SQLite and PostgreSQL): the bulk paths — the audience read in one
// query, suppressions of more than 500 addresses looked up at once, recipients and outbox rows
// written 1,000 a statement — keep every guarantee of the small path.
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { hashToken } from '#app/modules/auth/session.server.ts'
import { suppressedAmong } from '#app/modules/email/suppression.server.ts'
import { makeEvent, makeOrganisation } from '#tests/support/factories.ts'
import { createCampaign, sendCampaign } from './service.server.ts'

const COUNT = 1_100

async function bulkOrganisation() {
  const org = await makeOrganisation()
  const event = await makeEvent(org.id, { visibility: 'public', capacity: 100 })
  await prisma.contact.createMany({
    data: Array.from({ length: COUNT }, (_, i) => ({
      organisationId: org.id,
      email: `bulk${String(i).padStart(4, '0')}@example.org`,
      // Quotes, braces, backslashes, commas, NULL-like text and a line break: array and JSON encodings must keep them.
      firstName: i === 9 ? 'Zoé "{a,b}" \\ NULL\n, l’Ô' : `Prénom${i}`,
      lastName: `Nom${i}`,
      structure: i === 7 ? '<b>Coop</b>' : `Structure ${i}`,
      locale: i % 2 === 0 ? 'fr' : 'en',
      tags: JSON.stringify(i === 3 ? ['autre'] : ['reseau']),
    })),
  })
  return { org, event }
}

function campaignInput(eventId: string) {
  return {
    kind: 'event_invitation' as const,
    eventId,
    name: 'Invitation',
    subjectFr: 'Invitation pour {{prenom}}',
    bodyFr: 'Bonjour {{prenom}} de **{{structure}}** : {{lien}}',
    subjectEn: 'Invitation for {{first_name}}',
    bodyEn: 'Hello {{first_name}} from **{{structure}}**: {{link}}',
    audience: { tags: ['reseau'] },
  }
}

describe('bulk sending', () => {
  test('suppressedAmong with more than 500 addresses finds exactly the organisation’s suppressed ones', async () => {
    const { org } = await bulkOrganisation()
    const other = await makeOrganisation()
    await prisma.suppression.createMany({
      data: [
        { organisationId: org.id, email: 'bulk0010@example.org', reason: 'unsubscribe' },
        { organisationId: org.id, email: 'bulk0900@example.org', reason: 'bounce' },
        { organisationId: org.id, email: 'not-asked@example.org', reason: 'manual' },
        { organisationId: other.id, email: 'bulk0020@example.org', reason: 'manual' },
      ],
    })
    const asked = Array.from({ length: 800 }, (_, i) => `Bulk${String(i).padStart(4, '0')}@Example.org`)
    expect([...(await suppressedAmong(org.id, asked))].sort()).toEqual(['bulk0010@example.org'])
    const all = Array.from({ length: COUNT }, (_, i) => `bulk${String(i).padStart(4, '0')}@example.org`)
    expect([...(await suppressedAmong(org.id, all))].sort()).toEqual(['bulk0010@example.org', 'bulk0900@example.org'])
  })

  test('1,100 recipients: one outbox row each, suppressed skipped, merge fields, exact dates, resumable', async () => {
    const { org, event } = await bulkOrganisation()
    await prisma.suppression.createMany({
      data: [
        { organisationId: org.id, email: 'bulk0005@example.org', reason: 'unsubscribe' },
        { organisationId: org.id, email: 'bulk1050@example.org', reason: 'bounce' },
      ],
    })
    const { id } = await createCampaign(org.id, campaignInput(event.id))
    // A run interrupted after writing one address (its recipient and email rows exist, status still sending).
    const now = new Date('2026-03-02T09:15:30.123Z')
    const interrupted = await createCampaign(org.id, campaignInput(event.id))
    await sendCampaign(interrupted.id, now)
    const kept = await prisma.campaignRecipient.findFirstOrThrow({ where: { campaignId: interrupted.id, email: 'bulk0001@example.org' } })
    await prisma.campaignRecipient.deleteMany({ where: { campaignId: interrupted.id, NOT: { id: kept.id } } })
    await prisma.emailMessage.deleteMany({ where: { category: `campaign:${interrupted.id}`, NOT: { id: kept.emailMessageId! } } })
    await prisma.campaign.update({ where: { id: interrupted.id }, data: { status: 'sending', sentAt: null } })

    for (const campaignId of [id, interrupted.id]) {
      const result = await sendCampaign(campaignId, now)
      expect(result).toMatchObject({ status: 'sent', alreadySent: false, skipped: 2 })
      const expected = COUNT - 1 - 2 // tag "autre" left out, two suppressed
      expect(result.queued).toBe(campaignId === id ? expected : expected - 1)
      expect(await sendCampaign(campaignId, now)).toMatchObject({ alreadySent: true, queued: 0 })

      const recipients = await prisma.campaignRecipient.findMany({ where: { campaignId } })
      expect(recipients).toHaveLength(COUNT - 1)
      expect(
        recipients
          .filter((r) => r.skippedReason === 'suppressed')
          .map((r) => r.email)
          .sort(),
      ).toEqual(['bulk0005@example.org', 'bulk1050@example.org'])
      expect(recipients.some((r) => r.email === 'bulk0003@example.org')).toBe(false)
      const emails = await prisma.emailMessage.findMany({ where: { category: `campaign:${campaignId}` } })
      expect(emails).toHaveLength(expected)
      expect(new Set(emails.map((e) => e.toAddress)).size).toBe(expected)
      expect(new Set(emails.map((e) => e.messageId)).size).toBe(expected)
      const byId = new Map(emails.map((e) => [e.id, e]))
      for (const r of recipients) {
        if (r.skippedReason) {
          expect(r.emailMessageId).toBeNull()
          continue
        }
        const email = byId.get(r.emailMessageId!)!
        expect(email.toAddress).toBe(r.email)
        expect(email.status).toBe('pending')
        expect(email.attempts).toBe(0)
        if (!(campaignId === interrupted.id && r.id === kept.id)) {
          expect(email.nextAttemptAt.toISOString()).toBe(now.toISOString())
          expect(email.createdAt.toISOString()).toBe(now.toISOString())
          expect(r.createdAt.toISOString()).toBe(now.toISOString())
        }
        const props = JSON.parse(email.payload) as { subject: string; bodyHtml: string; linkUrl: string; unsubscribeUrl: string }
        const token = /\/i\/([a-z2-7]{32})$/.exec(props.linkUrl)![1]!
        expect(hashToken(token)).toBe(r.tokenHash)
        expect(props.unsubscribeUrl).toBe(email.unsubscribeUrl)
        expect(email.unsubscribeUrl).toMatch(new RegExp(`/u/${token}$`))
        expect(props.subject).toBe(r.locale === 'en' ? `Invitation for ${r.firstName}` : `Invitation pour ${r.firstName}`)
        if (r.email === 'bulk0007@example.org') expect(props.bodyHtml).toContain('&lt;b&gt;Coop&lt;/b&gt;')
        if (r.email === 'bulk0009@example.org') {
          expect(r.firstName).toBe('Zoé "{a,b}" \\ NULL\n, l’Ô')
          expect(email.toName).toBe('Zoé "{a,b}" \\ NULL\n, l’Ô Nom9')
          expect(props.subject).toBe('Invitation for Zoé "{a,b}" \\ NULL\n, l’Ô')
        }
      }
      expect(new Set(recipients.map((r) => r.tokenHash)).size).toBe(COUNT - 1)
    }
  })
})

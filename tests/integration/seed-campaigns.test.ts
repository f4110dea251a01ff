// The demo campaign: CRESS Occitanie's sent invitation to the Journée régionale with its tracking,
// consistent with the campaign service's own report, and its links working.
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { campaignReport, followInvitation, invitationForEvent } from '#app/modules/campaigns/service.server.ts'
import { isSuppressed } from '#app/modules/email/suppression.server.ts'
import { seedDemoData } from '../../prisma/seed.ts'
import { DEMO_CAMPAIGN_NAME, seedDemoCampaigns } from '../../prisma/seed/campaigns.ts'

describe('demo campaign', () => {
  test('a sent invitation with sent, clicked, registered, declined, unsubscribed and bounced recipients', async () => {
    await seedDemoData(prisma)
    expect(await seedDemoCampaigns(prisma)).toEqual({ seeded: false, recipients: 0 })
    const org = await prisma.organisation.findUniqueOrThrow({ where: { slug: 'cress-occitanie' } })
    const campaign = await prisma.campaign.findFirstOrThrow({ where: { organisationId: org.id, name: DEMO_CAMPAIGN_NAME } })
    expect(campaign).toMatchObject({ status: 'sent', kind: 'event_invitation' })
    const event = await prisma.event.findUniqueOrThrow({ where: { id: campaign.eventId! } })
    expect(event.slug).toBe('journee-regionale-economie-sociale-occitanie-2026')

    const { counts, recipients } = await campaignReport(org.id, campaign.id)
    expect(counts.total).toBe(30)
    expect(counts.sent).toBe(29)
    expect(counts.bounced).toBe(1)
    expect(counts.unsubscribed).toBe(1)
    expect(counts.registered).toBeGreaterThanOrEqual(3)
    expect(counts.declined).toBeGreaterThanOrEqual(2)
    expect(counts.clicked).toBeGreaterThan(counts.registered)

    const bounced = recipients.find((r) => r.delivery === 'bounced')!
    expect(bounced.error).toMatch(/^550/)
    expect(await isSuppressed(org.id, bounced.email)).toBe(true)
    const unsubscribed = recipients.find((r) => r.unsubscribedAt)!
    expect(await isSuppressed(org.id, unsubscribed.email)).toBe(true)

    // Registrations are real and linked both ways.
    const linked = await prisma.registration.findMany({ where: { eventId: event.id, source: 'invitation' } })
    expect(linked).toHaveLength(counts.registered)
    for (const r of linked) {
      const recipient = await prisma.campaignRecipient.findUniqueOrThrow({ where: { id: r.invitationId! } })
      expect(recipient.registrationId).toBe(r.id)
    }

    // A non-responder's link works: the token in the email matches the stored hash.
    const silent = recipients.find((r) => r.delivery === 'sent' && !r.clickedAt && !r.registeredAt && !r.declinedAt && !r.unsubscribedAt)!
    const message = await prisma.emailMessage.findFirstOrThrow({ where: { category: `campaign:${campaign.id}`, toAddress: silent.email } })
    const token = /\/i\/([^/]+)$/.exec(JSON.parse(message.payload).linkUrl)![1]!
    expect((await followInvitation(token))?.to).toBe(`/e/${event.slug}/register?invitation=${token}`)
    expect((await invitationForEvent(token, event.id))?.used).toBe(false)
  })
})

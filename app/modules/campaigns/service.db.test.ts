// Campaigns against a real database (SQLite and PostgreSQL): sending (one email per address,
// suppressed ones skipped, idempotent), unsubscribe across campaigns and organisations, personal
// links (click, decline, open), invitation-only registration and reminders.
import { register } from '#app/composition/registrations.server.ts'
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { renderStoredEmail } from '#app/modules/email/render.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { makeEvent, makeMember, makeOrganisation, person } from '#tests/support/factories.ts'
import {
  campaignReport,
  createCampaign,
  createReminder,
  declineInvitation,
  followInvitation,
  invitationForEvent,
  recordOpen,
  sendCampaign,
  sendTestEmail,
  unsubscribe,
} from './service.server.ts'

let n = 0
async function makeContacts(organisationId: string, count: number, tags: string[] = ['reseau']) {
  const ids: string[] = []
  for (let i = 0; i < count; i++) {
    n++
    const c = await prisma.contact.create({
      data: {
        organisationId,
        email: `contact${n}@example.org`,
        firstName: `Prénom${n}`,
        lastName: `Nom${n}`,
        structure: `Structure ${n}`,
        profile: 'association',
        departement: '31',
        tags: JSON.stringify(tags),
      },
    })
    ids.push(c.id)
  }
  return ids
}

async function setup(opts: { visibility?: string; contacts?: number } = {}) {
  const org = await makeOrganisation()
  const event = await makeEvent(org.id, { visibility: opts.visibility ?? 'public', capacity: 100 })
  const contactIds = await makeContacts(org.id, opts.contacts ?? 3)
  const campaign = await createCampaign(org.id, {
    kind: 'event_invitation',
    eventId: event.id,
    name: 'Invitation',
    subjectFr: 'Invitation pour {{prenom}}',
    bodyFr: 'Bonjour {{prenom}} de **{{structure}}**, inscrivez-vous : {{lien}}',
    audience: { tags: [], profiles: [], departements: [], attendeesOfEventIds: [], contactIds },
  })
  return { org, event, contactIds, campaign }
}

async function emailsOf(campaignId: string) {
  return prisma.emailMessage.findMany({ where: { category: `campaign:${campaignId}` }, orderBy: { toAddress: 'asc' } })
}

function tokenIn(payload: string) {
  const props = JSON.parse(payload) as { linkUrl: string }
  return /\/i\/([^/?#]+)/.exec(props.linkUrl)![1]!
}

async function tokenFor(campaignId: string, email: string) {
  const m = await prisma.emailMessage.findFirstOrThrow({ where: { category: `campaign:${campaignId}`, toAddress: email } })
  return tokenIn(m.payload)
}

describe('sending', () => {
  test('one email per recipient with personal links, merge fields escaped, and idempotent', async () => {
    const { org, campaign } = await setup({ contacts: 3 })
    const first = await prisma.contact.findFirstOrThrow({ where: { organisationId: org.id }, orderBy: { email: 'asc' } })
    await prisma.contact.update({ where: { id: first.id }, data: { structure: '<b>Coop</b>' } })

    const result = await sendCampaign(campaign.id)
    expect(result).toMatchObject({ queued: 3, skipped: 0 })
    const emails = await emailsOf(campaign.id)
    expect(emails).toHaveLength(3)
    expect(emails.every((e) => e.unsubscribeUrl?.includes('/u/'))).toBe(true)
    // Written by a hand-built INSERT: dates must read back as the worker expects them.
    expect(emails.every((e) => e.status === 'pending' && e.template === 'campaign' && e.nextAttemptAt.getTime() <= Date.now())).toBe(true)
    expect(await prisma.emailMessage.count({ where: { category: `campaign:${campaign.id}`, nextAttemptAt: { lte: new Date() } } })).toBe(3)
    const props = JSON.parse(emails[0]!.payload) as { subject: string; bodyHtml: string; linkUrl: string; declineUrl: string }
    expect(props.subject).toBe(`Invitation pour ${first.firstName}`)
    expect(props.bodyHtml).toContain('&lt;b&gt;Coop&lt;/b&gt;')
    expect(props.bodyHtml).toContain(`<a href="${props.linkUrl}">`)
    expect(props.declineUrl).toMatch(/\/i\/[^/]+\/decline$/)
    // Only the hash of the token is stored.
    const token = tokenIn(emails[0]!.payload)
    expect(await prisma.campaignRecipient.count({ where: { tokenHash: token } })).toBe(0)

    const rendered = await renderStoredEmail(emails[0]!)
    expect(rendered.subject).toBe(props.subject)
    expect(rendered.html).toContain('Se désinscrire')
    expect(rendered.html).not.toContain('open.gif')

    // Twice: nothing new.
    expect(await sendCampaign(campaign.id)).toMatchObject({ alreadySent: true })
    expect(await emailsOf(campaign.id)).toHaveLength(3)
    expect(await prisma.campaignRecipient.count({ where: { campaignId: campaign.id } })).toBe(3)
    expect((await prisma.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).status).toBe('sent')
  })

  test('a run interrupted half-way is completed without duplicates', async () => {
    const { campaign } = await setup({ contacts: 4 })
    await sendCampaign(campaign.id)
    // Simulate a crash: one recipient and its email gone, the campaign stuck in "sending".
    const one = await prisma.campaignRecipient.findFirstOrThrow({ where: { campaignId: campaign.id }, orderBy: { email: 'desc' } })
    await prisma.campaignRecipient.delete({ where: { id: one.id } })
    await prisma.emailMessage.delete({ where: { id: one.emailMessageId! } })
    await prisma.campaign.update({ where: { id: campaign.id }, data: { status: 'sending' } })

    const again = await sendCampaign(campaign.id)
    expect(again.queued).toBe(1)
    expect(await emailsOf(campaign.id)).toHaveLength(4)
    expect(await prisma.campaignRecipient.count({ where: { campaignId: campaign.id } })).toBe(4)
  })

  test('unknown merge fields are refused at save time', async () => {
    const org = await makeOrganisation()
    const error = await createCampaign(org.id, { kind: 'announcement', name: 'x', bodyFr: 'Bonjour {{prenon}}' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).fields?.bodyFr).toEqual(['campaigns.error.unknownField'])
  })

  test('open tracking is off by default and recorded once when on', async () => {
    const { campaign } = await setup({ contacts: 1 })
    await sendCampaign(campaign.id)
    const [email] = await emailsOf(campaign.id)
    expect(JSON.parse(email!.payload).openPixelUrl).toBeNull()
    expect(await recordOpen(tokenIn(email!.payload))).toBe(false)

    const tracked = await setup({ contacts: 1 })
    await prisma.campaign.update({ where: { id: tracked.campaign.id }, data: { trackOpens: true } })
    await sendCampaign(tracked.campaign.id)
    const [t] = await emailsOf(tracked.campaign.id)
    expect(JSON.parse(t!.payload).openPixelUrl).toMatch(/\/open\.gif$/)
    expect(await recordOpen(tokenIn(t!.payload))).toBe(true)
    expect(await recordOpen(tokenIn(t!.payload))).toBe(false)
    expect((await campaignReport(tracked.org.id, tracked.campaign.id)).counts.opened).toBe(1)
  })

  test('test send: one outbox row to the organiser, category campaign-test', async () => {
    const { org, campaign } = await setup({ contacts: 2 })
    const user = await makeMember(org.id, 'organiser')
    await sendTestEmail(org.id, campaign.id, { email: user.email, name: 'Alex Dupont', locale: 'fr', userId: user.id })
    const rows = await prisma.emailMessage.findMany({ where: { category: `campaign-test:${campaign.id}` } })
    expect(rows.map((r) => r.toAddress)).toEqual([user.email])
    expect(await prisma.campaignRecipient.count({ where: { campaignId: campaign.id } })).toBe(0)
  })
})

describe('unsubscribe', () => {
  test('honoured by a later campaign of the same organisation, not by another organisation; confirmations still go out', async () => {
    const { org, event, contactIds, campaign } = await setup({ contacts: 3 })
    await sendCampaign(campaign.id)
    const leaving = (await prisma.contact.findUniqueOrThrow({ where: { id: contactIds[0]! } })).email
    await unsubscribe(await tokenFor(campaign.id, leaving))
    await unsubscribe(await tokenFor(campaign.id, leaving)) // idempotent
    expect(
      await prisma.suppression.count({ where: { organisationId: org.id, email: leaving, reason: 'unsubscribe', campaignId: campaign.id } }),
    ).toBe(1)
    expect((await campaignReport(org.id, campaign.id)).counts.unsubscribed).toBe(1)

    const later = await createCampaign(org.id, {
      kind: 'announcement',
      name: 'Later',
      subjectFr: 'Nouvelles',
      bodyFr: 'Bonjour',
      audience: { tags: [], profiles: [], departements: [], attendeesOfEventIds: [], contactIds },
    })
    expect(await sendCampaign(later.id)).toMatchObject({ queued: 2, skipped: 1 })
    expect((await emailsOf(later.id)).map((e) => e.toAddress)).not.toContain(leaving)
    const skipped = await prisma.campaignRecipient.findFirstOrThrow({ where: { campaignId: later.id, email: leaving } })
    expect(skipped.skippedReason).toBe('suppressed')
    expect(skipped.emailMessageId).toBeNull()

    // Another organisation with the same address still writes to it.
    const other = await makeOrganisation()
    const otherContact = await prisma.contact.create({ data: { organisationId: other.id, email: leaving, firstName: 'X' } })
    const otherCampaign = await createCampaign(other.id, {
      kind: 'announcement',
      name: 'Other',
      subjectFr: 'Autre',
      bodyFr: 'Bonjour',
      audience: { tags: [], profiles: [], departements: [], attendeesOfEventIds: [], contactIds: [otherContact.id] },
    })
    expect(await sendCampaign(otherCampaign.id)).toMatchObject({ queued: 1, skipped: 0 })

    // Transactional: registering still sends the confirmation.
    await register(event.id, person({ email: leaving }))
    expect(await prisma.emailMessage.count({ where: { toAddress: leaving, template: 'registration-confirmed' } })).toBe(1)
  })
})

describe('personal links', () => {
  test('click and decline are recorded once; decline can be undone', async () => {
    const { org, event, campaign } = await setup({ contacts: 2 })
    await sendCampaign(campaign.id)
    const [a] = await emailsOf(campaign.id)
    const token = tokenIn(a!.payload)
    const t1 = new Date('2026-01-01T10:00:00Z')
    const next = await followInvitation(token, t1)
    expect(next?.to).toBe(`/e/${event.slug}/register?invitation=${token}`)
    await followInvitation(token, new Date('2026-01-02T10:00:00Z'))
    const r = await prisma.campaignRecipient.findFirstOrThrow({ where: { campaignId: campaign.id, email: a!.toAddress } })
    expect(r.clickedAt?.toISOString()).toBe(t1.toISOString())

    await declineInvitation(token, { now: t1 })
    await declineInvitation(token, { now: new Date('2026-01-03T10:00:00Z') })
    let report = await campaignReport(org.id, campaign.id)
    expect(report.counts).toMatchObject({ declined: 1, clicked: 1 })
    expect(report.recipients.find((x) => x.email === a!.toAddress)?.declinedAt?.toISOString()).toBe(t1.toISOString())
    await declineInvitation(token, { undo: true })
    report = await campaignReport(org.id, campaign.id)
    expect(report.counts.declined).toBe(0)
    expect(await followInvitation('not-a-token')).toBeNull()
  })
})

describe('invitation-only registration', () => {
  test('refused without an invitation; one link registers one person; a forwarded used link is refused', async () => {
    const { org, event, campaign } = await setup({ visibility: 'invitation', contacts: 2 })
    await sendCampaign(campaign.id)
    const [a, b] = await emailsOf(campaign.id)
    const token = tokenIn(a!.payload)

    const without = await register(event.id, person()).catch((e: unknown) => e)
    expect(without).toBeInstanceOf(AppError)
    expect((without as AppError).code).toBe('invitation_only')

    const invitation = await invitationForEvent(token, event.id)
    expect(invitation?.prefill).toMatchObject({ email: a!.toAddress, organisation: expect.stringContaining('Structure') })
    const result = await register(event.id, person({ email: a!.toAddress }), { source: 'invitation', invitationToken: token })
    expect(result.outcome).toBe('confirmed')
    const registration = await prisma.registration.findUniqueOrThrow({ where: { id: result.registration.id } })
    expect(registration.source).toBe('invitation')
    const recipient = await prisma.campaignRecipient.findFirstOrThrow({ where: { campaignId: campaign.id, email: a!.toAddress } })
    expect(registration.invitationId).toBe(recipient.id)
    expect(recipient.registrationId).toBe(registration.id)

    // Forwarded to a colleague: refused.
    const forwarded = await register(event.id, person(), { source: 'invitation', invitationToken: token }).catch((e: unknown) => e)
    expect(forwarded).toBeInstanceOf(AppError)
    expect((forwarded as AppError).code).toBe('invitation_used')
    expect((forwarded as AppError).messageKey).toBe('campaigns.register.used')
    expect(await prisma.registration.count({ where: { eventId: event.id } })).toBe(1)

    // Another event's page does not accept this link.
    const otherEvent = await makeEvent(org.id, { visibility: 'invitation' })
    const wrong = await register(otherEvent.id, person(), { invitationToken: tokenIn(b!.payload) }).catch((e: unknown) => e)
    expect((wrong as AppError).code).toBe('invalid_invitation')

    // Organisers adding someone by hand are not bound by it.
    expect((await register(event.id, person(), { source: 'manual', actorUserId: 'x' })).outcome).toBe('confirmed')
    expect((await campaignReport(org.id, campaign.id)).counts.registered).toBe(1)
  })
})

describe('reminders', () => {
  test('go only to those who neither registered, declined, unsubscribed nor bounced', async () => {
    const { org, event, campaign } = await setup({ contacts: 6 })
    await sendCampaign(campaign.id)
    const emails = await emailsOf(campaign.id)
    const [registered, declined, unsubscribed, bounced, silent1, silent2] = emails
    await register(event.id, person({ email: registered!.toAddress }), { invitationToken: tokenIn(registered!.payload) })
    await declineInvitation(tokenIn(declined!.payload))
    await unsubscribe(tokenIn(unsubscribed!.payload))
    await prisma.emailMessage.update({
      where: { id: bounced!.id },
      data: { status: 'failed', bouncedAt: new Date(), lastError: '550 no such user' },
    })
    await followInvitation(tokenIn(silent1!.payload)) // clicking is not answering

    const report = await campaignReport(org.id, campaign.id)
    // Declining through the email's link counts as a click; unsubscribing does not.
    expect(report.counts).toMatchObject({ total: 6, registered: 1, declined: 1, unsubscribed: 1, bounced: 1, clicked: 2 })
    expect(report.recipients.find((r) => r.email === bounced!.toAddress)).toMatchObject({ delivery: 'bounced', error: '550 no such user' })

    const reminder = await createReminder(campaign.id)
    const row = await prisma.campaign.findUniqueOrThrow({ where: { id: reminder.id } })
    expect(row.parentId).toBe(campaign.id)
    expect(row.subjectFr).toMatch(/^Rappel\u202f: /)
    await sendCampaign(reminder.id)
    expect((await emailsOf(reminder.id)).map((e) => e.toAddress).sort()).toEqual([silent1!.toAddress, silent2!.toAddress].sort())
  })
})

// Demo data: a sent invitation campaign of CRESS Occitanie for the Journée régionale, to 30 of its
// demo contacts, with tracking: most delivered, some clicked, some registered (real registrations
// linked to their invitation), a few declined, one unsubscribed (on the suppression list) and one
// bounced (refused by the server, suppressed). Deterministic: same rows on every run.
// Written row by row in the seed's transaction (the campaign service opens its own transactions).
import { createHash } from 'node:crypto'
import type { Tx } from '#app/db.server.ts'

const ORGANISATION = 'cress-occitanie'
const EVENT_SLUG = 'journee-regionale-economie-sociale-occitanie-2026'
const ORIGIN = process.env.APP_URL ? new URL(process.env.APP_URL).origin : `http://localhost:${process.env.PORT ?? 3000}`
const SENT_AT = new Date('2026-11-02T09:00:00Z')
const RECIPIENTS = 30

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex')
const at = (minutes: number) => new Date(SENT_AT.getTime() + minutes * 60_000)

/** What happened to recipient i (0-based), in order of the contacts' addresses. */
export function demoOutcome(i: number): 'registered' | 'declined' | 'unsubscribed' | 'bounced' | 'clicked' | 'sent' {
  if (i === 29) return 'bounced'
  if (i === 28) return 'unsubscribed'
  if (i % 6 === 0) return 'registered'
  if (i % 7 === 1) return 'declined'
  if (i % 5 === 2) return 'clicked'
  return 'sent'
}

export const DEMO_CAMPAIGN_NAME = 'Invitation — Journée régionale 2026'

export async function seedDemoCampaigns(db: Tx): Promise<{ seeded: boolean; recipients: number }> {
  const organisation = await db.organisation.findUnique({ where: { slug: ORGANISATION }, select: { id: true, name: true } })
  const event = await db.event.findUnique({ where: { slug: EVENT_SLUG } })
  if (!organisation || !event) return { seeded: false, recipients: 0 }
  if ((await db.campaign.count({ where: { organisationId: organisation.id } })) > 0) return { seeded: false, recipients: 0 }
  const contacts = await db.contact.findMany({ where: { organisationId: organisation.id }, orderBy: { email: 'asc' }, take: RECIPIENTS })
  if (contacts.length === 0) return { seeded: false, recipients: 0 }
  const organiser = await db.user.findUnique({ where: { email: `organiser@${ORGANISATION}.example` }, select: { id: true } })

  const bodyFr = [
    'Bonjour {{prenom}},',
    '',
    'La CRESS Occitanie vous invite à la **{{evenement}}**, le 10 décembre 2026 à l’Hôtel de Région de Toulouse : le bilan du Plan régional ESS, les outils financiers et des ateliers avec les EPCI et les financeurs.',
    '',
    'Votre lien personnel d’inscription (le formulaire est déjà rempli pour {{structure}}) : {{lien}}',
  ].join('\n')
  const bodyEn = [
    'Hello {{first_name}},',
    '',
    'CRESS Occitanie invites you to the **{{event}}**, on 10 December 2026 at the Hôtel de Région in Toulouse.',
    '',
    'Your personal registration link: {{link}}',
  ].join('\n')
  const campaign = await db.campaign.create({
    data: {
      organisationId: organisation.id,
      kind: 'event_invitation',
      eventId: event.id,
      name: DEMO_CAMPAIGN_NAME,
      subjectFr: '{{prenom}}, vous êtes invité·e à la Journée régionale de l’ESS',
      bodyFr,
      subjectEn: '{{first_name}}, you are invited to the regional ESS day',
      bodyEn,
      audience: JSON.stringify({
        tags: [],
        profiles: [],
        departements: [],
        attendeesOfEventIds: [],
        contactIds: contacts.map((c) => c.id),
      }),
      status: 'sent',
      sentAt: SENT_AT,
      createdByUserId: organiser?.id ?? null,
      createdAt: at(-60 * 24),
    },
  })

  let seats = 0
  for (const [i, c] of contacts.entries()) {
    const outcome = demoOutcome(i)
    const token = sha256(`essor-demo-campaign-${i}`).slice(0, 32)
    const link = `${ORIGIN}/i/${token}`
    const message = await db.emailMessage.create({
      data: {
        messageId: `<demo-campaign-${i}@essor.localhost>`,
        organisationId: organisation.id,
        toAddress: c.email,
        toName: `${c.firstName} ${c.lastName}`.trim(),
        locale: c.locale,
        template: 'campaign',
        payload: JSON.stringify({
          subject: `${c.firstName}, vous êtes invité·e à la Journée régionale de l’ESS`,
          bodyHtml: `<p>Bonjour ${c.firstName},</p><p>La CRESS Occitanie vous invite à la <strong>${event.title}</strong>.</p><p><a href="${link}">${link}</a></p>`,
          organisationName: organisation.name,
          kind: 'event_invitation',
          targetTitle: event.title,
          linkUrl: link,
          declineUrl: `${link}/decline`,
          unsubscribeUrl: `${ORIGIN}/u/${token}`,
          openPixelUrl: null,
        }),
        status: outcome === 'bounced' ? 'failed' : 'sent',
        attempts: 1,
        nextAttemptAt: SENT_AT,
        lastError: outcome === 'bounced' ? '550 5.1.1 <' + c.email + '>: Recipient address rejected: User unknown' : null,
        bouncedAt: outcome === 'bounced' ? at(2) : null,
        category: `campaign:${campaign.id}`,
        unsubscribeUrl: `${ORIGIN}/u/${token}`,
        createdAt: SENT_AT,
        sentAt: outcome === 'bounced' ? null : at(1),
      },
    })
    const clicked = outcome === 'registered' || outcome === 'clicked' || outcome === 'declined'
    const recipient = await db.campaignRecipient.create({
      data: {
        campaignId: campaign.id,
        contactId: c.id,
        email: c.email,
        firstName: c.firstName,
        lastName: c.lastName,
        structure: c.structure,
        profile: c.profile,
        departement: c.departement,
        locale: c.locale,
        tokenHash: sha256(token),
        emailMessageId: message.id,
        clickedAt: clicked ? at(60 + i * 7) : null,
        declinedAt: outcome === 'declined' ? at(62 + i * 7) : null,
        unsubscribedAt: outcome === 'unsubscribed' ? at(300) : null,
        createdAt: SENT_AT,
      },
    })
    if (outcome === 'unsubscribed' || outcome === 'bounced') {
      await db.suppression.create({
        data: {
          organisationId: organisation.id,
          email: c.email,
          reason: outcome === 'bounced' ? 'bounce' : 'unsubscribe',
          campaignId: campaign.id,
          createdAt: at(300),
        },
      })
    }
    if (outcome === 'registered') {
      const exists = await db.registration.findFirst({ where: { eventId: event.id, email: c.email }, select: { id: true } })
      if (exists) continue
      const registeredAt = at(65 + i * 7)
      const hasSeat = event.capacity === null || event.seatsTaken + seats < event.capacity
      const registration = await db.registration.create({
        data: {
          eventId: event.id,
          firstName: c.firstName,
          lastName: c.lastName,
          email: c.email,
          organisationName: c.structure ?? '',
          organisationType: c.profile ?? 'autre',
          departement: c.departement,
          locale: c.locale,
          consentAt: registeredAt,
          // Like any registration: a seat while one is free, else the waiting list.
          status: hasSeat ? 'confirmed' : 'waitlisted',
          waitlistedAt: hasSeat ? null : registeredAt,
          manageTokenHash: sha256(`essor-demo-campaign-manage-${i}`),
          ticketCode: `INV${String(i).padStart(7, '0')}`,
          source: 'invitation',
          invitationId: recipient.id,
          searchText: `${c.firstName} ${c.lastName} ${c.email} ${c.structure ?? ''}`.toLowerCase(),
          createdAt: registeredAt,
        },
      })
      await db.campaignRecipient.update({ where: { id: recipient.id }, data: { registrationId: registration.id, registeredAt } })
      if (hasSeat) seats++
    }
  }
  if (seats > 0) await db.event.update({ where: { id: event.id }, data: { seatsTaken: { increment: seats } } })
  return { seeded: true, recipients: contacts.length }
}

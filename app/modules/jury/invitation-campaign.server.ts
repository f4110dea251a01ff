// Jury invitations as a campaign: each edition has one campaign of kind `jury_invitation` (its id
// derived from the edition's, so two organisers inviting at once never make two), and every
// invitation email is a recipient of it whose personal link is the juror's join link
// (/jury/join/<token>, ADR 0004): the recipient's tokenHash IS the juror's inviteTokenHash at the
// time the email was written. The campaign page then tracks each juror: sent / failed / bounced
// (the outbox row), clicked (the join page was opened), joined (counted as "registered"),
// declined ("je ne pourrai pas siéger"). A reminder is an ordinary reminder campaign: sending it
// writes each non-responder a fresh join link, as "resend" does. Every earlier link keeps working
// (JurorInviteLink): people open the first email they kept, not the newest one.
//
// The emails keep the transactional category `jury:<editionId>`: a handful of personal requests
// are not held behind a large campaign by the organisation's throttle, and the suppression list
// does not apply (see ADR 0006).
import { prisma, type Tx } from '#app/db.server.ts'
import { audit } from '#app/modules/audit/service.server.ts'
import { generateToken, hashToken } from '#app/modules/auth/session.server.ts'
import { mergeHtml, mergeText, type MergeValues } from '#app/modules/campaigns/merge-fields.ts'
import {
  campaignIdOf,
  declinedAddresses,
  ensurePersonalCampaign,
  findCampaign,
  markCampaignSent,
  markRecipientsAnswered,
  recipientAddresses,
  recipientByTokenHash,
  recordLinkOpened,
  recordPersonalRecipient,
  unansweredRecipients,
} from '#app/modules/campaigns/personal.server.ts'
import { contentFor } from '#app/modules/campaigns/schema.ts'
import { enqueueEmail } from '#app/modules/email/outbox.server.ts'
import { renderMarkdown } from '#app/shared/markdown.server.ts'
import { editionForJuryEmails } from '#app/modules/prizes/jury-state.server.ts'
import { notFoundError } from '#app/utils/errors.ts'
import { isLocale, translate, type Locale } from '#app/utils/i18n.ts'
import { absoluteUrl } from '#app/utils/url.server.ts'

export const JURY_CAMPAIGN_KIND = 'jury_invitation'

/** The edition's invitation campaign: one per edition, with a predictable id. */
export const juryCampaignId = (editionId: string) => `jury-${editionId}`

export function joinUrlFor(token: string) {
  return absoluteUrl(`/jury/join/${token}`)
}

type Edition = {
  id: string
  organisationId: string
  title: string
  juryStartsAt: Date | null
  juryEndsAt: Date | null
  categories: { id: string; name: string }[]
}

type CampaignText = { subjectFr: string; bodyFr: string; subjectEn: string; bodyEn: string }

/** The default message, with merge fields; reminders start from it and the organiser may edit theirs. */
function defaultText(): CampaignText {
  return {
    subjectFr: translate('fr', 'jury.campaign.subject'),
    bodyFr: translate('fr', 'jury.campaign.body'),
    subjectEn: translate('en', 'jury.campaign.subject'),
    bodyEn: translate('en', 'jury.campaign.body'),
  }
}

/** Finds or creates the edition's invitation campaign (status `sent`: it grows with each invitation). */
export function ensureJuryCampaign(tx: Tx, edition: Edition, actorUserId: string | null, now: Date) {
  const c = {
    id: juryCampaignId(edition.id),
    organisationId: edition.organisationId,
    kind: JURY_CAMPAIGN_KIND,
    editionId: edition.id,
    name: translate('fr', 'jury.campaign.name', { title: edition.title }),
    text: defaultText(),
  }
  return ensurePersonalCampaign(tx, c, actorUserId, now)
}

type Juror = { id: string; email: string; name: string; locale: string }

/**
 * Gives the juror a fresh join link (the previous one is kept as a JurorInviteLink and keeps
 * working: a hash cannot be emailed again, so each email carries a link of its own), writes the invitation email
 * with the campaign's text merged, and records it as the campaign's recipient for this juror.
 */
export async function writeJuryInvitation(
  tx: Tx,
  campaign: CampaignText & { id: string; organisationId: string },
  edition: Edition,
  juror: Juror,
  opts: { request?: Request; now: Date; organisationName: string },
) {
  const token = generateToken()
  const tokenHash = hashToken(token)
  const before = await tx.juror.findUnique({ where: { id: juror.id }, select: { inviteTokenHash: true, invitedAt: true } })
  if (before?.inviteTokenHash)
    await tx.jurorInviteLink.create({ data: { tokenHash: before.inviteTokenHash, jurorId: juror.id, createdAt: before.invitedAt } })
  await tx.juror.update({ where: { id: juror.id }, data: { inviteTokenHash: tokenHash, invitedAt: opts.now } })
  const seats = await tx.juryMember.findMany({ where: { jurorId: juror.id }, select: { categoryId: true, isChair: true } })
  const names = new Map(edition.categories.map((c) => [c.id, c.name]))
  const ordered = edition.categories.filter((c) => seats.some((s) => s.categoryId === c.id))
  const joinUrl = joinUrlFor(token)
  const locale: Locale = isLocale(juror.locale) ? juror.locale : 'fr'
  const [firstName = '', ...rest] = juror.name.split(' ')
  const values: MergeValues = {
    firstName,
    lastName: rest.join(' '),
    structure: '',
    link: joinUrl,
    target: edition.title,
    organisation: opts.organisationName,
  }
  const { subject, body } = contentFor(campaign, locale)
  const email = await enqueueEmail(tx, {
    to: juror.email,
    toName: juror.name,
    locale,
    template: 'jury-invitation',
    props: {
      jurorName: juror.name,
      editionTitle: edition.title,
      categories: ordered.map((c) => c.name),
      chairOf: seats
        .filter((s) => s.isChair)
        .map((s) => names.get(s.categoryId) ?? '')
        .filter(Boolean),
      juryStartsAt: edition.juryStartsAt?.toISOString() ?? null,
      juryEndsAt: edition.juryEndsAt?.toISOString() ?? null,
      joinUrl,
      subject: subject.trim() ? mergeText(subject, values) : null,
      messageHtml: body.trim() ? mergeHtml(renderMarkdown(body, { headingOffset: 1 }), values) : null,
      declineUrl: `${joinUrl}#decline`,
    },
    organisationId: edition.organisationId,
    category: `jury:${edition.id}`,
  })
  // Re-invited: the recipient tracks the new email and link (the old link still opens the page); a former "no" is withdrawn.
  const row = { tokenHash, emailMessageId: email.id, firstName, lastName: rest.join(' '), locale }
  await recordPersonalRecipient(tx, campaign.id, juror.email, row, opts.now)
  return { token, joinUrl }
}

/**
 * The join page was opened: the first click of the recipient that carries this link, or, for an
 * earlier link a re-send replaced on the invitation campaign's recipient, of that recipient.
 */
export async function recordJoinLinkOpened(token: string, juror: { editionId: string; email: string }, now: Date = new Date()) {
  if (!token || token.length > 200) return
  await recordLinkOpened(hashToken(token), now, { campaignId: juryCampaignId(juror.editionId), email: juror.email })
}

/** The juror joined (by the link or by signing in): every invitation of the edition to that address counts as answered. */
export async function markJurorJoined(tx: Tx, editionId: string, email: string, now: Date) {
  await markRecipientsAnswered(tx, { kind: JURY_CAMPAIGN_KIND, editionId }, email, 'registered', now)
}

export async function markJurorDeclined(tx: Tx, editionId: string, email: string, now: Date) {
  await markRecipientsAnswered(tx, { kind: JURY_CAMPAIGN_KIND, editionId }, email, 'declined', now)
}

/** Addresses that declined the edition's invitation (for the organisers' jury page). */
export function declinedEmails(editionId: string) {
  return declinedAddresses({ kind: JURY_CAMPAIGN_KIND, editionId })
}

/**
 * Sends a jury reminder campaign (created by createReminder from the invitation campaign): to
 * each of the first campaign's recipients who neither joined, declined nor bounced and whose
 * juror is still on the jury without having joined, a fresh link in the reminder's words.
 * Idempotent like sendCampaign: claimed by a conditional update, one recipient per address.
 */
export async function sendJuryReminder(campaignId: string, now: Date, opts: { request?: Request; actorUserId?: string | null } = {}) {
  const c = await findCampaign(campaignId)
  if (!c || !c.parentId || !c.editionId) throw notFoundError()
  const edition = await editionForJuryEmails(c.editionId)
  const org = await prisma.organisation.findUnique({ where: { id: c.organisationId }, select: { name: true } })
  if (!edition) throw notFoundError()
  const parentRows = await unansweredRecipients(c.parentId)
  const messageIds = parentRows.map((r) => r.emailMessageId).filter((id): id is string => id !== null)
  const bounced = new Set(
    (await prisma.emailMessage.findMany({ where: { id: { in: messageIds }, bouncedAt: { not: null } }, select: { id: true } })).map(
      (m) => m.id,
    ),
  )
  const done = await recipientAddresses(c.id)
  const emails = parentRows.filter((r) => !(r.emailMessageId && bounced.has(r.emailMessageId)) && !done.has(r.email)).map((r) => r.email)
  let queued = 0
  for (const email of emails) {
    const written = await prisma.$transaction(async (tx) => {
      const juror = await tx.juror.findUnique({ where: { editionId_email: { editionId: edition.id, email } } })
      if (!juror || juror.removedAt || juror.joinedAt) return false
      await writeJuryInvitation(tx, c, edition, juror, { request: opts.request, now, organisationName: org?.name ?? '' })
      return true
    })
    if (written) queued++
  }
  await prisma.$transaction(async (tx) => {
    await markCampaignSent(tx, c.id, now)
    await audit(tx, {
      organisationId: c.organisationId,
      actorUserId: opts.actorUserId,
      action: 'campaign.send',
      entityType: 'Campaign',
      entityId: c.id,
      details: { queued, skipped: 0 },
    })
  })
  return { status: 'sent' as const, queued, skipped: 0, alreadySent: false }
}

/**
 * The juror's links stop working (removed, or declined): the current one joins the earlier ones,
 * all revoked; they are kept so that a declined juror's link still confirms the answer. Inviting
 * the address again writes a new link; the revoked ones stay revoked.
 */
export async function revokeJoinLinks(tx: Tx, juror: { id: string; inviteTokenHash: string | null; invitedAt: Date }, now: Date) {
  await tx.jurorInviteLink.updateMany({ where: { jurorId: juror.id, revokedAt: null }, data: { revokedAt: now } })
  if (juror.inviteTokenHash)
    await tx.jurorInviteLink.create({
      data: { tokenHash: juror.inviteTokenHash, jurorId: juror.id, createdAt: juror.invitedAt, revokedAt: now },
    })
  await tx.juror.update({ where: { id: juror.id }, data: { inviteTokenHash: null } })
}

/** The juror a join link was emailed to: their current link, or an earlier one not revoked. */
export async function jurorIdByJoinToken(db: Tx, token: string) {
  if (!token || token.length > 200) return null
  const tokenHash = hashToken(token)
  const current = await db.juror.findUnique({ where: { inviteTokenHash: tokenHash }, select: { id: true } })
  if (current) return current.id
  const earlier = await db.jurorInviteLink.findUnique({ where: { tokenHash }, select: { jurorId: true, revokedAt: true } })
  return earlier && !earlier.revokedAt ? earlier.jurorId : null
}

/** For a link whose juror declined (the link no longer signs in): the edition's title, to confirm the answer; otherwise null. */
export async function declinedInvitation(token: string) {
  if (!token || token.length > 200) return null
  const tokenHash = hashToken(token)
  const r = await recipientByTokenHash(tokenHash)
  if (r?.declinedAt && r.campaign.kind === JURY_CAMPAIGN_KIND && r.campaign.editionId) {
    const edition = await editionForJuryEmails(r.campaign.editionId)
    return edition ? { editionTitle: edition.title } : null
  }
  // An earlier link of that juror (the recipient now carries a later one).
  const link = await prisma.jurorInviteLink.findUnique({
    where: { tokenHash },
    select: { juror: { select: { email: true, removedAt: true, editionId: true, edition: { select: { title: true } } } } },
  })
  if (!link?.juror.removedAt) return null
  const declined = await declinedEmails(link.juror.editionId)
  return declined.has(link.juror.email) ? { editionTitle: link.juror.edition.title } : null
}

/** The edition's invitation campaign id, once a juror was invited (the organisers' link to its tracking page). */
export function juryCampaignOf(organisationId: string, editionId: string) {
  return campaignIdOf(organisationId, juryCampaignId(editionId))
}

// Campaigns whose emails another module writes one person at a time (the jury's invitations and
// their reminders): the campaign row, its recipients and their answers. The writing module (jury)
// calls these; it never touches the Campaign or CampaignRecipient tables itself.
import { prisma, type Tx } from '#app/db.server.ts'
import { audit } from '#app/modules/audit/service.server.ts'

export type PersonalCampaignText = { subjectFr: string; bodyFr: string; subjectEn: string; bodyEn: string }

/**
 * Finds or creates the campaign with this id (status `sent`: it grows with each email). An upsert
 * (INSERT … ON CONFLICT on PostgreSQL): two first emails at once make one campaign; the one that
 * created it audits `campaign.create`.
 */
export async function ensurePersonalCampaign(
  tx: Tx,
  c: { id: string; organisationId: string; kind: string; editionId: string; name: string; text: PersonalCampaignText },
  actorUserId: string | null,
  now: Date,
) {
  const existing = await tx.campaign.findUnique({ where: { id: c.id } })
  if (existing) return existing
  const campaign = await tx.campaign.upsert({
    where: { id: c.id },
    create: {
      id: c.id,
      organisationId: c.organisationId,
      kind: c.kind,
      editionId: c.editionId,
      name: c.name,
      ...c.text,
      audience: '{}',
      status: 'sent',
      sentAt: now,
      createdByUserId: actorUserId,
      createdAt: now,
    },
    update: { organisationId: c.organisationId },
  })
  if (campaign.createdAt.getTime() === now.getTime()) {
    await audit(tx, {
      organisationId: c.organisationId,
      actorUserId,
      action: 'campaign.create',
      entityType: 'Campaign',
      entityId: c.id,
      details: { kind: c.kind, editionId: c.editionId },
    })
  }
  return campaign
}

export type PersonalRecipient = { tokenHash: string; emailMessageId: string; firstName: string; lastName: string; locale: string }

/** Records the email written to `email` as the campaign's recipient; written again, the new email and link replace the old ones and a former "no" is withdrawn. */
export async function recordPersonalRecipient(tx: Tx, campaignId: string, email: string, row: PersonalRecipient, now: Date) {
  await tx.campaignRecipient.upsert({
    where: { campaignId_email: { campaignId, email } },
    create: { campaignId, email, ...row, createdAt: now },
    update: { ...row, declinedAt: null },
  })
}

/**
 * The first click of the recipient whose link carries this token hash; for a link that a later
 * email of the same campaign replaced on the recipient (a re-send), the recipient of `earlier`.
 */
export async function recordLinkOpened(tokenHash: string, now: Date, earlier?: { campaignId: string; email: string }) {
  const carrying = await prisma.campaignRecipient.findUnique({ where: { tokenHash }, select: { id: true } })
  if (!carrying && !earlier) return
  const where = carrying ? { id: carrying.id } : { campaignId: earlier!.campaignId, email: earlier!.email }
  await prisma.campaignRecipient.updateMany({ where: { ...where, clickedAt: null }, data: { clickedAt: now } })
}

type CampaignsOf = { kind: string; editionId: string }

/** Every recipient at this address of the edition's campaigns of this kind answered: joined (`registered`) or declined. */
export async function markRecipientsAnswered(tx: Tx, of: CampaignsOf, email: string, answer: 'registered' | 'declined', now: Date) {
  const campaign = { kind: of.kind, editionId: of.editionId }
  if (answer === 'registered') {
    await tx.campaignRecipient.updateMany({ where: { email, registeredAt: null, campaign }, data: { registeredAt: now } })
  } else {
    await tx.campaignRecipient.updateMany({ where: { email, declinedAt: null, campaign }, data: { declinedAt: now } })
  }
}

/** Addresses that declined one of the edition's campaigns of this kind. */
export async function declinedAddresses(of: CampaignsOf) {
  const rows = await prisma.campaignRecipient.findMany({
    where: { declinedAt: { not: null }, campaign: { kind: of.kind, editionId: of.editionId } },
    select: { email: true },
  })
  return new Set(rows.map((r) => r.email))
}

export function findCampaign(campaignId: string) {
  return prisma.campaign.findUnique({ where: { id: campaignId } })
}

/** The campaign's id when it exists and belongs to the organisation; else null. */
export async function campaignIdOf(organisationId: string, campaignId: string) {
  const c = await prisma.campaign.findFirst({ where: { id: campaignId, organisationId }, select: { id: true } })
  return c?.id ?? null
}

/** Recipients of the campaign who neither answered (joined or declined) nor unsubscribed nor were skipped, by address. */
export function unansweredRecipients(campaignId: string) {
  return prisma.campaignRecipient.findMany({
    where: { campaignId, registeredAt: null, declinedAt: null, unsubscribedAt: null, skippedReason: null },
    select: { email: true, emailMessageId: true },
    orderBy: { email: 'asc' },
  })
}

/** The addresses the campaign already has a recipient for. */
export async function recipientAddresses(campaignId: string) {
  return new Set((await prisma.campaignRecipient.findMany({ where: { campaignId }, select: { email: true } })).map((r) => r.email))
}

/** A campaign being sent is done. */
export async function markCampaignSent(tx: Tx, campaignId: string, now: Date) {
  await tx.campaign.updateMany({ where: { id: campaignId, status: 'sending' }, data: { status: 'sent', sentAt: now } })
}

/** The recipient whose link carries this token hash: whether they declined, and their campaign's kind and edition. */
export function recipientByTokenHash(tokenHash: string) {
  return prisma.campaignRecipient.findUnique({
    where: { tokenHash },
    select: { declinedAt: true, campaign: { select: { kind: true, editionId: true } } },
  })
}

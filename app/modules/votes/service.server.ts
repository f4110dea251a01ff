// The public "coup de cœur" vote: one confirmed vote per person and edition. Addresses and
// networks are stored only as HMAC-SHA256 digests (keyed with SESSION_SECRET), so the tally and
// the organisers' audit never show an address; the unique (edition, address digest) index makes
// "one vote per person" hold under concurrency. A vote counts once confirmed through its emailed
// link, and the tally stays hidden from the public until the vote closes.
import { createHmac } from 'node:crypto'
import { prisma } from '#app/db.server.ts'
import { audit } from '#app/modules/audit/service.server.ts'
import { hit } from '#app/modules/auth/rate-limit.server.ts'
import { generateToken, hashToken } from '#app/modules/auth/session.server.ts'
import { enqueueEmail } from '#app/modules/email/outbox.server.ts'
import { findShortlisted, listShortlisted, nominationsForTally } from '#app/modules/nominations/public.server.ts'
import { voteWindow, type SubmissionWindow } from '#app/modules/prizes/rules.ts'
import { getPublicEdition, getVoteSettings } from '#app/modules/prizes/service.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { AppError, isUniqueViolation } from '#app/utils/errors.ts'
import type { Locale } from '#app/utils/i18n.ts'
import { absoluteUrl } from '#app/utils/url.server.ts'
import {
  emailDomainOf,
  isDisposableDomain,
  networkPrefix,
  normaliseVoterEmail,
  RESEND_AFTER_MINUTES,
  VOID_REASON_MAX,
  VOTES_PER_NETWORK_PER_HOUR,
  voteStatusOf,
  type VoteStatus,
} from './rules.ts'
import { normaliseEmail } from '#app/shared/email-address.ts'

const EMAIL_CATEGORY = 'vote'
const HOUR_SECONDS = 60 * 60

function digest(kind: string, value: string) {
  return createHmac('sha256', getEnv().SESSION_SECRET).update(`${kind}:${value}`).digest('hex')
}

export const voterHash = (normalisedEmail: string) => digest('vote-email', normalisedEmail)
export const networkHashOf = (ip: string) => digest('vote-network', networkPrefix(ip))

export function confirmUrlFor(token: string) {
  return absoluteUrl(`/vote/${token}`)
}

function fieldError(status: number, code: string, field: string, key: 'email' | 'disposable' | 'nomination' | 'alreadyVoted') {
  const messageKey = `votes.error.${key}` as const
  return new AppError({ status, code, messageKey, fields: { [field]: [messageKey] } })
}

export { listShortlisted }

export type CastVoteResult = { voteId: string; token: string; confirmUrl: string }

/**
 * Records an unconfirmed vote and emails its confirmation link, in one transaction. Refused
 * outside the window, for a nomination not shortlisted in this edition, from a throwaway
 * address, in a burst from one network, and when this person has already voted.
 */
export async function castVote(
  editionSlug: string,
  nominationId: string,
  email: string,
  opts: { ip: string; locale: Locale; request?: Request; now?: Date; rateLimit?: boolean },
): Promise<CastVoteResult> {
  const now = opts.now ?? new Date()
  const edition = await getPublicEdition(editionSlug)
  if (!edition) throw new AppError({ status: 404, code: 'edition_not_found', messageKey: 'votes.error.notFound' })
  const window = voteWindow(edition, now)
  if (!window) throw new AppError({ status: 404, code: 'vote_disabled', messageKey: 'votes.error.notFound' })
  if (window !== 'open') {
    throw new AppError({
      status: 409,
      code: window === 'closed' ? 'vote_closed' : 'vote_not_open',
      messageKey: window === 'closed' ? 'votes.error.closed' : 'votes.error.notOpen',
    })
  }
  const address = normaliseEmail(email)
  const identity = address.length <= 254 ? normaliseVoterEmail(address) : null
  if (!identity) throw fieldError(400, 'invalid_input', 'email', 'email')
  const domain = emailDomainOf(identity)
  if (isDisposableDomain(domain)) throw fieldError(400, 'disposable_email', 'email', 'disposable')
  const nomination = await findShortlisted(edition.id, nominationId)
  if (!nomination) throw fieldError(400, 'invalid_nomination', 'nominationId', 'nomination')

  const networkHash = networkHashOf(opts.ip)
  const burst = await hit(
    `vote:network:${edition.id}:${networkHash}`,
    { limit: VOTES_PER_NETWORK_PER_HOUR, windowSeconds: HOUR_SECONDS },
    { enabled: opts.rateLimit },
  )
  if (!burst.allowed) {
    throw new AppError({
      status: 429,
      code: 'vote_burst',
      messageKey: 'votes.error.burst',
      params: { minutes: Math.max(1, Math.ceil(burst.retryAfterSeconds / 60)) },
    })
  }

  const token = generateToken()
  const confirmUrl = confirmUrlFor(token)
  const emailHash = voterHash(identity)
  try {
    return await prisma.$transaction(async (tx) => {
      const existing = await tx.publicVote.findUnique({
        where: { editionId_emailHash: { editionId: edition.id, emailHash } },
        select: { id: true, confirmedAt: true, voidedAt: true, createdAt: true },
      })
      if (existing && (existing.confirmedAt || existing.voidedAt)) throw fieldError(409, 'already_voted', 'email', 'alreadyVoted')
      // A vote never confirmed (the email went astray, or the person changed their mind) takes the
      // new choice and a fresh link, the earlier link then stops working; but not within minutes of
      // the last link, so nobody can flood an inbox with confirmation emails.
      if (existing && now.getTime() - existing.createdAt.getTime() < RESEND_AFTER_MINUTES * 60_000) {
        throw new AppError({
          status: 409,
          code: 'vote_pending',
          messageKey: 'votes.error.pending',
          params: { minutes: RESEND_AFTER_MINUTES },
          fields: { email: ['votes.error.pending'] },
        })
      }
      const vote = existing
        ? await tx.publicVote.update({
            where: { id: existing.id },
            // createdAt is when the link in force was asked for.
            data: { nominationId: nomination.id, networkHash, confirmTokenHash: hashToken(token), createdAt: now },
            select: { id: true },
          })
        : await tx.publicVote.create({
            data: {
              editionId: edition.id,
              nominationId: nomination.id,
              emailHash,
              emailDomain: domain,
              networkHash,
              confirmTokenHash: hashToken(token),
              createdAt: now,
            },
            select: { id: true },
          })
      await enqueueEmail(tx, {
        to: address,
        locale: opts.locale,
        template: 'vote-confirm',
        props: {
          editionTitle: edition.title,
          nominationName: nomination.projectTitle ? `${nomination.structureName} — ${nomination.projectTitle}` : nomination.structureName,
          confirmUrl,
          closesAt: new Date(edition.voteClosesAt!).toISOString(),
        },
        organisationId: nomination.edition.organisationId,
        category: EMAIL_CATEGORY,
      })
      return { voteId: vote.id, token, confirmUrl }
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw fieldError(409, 'already_voted', 'email', 'alreadyVoted')
    throw error
  }
}

export type VoteByToken = {
  editionSlug: string
  editionTitle: string
  nominationName: string
  status: VoteStatus
  window: SubmissionWindow | null
}

/** The vote behind a confirmation link, for the page that shows the confirm button; null if unknown. */
export async function getVoteByToken(token: string, now: Date = new Date()): Promise<VoteByToken | null> {
  if (!token) return null
  const vote = await prisma.publicVote.findUnique({
    where: { confirmTokenHash: hashToken(token) },
    select: {
      confirmedAt: true,
      voidedAt: true,
      nomination: { select: { structureName: true } },
      edition: { select: { slug: true, title: true, publicVoteEnabled: true, voteOpensAt: true, voteClosesAt: true } },
    },
  })
  if (!vote) return null
  return {
    editionSlug: vote.edition.slug,
    editionTitle: vote.edition.title,
    nominationName: vote.nomination.structureName,
    status: voteStatusOf(vote),
    window: voteWindow(vote.edition, now),
  }
}

/**
 * Confirms a vote through its emailed link, once and only while the vote is open. Confirming
 * again is harmless (already: true); a voided vote stays voided.
 */
export async function confirmVote(token: string, now: Date = new Date()): Promise<{ voteId: string; already: boolean }> {
  const vote = token
    ? await prisma.publicVote.findUnique({
        where: { confirmTokenHash: hashToken(token) },
        select: {
          id: true,
          confirmedAt: true,
          voidedAt: true,
          edition: { select: { publicVoteEnabled: true, voteOpensAt: true, voteClosesAt: true } },
        },
      })
    : null
  if (!vote) throw new AppError({ status: 404, code: 'vote_not_found', messageKey: 'votes.error.linkUnknown' })
  if (vote.voidedAt) throw new AppError({ status: 410, code: 'vote_voided', messageKey: 'votes.error.voided' })
  if (vote.confirmedAt) return { voteId: vote.id, already: true }
  const window = voteWindow(vote.edition, now)
  if (window !== 'open')
    throw new AppError({
      status: 409,
      code: 'vote_closed',
      messageKey: window === 'not_open' ? 'votes.error.notOpen' : 'votes.error.closed',
    })
  // Conditional update: two clicks at once confirm once.
  const { count } = await prisma.publicVote.updateMany({
    where: { id: vote.id, confirmedAt: null, voidedAt: null },
    data: { confirmedAt: now },
  })
  return { voteId: vote.id, already: count === 0 }
}

export type TallyRow = { nominationId: string; structureName: string; projectTitle: string; votes: number }
export type Tally = { visible: boolean; total: number; rows: TallyRow[] }

/**
 * Confirmed, not voided votes per shortlisted nomination, most votes first. The public sees it
 * only from the closing instant (visible: false and no rows before); organisers always do.
 */
export async function tally(editionId: string, opts: { now?: Date; forOrganiser?: boolean } = {}): Promise<Tally> {
  const now = opts.now ?? new Date()
  if (!opts.forOrganiser) {
    const edition = await getVoteSettings(editionId)
    if (!edition?.publicVoteEnabled || !edition.voteClosesAt || now.getTime() < edition.voteClosesAt.getTime())
      return { visible: false, total: 0, rows: [] }
  }
  const [groups, nominations] = await Promise.all([
    prisma.publicVote.groupBy({
      by: ['nominationId'],
      where: { editionId, confirmedAt: { not: null }, voidedAt: null },
      _count: { _all: true },
    }),
    nominationsForTally(editionId),
  ])
  const counts = new Map(groups.map((g) => [g.nominationId, g._count._all]))
  const rows = nominations
    .map((n) => ({ nominationId: n.id, structureName: n.structureName, projectTitle: n.projectTitle, votes: counts.get(n.id) ?? 0 }))
    .sort((a, b) => b.votes - a.votes || a.structureName.localeCompare(b.structureName, 'fr'))
  return { visible: true, total: rows.reduce((sum, r) => sum + r.votes, 0), rows }
}

export type VoteAuditRow = {
  id: string
  createdAt: Date
  confirmedAt: Date | null
  /** The first characters of the address digest: enough to spot repeats, never the address. */
  addressHash: string
  emailDomain: string
  networkHash: string
  /** Votes cast from the same network in this edition. */
  networkVotes: number
  nominationName: string
  status: VoteStatus
  voidReason: string | null
}

const AUDIT_LIMIT = 2000

/** Every vote of an edition, newest first, for organisers (at most AUDIT_LIMIT rows). */
export async function voteAudit(editionId: string): Promise<VoteAuditRow[]> {
  const [votes, networks] = await Promise.all([
    prisma.publicVote.findMany({
      where: { editionId },
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      take: AUDIT_LIMIT,
      select: {
        id: true,
        createdAt: true,
        confirmedAt: true,
        voidedAt: true,
        voidReason: true,
        emailHash: true,
        emailDomain: true,
        networkHash: true,
        nomination: { select: { structureName: true } },
      },
    }),
    prisma.publicVote.groupBy({ by: ['networkHash'], where: { editionId }, _count: { _all: true } }),
  ])
  const perNetwork = new Map(networks.map((g) => [g.networkHash, g._count._all]))
  return votes.map((v) => ({
    id: v.id,
    createdAt: v.createdAt,
    confirmedAt: v.confirmedAt,
    addressHash: v.emailHash.slice(0, 12),
    emailDomain: v.emailDomain,
    networkHash: v.networkHash.slice(0, 12),
    networkVotes: perNetwork.get(v.networkHash) ?? 0,
    nominationName: v.nomination.structureName,
    status: voteStatusOf(v),
    voidReason: v.voidReason,
  }))
}

/** Voids a fraudulent vote with a reason (required); it stops counting. Audited. */
export async function voidVote(
  voteId: string,
  reason: string,
  actor: { organisationId: string; editionId: string; actorUserId?: string | null; now?: Date },
): Promise<void> {
  const why = reason.trim()
  if (!why)
    throw new AppError({ status: 400, code: 'invalid_input', messageKey: 'votes.error.reason', fields: { reason: ['votes.error.reason'] } })
  if (why.length > VOID_REASON_MAX)
    throw new AppError({
      status: 400,
      code: 'invalid_input',
      messageKey: 'votes.error.reasonLong',
      fields: { reason: ['votes.error.reasonLong'] },
    })
  await prisma.$transaction(async (tx) => {
    const vote = await tx.publicVote.findFirst({
      where: { id: voteId, editionId: actor.editionId, edition: { organisationId: actor.organisationId } },
      select: { id: true, nominationId: true, confirmedAt: true },
    })
    if (!vote) throw new AppError({ status: 404, code: 'vote_not_found', messageKey: 'votes.error.voteNotFound' })
    const { count } = await tx.publicVote.updateMany({
      where: { id: vote.id, voidedAt: null },
      data: { voidedAt: actor.now ?? new Date(), voidReason: why },
    })
    if (count === 0) throw new AppError({ status: 409, code: 'vote_already_voided', messageKey: 'votes.error.alreadyVoided' })
    await audit(tx, {
      organisationId: actor.organisationId,
      actorUserId: actor.actorUserId ?? null,
      action: 'publicVote.void',
      entityType: 'publicVote',
      entityId: vote.id,
      details: { editionId: actor.editionId, nominationId: vote.nominationId, wasConfirmed: Boolean(vote.confirmedAt), reason: why },
    })
  })
}

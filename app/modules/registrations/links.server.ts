// A registration's personal links over its life. Every email that carries the link mints a token
// (only hashes are stored) and all of them keep working, so the first email people kept still
// opens their page. The person may ask for a new link (a forwarded email, a shared screen): then
// every earlier link is revoked, and opening one says so and offers to send the current link to
// the registration's own address (never to an address typed on that page).
import { prisma } from '#app/db.server.ts'
import { hit } from '#app/modules/auth/rate-limit.server.ts'
import { generateToken, hashToken } from '#app/modules/auth/session.server.ts'
import { AppError, notFoundError } from '#app/utils/errors.ts'
import { emailManageLink, isManageTokenShape, issueManageLink, manageUrlFor, openedByToken } from './service.server.ts'

/** A replaced link re-sends the current one at most this often. */
export const RESEND_INTERVAL_MS = 5 * 60 * 1000

/** "Recevoir un nouveau lien": each one emails the registration's address, so at most this many per window. */
export const NEW_LINK_LIMIT = { limit: 3, windowSeconds: 60 * 60 }

export type ManageLinkState = { state: 'valid' } | { state: 'replaced'; registrationId: string } | { state: 'unknown' }

/** What a token is: a working link, a link revoked when the person asked for a new one, or nothing. */
export async function manageLinkState(token: string): Promise<ManageLinkState> {
  if (!isManageTokenShape(token)) return { state: 'unknown' }
  const tokenHash = hashToken(token)
  if (await prisma.registration.findUnique({ where: { manageTokenHash: tokenHash }, select: { id: true } })) return { state: 'valid' }
  const link = await prisma.registrationLink.findUnique({ where: { tokenHash } })
  if (!link) return { state: 'unknown' }
  return link.revokedAt ? { state: 'replaced', registrationId: link.registrationId } : { state: 'valid' }
}

/** What the page of a replaced link shows: where the current link goes (masked) and for which event; null otherwise. */
export async function replacedLinkView(token: string) {
  const state = await manageLinkState(token)
  if (state.state !== 'replaced') return null
  const registration = await prisma.registration.findUnique({
    where: { id: state.registrationId },
    select: { email: true, event: { select: { title: true } } },
  })
  if (!registration || registration.email.endsWith('@invalid')) return null
  return { sentTo: maskEmail(registration.email), eventTitle: registration.event.title }
}

/**
 * The person asks for a new link: it becomes the only one (every earlier link is revoked, kept so
 * that opening it says it was replaced) and is emailed to the registration's address. At most
 * NEW_LINK_LIMIT per registration: a 429 with the minutes to wait.
 */
export async function rotateManageLink(token: string, now = new Date()) {
  const registration = await findOpenRegistration(token)
  // Counted per registration (not per IP): whoever holds the current link cannot flood its address.
  const limit = await hit(`links:rotate:${registration.id}`, NEW_LINK_LIMIT, { now: Math.floor(now.getTime() / 1000) })
  if (!limit.allowed)
    throw new AppError({
      status: 429,
      code: 'too_many_new_links',
      messageKey: 'links.error.tooManyNewLinks',
      params: { minutes: Math.ceil(limit.retryAfterSeconds / 60) },
    })
  const manageToken = generateToken()
  await prisma.$transaction(async (tx) => {
    await tx.registrationLink.updateMany({ where: { registrationId: registration.id, revokedAt: null }, data: { revokedAt: now } })
    await tx.registrationLink.create({ data: { tokenHash: registration.manageTokenHash, registrationId: registration.id, revokedAt: now } })
    await tx.registration.update({ where: { id: registration.id }, data: { manageTokenHash: hashToken(manageToken) } })
    await emailManageLink(tx, registration, registration.event, manageUrlFor(manageToken))
  })
  return { sentTo: maskEmail(registration.email) }
}

/**
 * From a replaced link: sends the registration's address one more working link (at most every
 * RESEND_INTERVAL_MS, so an old link cannot flood the person). Says where it went, masked.
 */
export async function resendCurrentLink(replacedToken: string, now = new Date()) {
  const state = await manageLinkState(replacedToken)
  if (state.state !== 'replaced') throw notFoundError()
  const registration = await prisma.registration.findUnique({ where: { id: state.registrationId }, include: { event: true } })
  if (!registration || registration.email.endsWith('@invalid')) throw notFoundError()
  const recent = await prisma.registrationLink.findFirst({
    where: { registrationId: registration.id, revokedAt: null, createdAt: { gt: new Date(now.getTime() - RESEND_INTERVAL_MS) } },
  })
  if (!recent) {
    await prisma.$transaction(async (tx) => {
      const manageToken = await issueManageLink(tx, registration.id)
      await emailManageLink(tx, registration, registration.event, manageUrlFor(manageToken))
    })
  }
  return { sentTo: maskEmail(registration.email), sent: !recent }
}

async function findOpenRegistration(token: string) {
  if (!isManageTokenShape(token)) throw notFoundError()
  const registration = await prisma.registration.findFirst({ where: openedByToken(token), include: { event: true } })
  if (!registration) throw notFoundError()
  if (registration.email.endsWith('@invalid')) throw new AppError({ status: 410, code: 'erased', messageKey: 'error.404.title' })
  return registration
}

/** "c…@exemple.org": enough for the person to recognise their address, not for a stranger to learn it. */
export function maskEmail(email: string) {
  const [local = '', domain = ''] = email.split('@')
  return `${local.slice(0, 1)}…@${domain}`
}

// The suppression list: addresses an organisation's campaigns must not write to again, because
// the person unsubscribed, the server refused the address for good, or an organiser said so.
// Transactional emails (confirmations, offers, sign-in links) ignore it: people asked for those.
import { prisma, type Tx } from '#app/db.server.ts'
import { isUniqueViolation } from '#app/utils/errors.ts'
import { normaliseEmail } from '#app/shared/email-address.ts'

export const SUPPRESSION_REASONS = ['unsubscribe', 'bounce', 'manual', 'complaint'] as const
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number]

/**
 * Adds the address (idempotent: the first reason is kept). Returns true when it was added now.
 * Call it inside the transaction of the change that causes it.
 */
export async function suppress(tx: Tx, organisationId: string, email: string, reason: SuppressionReason, campaignId: string | null = null) {
  const address = normaliseEmail(email)
  const existing = await tx.suppression.findUnique({
    where: { organisationId_email: { organisationId, email: address } },
    select: { id: true },
  })
  if (existing) return false
  try {
    await tx.suppression.create({ data: { organisationId, email: address, reason, campaignId } })
    return true
  } catch (error) {
    // Another request suppressed the same address meanwhile (PostgreSQL; SQLite serialises).
    if (isUniqueViolation(error)) return false
    throw error
  }
}

/** Removes the address from the list (an organiser's decision, e.g. the person asked to come back). */
export async function unsuppress(tx: Tx, organisationId: string, email: string) {
  const { count } = await tx.suppression.deleteMany({ where: { organisationId, email: normaliseEmail(email) } })
  return count > 0
}

export async function isSuppressed(organisationId: string, email: string, db: Tx = prisma) {
  const row = await db.suppression.findUnique({
    where: { organisationId_email: { organisationId, email: normaliseEmail(email) } },
    select: { id: true },
  })
  return row !== null
}

/**
 * Which of these addresses are suppressed (lower-cased). A few addresses: looked up by value. Many
 * (a campaign's audience): the organisation's whole list is read in one query and intersected
 * here, rather than one query per 500 addresses.
 */
export async function suppressedAmong(organisationId: string, emails: readonly string[], db: Tx = prisma): Promise<Set<string>> {
  const out = new Set<string>()
  const addresses = [...new Set(emails.map(normaliseEmail))]
  if (addresses.length > 500) {
    const wanted = new Set(addresses)
    const rows = await db.$queryRaw<{ email: string }[]>`SELECT "email" FROM "Suppression" WHERE "organisationId" = ${organisationId}`
    for (const row of rows) if (wanted.has(row.email)) out.add(row.email)
    return out
  }
  for (let i = 0; i < addresses.length; i += 500) {
    const rows = await db.suppression.findMany({
      where: { organisationId, email: { in: addresses.slice(i, i + 500) } },
      select: { email: true },
    })
    for (const row of rows) out.add(row.email)
  }
  return out
}

export async function listSuppressions(organisationId: string, opts: { q?: string; take?: number; skip?: number } = {}, db: Tx = prisma) {
  const where = { organisationId, ...(opts.q ? { email: { contains: normaliseEmail(opts.q) } } : {}) }
  const [rows, total] = await Promise.all([
    db.suppression.findMany({ where, orderBy: { createdAt: 'desc' }, take: opts.take ?? 100, skip: opts.skip ?? 0 }),
    db.suppression.count({ where }),
  ])
  return { rows, total }
}

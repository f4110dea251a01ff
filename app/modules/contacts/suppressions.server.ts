// The organisers' side of the suppression list (the list itself is the email module's service):
// validation of an address typed by hand, the audit entry, and paging.
import { z } from 'zod'
import { prisma } from '#app/db.server.ts'
import { audit } from '#app/modules/audit/service.server.ts'
import { listSuppressions, suppress, unsuppress } from '#app/modules/email/suppression.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { PAGE_SIZE, type Actor } from './service.server.ts'
import { normaliseEmail } from '#app/shared/email-address.ts'

const emailSchema = z.string().transform(normaliseEmail).pipe(z.email().max(254))

function address(email: string) {
  const result = emailSchema.safeParse(email)
  if (!result.success)
    throw new AppError({
      status: 400,
      code: 'invalid_email',
      messageKey: 'contacts.error.emailInvalid',
      fields: { email: ['contacts.error.emailInvalid'] },
    })
  return result.data
}

export async function suppressionPage(organisationId: string, opts: { q?: string; page?: number } = {}) {
  const first = await listSuppressions(organisationId, { q: opts.q, take: PAGE_SIZE, skip: 0 })
  const pageCount = Math.max(1, Math.ceil(first.total / PAGE_SIZE))
  const page = Math.min(Math.max(opts.page ?? 1, 1), pageCount)
  const { rows, total } =
    page === 1 ? first : await listSuppressions(organisationId, { q: opts.q, take: PAGE_SIZE, skip: (page - 1) * PAGE_SIZE })
  return { rows, total, page, pageCount }
}

/** Adds an address by hand (reason "manual"); false when it was already on the list. */
export async function addSuppression(organisationId: string, email: string, actor: Actor = {}) {
  const value = address(email)
  return prisma.$transaction(async (tx) => {
    const added = await suppress(tx, organisationId, value, 'manual')
    if (added)
      await audit(tx, {
        organisationId,
        actorUserId: actor.actorUserId,
        action: 'suppression.add',
        entityType: 'suppression',
        details: { reason: 'manual' },
      })
    return added
  })
}

/** Takes an address off the list (campaigns may write to it again). */
export async function removeSuppression(organisationId: string, email: string, actor: Actor = {}) {
  return prisma.$transaction(async (tx) => {
    const removed = await unsuppress(tx, organisationId, email)
    if (removed)
      await audit(tx, { organisationId, actorUserId: actor.actorUserId, action: 'suppression.remove', entityType: 'suppression' })
    return removed
  })
}

// The organisation's legal and bank details: read for the settings page and the receipts,
// changed by admins with an audit entry (bank details masked in the trail).
import { prisma } from '#app/db.server.ts'
import { audit } from '#app/modules/audit/service.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { fieldErrorsOf } from '#app/utils/validation.ts'
import { legalDetailsSchema, type LegalDetails, type LegalDetailsInput } from './legal.ts'

const FIELDS = ['legalName', 'address', 'siret', 'vatMention', 'iban', 'bic', 'bankAccountHolder'] as const

export async function getLegalDetails(organisationId: string): Promise<LegalDetails> {
  const org = await prisma.organisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: { legalName: true, address: true, siret: true, vatMention: true, iban: true, bic: true, bankAccountHolder: true },
  })
  return org
}

const masked = (iban: string | null) => (iban ? `…${iban.slice(-4)}` : null)

export async function updateLegalDetails(organisationId: string, input: LegalDetailsInput, actor: { actorUserId?: string | null } = {}) {
  const parsed = legalDetailsSchema.safeParse(input)
  if (!parsed.success)
    throw new AppError({
      status: 422,
      code: 'invalid_input',
      messageKey: 'paymentsAdmin.error.invalid',
      fields: fieldErrorsOf(parsed.error),
    })
  const v = parsed.data
  return prisma.$transaction(async (tx) => {
    const before = await tx.organisation.findUniqueOrThrow({ where: { id: organisationId } })
    const updated = await tx.organisation.update({ where: { id: organisationId }, data: v })
    const changed = FIELDS.filter((f) => before[f] !== v[f])
    if (changed.length > 0) {
      await audit(tx, {
        organisationId,
        actorUserId: actor.actorUserId,
        action: 'organisation.legalDetails',
        entityType: 'Organisation',
        entityId: organisationId,
        details: { changed, iban: changed.includes('iban') ? { from: masked(before.iban), to: masked(v.iban) } : undefined },
      })
    }
    return updated
  })
}

// Reading and choosing an edition's blind fields (rules in blinding.ts). The organiser's choice is
// audited: it decides what every juror sees.
import { prisma } from '#app/db.server.ts'
import { audit } from '#app/modules/audit/service.server.ts'
import { readBlindFields, writeBlindFields } from '#app/modules/prizes/blind-fields.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { isBlindableField, parseBlindFields } from './blinding.ts'

/** The edition's blind fields. */
export async function blindFieldsOf(editionId: string): Promise<string[]> {
  return parseBlindFields(await readBlindFields(editionId))
}

/** Sets the edition's blind fields; unknown fields (or a question of another edition) are refused. */
export async function setBlindFields(
  organisationId: string,
  editionId: string,
  fields: readonly string[],
  actor: { userId: string | null },
) {
  const questions = await prisma.prizeQuestion.findMany({ where: { editionId }, select: { id: true } })
  const ids = questions.map((q) => q.id)
  const unique = [...new Set(fields)]
  if (unique.some((f) => !isBlindableField(f, ids)))
    throw new AppError({
      status: 422,
      code: 'invalid_input',
      messageKey: 'juryPanel.error.blindField',
      fields: { fields: ['juryPanel.error.blindField'] },
    })
  return prisma.$transaction(async (tx) => {
    if (!(await writeBlindFields(tx, organisationId, editionId, unique)))
      throw new AppError({ status: 404, code: 'not_found', messageKey: 'juryAdmin.error.notFound' })
    await audit(tx, {
      organisationId,
      actorUserId: actor.userId,
      action: 'prizeEdition.blindFields',
      entityType: 'PrizeEdition',
      entityId: editionId,
      details: { fields: unique },
    })
  })
}

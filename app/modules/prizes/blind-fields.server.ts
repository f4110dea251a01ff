// The edition's blind fields (the nomination fields jurors do not see): the prizes module owns the
// column; the jury module reads and changes it through these functions (jury/blinding.ts).
import { prisma, type Tx } from '#app/db.server.ts'

/** The stored JSON array of the edition's blind fields ('[]' when the edition does not exist). */
export async function readBlindFields(editionId: string, db: Tx = prisma): Promise<string> {
  const row = await db.prizeEdition.findUnique({ where: { id: editionId }, select: { blindFields: true } })
  return row?.blindFields ?? '[]'
}

/** Stores the blind fields; false when no such edition of the organisation. */
export async function writeBlindFields(tx: Tx, organisationId: string, editionId: string, fields: readonly string[]) {
  const { count } = await tx.prizeEdition.updateMany({
    where: { id: editionId, organisationId },
    data: { blindFields: JSON.stringify(fields) },
  })
  return count > 0
}

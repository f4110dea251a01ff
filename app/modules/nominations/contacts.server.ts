// The people behind an edition's nominations, for the contacts module: one per nomination that
// was submitted (drafts and withdrawn nominations are left out). Editions of other
// organisations give nobody.
import { prisma, type Tx } from '#app/db.server.ts'

export type Nominee = {
  nominationId: string
  email: string
  firstName: string
  lastName: string
  structure: string
  /** association | cooperative | mutuelle | fondation | societe_ess | esus | other, or null. */
  legalForm: string | null
  departement: string | null
  locale: string
  status: string
}

export const NOMINEE_EXCLUDED_STATUSES = ['draft', 'withdrawn'] as const

export async function nomineesOfEdition(organisationId: string, editionId: string, db: Tx = prisma): Promise<Nominee[]> {
  const rows = await db.nomination.findMany({
    where: { editionId, edition: { organisationId }, status: { notIn: [...NOMINEE_EXCLUDED_STATUSES] } },
    orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      contactEmail: true,
      contactFirstName: true,
      contactLastName: true,
      structureName: true,
      legalForm: true,
      departement: true,
      locale: true,
      status: true,
    },
  })
  return rows.map((r) => ({
    nominationId: r.id,
    email: r.contactEmail,
    firstName: r.contactFirstName,
    lastName: r.contactLastName,
    structure: r.structureName,
    legalForm: r.legalForm,
    departement: r.departement,
    locale: r.locale,
    status: r.status,
  }))
}

// TEMPORARY until the contacts branch is merged: selectAudience with the contacts module's signature.
import { prisma } from '#app/db.server.ts'
import type { Audience } from './audience-bridge.ts'

export type AudienceRecipient = {
  contactId: string | null
  email: string
  firstName: string
  lastName: string
  structure: string | null
  profile: string | null
  departement: string | null
  locale: string
  suppressed?: boolean
}

export async function selectAudience(organisationId: string, audience: Audience): Promise<AudienceRecipient[]> {
  const rows = await prisma.contact.findMany({ where: { organisationId }, orderBy: { email: 'asc' } })
  return rows
    .filter((c) => {
      const tags = JSON.parse(c.tags) as string[]
      return (
        audience.contactIds.includes(c.id) ||
        audience.tags.some((t) => tags.includes(t)) ||
        (c.profile !== null && audience.profiles.includes(c.profile)) ||
        (c.departement !== null && audience.departements.includes(c.departement))
      )
    })
    .map((c) => ({ contactId: c.id, email: c.email, firstName: c.firstName, lastName: c.lastName, structure: c.structure, profile: c.profile, departement: c.departement, locale: c.locale }))
}

export async function countAudience(organisationId: string, audience: Audience) {
  return (await selectAudience(organisationId, audience)).length
}

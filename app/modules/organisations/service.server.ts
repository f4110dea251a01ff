// Organisations (the regional bodies: CRESS, Régions…) and who belongs to them.
import { prisma, type Tx } from '#app/db.server.ts'

export const ROLES = ['admin', 'organiser', 'checkin'] as const
export type Role = (typeof ROLES)[number]

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value)
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export async function createOrganisation(input: { slug: string; name: string; region?: string }, db: Tx = prisma) {
  return db.organisation.create({ data: { slug: input.slug, name: input.name, region: input.region } })
}

export function findOrganisationBySlug(slug: string, db: Tx = prisma) {
  return db.organisation.findUnique({ where: { slug } })
}

export function listOrganisations(db: Tx = prisma) {
  return db.organisation.findMany({ orderBy: { name: 'asc' } })
}

export function membershipsOf(userId: string, db: Tx = prisma) {
  return db.membership.findMany({
    where: { userId },
    include: { organisation: { select: { slug: true, name: true } } },
    orderBy: { organisation: { name: 'asc' } },
  })
}

// What other modules may read of nominations: the shortlist as the public sees it (the vote page,
// the vote tally) and the one nomination a vote is cast for.
import { prisma } from '#app/db.server.ts'

/** The shortlisted nominations of an edition, as the public sees them. */
export function listShortlisted(editionId: string) {
  return prisma.nomination.findMany({
    where: { editionId, status: 'shortlisted' },
    orderBy: [{ structureName: 'asc' }, { id: 'asc' }],
    select: { id: true, structureName: true, projectTitle: true, projectDescription: true },
  })
}

/** A shortlisted nomination of this edition (the only kind a public vote may be cast for), or null. */
export function findShortlisted(editionId: string, nominationId: string) {
  return prisma.nomination.findFirst({
    where: { id: nominationId, editionId, status: 'shortlisted' },
    select: { id: true, structureName: true, projectTitle: true, edition: { select: { organisationId: true } } },
  })
}

/** The nominations a tally lists: the shortlist, plus any that received votes and left it since. */
export function nominationsForTally(editionId: string) {
  return prisma.nomination.findMany({
    where: { editionId, OR: [{ status: 'shortlisted' }, { votes: { some: {} } }] },
    select: { id: true, structureName: true, projectTitle: true },
  })
}

// Reads what the organisers' view of jurors needs (juror-overview.ts computes it): active jurors,
// their nominations (the juror's scope, as they see it), complete scores, abstentions and the time
// of their last score or abstention.
import { prisma } from '#app/db.server.ts'
import { assignedNominations } from './jurors.server.ts'
import { jurorOverview } from './juror-overview.ts'
import { parseScoreValues, weightedTotal } from './scoring-rules.ts'

export async function jurorOverviewOf(editionId: string, now = new Date()) {
  const [jurors, categories, scores, abstentions] = await Promise.all([
    prisma.juror.findMany({
      where: { editionId, removedAt: null },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      select: { id: true, name: true },
    }),
    prisma.prizeCategory.findMany({
      where: { editionId },
      select: { id: true, scaleMin: true, scaleMax: true, criteria: { select: { id: true, weight: true } } },
    }),
    prisma.juryScore.findMany({
      where: { juror: { editionId, removedAt: null } },
      select: {
        jurorId: true,
        nominationId: true,
        values: true,
        complete: true,
        updatedAt: true,
        nomination: { select: { categoryId: true } },
      },
    }),
    prisma.juryAbstention.findMany({
      where: { juror: { editionId, removedAt: null } },
      select: { jurorId: true, nominationId: true, createdAt: true },
    }),
  ])
  const categoryOf = new Map(categories.map((c) => [c.id, c]))
  const assigned = new Map<string, number>()
  for (const j of jurors) assigned.set(j.id, (await assignedNominations(j.id)).length)
  const lastActivity = new Map<string, Date>()
  const touch = (jurorId: string, at: Date) => {
    const prev = lastActivity.get(jurorId)
    if (!prev || prev < at) lastActivity.set(jurorId, at)
  }
  const entries = []
  for (const s of scores) {
    touch(s.jurorId, s.updatedAt)
    const category = s.nomination.categoryId ? categoryOf.get(s.nomination.categoryId) : undefined
    if (!s.complete || !category) continue
    const total = weightedTotal(category.criteria, parseScoreValues(s.values))
    if (total === null) continue
    entries.push({ jurorId: s.jurorId, nominationId: s.nominationId, total, range: category.scaleMax - category.scaleMin })
  }
  for (const a of abstentions) touch(a.jurorId, a.createdAt)
  const abstained = new Set(abstentions.map((a) => `${a.jurorId}|${a.nominationId}`))
  return jurorOverview({
    jurors,
    assigned,
    entries: entries.map((e) => ({ ...e, abstained: abstained.has(`${e.jurorId}|${e.nominationId}`) })),
    abstentions,
    lastActivity,
    now,
  })
}

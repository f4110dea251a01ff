// The jury's results: per nomination, each juror's weighted total (complete scores only, from
// jurors who are neither removed nor conflicted on it), mean, population SD, count, the
// disagreement flag, the normalised score, the rank with the edition's tie-break, the public vote
// beside it, the conflicts and the decision. Scores are read in one query with only the needed
// columns and everything is computed in memory (600 nominations × 15 jurors in a few ms).
import { prisma, type Tx } from '#app/db.server.ts'
import { tally } from '#app/modules/votes/service.server.ts'
import { AppError } from '#app/utils/errors.ts'
import {
  countedEntries,
  countTopScores,
  isTieBreak,
  juryStatuses,
  nominationStats,
  normalisedScores,
  pairKey,
  rankCategory,
  type ScoreEntry,
  type TieBreak,
} from './rules.ts'
import { weightedTotal } from './scoring-rules.ts'
import { competitionPlaces } from './ties.ts'
import { parseScoreValues } from './scoring-rules.ts'

const collator = new Intl.Collator('fr')

export type JurorScore = { jurorId: string; jurorName: string; total: number; comment: string; isChair: boolean }
export type ConflictInfo = { jurorId: string; jurorName: string; kind: string; note: string; declaredBy: string }
export type ResultRow = {
  nominationId: string
  structureName: string
  projectTitle: string
  contactEmail: string
  locale: string
  scores: JurorScore[]
  count: number
  mean: number | null
  sd: number | null
  disagreement: boolean
  normalised: number | null
  /** The score the ranking uses: normalised when the edition normalises, else the mean. */
  score: number | null
  rank: number | null
  /** Ex aequo place on the score alone, before the tie-break (competition ranking 1, 2, 2, 4). */
  place: number | null
  votes: number
  conflicts: ConflictInfo[]
  decision: { decision: string; rationale: string; rank: number | null } | null
  /** True in the chair's view for a nomination the chair is conflicted on: scores and comments hidden. */
  hidden: boolean
}
export type CategoryResults = {
  id: string
  name: string
  awards: number
  scaleMin: number
  scaleMax: number
  decisionsLockedAt: Date | null
  decisionsLockedBy: string | null
  chairs: { jurorId: string; name: string }[]
  rows: ResultRow[]
}
export type EditionResults = {
  editionId: string
  normaliseScores: boolean
  tieBreak: TieBreak
  publicVoteEnabled: boolean
  resultsPublishedAt: Date | null
  categories: CategoryResults[]
}

/** Statuses of the edition's nominations that go to the jury (shortlisted, or eligible when none is shortlisted). */
export async function juryStatusesOf(editionId: string, db: Tx = prisma) {
  const shortlisted = await db.nomination.count({ where: { editionId, status: 'shortlisted' } })
  return juryStatuses(shortlisted > 0)
}

/**
 * One round of the jury (rounds.server.ts): its nominations (null: the whole jury pool, for the
 * first round) and its scores — a score's round is its own `roundId`, else its juror's seat's, else
 * the first round.
 */
export type RoundFilter = { id: string; first: boolean; firstRoundId: string; nominationIds: ReadonlySet<string> | null }

export async function computeResults(
  editionId: string,
  opts: { categoryId?: string; viewerJurorId?: string; withVotes?: boolean; round?: RoundFilter } = {},
): Promise<EditionResults> {
  const edition = await prisma.prizeEdition.findUnique({
    where: { id: editionId },
    select: { id: true, normaliseScores: true, tieBreak: true, publicVoteEnabled: true, resultsPublishedAt: true },
  })
  if (!edition) throw new AppError({ status: 404, code: 'edition_not_found', messageKey: 'juryAdmin.error.notFound' })
  const statuses = await juryStatusesOf(editionId)
  const [categories, nominations, jurors, conflicts, scores, decisions, votes, abstentions] = await Promise.all([
    prisma.prizeCategory.findMany({
      where: { editionId, ...(opts.categoryId ? { id: opts.categoryId } : {}) },
      orderBy: [{ position: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        name: true,
        awards: true,
        scaleMin: true,
        scaleMax: true,
        decisionsLockedAt: true,
        decisionsLockedBy: true,
        criteria: { select: { id: true, weight: true }, orderBy: [{ position: 'asc' }, { id: 'asc' }] },
        members: { select: { jurorId: true, isChair: true, roundId: true } },
      },
    }),
    prisma.nomination.findMany({
      where: { editionId, categoryId: opts.categoryId ?? { not: null }, OR: [{ status: { in: statuses } }, { decision: { isNot: null } }] },
      select: { id: true, categoryId: true, structureName: true, projectTitle: true, contactEmail: true, locale: true },
    }),
    prisma.juror.findMany({ where: { editionId }, select: { id: true, name: true, removedAt: true } }),
    prisma.juryConflict.findMany({
      where: { editionId },
      select: { jurorId: true, nominationId: true, kind: true, note: true, declaredBy: true },
    }),
    // One plain query for the thousands of scores: only the needed columns, no ORM mapping.
    prisma.$queryRaw<{ jurorId: string; nominationId: string; values: string; comment: string; roundId: string | null }[]>`
      SELECT s."jurorId", s."nominationId", s."values", s."comment", s."roundId"
      FROM "JuryScore" s JOIN "Juror" j ON j."id" = s."jurorId"
      WHERE j."editionId" = ${editionId} AND j."removedAt" IS NULL AND s."complete" = TRUE`,
    prisma.juryDecision.findMany({
      where: { nomination: { editionId } },
      select: { nominationId: true, decision: true, rationale: true, rank: true },
    }),
    opts.withVotes !== false && edition.publicVoteEnabled ? tally(editionId, { forOrganiser: true }) : Promise.resolve(null),
    prisma.juryAbstention.findMany({ where: { juror: { editionId } }, select: { jurorId: true, nominationId: true } }),
  ])
  const abstained = new Set(abstentions.map((a) => pairKey(a.jurorId, a.nominationId)))
  const tieBreak: TieBreak = isTieBreak(edition.tieBreak) ? edition.tieBreak : 'chair'
  const jurorName = new Map(jurors.map((j) => [j.id, j.name]))
  const removed = new Set(jurors.filter((j) => j.removedAt).map((j) => j.id))
  const conflictSet = new Set(conflicts.map((c) => pairKey(c.jurorId, c.nominationId)))
  const conflictsByNomination = new Map<string, ConflictInfo[]>()
  for (const c of conflicts) {
    const list = conflictsByNomination.get(c.nominationId) ?? []
    list.push({ jurorId: c.jurorId, jurorName: jurorName.get(c.jurorId) ?? '', kind: c.kind, note: c.note, declaredBy: c.declaredBy })
    conflictsByNomination.set(c.nominationId, list)
  }
  const voteCount = new Map((votes?.rows ?? []).map((r) => [r.nominationId, r.votes]))
  const decisionOf = new Map(decisions.map((d) => [d.nominationId, { decision: d.decision, rationale: d.rationale, rank: d.rank }]))
  const viewerConflicts = opts.viewerJurorId
    ? new Set(conflicts.filter((c) => c.jurorId === opts.viewerJurorId).map((c) => c.nominationId))
    : new Set<string>()

  const round = opts.round
  const seatRound = new Map<string, string | null>()
  if (round) for (const c of categories) for (const m of c.members) seatRound.set(pairKey(m.jurorId, c.id), m.roundId)
  const inRound = (jurorId: string, categoryId: string) =>
    !round || (seatRound.get(pairKey(jurorId, categoryId)) ?? round.firstRoundId) === round.id
  const nominationsByCategory = new Map<string, typeof nominations>()
  for (const n of nominations) {
    if (round?.nominationIds && !round.nominationIds.has(n.id)) continue
    const list = nominationsByCategory.get(n.categoryId!) ?? []
    list.push(n)
    nominationsByCategory.set(n.categoryId!, list)
  }
  const nominationCategory = new Map(nominations.map((n) => [n.id, n.categoryId!]))
  const scoresByCategory = new Map<string, typeof scores>()
  for (const s of scores) {
    const categoryId = nominationCategory.get(s.nominationId)
    if (!categoryId || removed.has(s.jurorId) || conflictSet.has(pairKey(s.jurorId, s.nominationId))) continue
    if (round && (s.roundId ?? seatRound.get(pairKey(s.jurorId, categoryId)) ?? round.firstRoundId) !== round.id) continue
    const list = scoresByCategory.get(categoryId) ?? []
    list.push(s)
    scoresByCategory.set(categoryId, list)
  }

  const out: CategoryResults[] = categories.map((category) => {
    const scale = { scaleMin: category.scaleMin, scaleMax: category.scaleMax }
    const chairIds = category.members
      .filter((m) => m.isChair && !removed.has(m.jurorId) && inRound(m.jurorId, category.id))
      .map((m) => m.jurorId)
    const chairSet = new Set(chairIds)
    const entries: (ScoreEntry & { comment: string })[] = []
    for (const s of scoresByCategory.get(category.id) ?? []) {
      const total = weightedTotal(category.criteria, parseScoreValues(s.values))
      if (total !== null)
        entries.push({
          jurorId: s.jurorId,
          nominationId: s.nominationId,
          total,
          comment: s.comment,
          abstained: abstained.has(pairKey(s.jurorId, s.nominationId)),
        })
    }
    const normalised = edition.normaliseScores ? normalisedScores(entries, scale) : null
    const byNomination = new Map<string, typeof entries>()
    // An abstention is left out of the nomination's mean, SD and count.
    for (const e of countedEntries(entries)) {
      const list = byNomination.get(e.nominationId) ?? []
      list.push(e)
      byNomination.set(e.nominationId, list)
    }
    const rows = (nominationsByCategory.get(category.id) ?? []).map((n) => {
      const own = byNomination.get(n.id) ?? []
      const totals = own.map((e) => e.total)
      const stats = nominationStats(totals, scale)
      const chairEntry = own.find((e) => chairSet.has(e.jurorId))
      const norm = normalised?.get(n.id) ?? null
      return {
        nominationId: n.id,
        structureName: n.structureName,
        projectTitle: n.projectTitle,
        contactEmail: n.contactEmail,
        locale: n.locale,
        scores: own
          .map((e) => ({
            jurorId: e.jurorId,
            jurorName: jurorName.get(e.jurorId) ?? '',
            total: e.total,
            comment: e.comment,
            isChair: chairSet.has(e.jurorId),
          }))
          .sort((a, b) => collator.compare(a.jurorName, b.jurorName)),
        count: stats.count,
        mean: stats.mean,
        sd: stats.sd,
        disagreement: stats.disagreement,
        normalised: norm,
        score: edition.normaliseScores ? norm : stats.mean,
        chairTotal: chairEntry?.total ?? null,
        topScores: countTopScores(totals, scale),
        votes: voteCount.get(n.id) ?? 0,
        conflicts: conflictsByNomination.get(n.id) ?? [],
        decision: decisionOf.get(n.id) ?? null,
        hidden: false,
      }
    })
    const places = competitionPlaces(rows)
    const ranked = rankCategory(rows, tieBreak).map(({ chairTotal: _c, topScores: _t, ...ranked }) => {
      const row = { ...ranked, place: places.get(ranked.nominationId) ?? null }
      if (!viewerConflicts.has(row.nominationId)) return row
      return { ...row, scores: [], mean: null, sd: null, normalised: null, score: null, disagreement: false, hidden: true }
    })
    return {
      id: category.id,
      name: category.name,
      awards: category.awards,
      scaleMin: category.scaleMin,
      scaleMax: category.scaleMax,
      decisionsLockedAt: category.decisionsLockedAt,
      decisionsLockedBy: category.decisionsLockedBy,
      chairs: chairIds.map((id) => ({ jurorId: id, name: jurorName.get(id) ?? '' })),
      rows: ranked,
    }
  })
  return {
    editionId,
    normaliseScores: edition.normaliseScores,
    tieBreak,
    publicVoteEnabled: edition.publicVoteEnabled,
    resultsPublishedAt: edition.resultsPublishedAt,
    categories: out,
  }
}

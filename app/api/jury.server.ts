// GET /api/v1/prizes/{slug}/results for the edition's own organisation: per category the ranked
// nominations with mean, population SD, normalised score, number of scores and the decision.
import type { ApiAuth } from '#app/api/events.server.ts'
import { prizeNotFound } from '#app/api/prizes.server.ts'
import { getEditionForOrganiser } from '#app/modules/prizes/service.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { computeResults } from '#app/modules/jury/results.server.ts'
import { listRounds, roundResults } from '#app/modules/jury/rounds.server.ts'

const round = (v: number | null) => (v === null ? null : Math.round(v * 10000) / 10000)

export async function resultsForApi(auth: ApiAuth, slug: string) {
  let edition
  try {
    edition = await getEditionForOrganiser(auth.organisation.id, slug)
  } catch (error) {
    if (error instanceof AppError && (error.status === 404 || error.status === 403)) throw prizeNotFound()
    throw error
  }
  const results = await computeResults(edition.id)
  const rounds = await listRounds(edition.id)
  const perRound = await Promise.all(rounds.map((r) => roundResults(edition.id, r.id, { withVotes: false })))
  return {
    prize: { slug: edition.slug, title: edition.title, year: edition.year },
    normaliseScores: results.normaliseScores,
    tieBreak: results.tieBreak,
    sd: 'population',
    resultsPublishedAt: results.resultsPublishedAt ? results.resultsPublishedAt.toISOString() : null,
    categories: results.categories.map((c) => ({
      id: c.id,
      name: c.name,
      scale: { min: c.scaleMin, max: c.scaleMax },
      validatedAt: c.decisionsLockedAt ? c.decisionsLockedAt.toISOString() : null,
      nominations: c.rows.map((r) => ({
        id: r.nominationId,
        structureName: r.structureName,
        projectTitle: r.projectTitle,
        rank: r.rank,
        place: r.place,
        mean: round(r.mean),
        sd: round(r.sd),
        normalised: round(r.normalised),
        scores: r.count,
        disagreement: r.disagreement,
        publicVotes: results.publicVoteEnabled ? r.votes : null,
        decision: r.decision ? { decision: r.decision.decision, rank: r.decision.rank, rationale: r.decision.rationale } : null,
      })),
    })),
    // Each round's own results (its nominations, its jurors' scores), ex aequo places and final ties.
    rounds: perRound.map((r) => ({
      position: r.round.position,
      name: r.round.name,
      categories: r.categories.map((c) => ({
        id: c.id,
        ties: (r.ties[c.id] ?? []).map((t) => ({ place: t.place, nominationIds: t.nominationIds, final: t.final })),
        nominations: c.rows.map((row) => ({
          id: row.nominationId,
          place: row.place,
          rank: row.rank,
          mean: round(row.mean),
          scores: row.count,
        })),
      })),
    })),
  }
}

// Which nominations go on to the next round, from the previous round's results: the top N of each
// category, those at or above a score threshold, or a hand-picked list. Pure: rounds.server.ts
// reads the results and records the choice.

const EPS = 1e-6

export const PROMOTION_REASONS = ['top', 'threshold', 'manual'] as const
export type PromotionReason = (typeof PROMOTION_REASONS)[number]

export type PromotionRule =
  { kind: 'top'; perCategory: number } | { kind: 'threshold'; minScore: number } | { kind: 'manual'; nominationIds: readonly string[] }

export type PromotionCandidate = { nominationId: string; categoryId: string; rank: number | null; score: number | null }

/**
 * The nominations the rule promotes, in the order of the candidates. Top N: rank ≤ N in the
 * category (rank after the tie-break, so nominations still tied at place N all go on); threshold:
 * score ≥ the threshold; manual: the picked ids that are candidates (anything else is ignored).
 */
export function selectForPromotion(candidates: readonly PromotionCandidate[], rule: PromotionRule): string[] {
  switch (rule.kind) {
    case 'top':
      return candidates.filter((c) => c.rank !== null && c.rank <= rule.perCategory).map((c) => c.nominationId)
    case 'threshold':
      return candidates.filter((c) => c.score !== null && c.score >= rule.minScore - EPS).map((c) => c.nominationId)
    case 'manual': {
      const picked = new Set(rule.nominationIds)
      return candidates.filter((c) => picked.has(c.nominationId)).map((c) => c.nominationId)
    }
  }
}

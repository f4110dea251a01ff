// Ex aequo places of a category's results, before any tie-break: competition ranking ("1, 2, 2, 4"),
// the groups of nominations that share a place, and whether a recorded tie still holds.
// Pure functions: results.server.ts and rounds.server.ts read the rows, these compute.

/** Scores are compared on 4 decimals, as the ranking does (rules.ts). */
const EPS = 1e-6
const same = (a: number, b: number) => Math.abs(a - b) < EPS

export type PlaceInput = { nominationId: string; score: number | null }

/**
 * Competition ranking on the score alone: equal scores share a place and the next place skips as
 * many as shared it (5, 4, 4, 3 → 1, 2, 2, 4). Unscored nominations get no place.
 */
export function competitionPlaces(rows: readonly PlaceInput[]): Map<string, number> {
  const scored = rows.filter((r) => r.score !== null).sort((a, b) => b.score! - a.score!)
  const places = new Map<string, number>()
  scored.forEach((row, i) => {
    const prev = scored[i - 1]
    places.set(row.nominationId, prev && same(prev.score!, row.score!) ? places.get(prev.nominationId)! : i + 1)
  })
  return places
}

export type Tie = { place: number; nominationIds: string[] }

/** The places shared by two or more nominations, in place order, each with its nominations' ids sorted. */
export function detectTies(rows: readonly PlaceInput[]): Tie[] {
  const byPlace = new Map<number, string[]>()
  for (const [nominationId, place] of competitionPlaces(rows)) {
    const list = byPlace.get(place) ?? []
    list.push(nominationId)
    byPlace.set(place, list)
  }
  return [...byPlace]
    .filter(([, ids]) => ids.length > 1)
    .sort(([a], [b]) => a - b)
    .map(([place, nominationIds]) => ({ place, nominationIds: [...nominationIds].sort() }))
}

/** A tie recorded as final still holds when the same nominations still share that place. */
export function tieStillHolds(recorded: Tie, ties: readonly Tie[]): boolean {
  const now = ties.find((t) => t.place === recorded.place)
  return !!now && now.nominationIds.join('|') === [...recorded.nominationIds].sort().join('|')
}

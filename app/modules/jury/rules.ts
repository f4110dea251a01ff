// Pure rules of the jury's organiser side: statistics of the jurors' totals, normalisation,
// ranking with the edition's tie-break, balanced assignment and whether scoring is open.
// No database here: the services read rows, these functions compute.

import { scoringPeriodState, type ScoringPeriodState, type ScoringWindow } from './scoring-rules.ts'

export type Scale = { scaleMin: number; scaleMax: number }

/**
 * A nomination's scores "disagree" when the population standard deviation of its jurors' weighted
 * totals is above this share of the scale's range (0–5 → SD above 1).
 */
export const DISAGREEMENT_SHARE = 0.2

/**
 * For the `top_scores` tie-break, a "top score" is a juror's weighted total at or above this share
 * of the scale (0–5 → a total of 4 or more).
 */
export const TOP_SCORE_SHARE = 0.8

/** Scores are compared on 4 decimals, so 3.3333 and 10/3 are the same. */
const EPS = 1e-6

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null
  let s = 0
  for (const v of values) s += v
  return s / values.length
}

/** Population standard deviation (divides by n, not n − 1); 0 for one value, null for none. */
export function populationSd(values: readonly number[]): number | null {
  const m = mean(values)
  if (m === null) return null
  let s = 0
  for (const v of values) s += (v - m) * (v - m)
  return Math.sqrt(s / values.length)
}

export type NominationStats = { count: number; mean: number | null; sd: number | null; disagreement: boolean }

/** Mean, population SD and count of one nomination's jurors' totals, and the disagreement flag. */
export function nominationStats(totals: readonly number[], scale: Scale): NominationStats {
  const sd = populationSd(totals)
  const range = scale.scaleMax - scale.scaleMin
  return {
    count: totals.length,
    mean: mean(totals),
    sd,
    disagreement: sd !== null && totals.length >= 2 && sd > DISAGREEMENT_SHARE * range + EPS,
  }
}

export type ScoreEntry = {
  jurorId: string
  nominationId: string
  total: number
  /** The juror abstained on this nomination (their choice): the entry never counts. */
  abstained?: boolean
}

/** The entries that count in means and in normalisation: abstentions are left out. */
export function countedEntries<T extends ScoreEntry>(entries: readonly T[]): T[] {
  return entries.filter((e) => !e.abstained)
}

/**
 * Normalised score of each nomination (one category, one scale):
 *   1. for each juror, z = (total − the juror's mean) / the juror's population SD, over the
 *      nominations that juror scored; a juror with one score or an SD of 0 gives z = 0;
 *   2. z̄ = the mean of the z of the nomination's jurors;
 *   3. normalised = M + z̄ · S, clamped to [scaleMin, scaleMax], where M and S are the mean and
 *      population SD of every total of the category (S = 0 → everyone gets M).
 * So a severe juror and a generous one weigh the same, and the result stays on the grid's scale.
 * Abstained entries are left out of every step.
 */
export function normalisedScores(allEntries: readonly ScoreEntry[], scale: Scale): Map<string, number> {
  // An abstention counts neither in its juror's mean and SD nor in the category's M and S.
  const entries = countedEntries(allEntries)
  const byJuror = new Map<string, number[]>()
  for (const e of entries) {
    const list = byJuror.get(e.jurorId)
    if (list) list.push(e.total)
    else byJuror.set(e.jurorId, [e.total])
  }
  const jurorStats = new Map<string, { m: number; sd: number; n: number }>()
  for (const [jurorId, totals] of byJuror)
    jurorStats.set(jurorId, { m: mean(totals) ?? 0, sd: populationSd(totals) ?? 0, n: totals.length })
  const all = entries.map((e) => e.total)
  const M = mean(all) ?? 0
  const S = populationSd(all) ?? 0
  const zs = new Map<string, { sum: number; n: number }>()
  for (const e of entries) {
    const js = jurorStats.get(e.jurorId)!
    const z = js.n < 2 || js.sd < EPS ? 0 : (e.total - js.m) / js.sd
    const acc = zs.get(e.nominationId)
    if (acc) {
      acc.sum += z
      acc.n += 1
    } else zs.set(e.nominationId, { sum: z, n: 1 })
  }
  const out = new Map<string, number>()
  for (const [nominationId, { sum, n }] of zs) {
    const value = M + (sum / n) * S
    out.set(nominationId, Math.min(scale.scaleMax, Math.max(scale.scaleMin, value)))
  }
  return out
}

export const TIE_BREAKS = ['chair', 'top_scores', 'public_vote'] as const
export type TieBreak = (typeof TIE_BREAKS)[number]
export const isTieBreak = (v: string): v is TieBreak => (TIE_BREAKS as readonly string[]).includes(v)

export type RankInput = {
  nominationId: string
  /** The score ranked on (the mean, or the normalised score); null when nobody scored it. */
  score: number | null
  /** The chair's weighted total for this nomination (null: the chair did not score it or is conflicted). */
  chairTotal: number | null
  /** Number of the jurors' totals at or above the top-score threshold. */
  topScores: number
  /** Confirmed public votes. */
  votes: number
}

/** Number of totals at or above scaleMin + TOP_SCORE_SHARE · range. */
export function countTopScores(totals: readonly number[], scale: Scale): number {
  const threshold = scale.scaleMin + TOP_SCORE_SHARE * (scale.scaleMax - scale.scaleMin)
  return totals.filter((t) => t >= threshold - EPS).length
}

function tieValue(row: RankInput, tieBreak: TieBreak): number {
  if (tieBreak === 'chair') return row.chairTotal ?? Number.NEGATIVE_INFINITY
  if (tieBreak === 'top_scores') return row.topScores
  return row.votes
}

const same = (a: number, b: number) => a === b || Math.abs(a - b) < EPS

/**
 * Ranks a category: higher score first; equal scores are split by the tie-break (the chair's
 * total, the number of top scores, or the public vote); rows still equal share a rank (1, 1, 3).
 * Rows without a score come last with rank null. Order among exact ties: by nominationId, so the
 * result is deterministic.
 */
export function rankCategory<T extends RankInput>(rows: readonly T[], tieBreak: TieBreak): (T & { rank: number | null })[] {
  const scored = rows.filter((r) => r.score !== null)
  const unscored = rows.filter((r) => r.score === null)
  const sorted = [...scored].sort((a, b) => {
    if (!same(a.score!, b.score!)) return b.score! - a.score!
    const ta = tieValue(a, tieBreak)
    const tb = tieValue(b, tieBreak)
    if (!same(ta, tb)) return tb - ta
    return a.nominationId < b.nominationId ? -1 : a.nominationId > b.nominationId ? 1 : 0
  })
  const out: (T & { rank: number | null })[] = []
  sorted.forEach((row, i) => {
    const prev = out[i - 1]
    const tied = prev && same(prev.score!, row.score!) && same(tieValue(prev, tieBreak), tieValue(row, tieBreak))
    out.push({ ...row, rank: tied ? prev.rank : i + 1 })
  })
  for (const row of [...unscored].sort((a, b) => (a.nominationId < b.nominationId ? -1 : 1))) out.push({ ...row, rank: null })
  return out
}

export type AssignmentInput = {
  nominationIds: readonly string[]
  jurorIds: readonly string[]
  /** Pairs that must never be assigned. */
  conflicts: ReadonlySet<string> | readonly { jurorId: string; nominationId: string }[]
  /** Jurors per nomination. */
  k: number
  /** Most nominations per juror (null: no limit). */
  maxPerJuror?: number | null
  /** Assignments that stay (already scored, or added by hand); they count in loads and in k. */
  fixed?: readonly { jurorId: string; nominationId: string }[]
}

export type AssignmentPlan = {
  /** New pairs to create (fixed ones are not repeated). */
  assignments: { jurorId: string; nominationId: string }[]
  /** Final load of each juror (fixed included). */
  loads: Record<string, number>
  /** Nominations that could not get k jurors: how many they got. */
  short: { nominationId: string; got: number }[]
}

export const pairKey = (jurorId: string, nominationId: string) => `${jurorId}|${nominationId}`

/**
 * Balanced automatic assignment. Nominations are served most-constrained first (fewest free
 * jurors, then input order); each takes the least-loaded free jurors (ties: input order). A second
 * pass moves new assignments from the most-loaded juror to the least-loaded while loads differ by
 * more than one and a legal move exists. Never a conflicted juror, never above maxPerJuror,
 * deterministic for the same input.
 */
export function planBalancedAssignment(input: AssignmentInput): AssignmentPlan {
  const conflicts =
    input.conflicts instanceof Set
      ? (input.conflicts as ReadonlySet<string>)
      : new Set((input.conflicts as readonly { jurorId: string; nominationId: string }[]).map((c) => pairKey(c.jurorId, c.nominationId)))
  const jurorOrder = new Map(input.jurorIds.map((id, i) => [id, i]))
  const max = input.maxPerJuror ?? Number.POSITIVE_INFINITY
  const k = Math.max(0, input.k)
  const loads = new Map(input.jurorIds.map((id) => [id, 0]))
  const taken = new Set<string>()
  const perNomination = new Map(input.nominationIds.map((id) => [id, new Set<string>()]))
  for (const f of input.fixed ?? []) {
    if (!perNomination.has(f.nominationId)) continue
    taken.add(pairKey(f.jurorId, f.nominationId))
    perNomination.get(f.nominationId)!.add(f.jurorId)
    loads.set(f.jurorId, (loads.get(f.jurorId) ?? 0) + 1)
  }
  const free = (nominationId: string) =>
    input.jurorIds.filter((j) => !conflicts.has(pairKey(j, nominationId)) && !taken.has(pairKey(j, nominationId)))
  const order = input.nominationIds
    .map((id, i) => ({ id, i, freeCount: free(id).length }))
    .sort((a, b) => a.freeCount - b.freeCount || a.i - b.i)
  const created: { jurorId: string; nominationId: string }[] = []
  for (const { id } of order) {
    const have = perNomination.get(id)!
    while (have.size < k) {
      const candidates = free(id).filter((j) => (loads.get(j) ?? 0) < max)
      if (candidates.length === 0) break
      candidates.sort((a, b) => loads.get(a)! - loads.get(b)! || jurorOrder.get(a)! - jurorOrder.get(b)!)
      const j = candidates[0]!
      have.add(j)
      taken.add(pairKey(j, id))
      loads.set(j, loads.get(j)! + 1)
      created.push({ jurorId: j, nominationId: id })
    }
  }
  // Rebalance: move a created assignment from a most-loaded juror to a least-loaded one.
  for (let guard = 0; guard < created.length * input.jurorIds.length + 1; guard++) {
    const byLoad = [...input.jurorIds].sort((a, b) => loads.get(a)! - loads.get(b)! || jurorOrder.get(a)! - jurorOrder.get(b)!)
    if (byLoad.length < 2) break
    let moved = false
    outer: for (const heavy of [...byLoad].reverse()) {
      for (const light of byLoad) {
        if (loads.get(heavy)! - loads.get(light)! <= 1) break
        if (loads.get(light)! >= max) continue
        const idx = created.findIndex(
          (c) => c.jurorId === heavy && !conflicts.has(pairKey(light, c.nominationId)) && !taken.has(pairKey(light, c.nominationId)),
        )
        if (idx < 0) continue
        const c = created[idx]!
        taken.delete(pairKey(heavy, c.nominationId))
        taken.add(pairKey(light, c.nominationId))
        perNomination.get(c.nominationId)!.delete(heavy)
        perNomination.get(c.nominationId)!.add(light)
        loads.set(heavy, loads.get(heavy)! - 1)
        loads.set(light, loads.get(light)! + 1)
        created[idx] = { jurorId: light, nominationId: c.nominationId }
        moved = true
        break outer
      }
    }
    if (!moved) break
  }
  const short = input.nominationIds
    .filter((id) => perNomination.get(id)!.size < k)
    .map((id) => ({ nominationId: id, got: perNomination.get(id)!.size }))
  return { assignments: created, loads: Object.fromEntries(loads), short }
}

/** Nomination statuses that go to the jury: shortlisted ones; when the edition has none, eligible ones. */
export function juryStatuses(hasShortlisted: boolean): string[] {
  return hasShortlisted ? ['shortlisted'] : ['eligible']
}

// ---- Which nominations a juror sees and scores -------------------------------------------------

/** What decides whether a juror sees a nomination, as read from the database. */
export type JurorScopeFacts = {
  juror: {
    editionId: string
    /** The categories the juror sits in, with each category's assignment mode (`all` or `balanced`). */
    seats: readonly { categoryId: string; assignmentMode: string }[]
    /** The juror's JuryAssignment rows. */
    assignments: readonly { nominationId: string; categoryId: string }[]
    /** The nominations the juror declared a conflict of interest on. */
    conflicts: readonly string[]
  }
  nomination: { id: string; editionId: string; categoryId: string | null; status: string }
  /** Whether the nomination's edition has a shortlisted nomination (then only those go to the jury). */
  editionHasShortlisted: boolean
}

/**
 * The nomination is among the juror's nominations, conflict of interest aside: of their edition, in
 * a category they sit in, in the jury pool (shortlisted, or eligible while none is shortlisted:
 * `juryStatuses`), and assigned to them when the category has assignments for them, else in a
 * category in mode `all`. `jurorScope` (scope.server.ts) is the same rule in SQL.
 */
export function inJuryScope({ juror, nomination, editionHasShortlisted }: JurorScopeFacts): boolean {
  if (nomination.editionId !== juror.editionId || !nomination.categoryId) return false
  const seat = juror.seats.find((s) => s.categoryId === nomination.categoryId)
  if (!seat) return false
  if (!juryStatuses(editionHasShortlisted).includes(nomination.status)) return false
  const inSeat = juror.assignments.filter((a) => a.categoryId === seat.categoryId)
  if (inSeat.length > 0) return inSeat.some((a) => a.nominationId === nomination.id)
  return seat.assignmentMode === 'all'
}

/** The juror may see and score the nomination: in their scope and no conflict of interest declared on it. */
export function canSeeNomination(facts: JurorScopeFacts): boolean {
  return inJuryScope(facts) && !facts.juror.conflicts.includes(facts.nomination.id)
}

export type { ScoringWindow } from './scoring-rules.ts'
export type ScoringState = ScoringPeriodState

/** locked (organiser's button) > ended (juryEndsAt passed) > not_started (before juryStartsAt) > open. Same rule as the juror side. */
export function scoringState(edition: ScoringWindow, now: Date = new Date()): ScoringState {
  return scoringPeriodState(edition, now)
}

/** Jurors may score: not locked by an organiser, juryEndsAt not passed, juryStartsAt reached (when set). */
export function isScoringOpen(edition: ScoringWindow, now: Date = new Date()): boolean {
  return scoringPeriodState(edition, now) === 'open'
}

/** A juror is late when the period is over, or ends within `withinDays`, and they have not finished. */
export function isLate(
  p: { assigned: number; scored: number; submitted: boolean },
  juryEndsAt: Date | null,
  now: Date,
  withinDays: number,
): boolean {
  const done = p.assigned === 0 || (p.scored >= p.assigned && p.submitted)
  if (done || !juryEndsAt) return false
  return juryEndsAt.getTime() - now.getTime() <= withinDays * 86400_000
}

export const DECISIONS = ['laureate', 'mention', 'not_selected'] as const
export type Decision = (typeof DECISIONS)[number]
export const isDecision = (v: string): v is Decision => (DECISIONS as readonly string[]).includes(v)
export const RATIONALE_MAX = 2000

export type FeedbackScore = {
  /** The JuryScore id: what an organiser shares. */
  id: string
  nominationId: string
  /** Criterion id → score. */
  values: Readonly<Record<string, number>>
  comment: string
  abstained?: boolean
}
export type FeedbackCriterion = { id: string; name: string }
export type NomineeFeedback = {
  criteria: { criterionId: string; name: string; mean: number | null; min: number | null; max: number | null }[]
  /** The shared comments' text only: never the juror's name or id. */
  comments: string[]
}

/**
 * What each nominee of one category may be told: per criterion, the mean of their jurors' scores
 * (abstentions left out) and the category's range, i.e. the lowest and highest of the
 * nominations' means on that criterion (individual jurors' scores are never shown); and the
 * comments the organiser chose to share, without any name. Returns nominationId → feedback for
 * every nomination that appears in `scores`.
 */
export function nomineeFeedback(
  scores: readonly FeedbackScore[],
  criteria: readonly FeedbackCriterion[],
  sharedCommentIds: ReadonlySet<string>,
): Map<string, NomineeFeedback> {
  const byNomination = new Map<string, FeedbackScore[]>()
  for (const s of scores) {
    const list = byNomination.get(s.nominationId) ?? []
    list.push(s)
    byNomination.set(s.nominationId, list)
  }
  const means = new Map<string, Map<string, number | null>>()
  for (const [nominationId, list] of byNomination) {
    const counted = list.filter((s) => !s.abstained)
    const m = new Map<string, number | null>()
    for (const c of criteria) {
      m.set(c.id, mean(counted.map((s) => s.values[c.id]).filter((v): v is number => typeof v === 'number')))
    }
    means.set(nominationId, m)
  }
  const range = new Map<string, { min: number | null; max: number | null }>()
  for (const c of criteria) {
    const values = [...means.values()].map((m) => m.get(c.id)).filter((v): v is number => typeof v === 'number')
    range.set(c.id, values.length ? { min: Math.min(...values), max: Math.max(...values) } : { min: null, max: null })
  }
  const out = new Map<string, NomineeFeedback>()
  for (const [nominationId, list] of byNomination) {
    out.set(nominationId, {
      criteria: criteria.map((c) => ({
        criterionId: c.id,
        name: c.name,
        mean: means.get(nominationId)!.get(c.id) ?? null,
        ...range.get(c.id)!,
      })),
      comments: list.filter((s) => sharedCommentIds.has(s.id) && s.comment.trim() !== '').map((s) => s.comment.trim()),
    })
  }
  return out
}

// A juror's evaluation as plain functions: the weighted total on the grid's scale, what a valid
// score is, when the overall comment becomes mandatory, and when an evaluation counts as complete.
// Shared by the scoring service, the autosave route and the scoring page (no server imports here).

export type Criterion = { id: string; weight: number }
export type Scale = { scaleMin: number; scaleMax: number }
export type ScoreValues = Record<string, number>

/** A score's `values` column (JSON: criterion id → number) → the numbers it holds; damaged: none. */
export function parseScoreValues(json: string | null | undefined): ScoreValues {
  try {
    const v: unknown = JSON.parse(json ?? '{}')
    if (!v || typeof v !== 'object' || Array.isArray(v)) return {}
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, n]) => typeof n === 'number')) as ScoreValues
  } catch {
    return {}
  }
}

/**
 * Share of the scale, at each end, where the overall comment is required: a total in the bottom
 * 15 % or the top 15 % of the range must be explained (on 0–5: ≤ 0.75 or ≥ 4.25).
 */
export const COMMENT_REQUIRED_BAND = 0.15

/** Longest overall comment kept. */
export const MAX_COMMENT_LENGTH = 5000

/** Σ(weight·score)/Σweight, on the grid's scale; null while any criterion has no score (or there are none). */
export function weightedTotal(criteria: readonly Criterion[], values: Readonly<Record<string, number | undefined>>): number | null {
  if (criteria.length === 0) return null
  let sum = 0
  let weights = 0
  for (const c of criteria) {
    const v = values[c.id]
    if (typeof v !== 'number' || !Number.isFinite(v)) return null
    sum += c.weight * v
    weights += c.weight
  }
  if (weights <= 0) return null
  return sum / weights
}

/** A score is an integer within the category's scale, ends included. */
export function isValidScore(value: unknown, scale: Scale): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= scale.scaleMin && value <= scale.scaleMax
}

/** The integer a form field holds, or null when it is empty; NaN when it is not a whole number. */
export function parseScoreInput(raw: unknown): number | null {
  if (raw === null || raw === undefined) return null
  if (typeof raw === 'number') return Number.isInteger(raw) ? raw : Number.NaN
  const text = String(raw).trim()
  if (text === '') return null
  return /^-?\d+$/.test(text) ? Number(text) : Number.NaN
}

export type ValuesCheck = { values: ScoreValues; invalid: string[]; unknown: string[] }

/**
 * Keeps the scores of the grid's criteria: empty means "not scored yet"; a value off the scale or
 * not an integer is reported in `invalid`; a key that is not a criterion of the grid in `unknown`.
 */
export function checkScoreValues(criteria: readonly Criterion[], raw: Readonly<Record<string, unknown>>, scale: Scale): ValuesCheck {
  const ids = new Set(criteria.map((c) => c.id))
  const values: ScoreValues = {}
  const invalid: string[] = []
  const unknown: string[] = []
  for (const [key, input] of Object.entries(raw)) {
    if (!ids.has(key)) {
      unknown.push(key)
      continue
    }
    const n = parseScoreInput(input)
    if (n === null) continue
    if (isValidScore(n, scale)) values[key] = n
    else invalid.push(key)
  }
  return { values, invalid, unknown }
}

/** The total is in the bottom or top band of the scale (see COMMENT_REQUIRED_BAND): the juror must explain it. */
export function commentRequired(total: number | null, scaleMin: number, scaleMax: number): boolean {
  if (total === null) return false
  const band = (scaleMax - scaleMin) * COMMENT_REQUIRED_BAND
  const epsilon = 1e-9
  return total <= scaleMin + band + epsilon || total >= scaleMax - band - epsilon
}

/** Every criterion has a valid score, and the overall comment is there when the total requires one. */
export function isEvaluationComplete(
  criteria: readonly Criterion[],
  values: Readonly<Record<string, number | undefined>>,
  comment: string,
  scale: Scale,
): boolean {
  if (criteria.length === 0) return false
  for (const c of criteria) if (!isValidScore(values[c.id], scale)) return false
  const total = weightedTotal(criteria, values)
  if (commentRequired(total, scale.scaleMin, scale.scaleMax) && comment.trim() === '') return false
  return true
}

/** The scale's values, lowest first (the radio buttons of a criterion). */
export function scaleSteps(scale: Scale): number[] {
  const steps: number[] = []
  for (let v = scale.scaleMin; v <= scale.scaleMax; v++) steps.push(v)
  return steps
}

/** "12 / 30": how many of the juror's nominations are complete. */
export function progressOf(items: readonly { complete: boolean }[]) {
  const done = items.filter((i) => i.complete).length
  return { done, total: items.length, allComplete: items.length > 0 && done === items.length }
}

// Creating an Intl.NumberFormat costs far more than formatting with one: one per language.
const totalFormats = new Map<string, Intl.NumberFormat>()

/** A total for display: one decimal, or "—" while incomplete. */
export function formatTotal(total: number | null, locale: string): string {
  if (total === null) return '—'
  const tag = locale === 'en' ? 'en-GB' : 'fr-FR'
  let format = totalFormats.get(tag)
  if (!format) {
    format = new Intl.NumberFormat(tag, { maximumFractionDigits: 2, minimumFractionDigits: 0 })
    totalFormats.set(tag, format)
  }
  return format.format(total)
}

export type ScoringWindow = { juryStartsAt: Date | string | null; juryEndsAt: Date | string | null; scoringLockedAt: Date | string | null }
export type ScoringPeriodState = 'not_started' | 'open' | 'locked' | 'ended'

const time = (d: Date | string) => (typeof d === 'string' ? new Date(d).getTime() : d.getTime())

/**
 * Same rule as the organisers' `scoringState` in rules.ts (built on another branch): locked by an
 * organiser > juryEndsAt passed > before juryStartsAt > open. Kept here so the juror side stands alone.
 */
export function scoringPeriodState(edition: ScoringWindow, now: Date = new Date()): ScoringPeriodState {
  if (edition.scoringLockedAt) return 'locked'
  if (edition.juryEndsAt && now.getTime() >= time(edition.juryEndsAt)) return 'ended'
  if (edition.juryStartsAt && now.getTime() < time(edition.juryStartsAt)) return 'not_started'
  return 'open'
}

export const isScoringPeriodOpen = (edition: ScoringWindow, now: Date = new Date()) => scoringPeriodState(edition, now) === 'open'

/** The invitation link signs the juror in until the jury period ends (then only /login does). */
export function isJoinLinkValid(edition: { juryEndsAt: Date | string | null }, now: Date = new Date()): boolean {
  return !edition.juryEndsAt || now.getTime() < time(edition.juryEndsAt)
}

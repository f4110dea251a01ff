// The rules of a prize edition as plain functions: SIRET checks, the ESS legal forms, who may
// apply (legal form, age of the structure, département) and when submissions are accepted.
// No database here: the nomination form, the organisers' review and the tests share them.
import type { MessageKey } from '#app/utils/i18n.ts'
import { DEFAULT_TIME_ZONE, localDateOf } from '#app/shared/time.ts'
import { normaliseDepartement } from '#app/shared/territories.ts'

// ---- SIRET -----------------------------------------------------------------------------------

// The checks live in app/shared/siret.ts (organisations' legal details use them too).
export { isValidSiret, LA_POSTE_SIREN, normaliseSiret } from '#app/shared/siret.ts'

// ---- Legal forms -----------------------------------------------------------------------------

/** The ESS legal forms of the 2014 law, and "other" for a structure outside them. */
export const LEGAL_FORMS = ['association', 'cooperative', 'mutuelle', 'fondation', 'societe_ess', 'esus', 'other'] as const
export type LegalForm = (typeof LEGAL_FORMS)[number]

export function isLegalForm(value: unknown): value is LegalForm {
  return typeof value === 'string' && (LEGAL_FORMS as readonly string[]).includes(value)
}

export const legalFormLabelKey = (form: string) => `prize.legalForm.${form}` as MessageKey

// ---- Départements ----------------------------------------------------------------------------

// Which codes exist is app/shared/territories.ts's rule.

/** A JSON column ("[…]") or an array → the strings it holds. */
export function stringList(value: string | readonly string[] | null | undefined): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string')
  if (typeof value !== 'string' || !value) return []
  try {
    const parsed: unknown = JSON.parse(value)
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : []
  } catch {
    return []
  }
}

// ---- Eligibility -----------------------------------------------------------------------------

export const INELIGIBILITY_REASONS = [
  'legal_form',
  'too_young',
  'departement',
  'missing_legal_form',
  'missing_creation_date',
  'missing_departement',
] as const
export type IneligibilityReason = (typeof INELIGIBILITY_REASONS)[number]

export const reasonLabelKey = (reason: string) => `prize.ineligible.${reason}` as MessageKey

export type NominationLike = {
  legalForm?: string | null
  creationDate?: Date | string | null
  departement?: string | null
}

export type EditionRulesLike = {
  /** Accepted legal forms; empty = any. A JSON column string is accepted too. */
  eligibleLegalForms: string | readonly string[]
  minAgeYears: number
  /** Accepted départements; empty = anywhere. A JSON column string is accepted too. */
  eligibleDepartements: string | readonly string[]
  submissionsCloseAt: Date | string
}

export type Eligibility = { eligible: boolean; reasons: IneligibilityReason[] }

type Ymd = { y: number; m: number; d: number }
const ymdOf = (date: Date | string): Ymd => {
  const [y, m, d] = localDateOf(date, DEFAULT_TIME_ZONE).split('-').map(Number) as [number, number, number]
  return { y, m, d }
}
const compareYmd = (a: Ymd, b: Ymd) => a.y - b.y || a.m - b.m || a.d - b.d

/**
 * Whether the structure is at least `years` old on the day submissions close (Paris calendar
 * days). The closing instant is exclusive, so that day is the one of its last second: a close
 * at midnight counts as the day before. Born on the same day `years` years earlier is old enough;
 * a 29 February creation reaches its anniversary on 1 March in common years.
 */
export function isOldEnough(creationDate: Date | string, closeAt: Date | string, years: number): boolean {
  if (years <= 0) return true
  const born = ymdOf(creationDate)
  const lastDay = ymdOf(new Date(new Date(closeAt).getTime() - 1000))
  return compareYmd({ ...born, y: born.y + years }, lastDay) <= 0
}

/**
 * Who may apply to an edition. A missing answer is reported only where a rule needs it
 * (no département is needed when the edition accepts every département).
 */
export function eligibilityOf(nomination: NominationLike, edition: EditionRulesLike): Eligibility {
  const reasons: IneligibilityReason[] = []
  const forms = stringList(edition.eligibleLegalForms)
  if (forms.length > 0) {
    if (!nomination.legalForm) reasons.push('missing_legal_form')
    else if (!forms.includes(nomination.legalForm)) reasons.push('legal_form')
  }
  if (edition.minAgeYears > 0) {
    const created = nomination.creationDate ? new Date(nomination.creationDate) : null
    if (!created || Number.isNaN(created.getTime())) reasons.push('missing_creation_date')
    else if (!isOldEnough(created, edition.submissionsCloseAt, edition.minAgeYears)) reasons.push('too_young')
  }
  const departements = stringList(edition.eligibleDepartements).map(normaliseDepartement)
  if (departements.length > 0) {
    const dep = normaliseDepartement(nomination.departement)
    if (!dep) reasons.push('missing_departement')
    else if (!departements.includes(dep)) reasons.push('departement')
  }
  return { eligible: reasons.length === 0, reasons }
}

// ---- Calendar --------------------------------------------------------------------------------

export type SubmissionWindow = 'not_open' | 'open' | 'closed'

/** Submissions are accepted from the opening instant (inclusive) to the closing instant (exclusive). */
export function submissionWindow(
  edition: { submissionsOpenAt: Date | string; submissionsCloseAt: Date | string },
  now: Date = new Date(),
): SubmissionWindow {
  const t = now.getTime()
  if (t < new Date(edition.submissionsOpenAt).getTime()) return 'not_open'
  if (t >= new Date(edition.submissionsCloseAt).getTime()) return 'closed'
  return 'open'
}

/** The public vote's window, same convention; null when the edition has no public vote. */
export function voteWindow(
  edition: { publicVoteEnabled: boolean; voteOpensAt: Date | string | null; voteClosesAt: Date | string | null },
  now: Date = new Date(),
): SubmissionWindow | null {
  if (!edition.publicVoteEnabled || !edition.voteOpensAt || !edition.voteClosesAt) return null
  return submissionWindow({ submissionsOpenAt: edition.voteOpensAt, submissionsCloseAt: edition.voteClosesAt }, now)
}

export const EDITION_STATUSES = ['draft', 'published', 'archived'] as const
export type EditionStatus = (typeof EDITION_STATUSES)[number]
export const editionStatusLabelKey = (status: string) => `prize.status.${status}` as MessageKey

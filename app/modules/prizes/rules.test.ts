import { describe, expect, test } from 'vitest'
import { parseLocalDateTime } from '#app/shared/time.ts'
import { eligibilityOf, isOldEnough, isValidSiret, LEGAL_FORMS, normaliseSiret, stringList, submissionWindow, voteWindow } from './rules.ts'

const paris = (local: string) => parseLocalDateTime(local, 'Europe/Paris')!

describe('isValidSiret', () => {
  test('accepts Luhn-valid SIRETs, with or without spaces', () => {
    expect(isValidSiret('73282932000074')).toBe(true)
    expect(isValidSiret('732 829 320 00074')).toBe(true)
    expect(isValidSiret('552\u00a0081\u00a0317\u00a066522')).toBe(true)
    expect(normaliseSiret(' 732 829 320 00074 ')).toBe('73282932000074')
  })

  test('refuses a wrong check digit, a wrong length, letters and empty input', () => {
    expect(isValidSiret('73282932000075')).toBe(false)
    expect(isValidSiret('7328293200007')).toBe(false)
    expect(isValidSiret('732829320000744')).toBe(false)
    expect(isValidSiret('7328293200007A')).toBe(false)
    expect(isValidSiret('')).toBe(false)
    expect(isValidSiret(null)).toBe(false)
  })

  test('La Poste (SIREN 356000000): the sum of the digits must be a multiple of 5, not Luhn', () => {
    // 3+5+6+4+9+8+3+7 = 45: valid for La Poste although it fails Luhn.
    expect(isValidSiret('356 000 000 49837')).toBe(true)
    // Sum 3+5+6+1+2+3+4+5 = 29: refused.
    expect(isValidSiret('35600000012345')).toBe(false)
    // The head office keeps Luhn.
    expect(isValidSiret('35600000000048')).toBe(true)
    expect(isValidSiret('35600000000049')).toBe(false)
  })

  test('the sum-of-5 rule does not apply outside La Poste', () => {
    // Sum of digits 50 (multiple of 5) but fails Luhn.
    expect(isValidSiret('12345678901234')).toBe(false)
  })
})

describe('eligibilityOf', () => {
  const edition = {
    eligibleLegalForms: ['association', 'cooperative', 'esus'],
    minAgeYears: 2,
    eligibleDepartements: ['09', '31', '34', '2A'],
    // Submissions close on 30 June 2026 at 23:59 Paris time.
    submissionsCloseAt: paris('2026-06-30T23:59'),
  }
  const ok = { legalForm: 'association', creationDate: new Date('2024-06-30T00:00:00Z'), departement: '31' }

  test('exactly two years old on the closing day is eligible', () => {
    expect(eligibilityOf(ok, edition)).toEqual({ eligible: true, reasons: [] })
  })

  test('one day short of two years is too young', () => {
    expect(eligibilityOf({ ...ok, creationDate: new Date('2024-07-01T00:00:00Z') }, edition)).toEqual({
      eligible: false,
      reasons: ['too_young'],
    })
  })

  test('the day is read in Paris time: midnight in Paris is the day before in UTC', () => {
    // 1 July 2024 00:00 Paris = 30 June 22:00 UTC: still 1 July, one day short.
    expect(eligibilityOf({ ...ok, creationDate: paris('2024-07-01T00:00') }, edition).reasons).toEqual(['too_young'])
    expect(eligibilityOf({ ...ok, creationDate: paris('2024-06-30T00:00') }, edition).eligible).toBe(true)
  })

  test('a close at midnight counts as the previous day (the closing instant is excluded)', () => {
    const closeAtMidnight = { ...edition, submissionsCloseAt: paris('2026-07-01T00:00') }
    expect(eligibilityOf(ok, closeAtMidnight).eligible).toBe(true)
    expect(eligibilityOf({ ...ok, creationDate: new Date('2024-07-01T00:00:00Z') }, closeAtMidnight).reasons).toEqual(['too_young'])
  })

  test('29 February creations reach their anniversary on 1 March', () => {
    expect(isOldEnough(new Date('2024-02-29T00:00:00Z'), paris('2026-02-28T23:00'), 2)).toBe(false)
    expect(isOldEnough(new Date('2024-02-29T00:00:00Z'), paris('2026-03-01T12:00'), 2)).toBe(true)
  })

  test('a legal form outside the list and a département outside the area are reported', () => {
    expect(eligibilityOf({ ...ok, legalForm: 'mutuelle' }, edition)).toEqual({ eligible: false, reasons: ['legal_form'] })
    expect(eligibilityOf({ ...ok, departement: '75' }, edition)).toEqual({ eligible: false, reasons: ['departement'] })
    expect(eligibilityOf({ legalForm: 'other', creationDate: new Date('2026-01-01'), departement: '13' }, edition).reasons).toEqual([
      'legal_form',
      'too_young',
      'departement',
    ])
  })

  test('départements are compared normalised', () => {
    expect(eligibilityOf({ ...ok, departement: ' 2a ' }, edition).eligible).toBe(true)
    expect(eligibilityOf({ ...ok, departement: '9' }, edition).eligible).toBe(true)
  })

  test('missing answers are reported where a rule needs them', () => {
    expect(eligibilityOf({}, edition)).toEqual({
      eligible: false,
      reasons: ['missing_legal_form', 'missing_creation_date', 'missing_departement'],
    })
    expect(eligibilityOf({ ...ok, creationDate: 'not a date' }, edition).reasons).toEqual(['missing_creation_date'])
  })

  test('empty lists accept every legal form and département; age 0 needs no creation date', () => {
    const open = { eligibleLegalForms: '[]', minAgeYears: 0, eligibleDepartements: '[]', submissionsCloseAt: edition.submissionsCloseAt }
    expect(eligibilityOf({}, open)).toEqual({ eligible: true, reasons: [] })
  })

  test('rules stored as JSON columns are read', () => {
    const stored = { ...edition, eligibleLegalForms: JSON.stringify(['fondation']), eligibleDepartements: JSON.stringify(['31']) }
    expect(eligibilityOf({ ...ok, legalForm: 'fondation' }, stored).eligible).toBe(true)
    expect(eligibilityOf(ok, stored).reasons).toEqual(['legal_form'])
    expect(stringList('not json')).toEqual([])
  })

  test('the list of legal forms is the ESS one plus "other"', () => {
    expect(LEGAL_FORMS).toEqual(['association', 'cooperative', 'mutuelle', 'fondation', 'societe_ess', 'esus', 'other'])
  })
})

describe('submissionWindow', () => {
  const edition = { submissionsOpenAt: paris('2026-05-10T09:00'), submissionsCloseAt: paris('2026-06-30T23:59') }
  const close = edition.submissionsCloseAt.getTime()

  test('one second before the close is open, at and after the close it is closed', () => {
    expect(submissionWindow(edition, new Date(close - 1000))).toBe('open')
    expect(submissionWindow(edition, new Date(close))).toBe('closed')
    expect(submissionWindow(edition, new Date(close + 1000))).toBe('closed')
  })

  test('opens at the opening instant', () => {
    const open = edition.submissionsOpenAt.getTime()
    expect(submissionWindow(edition, new Date(open - 1000))).toBe('not_open')
    expect(submissionWindow(edition, new Date(open))).toBe('open')
  })

  test('the vote window follows the same rule, or is null without a public vote', () => {
    const v = { publicVoteEnabled: true, voteOpensAt: paris('2026-09-01T09:00'), voteClosesAt: paris('2026-09-20T18:00') }
    expect(voteWindow(v, paris('2026-09-20T17:59'))).toBe('open')
    expect(voteWindow(v, paris('2026-09-20T18:00'))).toBe('closed')
    expect(voteWindow({ ...v, publicVoteEnabled: false }, paris('2026-09-10T12:00'))).toBeNull()
  })
})

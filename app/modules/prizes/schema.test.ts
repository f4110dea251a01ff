import { describe, expect, test } from 'vitest'
import { formatLocalDateTime } from '#app/shared/time.ts'
import {
  calendarErrors,
  categoryFormSchema,
  criterionFormSchema,
  editionFormSchema,
  editionToFormValues,
  fieldErrorsOf,
  prizeQuestionFormSchema,
  splitDepartements,
} from './schema.ts'

const form = {
  title: 'Prix de l’ESS 2026 — Occitanie',
  year: '2026',
  description: 'Texte',
  rules: '',
  submissionsOpenAt: '2026-05-10T09:00',
  submissionsCloseAt: '2026-06-30T23:59',
  juryStartsAt: '',
  juryEndsAt: '',
  announcementAt: '2026-11-04T18:30',
  eligibleLegalForms: ['association', 'esus'],
  minAgeYears: '',
  eligibleDepartements: '31, 34;2a 9',
}

describe('editionFormSchema', () => {
  test('reads datetime-local values in Paris time, empty dates as null, the default minimum age', () => {
    const v = editionFormSchema.parse(form)
    // 30 June 23:59 in Paris (summer time) is 21:59 UTC.
    expect(v.submissionsCloseAt.toISOString()).toBe('2026-06-30T21:59:00.000Z')
    expect(v.juryStartsAt).toBeNull()
    expect(v.minAgeYears).toBe(2)
    expect(v.eligibleDepartements).toEqual(['31', '34', '2A', '09'])
    expect(v.eligibleLegalForms).toEqual(['association', 'esus'])
    expect(v.year).toBe(2026)
  })

  test('reports every bad field with its own message', () => {
    const result = editionFormSchema.safeParse({
      ...form,
      year: '20x6',
      submissionsOpenAt: 'demain',
      eligibleLegalForms: ['sarl'],
      eligibleDepartements: '31, 99',
      minAgeYears: '-1',
    })
    expect(result.success).toBe(false)
    expect(fieldErrorsOf(result.error!)).toEqual({
      year: ['prizes.error.yearInvalid'],
      submissionsOpenAt: ['prizes.error.dateInvalid'],
      eligibleLegalForms: ['prizes.error.legalFormInvalid'],
      eligibleDepartements: ['prizes.error.departementInvalid'],
      minAgeYears: ['prizes.error.minAgeInvalid'],
    })
  })

  test('the public vote needs its dates', () => {
    const result = editionFormSchema.safeParse({ ...form, publicVoteEnabled: 'on' })
    expect(fieldErrorsOf(result.error!)).toEqual({
      voteOpensAt: ['prizes.error.voteDatesRequired'],
      voteClosesAt: ['prizes.error.voteDatesRequired'],
    })
  })

  test('round trip through the form values keeps the Paris times', () => {
    const v = editionFormSchema.parse(form)
    const values = editionToFormValues({ ...v, publicVoteEnabled: false })
    expect(values.submissionsCloseAt).toBe('2026-06-30T23:59')
    expect(values.eligibleLegalForms).toBe('association,esus')
    expect(editionFormSchema.parse(values).submissionsCloseAt.getTime()).toBe(v.submissionsCloseAt.getTime())
  })
})

describe('calendarErrors', () => {
  const base = {
    submissionsOpenAt: new Date('2026-05-10T07:00:00Z'),
    submissionsCloseAt: new Date('2026-06-30T21:59:00Z'),
    juryStartsAt: null,
    juryEndsAt: null,
    announcementAt: null,
    publicVoteEnabled: false,
    voteOpensAt: null,
    voteClosesAt: null,
  }
  test('submissions, then the jury, then the announcement', () => {
    expect(calendarErrors(base)).toEqual({})
    expect(calendarErrors({ ...base, submissionsCloseAt: base.submissionsOpenAt })).toEqual({
      submissionsCloseAt: ['prizes.error.closeBeforeOpen'],
    })
    expect(calendarErrors({ ...base, juryStartsAt: new Date('2026-06-30T21:00:00Z') })).toEqual({
      juryStartsAt: ['prizes.error.juryBeforeClose'],
    })
    expect(
      calendarErrors({
        ...base,
        juryStartsAt: new Date('2026-07-01T07:00:00Z'),
        juryEndsAt: new Date('2026-09-01T07:00:00Z'),
        announcementAt: new Date('2026-08-01T07:00:00Z'),
      }),
    ).toEqual({
      announcementAt: ['prizes.error.announcementBeforeJury'],
    })
  })
})

describe('category, criterion and question forms', () => {
  test('awards ≥ 1, scale max above min, weight ≥ 1', () => {
    expect(categoryFormSchema.parse({ name: 'Utilité sociale', awards: '2', scaleMin: '', scaleMax: '' })).toMatchObject({
      awards: 2,
      scaleMin: 0,
      scaleMax: 5,
    })
    expect(fieldErrorsOf(categoryFormSchema.safeParse({ name: 'U', awards: '0', scaleMin: '0', scaleMax: '200' }).error!)).toEqual({
      name: ['prizes.error.nameRequired'],
      awards: ['prizes.error.awardsInvalid'],
      scaleMax: ['prizes.error.scaleInvalid'],
    })
    expect(fieldErrorsOf(categoryFormSchema.safeParse({ name: 'Utilité', awards: '1', scaleMin: '3', scaleMax: '3' }).error!)).toEqual({
      scaleMax: ['prizes.error.scaleOrder'],
    })
    expect(fieldErrorsOf(criterionFormSchema.safeParse({ name: 'Impact', weight: '0' }).error!)).toEqual({
      weight: ['prizes.error.weightInvalid'],
    })
    expect(criterionFormSchema.parse({ name: 'Impact', weight: '3', rubric: 'a\r\nb' })).toEqual({
      name: 'Impact',
      weight: 3,
      rubric: 'a\nb',
    })
  })

  test('choice questions need two choices; other types drop them', () => {
    expect(fieldErrorsOf(prizeQuestionFormSchema.safeParse({ label: 'Source', type: 'single_choice', options: 'Presse' }).error!)).toEqual({
      options: ['prizes.error.optionsRequired'],
    })
    expect(prizeQuestionFormSchema.parse({ label: 'Source', type: 'short_text', options: 'a\nb', required: 'on' })).toMatchObject({
      options: [],
      required: true,
    })
  })

  test('départements split on commas, semicolons and spaces', () => {
    expect(splitDepartements(' 31,34 ; 2A  09 ')).toEqual(['31', '34', '2A', '09'])
    expect(formatLocalDateTime(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30T23:59')
  })
})

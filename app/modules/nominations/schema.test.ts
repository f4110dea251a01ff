import { describe, expect, it } from 'vitest'
import {
  formDataToFields,
  parseDraft,
  parseEurosToCents,
  parseSubmission,
  valuesToFields,
  type NominationContext,
  type NominationFields,
} from './schema.ts'

const ctx: NominationContext = {
  categories: [{ id: 'cat-social', name: 'Utilité sociale', description: '' }],
  questions: [
    { id: 'q-partners', label: 'Partenaires', help: null, type: 'short_text', required: true, options: [] },
    { id: 'q-size', label: 'Taille', help: null, type: 'single_choice', required: false, options: ['petite', 'grande'] },
    { id: 'q-rules', label: 'Règlement', help: null, type: 'checkbox', required: true, options: [] },
  ],
}
const now = () => new Date('2026-06-01T10:00:00Z')

const complete: NominationFields = {
  structureName: 'La Recyclerie du Pays',
  siret: '732 829 320 00074',
  legalForm: 'association',
  creationDate: '2015-03-12',
  address: '3 rue des Lilas',
  postalCode: '35000',
  town: 'Rennes',
  departement: '35',
  employees: '12',
  volunteers: '40',
  contactFirstName: 'Nadia',
  contactLastName: 'Benali',
  contactPhone: '02 99 00 00 00',
  categoryId: 'cat-social',
  projectTitle: 'Réparer plutôt que jeter',
  projectDescription: 'Un atelier de réparation ouvert à tous.',
  impact: '12 tonnes évitées par an, 5 emplois en insertion.',
  budget: '250 000,50',
  answers: { 'q-partners': 'La mairie', 'q-size': 'petite', 'q-rules': true },
}

describe('parseEurosToCents', () => {
  it('reads euros as people type them', () => {
    expect(parseEurosToCents('250 000,50')).toBe(25_000_050)
    expect(parseEurosToCents('12.500,5 €')).toBe(1_250_050)
    expect(parseEurosToCents('1200')).toBe(120_000)
    expect(parseEurosToCents('12,345')).toBeNull()
    expect(parseEurosToCents('beaucoup')).toBeNull()
  })
})

describe('parseDraft', () => {
  it('keeps what parses and reports the rest, field by field', () => {
    const { values, fieldErrors } = parseDraft(
      { structureName: 'Recyclerie', siret: '73282932000075', creationDate: '2015-02-30', employees: 'douze', town: '' },
      ctx,
      now,
    )
    expect(values).toEqual({ structureName: 'Recyclerie', town: null })
    expect(fieldErrors).toEqual({
      siret: ['nomination.error.siret'],
      creationDate: ['nomination.error.date'],
      employees: ['nomination.error.count'],
    })
  })

  it('leaves out the fields that were not sent', () => {
    const { values } = parseDraft({ contactFirstName: 'Nadia' }, ctx, now)
    expect(Object.keys(values)).toEqual(['contactFirstName'])
  })

  it('normalises SIRET, département and budget', () => {
    const { values, fieldErrors } = parseDraft({ siret: '732 829 320 00074', departement: '2a', budget: '1 000' }, ctx, now)
    expect(fieldErrors).toEqual({})
    expect(values).toEqual({ siret: '73282932000074', departement: '2A', budgetCents: 100_000 })
  })

  it('refuses a creation date in the future and an unknown category', () => {
    const { fieldErrors } = parseDraft({ creationDate: '2027-01-01', categoryId: 'other' }, ctx, now)
    expect(fieldErrors).toEqual({ creationDate: ['nomination.error.futureDate'], categoryId: ['nomination.error.category'] })
  })
})

describe('parseSubmission', () => {
  it('accepts a complete nomination in the database shape', () => {
    const result = parseSubmission(complete, ctx, now)
    expect(result.success).toBe(true)
    if (!result.success) return
    expect(result.value).toMatchObject({
      siret: '73282932000074',
      creationDate: new Date('2015-03-12T00:00:00Z'),
      employees: 12,
      budgetCents: 25_000_050,
      answers: { 'q-partners': 'La mairie', 'q-size': 'petite', 'q-rules': true },
    })
  })

  it('lists every missing required field and question', () => {
    const result = parseSubmission({ ...complete, projectTitle: '', siret: '', answers: { 'q-partners': '', 'q-rules': false } }, ctx, now)
    expect(result.success).toBe(false)
    if (result.success) return
    expect(result.fieldErrors).toEqual({
      projectTitle: ['nomination.error.required'],
      siret: ['nomination.error.required'],
      'answers.q-partners': ['nomination.error.required'],
      'answers.q-rules': ['nomination.error.mustCheck'],
    })
  })

  it('refuses a SIRET with a bad checksum', () => {
    const result = parseSubmission({ ...complete, siret: '73282932000075' }, ctx, now)
    expect(result).toEqual({ success: false, fieldErrors: { siret: ['nomination.error.siret'] } })
  })

  it('round-trips through the stored values', () => {
    const result = parseSubmission(complete, ctx, now)
    if (!result.success) throw new Error('expected success')
    const again = parseSubmission(valuesToFields(result.value), ctx, now)
    expect(again).toEqual(result)
  })
})

describe('formDataToFields', () => {
  it('reads only the fields on the page, and answers when the page shows them', () => {
    const fd = new FormData()
    fd.set('town', 'Rennes')
    expect(formDataToFields(fd, ctx)).toEqual({ town: 'Rennes' })
    fd.set('answersPresent', '1')
    fd.set('answers.q-partners', 'La mairie')
    expect(formDataToFields(fd, ctx)).toEqual({ town: 'Rennes', answers: { 'q-partners': 'La mairie', 'q-size': '', 'q-rules': false } })
  })
})

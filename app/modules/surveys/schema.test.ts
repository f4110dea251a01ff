import { describe, expect, test } from 'vitest'
import { answerSchema, questionSchema } from './schema.ts'

const questions = [
  { id: 'r', kind: 'rating' as const, required: true },
  { id: 't', kind: 'text' as const, required: false },
  { id: 'm', kind: 'multiple' as const, required: true },
]

describe('the answer form', () => {
  test('a required question left blank is refused on its field; optional ones may stay blank', () => {
    const result = answerSchema(questions).safeParse({})
    expect(result.success).toBe(false)
    const paths = result.error!.issues.map((i) => [i.path.join('.'), i.message])
    expect(paths).toEqual([
      ['q-r', 'surveys.error.required'],
      ['q-m', 'surveys.error.required'],
    ])
  })

  test('answers are parsed to numbers, and a rating outside 1–5 is refused', () => {
    expect(answerSchema(questions).parse({ 'q-r': '4', 'q-m': ['0', '2'] })).toEqual({ 'q-r': 4, 'q-m': [0, 2] })
    expect(answerSchema(questions).safeParse({ 'q-r': '6', 'q-m': ['0'] }).success).toBe(false)
  })
})

describe('the question form', () => {
  test('a choice question needs two options, given one per line as « français | anglais »', () => {
    expect(questionSchema.safeParse({ kind: 'single', labelFr: 'Format', options: 'Présentiel' }).success).toBe(false)
    expect(questionSchema.parse({ kind: 'single', labelFr: 'Format', options: 'Présentiel | On site\nDistanciel' })).toEqual({
      kind: 'single',
      labelFr: 'Format',
      labelEn: '',
      options: [
        { fr: 'Présentiel', en: 'On site' },
        { fr: 'Distanciel', en: '' },
      ],
      saveToBank: false,
    })
  })
})

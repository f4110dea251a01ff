import { describe, expect, test } from 'vitest'
import { isSurveyReminderDue, parseReminderDays, responseRate, surveyResults, type ReminderState } from './rules.ts'

const sentAt = new Date('2026-06-01T10:00:00Z')
const day = (n: number, hours = 0) => new Date(sentAt.getTime() + n * 86_400_000 + hours * 3_600_000)
const state = (over: Partial<ReminderState> = {}): ReminderState => ({
  sentAt,
  reminderCount: 0,
  answeredAt: null,
  closesAt: day(30),
  reminderDays: [3, 7],
  ...over,
})

describe('isSurveyReminderDue', () => {
  test('nothing before the first step, the first step on day 3, the second on day 7', () => {
    expect(isSurveyReminderDue(state(), day(2, 23))).toBeNull()
    expect(isSurveyReminderDue(state(), day(3))).toBe(1)
    expect(isSurveyReminderDue(state({ reminderCount: 1 }), day(5))).toBeNull()
    expect(isSurveyReminderDue(state({ reminderCount: 1 }), day(7))).toBe(2)
  })

  test('never twice for the same step, and never beyond two', () => {
    expect(isSurveyReminderDue(state({ reminderCount: 2 }), day(20))).toBeNull()
    expect(isSurveyReminderDue(state({ reminderDays: [1, 2, 3], reminderCount: 2 }), day(10))).toBeNull()
  })

  test('a missed step is folded into the next: one email, not two in a row', () => {
    expect(isSurveyReminderDue(state(), day(8))).toBe(2)
  })

  test('not to those who answered, nor after the survey closes', () => {
    expect(isSurveyReminderDue(state({ answeredAt: day(1) }), day(4))).toBeNull()
    expect(isSurveyReminderDue(state({ closesAt: day(5) }), day(5))).toBeNull()
  })

  test('parseReminderDays keeps positive whole days, sorted, two at most', () => {
    expect(parseReminderDays('7, 3')).toEqual([3, 7])
    expect(parseReminderDays('3,x,-1,0,7,14')).toEqual([3, 7])
    expect(parseReminderDays('')).toEqual([])
  })
})

describe('surveyResults', () => {
  const questions = [
    { id: 'r', kind: 'rating' as const, options: [] },
    {
      id: 'm',
      kind: 'multiple' as const,
      options: [
        { fr: 'Accueil', en: 'Welcome' },
        { fr: 'Contenu', en: 'Content' },
      ],
    },
    { id: 't', kind: 'text' as const, options: [] },
  ]
  const a = (questionId: string, over: { rating?: number; choices?: number[]; text?: string }) => ({
    questionId,
    rating: over.rating ?? null,
    choices: over.choices ?? [],
    text: over.text ?? null,
  })

  test('ratings: counts and percentages of 1 to 5, and the mean', () => {
    const [rating] = surveyResults(
      questions,
      [a('r', { rating: 5 }), a('r', { rating: 4 }), a('r', { rating: 5 }), a('r', { rating: 2 })],
      (o) => o.fr,
    )
    expect(rating!.answered).toBe(4)
    expect(rating!.mean).toBe(4)
    expect(rating!.distribution.map((d) => [d.label, d.count, d.percent])).toEqual([
      ['1', 0, 0],
      ['2', 1, 25],
      ['3', 0, 0],
      ['4', 1, 25],
      ['5', 2, 50],
    ])
  })

  test('multiple choice: each option counted over those who answered; free texts listed, blanks dropped', () => {
    const results = surveyResults(
      questions,
      [a('m', { choices: [0, 1] }), a('m', { choices: [1] }), a('m', { choices: [] }), a('t', { text: ' Super ' }), a('t', { text: '  ' })],
      (o) => o.en,
    )
    expect(results[1]!.answered).toBe(2)
    expect(results[1]!.distribution).toEqual([
      { label: 'Welcome', count: 1, percent: 50 },
      { label: 'Content', count: 2, percent: 100 },
    ])
    expect(results[2]!.texts).toEqual(['Super'])
    expect(results[0]!.mean).toBeNull()
  })

  test('response rate', () => {
    expect(responseRate(3, 1)).toBe(33.3)
    expect(responseRate(0, 0)).toBe(0)
  })
})

import { describe, expect, it, test } from 'vitest'
import {
  checkScoreValues,
  parseScoreValues,
  commentRequired,
  formatTotal,
  isEvaluationComplete,
  isValidScore,
  parseScoreInput,
  progressOf,
  scaleSteps,
  weightedTotal,
} from './scoring-rules.ts'

const grid = [
  { id: 'a', weight: 1 },
  { id: 'b', weight: 2 },
  { id: 'c', weight: 3 },
]
const scale = { scaleMin: 0, scaleMax: 5 }

describe('weightedTotal', () => {
  it('is the weighted average on the scale', () => {
    expect(weightedTotal(grid, { a: 5, b: 2, c: 3 })).toBeCloseTo((5 + 4 + 9) / 6)
    expect(weightedTotal([{ id: 'x', weight: 1 }], { x: 4 })).toBe(4)
  })
  it('is null while a criterion has no score', () => {
    expect(weightedTotal(grid, { a: 5, b: 2 })).toBeNull()
    expect(weightedTotal([], {})).toBeNull()
  })
  it('ignores scores of criteria that are not on the grid', () => {
    expect(weightedTotal([{ id: 'a', weight: 2 }], { a: 3, z: 0 })).toBe(3)
  })
  it('is null when the weights sum to zero', () => {
    expect(weightedTotal([{ id: 'a', weight: 0 }], { a: 3 })).toBeNull()
  })
})

describe('score validation', () => {
  it('accepts integers within the scale, ends included', () => {
    expect(isValidScore(0, scale)).toBe(true)
    expect(isValidScore(5, scale)).toBe(true)
    expect(isValidScore(6, scale)).toBe(false)
    expect(isValidScore(-1, scale)).toBe(false)
    expect(isValidScore(2.5, scale)).toBe(false)
    expect(isValidScore('3', scale)).toBe(false)
    expect(isValidScore(1, { scaleMin: 1, scaleMax: 10 })).toBe(true)
    expect(isValidScore(0, { scaleMin: 1, scaleMax: 10 })).toBe(false)
  })
  it('parses form input', () => {
    expect(parseScoreInput('3')).toBe(3)
    expect(parseScoreInput(' ')).toBeNull()
    expect(parseScoreInput(undefined)).toBeNull()
    expect(parseScoreInput('2.5')).toBeNaN()
    expect(parseScoreInput('abc')).toBeNaN()
    expect(parseScoreInput(4)).toBe(4)
  })
  it('keeps the grid’s valid scores and reports the others', () => {
    const r = checkScoreValues(grid, { a: '4', b: '', c: '9', zz: '1' }, scale)
    expect(r.values).toEqual({ a: 4 })
    expect(r.invalid).toEqual(['c'])
    expect(r.unknown).toEqual(['zz'])
  })
})

describe('commentRequired', () => {
  it('requires a comment in the bottom and top 15 % of the range', () => {
    expect(commentRequired(0.75, 0, 5)).toBe(true)
    expect(commentRequired(0.8, 0, 5)).toBe(false)
    expect(commentRequired(2.5, 0, 5)).toBe(false)
    expect(commentRequired(4.2, 0, 5)).toBe(false)
    expect(commentRequired(4.25, 0, 5)).toBe(true)
    expect(commentRequired(10, 1, 10)).toBe(true)
    expect(commentRequired(2.35, 1, 10)).toBe(true)
    expect(commentRequired(5, 1, 10)).toBe(false)
  })
  it('is not required while the total is unknown', () => {
    expect(commentRequired(null, 0, 5)).toBe(false)
  })
})

describe('isEvaluationComplete', () => {
  it('needs every criterion scored', () => {
    expect(isEvaluationComplete(grid, { a: 3, b: 3 }, '', scale)).toBe(false)
    expect(isEvaluationComplete(grid, { a: 3, b: 3, c: 3 }, '', scale)).toBe(true)
  })
  it('needs the comment when the total is extreme', () => {
    expect(isEvaluationComplete(grid, { a: 5, b: 5, c: 5 }, '', scale)).toBe(false)
    expect(isEvaluationComplete(grid, { a: 5, b: 5, c: 5 }, '  ', scale)).toBe(false)
    expect(isEvaluationComplete(grid, { a: 5, b: 5, c: 5 }, 'Remarquable', scale)).toBe(true)
    expect(isEvaluationComplete(grid, { a: 0, b: 0, c: 0 }, '', scale)).toBe(false)
  })
  it('refuses scores off the scale and an empty grid', () => {
    expect(isEvaluationComplete(grid, { a: 3, b: 3, c: 7 }, 'x', scale)).toBe(false)
    expect(isEvaluationComplete([], {}, 'x', scale)).toBe(false)
  })
})

describe('helpers', () => {
  it('lists the scale’s steps and the progress', () => {
    expect(scaleSteps({ scaleMin: 1, scaleMax: 4 })).toEqual([1, 2, 3, 4])
    expect(progressOf([{ complete: true }, { complete: false }])).toEqual({ done: 1, total: 2, allComplete: false })
    expect(progressOf([])).toEqual({ done: 0, total: 0, allComplete: false })
    expect(formatTotal(null, 'fr')).toBe('—')
    expect(formatTotal(3.5, 'fr')).toBe('3,5')
    expect(formatTotal(3.5, 'en')).toBe('3.5')
  })
})

describe('scoring period', () => {
  const now = new Date('2026-07-10T10:00:00Z')
  const base = { juryStartsAt: new Date('2026-07-01T00:00:00Z'), juryEndsAt: new Date('2026-07-20T00:00:00Z'), scoringLockedAt: null }
  it('is open between the start and the end unless locked', async () => {
    const { scoringPeriodState, isScoringPeriodOpen, isJoinLinkValid } = await import('./scoring-rules.ts')
    expect(scoringPeriodState(base, now)).toBe('open')
    expect(isScoringPeriodOpen(base, now)).toBe(true)
    expect(scoringPeriodState({ ...base, scoringLockedAt: new Date('2026-07-09T00:00:00Z') }, now)).toBe('locked')
    expect(scoringPeriodState(base, new Date('2026-07-20T00:00:00Z'))).toBe('ended')
    expect(scoringPeriodState(base, new Date('2026-06-30T23:59:59Z'))).toBe('not_started')
    expect(scoringPeriodState({ juryStartsAt: null, juryEndsAt: null, scoringLockedAt: null }, now)).toBe('open')
    expect(isJoinLinkValid(base, now)).toBe(true)
    expect(isJoinLinkValid(base, new Date('2026-07-21T00:00:00Z'))).toBe(false)
  })
})

describe('parseScoreValues (JSON column)', () => {
  test('keeps the numbers; damaged values read as no scores', () => {
    expect(parseScoreValues('{"c1":4,"c2":"5","c3":null}')).toEqual({ c1: 4 })
    for (const bad of ['oops', '[4]', 'null', '', null]) expect(parseScoreValues(bad)).toEqual({})
  })
})

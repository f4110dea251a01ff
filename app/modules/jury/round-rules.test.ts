import { describe, expect, test } from 'vitest'
import { selectForPromotion, type PromotionCandidate } from './round-rules.ts'

const candidates: PromotionCandidate[] = [
  { nominationId: 'a1', categoryId: 'A', rank: 1, score: 4.5 },
  { nominationId: 'a2', categoryId: 'A', rank: 2, score: 4 },
  { nominationId: 'a3', categoryId: 'A', rank: 2, score: 4 },
  { nominationId: 'a4', categoryId: 'A', rank: 4, score: 2 },
  { nominationId: 'a5', categoryId: 'A', rank: null, score: null },
  { nominationId: 'b1', categoryId: 'B', rank: 1, score: 3 },
  { nominationId: 'b2', categoryId: 'B', rank: 2, score: 2.9999999 },
  { nominationId: 'b3', categoryId: 'B', rank: 3, score: 1 },
]

describe('selectForPromotion', () => {
  test('top N per category, nominations still tied at place N included', () => {
    expect(selectForPromotion(candidates, { kind: 'top', perCategory: 2 })).toEqual(['a1', 'a2', 'a3', 'b1', 'b2'])
    expect(selectForPromotion(candidates, { kind: 'top', perCategory: 1 })).toEqual(['a1', 'b1'])
  })
  test('threshold: score at or above it (4 decimals), unscored never', () => {
    expect(selectForPromotion(candidates, { kind: 'threshold', minScore: 3 })).toEqual(['a1', 'a2', 'a3', 'b1', 'b2'])
    expect(selectForPromotion(candidates, { kind: 'threshold', minScore: 4.2 })).toEqual(['a1'])
  })
  test('by hand: only the picked ids that are candidates', () => {
    expect(selectForPromotion(candidates, { kind: 'manual', nominationIds: ['b3', 'zz', 'a4'] })).toEqual(['a4', 'b3'])
  })
})

import { describe, expect, test } from 'vitest'
import { nomineeFeedback, type FeedbackScore } from './rules.ts'

const criteria = [
  { id: 'c1', name: 'Utilité' },
  { id: 'c2', name: 'Ancrage' },
]
const s = (id: string, nominationId: string, c1: number, c2: number, comment = '', abstained = false): FeedbackScore => ({
  id,
  nominationId,
  values: { c1, c2 },
  comment,
  abstained,
})

describe('nomineeFeedback', () => {
  test('mean per criterion without abstentions, category range over the nominations’ means, only shared comments', () => {
    const scores = [
      s('s1', 'a', 4, 2, 'Très solide'),
      s('s2', 'a', 2, 4, 'Secret du jury'),
      s('s3', 'a', 0, 0, 'Je m’abstiens', true),
      s('s4', 'b', 5, 5, 'Excellent'),
      s('s5', 'c', 1, 1),
    ]
    const out = nomineeFeedback(scores, criteria, new Set(['s1', 's4', 's5']))
    const a = out.get('a')!
    expect(a.criteria).toEqual([
      { criterionId: 'c1', name: 'Utilité', mean: 3, min: 1, max: 5 },
      { criterionId: 'c2', name: 'Ancrage', mean: 3, min: 1, max: 5 },
    ])
    expect(a.comments).toEqual(['Très solide'])
    expect(JSON.stringify(a)).not.toContain('Secret du jury')
    expect(out.get('b')!.comments).toEqual(['Excellent'])
    // A shared but empty comment is not sent.
    expect(out.get('c')!.comments).toEqual([])
  })

  test('a nomination whose only juror abstained has no mean and does not widen the range', () => {
    const out = nomineeFeedback([s('s1', 'a', 5, 5, '', true), s('s2', 'b', 3, 2)], criteria, new Set())
    expect(out.get('a')!.criteria[0]).toMatchObject({ mean: null, min: 3, max: 3 })
    expect(out.get('b')!.criteria[1]).toMatchObject({ mean: 2, min: 2, max: 2 })
  })
})

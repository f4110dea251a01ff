import { describe, expect, test } from 'vitest'
import {
  canSeeNomination,
  countTopScores,
  inJuryScope,
  isLate,
  isScoringOpen,
  nominationStats,
  normalisedScores,
  pairKey,
  planBalancedAssignment,
  populationSd,
  rankCategory,
  scoringState,
  type JurorScopeFacts,
  type RankInput,
} from './rules.ts'

const scale = { scaleMin: 0, scaleMax: 5 }

describe('statistics', () => {
  test('population SD divides by n', () => {
    expect(populationSd([2, 4])).toBe(1)
    expect(populationSd([3])).toBe(0)
    expect(populationSd([])).toBeNull()
  })
  test('mean, SD, count and the disagreement flag above 20% of the range', () => {
    expect(nominationStats([1, 5], scale)).toEqual({ count: 2, mean: 3, sd: 2, disagreement: true })
    expect(nominationStats([3, 4], scale)).toEqual({ count: 2, mean: 3.5, sd: 0.5, disagreement: false })
    // SD exactly 1 = 20% of 0–5: not above the threshold.
    expect(nominationStats([2, 4], scale).disagreement).toBe(false)
    expect(nominationStats([], scale)).toEqual({ count: 0, mean: null, sd: null, disagreement: false })
  })
  test('top scores are totals ≥ 80% of the scale', () => {
    expect(countTopScores([4, 3.99, 5, 1], scale)).toBe(2)
    expect(countTopScores([8, 7], { scaleMin: 0, scaleMax: 10 })).toBe(1)
  })
})

describe('normalisedScores', () => {
  test('hand-computed example', () => {
    // Juror A: 4, 2, 3 → mean 3, SD √(2/3) → z = +1.2247, −1.2247, 0.
    // Juror B: 5, 3 → mean 4, SD 1 → z = +1, −1.
    // z̄: n1 = 1.11237, n2 = −1.11237, n3 = 0. All totals: mean 3.4, SD √1.04 = 1.01980.
    const entries = [
      { jurorId: 'A', nominationId: 'n1', total: 4 },
      { jurorId: 'A', nominationId: 'n2', total: 2 },
      { jurorId: 'A', nominationId: 'n3', total: 3 },
      { jurorId: 'B', nominationId: 'n1', total: 5 },
      { jurorId: 'B', nominationId: 'n2', total: 3 },
    ]
    const out = normalisedScores(entries, scale)
    expect(out.get('n1')).toBeCloseTo(4.53439, 4)
    expect(out.get('n2')).toBeCloseTo(2.26561, 4)
    expect(out.get('n3')).toBeCloseTo(3.4, 6)
  })
  test('a severe and a generous juror with the same order give the same z', () => {
    const out = normalisedScores(
      [
        { jurorId: 'severe', nominationId: 'x', total: 1 },
        { jurorId: 'severe', nominationId: 'y', total: 2 },
        { jurorId: 'generous', nominationId: 'x', total: 4 },
        { jurorId: 'generous', nominationId: 'y', total: 5 },
      ],
      scale,
    )
    // z̄(x) = −1, z̄(y) = +1; M = 3, S = √(5/4)... all totals 1,2,4,5: mean 3, SD √2.5.
    expect(out.get('x')).toBeCloseTo(3 - Math.sqrt(2.5), 6)
    expect(out.get('y')).toBeCloseTo(3 + Math.sqrt(2.5), 6)
  })
  test('a juror with one score or SD 0 contributes z = 0; result clamped to the scale', () => {
    const out = normalisedScores(
      [
        { jurorId: 'one', nominationId: 'x', total: 5 },
        { jurorId: 'flat', nominationId: 'x', total: 2 },
        { jurorId: 'flat', nominationId: 'y', total: 2 },
      ],
      scale,
    )
    expect(out.get('x')).toBeCloseTo(3, 6)
    expect(out.get('y')).toBeCloseTo(3, 6)
    const clamped = normalisedScores(
      [
        { jurorId: 'a', nominationId: 'x', total: 0 },
        { jurorId: 'a', nominationId: 'y', total: 0 },
        { jurorId: 'a', nominationId: 'z', total: 5 },
      ],
      scale,
    )
    // M = 5/3, S = 2.357; z(z) = 1.414 → 5/3 + 3.33 = 5 exactly; z(x) = −0.707 → 0.
    expect(clamped.get('z')).toBeLessThanOrEqual(5)
    expect(clamped.get('x')).toBeGreaterThanOrEqual(0)
  })
})

describe('rankCategory', () => {
  const row = (id: string, score: number | null, extra: Partial<RankInput> = {}): RankInput => ({
    nominationId: id,
    score,
    chairTotal: null,
    topScores: 0,
    votes: 0,
    ...extra,
  })
  test('higher score first, unscored last with rank null', () => {
    const out = rankCategory([row('a', 3), row('b', 4.5), row('c', null)], 'chair')
    expect(out.map((r) => [r.nominationId, r.rank])).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', null],
    ])
  })
  test('chair tie-break: the chair’s total decides', () => {
    const out = rankCategory([row('a', 4, { chairTotal: 3 }), row('b', 4, { chairTotal: 5 })], 'chair')
    expect(out.map((r) => [r.nominationId, r.rank])).toEqual([
      ['b', 1],
      ['a', 2],
    ])
  })
  test('top_scores and public_vote tie-breaks', () => {
    expect(rankCategory([row('a', 4, { topScores: 1 }), row('b', 4, { topScores: 2 })], 'top_scores')[0]!.nominationId).toBe('b')
    expect(rankCategory([row('a', 4, { votes: 30 }), row('b', 4, { votes: 12 })], 'public_vote')[0]!.nominationId).toBe('a')
  })
  test('remaining ties share a rank (1, 1, 3); 10/3 equals 3.33333334', () => {
    const out = rankCategory([row('a', 10 / 3, { votes: 2 }), row('b', 3.33333334, { votes: 2 }), row('c', 1)], 'public_vote')
    expect(out.map((r) => r.rank)).toEqual([1, 1, 3])
  })
})

describe('planBalancedAssignment', () => {
  const noms = Array.from({ length: 10 }, (_, i) => `n${i}`)
  const jurors = ['j0', 'j1', 'j2', 'j3']
  const conflicts = [
    { jurorId: 'j0', nominationId: 'n0' },
    { jurorId: 'j0', nominationId: 'n1' },
    { jurorId: 'j2', nominationId: 'n5' },
  ]
  const plan = planBalancedAssignment({ nominationIds: noms, jurorIds: jurors, conflicts, k: 2 })

  test('each nomination gets k distinct jurors, none conflicted', () => {
    const bad = new Set(conflicts.map((c) => pairKey(c.jurorId, c.nominationId)))
    for (const n of noms) {
      const js = plan.assignments.filter((a) => a.nominationId === n).map((a) => a.jurorId)
      expect(js).toHaveLength(2)
      expect(new Set(js).size).toBe(2)
      for (const j of js) expect(bad.has(pairKey(j, n))).toBe(false)
    }
    expect(plan.short).toEqual([])
  })
  test('loads within one of each other', () => {
    const loads = Object.values(plan.loads)
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1)
    expect(loads.reduce((a, b) => a + b, 0)).toBe(20)
  })
  test('deterministic', () => {
    expect(planBalancedAssignment({ nominationIds: noms, jurorIds: jurors, conflicts, k: 2 })).toEqual(plan)
  })
  test('reports nominations that cannot get k (conflicts, maximum per juror)', () => {
    const p = planBalancedAssignment({
      nominationIds: ['a', 'b'],
      jurorIds: ['x', 'y'],
      conflicts: [{ jurorId: 'x', nominationId: 'a' }],
      k: 2,
    })
    expect(p.short).toEqual([{ nominationId: 'a', got: 1 }])
    const capped = planBalancedAssignment({ nominationIds: ['a', 'b', 'c'], jurorIds: ['x', 'y'], conflicts: [], k: 1, maxPerJuror: 1 })
    expect(capped.assignments).toHaveLength(2)
    expect(capped.short).toEqual([{ nominationId: 'c', got: 0 }])
  })
  test('fixed assignments count in k and in loads and are not repeated', () => {
    const p = planBalancedAssignment({
      nominationIds: ['a', 'b'],
      jurorIds: ['x', 'y'],
      conflicts: [],
      k: 1,
      fixed: [{ jurorId: 'x', nominationId: 'a' }],
    })
    expect(p.assignments).toEqual([{ jurorId: 'y', nominationId: 'b' }])
    expect(p.loads).toEqual({ x: 1, y: 1 })
  })
})

describe('scoring window and lateness', () => {
  const now = new Date('2026-10-10T12:00:00Z')
  test('open between start and end, locked by the button, ended at juryEndsAt', () => {
    const base = { juryStartsAt: new Date('2026-10-01T00:00:00Z'), juryEndsAt: new Date('2026-10-20T00:00:00Z'), scoringLockedAt: null }
    expect(isScoringOpen(base, now)).toBe(true)
    expect(scoringState({ ...base, scoringLockedAt: now }, now)).toBe('locked')
    expect(isScoringOpen(base, new Date('2026-10-20T00:00:00Z'))).toBe(false)
    expect(scoringState(base, new Date('2026-09-30T00:00:00Z'))).toBe('not_started')
    expect(isScoringOpen({ juryStartsAt: null, juryEndsAt: null, scoringLockedAt: null }, now)).toBe(true)
  })
  test('late: not done and the period ends within N days or is over', () => {
    const soon = new Date('2026-10-12T12:00:00Z')
    expect(isLate({ assigned: 4, scored: 2, submitted: false }, soon, now, 3)).toBe(true)
    expect(isLate({ assigned: 4, scored: 2, submitted: false }, soon, now, 1)).toBe(false)
    expect(isLate({ assigned: 4, scored: 4, submitted: true }, soon, now, 3)).toBe(false)
    expect(isLate({ assigned: 4, scored: 4, submitted: false }, new Date('2026-10-01T00:00:00Z'), now, 0)).toBe(true)
  })
})

describe('the nominations a juror sees and scores', () => {
  const facts = (
    over: { juror?: Partial<JurorScopeFacts['juror']>; nomination?: Partial<JurorScopeFacts['nomination']>; shortlisted?: boolean } = {},
  ) => ({
    juror: { editionId: 'e1', seats: [{ categoryId: 'c1', assignmentMode: 'all' }], assignments: [], conflicts: [], ...over.juror },
    nomination: { id: 'n1', editionId: 'e1', categoryId: 'c1', status: 'shortlisted', ...over.nomination },
    editionHasShortlisted: over.shortlisted ?? true,
  })

  test('pool mode (all): every nomination of the jury pool in a category the juror sits in', () => {
    expect(canSeeNomination(facts())).toBe(true)
    expect(canSeeNomination(facts({ juror: { seats: [{ categoryId: 'c2', assignmentMode: 'all' }] } }))).toBe(false)
    expect(canSeeNomination(facts({ nomination: { categoryId: null } }))).toBe(false)
    expect(canSeeNomination(facts({ nomination: { editionId: 'e2' } }))).toBe(false)
  })

  test('assigned mode: only the juror’s assignments in the category; a balanced category without any shows nothing', () => {
    const balanced = [{ categoryId: 'c1', assignmentMode: 'balanced' }]
    expect(canSeeNomination(facts({ juror: { seats: balanced } }))).toBe(false)
    expect(canSeeNomination(facts({ juror: { seats: balanced, assignments: [{ nominationId: 'n1', categoryId: 'c1' }] } }))).toBe(true)
    expect(canSeeNomination(facts({ juror: { seats: balanced, assignments: [{ nominationId: 'n2', categoryId: 'c1' }] } }))).toBe(false)
    // Assignments win over mode `all` too: assigned others, not this one.
    expect(canSeeNomination(facts({ juror: { assignments: [{ nominationId: 'n2', categoryId: 'c1' }] } }))).toBe(false)
    // An assignment in another category does not count for this one.
    expect(canSeeNomination(facts({ juror: { assignments: [{ nominationId: 'n2', categoryId: 'c2' }] } }))).toBe(true)
  })

  test('a declared conflict of interest hides it from scoring, not from the juror’s scope', () => {
    const conflicted = facts({ juror: { conflicts: ['n1'] } })
    expect(canSeeNomination(conflicted)).toBe(false)
    expect(inJuryScope(conflicted)).toBe(true)
    expect(canSeeNomination(facts({ juror: { conflicts: ['n2'] } }))).toBe(true)
  })

  test('withdrawn, ineligible, submitted or draft nominations never; eligible ones only while none is shortlisted', () => {
    for (const status of ['withdrawn', 'ineligible', 'submitted', 'draft']) {
      expect(canSeeNomination(facts({ nomination: { status } }))).toBe(false)
      expect(canSeeNomination(facts({ nomination: { status }, shortlisted: false }))).toBe(false)
    }
    expect(canSeeNomination(facts({ nomination: { status: 'eligible' } }))).toBe(false)
    expect(canSeeNomination(facts({ nomination: { status: 'eligible' }, shortlisted: false }))).toBe(true)
  })
})

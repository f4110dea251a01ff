import { describe, expect, test } from 'vitest'
import { competitionPlaces, detectTies, tieStillHolds } from './ties.ts'

const rows = (...scores: (number | null)[]) => scores.map((score, i) => ({ nominationId: `n${i + 1}`, score }))

describe('competitionPlaces', () => {
  test('equal scores share a place and the next place skips (1, 2, 2, 4)', () => {
    const places = competitionPlaces(rows(5, 4, 4, 3))
    expect([...places.entries()].sort()).toEqual([
      ['n1', 1],
      ['n2', 2],
      ['n3', 2],
      ['n4', 4],
    ])
  })
  test('scores equal on 4 decimals tie; unscored nominations get no place', () => {
    const places = competitionPlaces(rows(10 / 3, 3.3333333, null))
    expect(places.get('n1')).toBe(1)
    expect(places.get('n2')).toBe(1)
    expect(places.has('n3')).toBe(false)
  })
})

describe('detectTies', () => {
  test('lists each shared place with its nominations, in place order', () => {
    expect(detectTies(rows(2, 5, 2, 5, 1))).toEqual([
      { place: 1, nominationIds: ['n2', 'n4'] },
      { place: 3, nominationIds: ['n1', 'n3'] },
    ])
  })
  test('no tie when every score differs', () => {
    expect(detectTies(rows(3, 2, 1))).toEqual([])
  })
})

describe('tieStillHolds', () => {
  test('holds only while the same nominations share the same place', () => {
    const ties = detectTies(rows(4, 4, 1))
    expect(tieStillHolds({ place: 1, nominationIds: ['n2', 'n1'] }, ties)).toBe(true)
    expect(tieStillHolds({ place: 1, nominationIds: ['n1', 'n3'] }, ties)).toBe(false)
    expect(tieStillHolds({ place: 2, nominationIds: ['n1', 'n2'] }, ties)).toBe(false)
  })
})

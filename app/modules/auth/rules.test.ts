import { describe, expect, test } from 'vitest'
import { landingPath } from './rules.ts'

describe('landingPath', () => {
  test('staff of one organisation land on its dashboard, juror or not', () => {
    expect(landingPath({ memberships: [{ slug: 'cress-occitanie' }], isJuror: false })).toBe('/o/cress-occitanie')
    expect(landingPath({ memberships: [{ slug: 'cress-occitanie' }], isJuror: true })).toBe('/o/cress-occitanie')
  })

  test('staff of several organisations land on the chooser', () => {
    expect(landingPath({ memberships: [{ slug: 'a' }, { slug: 'b' }], isJuror: true })).toBe('/o')
  })

  test('a juror without an organisation lands on the jury page', () => {
    expect(landingPath({ memberships: [], isJuror: true })).toBe('/jury')
  })

  test('anyone else lands on the home page', () => {
    expect(landingPath({ memberships: [], isJuror: false })).toBe('/')
  })
})

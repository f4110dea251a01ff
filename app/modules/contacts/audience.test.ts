import { describe, expect, test } from 'vitest'
import { audienceSchema, isEmptyAudience, matchesAudience, parseAudience, type AudienceInput, type AudienceMember } from './audience.ts'

const person = (over: Partial<AudienceMember> = {}): AudienceMember => ({
  contactId: 'c1',
  tags: [],
  profile: null,
  departement: null,
  attendedEventIds: [],
  ...over,
})
const audience = (a: AudienceInput) => audienceSchema.parse(a)

describe('matchesAudience', () => {
  test('an empty audience selects nobody', () => {
    const empty = audience({})
    expect(isEmptyAudience(empty)).toBe(true)
    expect(matchesAudience(person({ tags: ['epci'], profile: 'collectivite', departement: '31' }), empty)).toBe(false)
  })
  test('within one criterion any value matches (OR)', () => {
    const a = audience({ tags: ['epci', 'élus'] })
    expect(matchesAudience(person({ tags: ['élus'] }), a)).toBe(true)
    expect(matchesAudience(person({ tags: ['epci', 'adhérents'] }), a)).toBe(true)
    expect(matchesAudience(person({ tags: ['adhérents'] }), a)).toBe(false)
    expect(matchesAudience(person({ departement: '34' }), audience({ departements: ['31', '34'] }))).toBe(true)
  })
  test('across criteria every non-empty one must match (AND)', () => {
    const a = audience({ tags: ['élus'], departements: ['31'], profiles: ['elu'] })
    expect(matchesAudience(person({ tags: ['élus'], departement: '31', profile: 'elu' }), a)).toBe(true)
    expect(matchesAudience(person({ tags: ['élus'], departement: '34', profile: 'elu' }), a)).toBe(false)
    expect(matchesAudience(person({ tags: ['élus'], departement: '31', profile: null }), a)).toBe(false)
    expect(matchesAudience(person({ tags: [], departement: '31', profile: 'elu' }), a)).toBe(false)
  })
  test('attendees of events: any of the listed events', () => {
    const a = audience({ attendeesOfEventIds: ['e1', 'e2'] })
    expect(matchesAudience(person({ attendedEventIds: ['e2'] }), a)).toBe(true)
    expect(matchesAudience(person({ attendedEventIds: ['e3'] }), a)).toBe(false)
    expect(
      matchesAudience(
        person({ contactId: null, attendedEventIds: ['e1'], departement: '09' }),
        audience({ attendeesOfEventIds: ['e1'], departements: ['09'] }),
      ),
    ).toBe(true)
  })
  test('hand-picked contacts are always in, whatever the criteria', () => {
    const a = audience({ tags: ['epci'], contactIds: ['c9'] })
    expect(matchesAudience(person({ contactId: 'c9', tags: [] }), a)).toBe(true)
    expect(matchesAudience(person({ contactId: 'c9' }), audience({ contactIds: ['c9'] }))).toBe(true)
    expect(matchesAudience(person({ contactId: 'c8' }), audience({ contactIds: ['c9'] }))).toBe(false)
    // Someone who is not a contact is never "hand-picked".
    expect(matchesAudience(person({ contactId: null }), audience({ contactIds: ['c9'] }))).toBe(false)
  })
})

describe('audienceSchema', () => {
  test('tags are normalised like the contacts’ tags, départements upper-cased, defaults empty', () => {
    expect(audience({ tags: [' EPCI ', 'epci', 'Élus'], departements: ['2a'] })).toEqual({
      tags: ['epci', 'élus'],
      profiles: [],
      departements: ['2A'],
      attendeesOfEventIds: [],
      contactIds: [],
    })
  })
  test('parseAudience reads stored JSON and falls back to the empty audience', () => {
    expect(parseAudience('{"tags":["epci"]}').tags).toEqual(['epci'])
    expect(isEmptyAudience(parseAudience('not json'))).toBe(true)
    expect(isEmptyAudience(parseAudience('{"tags":"epci"}'))).toBe(true)
    expect(isEmptyAudience(parseAudience(null))).toBe(true)
  })
})

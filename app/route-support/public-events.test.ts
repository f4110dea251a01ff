import { describe, expect, test } from 'vitest'
import { placeLines } from './public-events.tsx'

describe('placeLines', () => {
  test('the town is printed once when the address already names it', () => {
    expect(placeLines({ venueName: 'Halle aux grains', address: '2 place Jean Jaurès, 41000 Blois', town: 'Blois' })).toEqual([
      'Halle aux grains',
      '2 place Jean Jaurès, 41000 Blois',
    ])
  })
  test('a town the address does not name gets its own line; missing parts are left out', () => {
    expect(placeLines({ venueName: null, address: '12 rue de la Paix', town: 'Toulouse' })).toEqual(['12 rue de la Paix', 'Toulouse'])
    expect(placeLines({ venueName: null, address: null, town: null })).toEqual([])
  })
})

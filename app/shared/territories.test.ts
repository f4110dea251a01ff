import { describe, expect, test } from 'vitest'
import {
  DEPARTEMENTS,
  departementFromText,
  findRegion,
  isDepartement,
  normaliseDepartement,
  OVERSEAS_COLLECTIVITIES,
  regionOfDepartement,
  REGIONS,
} from './territories.ts'

describe('départements', () => {
  test('Corsica is 2A and 2B, never 20', () => {
    expect(isDepartement('2A')).toBe(true)
    expect(isDepartement('2B')).toBe(true)
    expect(isDepartement('20')).toBe(false)
    expect(DEPARTEMENTS.filter((d) => d.length === 2 || /^2[AB]$/.test(d))).toHaveLength(96)
  })

  test('the five overseas départements, the inhabited collectivities, nothing else', () => {
    for (const code of ['971', '972', '973', '974', '976']) expect(isDepartement(code)).toBe(true)
    for (const code of ['975', '977', '978', '986', '987', '988']) expect(isDepartement(code)).toBe(true)
    for (const code of ['00', '96', '99', '970', '979', '984', '989', '2C', '1', 'Hérault', '']) expect(isDepartement(code)).toBe(false)
  })

  test('what people type is normalised before the check', () => {
    expect(normaliseDepartement(' 2a ')).toBe('2A')
    expect(normaliseDepartement('1')).toBe('01')
    expect(normaliseDepartement('971')).toBe('971')
    expect(normaliseDepartement(null)).toBe('')
  })

  test('codes as spreadsheets hold them', () => {
    expect(departementFromText('31')).toBe('31')
    expect(departementFromText('9')).toBe('09')
    expect(departementFromText('2a')).toBe('2A')
    expect(departementFromText('34 - Hérault')).toBe('34')
    expect(departementFromText('971')).toBe('971')
    expect(departementFromText('978')).toBe('978')
    expect(departementFromText('')).toBeNull()
    expect(departementFromText('20')).toBeUndefined()
    expect(departementFromText('Hérault')).toBeUndefined()
  })
})

describe('regions', () => {
  test('regions from départements and names', () => {
    expect(regionOfDepartement('31')?.name).toBe('Occitanie')
    expect(regionOfDepartement('9')?.name).toBe('Occitanie')
    expect(regionOfDepartement('2a')?.name).toBe('Corse')
    expect(regionOfDepartement('974')?.name).toBe('La Réunion')
    expect(regionOfDepartement('99')).toBeNull()
    expect(findRegion('Provence-Alpes-Côte d’Azur')?.code).toBe('provence-alpes-cote-d-azur')
    expect(findRegion('ile-de-france')?.name).toBe('Île-de-France')
  })

  test('every département is in exactly one region; the collectivities in none', () => {
    const inRegions = REGIONS.flatMap((r) => r.departements as readonly string[])
    expect(new Set(inRegions).size).toBe(inRegions.length)
    expect([...inRegions].sort()).toEqual(DEPARTEMENTS.filter((d) => !(OVERSEAS_COLLECTIVITIES as readonly string[]).includes(d)).sort())
    for (const code of OVERSEAS_COLLECTIVITIES) expect(regionOfDepartement(code)).toBeNull()
  })
})

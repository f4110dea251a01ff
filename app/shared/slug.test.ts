import { describe, expect, test } from 'vitest'
import { SLUG_MAX_LENGTH, slugify } from './slug.ts'

describe('slugify', () => {
  test('ASCII, lower case, accents dropped, ligatures spelled out, single hyphens', () => {
    expect(slugify('Conférence régionale de l’ESS 2025')).toBe('conference-regionale-de-l-ess-2025')
    expect(slugify('  Journée régionale de l’économie sociale — Œuvrer ensemble !  ')).toBe(
      'journee-regionale-de-l-economie-sociale-oeuvrer-ensemble',
    )
    expect(slugify('YESS Académie · Narbonne (29–30/11)')).toBe('yess-academie-narbonne-29-30-11')
    expect(slugify('Ça déménage à Besançon')).toBe('ca-demenage-a-besancon')
  })

  test('titles with nothing to keep get a default', () => {
    expect(slugify('***')).toBe('evenement')
    expect(slugify('')).toBe('evenement')
  })

  test('long titles are cut at a word boundary', () => {
    const slug = slugify('a'.repeat(40) + ' ' + 'b'.repeat(40))
    expect(slug).toBe('a'.repeat(40))
    expect(slugify('x'.repeat(100))).toHaveLength(SLUG_MAX_LENGTH)
    expect(slugify('Les rencontres de l’économie sociale et solidaire en Centre-Val de Loire, édition 2025').length).toBeLessThanOrEqual(
      SLUG_MAX_LENGTH,
    )
    expect(slugify('Les rencontres de l’économie sociale et solidaire en Centre-Val de Loire, édition 2025')).toBe(
      'les-rencontres-de-l-economie-sociale-et-solidaire-en-centre',
    )
  })
})

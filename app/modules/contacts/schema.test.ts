import { describe, expect, test } from 'vitest'
import { guessMapping, normaliseLocale, normaliseProfile, normaliseTags, rowToRaw, validateContact } from './schema.ts'

describe('validateContact', () => {
  test('normalises every field', () => {
    const r = validateContact({
      email: '  Helene.Castan@Example.ORG ',
      firstName: ' Hélène ',
      lastName: 'Castan',
      structure: '',
      profile: 'SCOP',
      departement: '9',
      locale: 'Anglais',
      tags: 'EPCI, élus ,epci',
    })
    expect(r).toEqual({
      ok: true,
      contact: {
        email: 'helene.castan@example.org',
        firstName: 'Hélène',
        lastName: 'Castan',
        structure: null,
        profile: 'cooperative',
        departement: '09',
        locale: 'en',
        tags: ['epci', 'élus'],
      },
    })
  })
  test('reasons are message keys, one per field', () => {
    const r = validateContact({ email: 'pas-une-adresse', profile: 'Martien', departement: '99', locale: 'de' })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.problems).toEqual([
      { field: 'email', key: 'contacts.error.emailInvalid', value: 'pas-une-adresse' },
      { field: 'profile', key: 'contacts.error.profileUnknown', value: 'Martien' },
      { field: 'departement', key: 'contacts.error.departementInvalid', value: '99' },
      { field: 'locale', key: 'contacts.error.localeUnknown', value: 'de' },
    ])
    const missing = validateContact({ email: '  ' })
    expect(missing.ok ? null : missing.problems).toEqual([{ field: 'email', key: 'contacts.error.emailRequired', value: '  ' }])
  })
})

describe('normalisers', () => {
  test('profiles from codes and French or English labels', () => {
    expect(normaliseProfile('collectivite')).toBe('collectivite')
    expect(normaliseProfile('Collectivité / EPCI')).toBe('collectivite')
    expect(normaliseProfile('EPCI')).toBe('collectivite')
    expect(normaliseProfile('Élu·e')).toBe('elu')
    expect(normaliseProfile('Coopérative (SCOP, SCIC, CAE…)')).toBe('cooperative')
    expect(normaliseProfile('Entreprise ESUS / société commerciale de l’ESS')).toBe('esus')
    expect(normaliseProfile('porteur_projet')).toBe('porteur_projet')
    expect(normaliseProfile('Mutual society')).toBe('mutuelle')
    expect(normaliseProfile('')).toBeNull()
    expect(normaliseProfile('Banquier suisse')).toBeUndefined()
  })
  test('languages and tags', () => {
    expect(normaliseLocale('')).toBe('fr')
    expect(normaliseLocale('Français')).toBe('fr')
    expect(normaliseLocale('EN')).toBe('en')
    expect(normaliseLocale('deutsch')).toBeUndefined()
    expect(normaliseTags('EPCI; Élus | adhérents ,  ,epci')).toEqual(['epci', 'élus', 'adhérents'])
  })
})

describe('guessMapping', () => {
  test('French headers', () => {
    const m = guessMapping(['Prénom', 'Nom', 'Courriel', 'Nom de la structure', 'Type', 'Département', 'Langue', 'Étiquettes'])
    expect(m).toEqual({ firstName: 0, lastName: 1, email: 2, structure: 3, profile: 4, departement: 5, locale: 6, tags: 7 })
  })
  test('English headers and variants; unknown columns stay unmapped', () => {
    expect(guessMapping(['E-mail address', 'First name', 'Last name', 'Organisation', 'Remarks', 'Tags'])).toEqual({
      email: 0,
      firstName: 1,
      lastName: 2,
      structure: 3,
      profile: null,
      departement: null,
      locale: null,
      tags: 5,
    })
    expect(guessMapping(['Mail', 'NOM', 'PRENOM']).email).toBe(0)
  })
  test('rowToRaw reads the mapped cells', () => {
    const m = guessMapping(['Mail', 'Nom'])
    expect(rowToRaw(['a@b.fr', 'X'], m)).toEqual({
      email: 'a@b.fr',
      firstName: '',
      lastName: 'X',
      structure: '',
      profile: '',
      departement: '',
      locale: '',
      tags: '',
    })
  })
})

import { describe, expect, it } from 'vitest'
import { emailDomain, isConflictKind, isWebmailDomain, likelyConflictReasons, normaliseOrganisationName } from './conflict-rules.ts'

describe('conflict kinds', () => {
  it('knows the five kinds', () => {
    for (const k of ['works_there', 'board_member', 'family', 'funder', 'other']) expect(isConflictKind(k)).toBe(true)
    expect(isConflictKind('friend')).toBe(false)
    expect(isConflictKind(null)).toBe(false)
  })
})

describe('email domains', () => {
  it('reads the domain and recognises webmail', () => {
    expect(emailDomain(' Jean@Asso-Lien.FR ')).toBe('asso-lien.fr')
    expect(emailDomain('nope')).toBe('')
    for (const d of [
      'gmail.com',
      'orange.fr',
      'free.fr',
      'laposte.net',
      'hotmail.fr',
      'hotmail.com',
      'outlook.fr',
      'yahoo.fr',
      'wanadoo.fr',
      'sfr.fr',
    ]) {
      expect(isWebmailDomain(d)).toBe(true)
    }
    expect(isWebmailDomain('cress-occitanie.org')).toBe(false)
  })
})

describe('normaliseOrganisationName', () => {
  it('drops case, accents, punctuation and legal-form words', () => {
    expect(normaliseOrganisationName('Association « Les Jardins d’Émile »')).toBe('jardins emile')
    expect(normaliseOrganisationName('SCOP Les jardins d’emile')).toBe('jardins emile')
    expect(normaliseOrganisationName('SCIC SAS Énergie-Citoyenne')).toBe('energie citoyenne')
    expect(normaliseOrganisationName('Association')).toBe('')
    expect(normaliseOrganisationName(null)).toBe('')
  })
})

describe('likelyConflictReasons', () => {
  const nominee = { contactEmail: 'camille@jardins-emile.org', structureName: 'Association Les Jardins d’Émile' }
  it('warns on the same non-webmail domain', () => {
    expect(likelyConflictReasons({ email: 'paul@Jardins-Emile.org' }, nominee)).toEqual(['same_email_domain'])
  })
  it('does not warn on a shared webmail domain', () => {
    expect(likelyConflictReasons({ email: 'paul@gmail.com' }, { ...nominee, contactEmail: 'camille@gmail.com' })).toEqual([])
    expect(likelyConflictReasons({ email: 'paul@hotmail.fr' }, { ...nominee, contactEmail: 'camille@hotmail.fr' })).toEqual([])
  })
  it('warns on the same structure, however it is written', () => {
    expect(likelyConflictReasons({ email: 'paul@other.org', organisationName: 'SCOP les jardins d’emile' }, nominee)).toEqual([
      'same_organisation',
    ])
  })
  it('gives both reasons, or none for unrelated people', () => {
    expect(likelyConflictReasons({ email: 'p@jardins-emile.org', organisationName: 'Les Jardins d’Émile' }, nominee)).toEqual([
      'same_email_domain',
      'same_organisation',
    ])
    expect(likelyConflictReasons({ email: 'p@cress.org', organisationName: 'CRESS' }, nominee)).toEqual([])
    expect(
      likelyConflictReasons({ email: 'p@cress.org', organisationName: 'Association' }, { ...nominee, structureName: 'Association' }),
    ).toEqual([])
  })
})

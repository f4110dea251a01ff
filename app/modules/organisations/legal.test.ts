import { describe, expect, test } from 'vitest'
import { formatIban, isValidBic, isValidIban, isValidSiret, legalDetailsSchema, normaliseIban } from './legal.ts'

describe('SIRET', () => {
  test('accepts real SIRETs, with or without spaces', () => {
    // INSEE's own establishment and a Luhn-valid example used in public documentation.
    expect(isValidSiret('73282932000074')).toBe(true)
    expect(isValidSiret('732 829 320 00074')).toBe(true)
    expect(isValidSiret('40483304800022')).toBe(true)
  })
  test('refuses a wrong key, a wrong length or letters', () => {
    expect(isValidSiret('73282932000075')).toBe(false)
    expect(isValidSiret('7328293200007')).toBe(false)
    expect(isValidSiret('732829320000745')).toBe(false)
    expect(isValidSiret('7328293200007A')).toBe(false)
    expect(isValidSiret('')).toBe(false)
  })
  test('La Poste establishments: sum of digits multiple of 5', () => {
    expect(isValidSiret('35600000000048')).toBe(true)
    expect(isValidSiret('35600000049837')).toBe(true) // digit sum 45
    expect(isValidSiret('35600000049838')).toBe(false)
  })
})

describe('IBAN', () => {
  test('accepts valid IBANs whatever the spacing and case', () => {
    expect(isValidIban('FR7630006000011234567890189')).toBe(true)
    expect(isValidIban('fr76 3000 6000 0112 3456 7890 189')).toBe(true)
    expect(isValidIban('DE89370400440532013000')).toBe(true)
    expect(isValidIban('BE68539007547034')).toBe(true)
  })
  test('refuses a wrong check digit, a changed digit and a wrong length for the country', () => {
    expect(isValidIban('FR7730006000011234567890189')).toBe(false)
    expect(isValidIban('FR7630006000011234567890188')).toBe(false)
    expect(isValidIban('FR763000600001123456789018')).toBe(false)
    expect(isValidIban('DE8937040044053201300')).toBe(false)
    expect(isValidIban('not an iban')).toBe(false)
  })
  test('is stored compact and shown in groups of four', () => {
    expect(normaliseIban(' fr76 3000 6000 0112 3456 7890 189 ')).toBe('FR7630006000011234567890189')
    expect(formatIban('FR7630006000011234567890189')).toBe('FR76 3000 6000 0112 3456 7890 189')
  })
})

describe('BIC', () => {
  test('8 or 11 characters', () => {
    expect(isValidBic('AGRIFRPP')).toBe(true)
    expect(isValidBic('agrifrpp882')).toBe(true)
    expect(isValidBic('AGRIFRP')).toBe(false)
    expect(isValidBic('AGRI1RPP')).toBe(false)
  })
})

describe('legal details form', () => {
  test('normalises and accepts complete details; empty fields are cleared', () => {
    const r = legalDetailsSchema.safeParse({
      legalName: ' CRESS Occitanie ',
      address: '',
      siret: '732 829 320 00074',
      vatMention: '',
      iban: 'fr76 3000 6000 0112 3456 7890 189',
      bic: 'agrifrpp',
      bankAccountHolder: 'CRESS Occitanie',
    })
    expect(r.success).toBe(true)
    expect(r.data).toEqual({
      legalName: 'CRESS Occitanie',
      address: null,
      siret: '73282932000074',
      vatMention: null,
      iban: 'FR7630006000011234567890189',
      bic: 'AGRIFRPP',
      bankAccountHolder: 'CRESS Occitanie',
    })
  })
  test('tells a wrong SIRET length from a wrong key', () => {
    const short = legalDetailsSchema.safeParse({ siret: '1234' })
    expect(short.error?.issues.map((i) => i.message)).toEqual(['paymentsAdmin.error.siretLength'])
    const key = legalDetailsSchema.safeParse({ siret: '73282932000075' })
    expect(key.error?.issues.map((i) => i.message)).toEqual(['paymentsAdmin.error.siretChecksum'])
  })
  test('an IBAN needs its account holder, and a holder or BIC needs an IBAN', () => {
    const noHolder = legalDetailsSchema.safeParse({ iban: 'FR7630006000011234567890189' })
    expect(noHolder.error?.issues.map((i) => [i.path[0], i.message])).toEqual([['bankAccountHolder', 'paymentsAdmin.error.holderRequired']])
    const noIban = legalDetailsSchema.safeParse({ bankAccountHolder: 'CRESS' })
    expect(noIban.error?.issues.map((i) => [i.path[0], i.message])).toEqual([['iban', 'paymentsAdmin.error.ibanRequired']])
    const badIban = legalDetailsSchema.safeParse({ iban: 'FR7630006000011234567890188', bankAccountHolder: 'CRESS' })
    expect(badIban.error?.issues.map((i) => i.message)).toEqual(['paymentsAdmin.error.ibanInvalid'])
  })
})

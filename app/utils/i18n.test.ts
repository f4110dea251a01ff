import { describe, expect, test } from 'vitest'
import { catalogues } from '#app/locales/catalogues.ts'
import { formatMoney, localeFromRequest, translate } from './i18n.ts'

describe('i18n', () => {
  test('every French message has an English one and vice versa', () => {
    expect(Object.keys(catalogues.en!).sort()).toEqual(Object.keys(catalogues.fr!).sort())
    for (const [key, value] of Object.entries(catalogues.en!)) expect(value, key).not.toBe('')
  })
  test('interpolates parameters', () => {
    expect(translate('fr', 'error.reference', { id: 'abc' })).toBe('Référence\u202f: abc')
    expect(translate('en', 'error.reference', { id: 'abc' })).toBe('Reference: abc')
  })
  test('French by default, the lang cookie wins over Accept-Language', () => {
    expect(localeFromRequest(new Request('http://x/'))).toBe('fr')
    expect(localeFromRequest(new Request('http://x/', { headers: { 'accept-language': 'en-GB,en;q=0.8' } }))).toBe('en')
    expect(localeFromRequest(new Request('http://x/', { headers: { 'accept-language': 'en', cookie: 'a=1; lang=fr' } }))).toBe('fr')
  })
  test('euros in French formatting', () => {
    expect(formatMoney('fr', 123450).replace(/\s/g, ' ')).toBe('1 234,50 €')
  })
})

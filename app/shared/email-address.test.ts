import { describe, expect, test } from 'vitest'
import { isValidEmail, normaliseEmail } from './email-address.ts'

describe('email addresses', () => {
  test('stored and compared trimmed and lower-cased', () => {
    expect(normaliseEmail('  Ana.Lopez@CRESS-Occitanie.org ')).toBe('ana.lopez@cress-occitanie.org')
    expect(normaliseEmail('ana@x.org')).toBe(normaliseEmail('ANA@X.ORG'))
  })

  test('a plausible address is something@domain.tld of at most 254 characters', () => {
    expect(isValidEmail(' Ana@Example.org ')).toBe(true)
    for (const bad of ['', 'ana', 'ana@', 'ana@example', 'a na@example.org', `${'a'.repeat(250)}@x.org`])
      expect(isValidEmail(bad)).toBe(false)
  })
})

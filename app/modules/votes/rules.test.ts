import { describe, expect, test } from 'vitest'
import { emailDomainOf, isDisposableDomain, networkPrefix, normaliseVoterEmail, voteStatusOf } from './rules.ts'

describe('normaliseVoterEmail', () => {
  test('trims, lower-cases and drops a +tag', () => {
    expect(normaliseVoterEmail('  Marie.Curie+prix@Example.ORG ')).toBe('marie.curie@example.org')
  })
  test('removes dots for gmail.com and folds googlemail.com into it', () => {
    expect(normaliseVoterEmail('J.Doe+x@gmail.com')).toBe('jdoe@gmail.com')
    expect(normaliseVoterEmail('j.d.o.e@googlemail.com')).toBe('jdoe@gmail.com')
  })
  test('keeps dots for other providers', () => {
    expect(normaliseVoterEmail('j.doe@orange.fr')).toBe('j.doe@orange.fr')
  })
  test('rejects what is not an address', () => {
    for (const bad of ['', 'nobody', '@example.org', 'a@', 'a b@example.org', 'a@b@c.org', 'a@localhost', '+tag@example.org']) {
      expect(normaliseVoterEmail(bad), bad).toBeNull()
    }
  })
})

describe('isDisposableDomain', () => {
  test('knows the usual throwaway providers and their subdomains', () => {
    for (const d of [
      'yopmail.com',
      'mailinator.com',
      'guerrillamail.com',
      '10minutemail.com',
      'trashmail.com',
      'jetable.org',
      'tempmail.com',
      'MX.Yopmail.com',
    ]) {
      expect(isDisposableDomain(d), d).toBe(true)
    }
  })
  test('accepts ordinary providers', () => {
    for (const d of ['gmail.com', 'orange.fr', 'laposte.net', 'example.org', 'notyopmail.com']) expect(isDisposableDomain(d), d).toBe(false)
  })
  test('emailDomainOf', () => {
    expect(emailDomainOf('a@YopMail.com')).toBe('yopmail.com')
    expect(emailDomainOf('none')).toBe('')
  })
})

describe('networkPrefix', () => {
  test('IPv4 → /24', () => {
    expect(networkPrefix('203.0.113.42')).toBe('203.0.113.0/24')
    expect(networkPrefix('203.0.113.7')).toBe(networkPrefix('203.0.113.200'))
    expect(networkPrefix('203.0.114.7')).not.toBe(networkPrefix('203.0.113.7'))
  })
  test('IPv6 → /48, whatever the notation', () => {
    expect(networkPrefix('2001:db8:1:2::5')).toBe('2001:db8:1::/48')
    expect(networkPrefix('2001:0DB8:0001:ffff:0:0:0:1')).toBe('2001:db8:1::/48')
    expect(networkPrefix('2001:db8:2::1')).not.toBe(networkPrefix('2001:db8:1::1'))
    expect(networkPrefix('::1')).toBe('0:0:0::/48')
  })
  test('IPv4-mapped IPv6 counts as IPv4', () => {
    expect(networkPrefix('::ffff:198.51.100.9')).toBe('198.51.100.0/24')
  })
  test('anything else forms its own bucket', () => {
    expect(networkPrefix('unknown')).toBe('unknown')
    expect(networkPrefix('999.1.1.1')).toBe('999.1.1.1')
  })
})

test('voteStatusOf', () => {
  expect(voteStatusOf({ confirmedAt: null, voidedAt: null })).toBe('pending')
  expect(voteStatusOf({ confirmedAt: new Date(), voidedAt: null })).toBe('confirmed')
  expect(voteStatusOf({ confirmedAt: new Date(), voidedAt: new Date() })).toBe('voided')
})

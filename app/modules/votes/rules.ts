// The public vote's identity rules as plain functions: who counts as "one person" (a normalised
// address), which addresses are throwaway, and which network a vote comes from (for burst limits).
import { normaliseEmail } from '#app/shared/email-address.ts'

/** Providers where dots in the local part are ignored, so "j.doe" and "jdoe" are one mailbox. */
const DOTLESS_DOMAINS = new Set(['gmail.com', 'googlemail.com'])

/**
 * The address that identifies a voter: trimmed, lower-cased, "+tag" removed, and for Gmail the
 * dots removed and googlemail.com folded into gmail.com. Null when it is not an address.
 */
export function normaliseVoterEmail(input: string | null | undefined): string | null {
  const email = normaliseEmail(input ?? '')
  const at = email.lastIndexOf('@')
  if (at <= 0 || at === email.length - 1) return null
  let local = email.slice(0, at)
  let domain = email.slice(at + 1)
  if (/\s/.test(email) || email.indexOf('@') !== at || !domain.includes('.')) return null
  local = local.split('+')[0] ?? ''
  if (DOTLESS_DOMAINS.has(domain)) {
    local = local.replace(/\./g, '')
    domain = 'gmail.com'
  }
  if (!local) return null
  return `${local}@${domain}`
}

/** The domain of an address (lower-case), or "" when there is none. */
export function emailDomainOf(email: string): string {
  const at = email.lastIndexOf('@')
  return at < 0
    ? ''
    : email
        .slice(at + 1)
        .trim()
        .toLowerCase()
}

/** Well-known throwaway address providers; a vote from one of them is refused. */
export const DISPOSABLE_DOMAINS: readonly string[] = [
  'yopmail.com',
  'yopmail.fr',
  'yopmail.net',
  'mailinator.com',
  'guerrillamail.com',
  'guerrillamail.net',
  'guerrillamail.org',
  'sharklasers.com',
  '10minutemail.com',
  '10minutemail.net',
  'trashmail.com',
  'trashmail.net',
  'jetable.org',
  'tempmail.com',
  'temp-mail.org',
  'tempmail.net',
  'throwawaymail.com',
  'getnada.com',
  'maildrop.cc',
  'dispostable.com',
  'mailnesia.com',
  'mohmal.com',
  'fakeinbox.com',
  'spambog.com',
  'discard.email',
]

const disposable = new Set(DISPOSABLE_DOMAINS)

/** True for a throwaway provider or one of its subdomains (e.g. "x.yopmail.com"). */
export function isDisposableDomain(domain: string): boolean {
  const d = domain.trim().toLowerCase().replace(/\.$/, '')
  if (disposable.has(d)) return true
  const parts = d.split('.')
  for (let i = 1; i < parts.length - 1; i++) if (disposable.has(parts.slice(i).join('.'))) return true
  return false
}

/** Expands an IPv6 address to its eight groups (numbers), or null when it is not one. */
function ipv6Groups(ip: string): number[] | null {
  let text = ip.toLowerCase().split('%')[0] ?? ''
  // An embedded IPv4 tail (::ffff:1.2.3.4) becomes two groups.
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)
  if (v4) {
    const bytes = v4[1]!.split('.').map(Number)
    if (bytes.some((b) => b > 255)) return null
    text = text.slice(0, -v4[1]!.length) + `${((bytes[0]! << 8) | bytes[1]!).toString(16)}:${((bytes[2]! << 8) | bytes[3]!).toString(16)}`
  }
  const halves = text.split('::')
  if (halves.length > 2) return null
  const parse = (s: string) => (s ? s.split(':') : [])
  const head = parse(halves[0] ?? '')
  const tail = parse(halves[1] ?? '')
  const missing = 8 - head.length - tail.length
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null
  const groups = [...head, ...Array<string>(halves.length === 1 ? 0 : missing).fill('0'), ...tail]
  if (groups.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return null
  return groups.map((g) => parseInt(g, 16))
}

/**
 * The network a vote comes from: the /24 of an IPv4 address ("203.0.113.0/24"), the /48 of an
 * IPv6 one ("2001:db8:1::/48"); an IPv4-mapped IPv6 address counts as IPv4. Anything else is kept
 * as is (e.g. "unknown"), so it still forms one bucket.
 */
export function networkPrefix(ip: string): string {
  const text = ip.trim()
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text)
  if (v4 && v4.slice(1).every((b) => Number(b) <= 255)) return `${Number(v4[1])}.${Number(v4[2])}.${Number(v4[3])}.0/24`
  const groups = text.includes(':') ? ipv6Groups(text) : null
  if (!groups) return text.toLowerCase() || 'unknown'
  const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff
  if (mapped) return `${groups[6]! >> 8}.${groups[6]! & 0xff}.${groups[7]! >> 8}.0/24`
  return `${groups
    .slice(0, 3)
    .map((g) => g.toString(16))
    .join(':')}::/48`
}

/** The vote's state as organisers see it. */
export type VoteStatus = 'pending' | 'confirmed' | 'voided'

export function voteStatusOf(vote: { confirmedAt: Date | string | null; voidedAt: Date | string | null }): VoteStatus {
  if (vote.voidedAt) return 'voided'
  return vote.confirmedAt ? 'confirmed' : 'pending'
}

/** Maximum votes cast from one network (see networkPrefix) per hour. */
export const VOTES_PER_NETWORK_PER_HOUR = 20

/** Longest reason an organiser may give when voiding a vote. */
export const VOID_REASON_MAX = 500

/** An unconfirmed vote can be cast again (new choice, fresh link) once this long after the last link. */
export const RESEND_AFTER_MINUTES = 10

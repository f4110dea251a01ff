// The rules of access codes, as plain functions: how a typed code is read, whether a code may be
// used now for a ticket, and the price it leads to.

export const CODE_KINDS = ['unlock', 'percent', 'fixed', 'free'] as const
export type CodeKind = (typeof CODE_KINDS)[number]

export type CodeRule = {
  kind: string
  amount: number
  ticketTypeId: string
  maxUses: number | null
  uses: number
  validFrom: Date | null
  validUntil: Date | null
  deactivatedAt: Date | null
}

/** Why a code cannot be used (each has its own message next to the field). */
export type CodeRefusal = 'unknown' | 'inactive' | 'not_yet' | 'expired' | 'exhausted' | 'wrong_ticket'

/** Codes are typed case-insensitively, with or without spaces and dashes: stored upper case, letters and digits only. */
export function normaliseCode(raw: string | null | undefined): string {
  return (raw ?? '')
    .normalize('NFKD')
    .replace(/[^a-zA-Z0-9]/g, '')
    .toUpperCase()
}

/** Whether this code may be used now for this ticket; null when it may. The use limit is enforced again in the database. */
export function codeRefusal(code: CodeRule | null, ticketTypeId: string | null | undefined, now: Date): CodeRefusal | null {
  if (!code) return 'unknown'
  if (code.deactivatedAt) return 'inactive'
  if (code.validFrom && now < code.validFrom) return 'not_yet'
  if (code.validUntil && now >= code.validUntil) return 'expired'
  if (code.maxUses !== null && code.uses >= code.maxUses) return 'exhausted'
  if (!ticketTypeId || code.ticketTypeId !== ticketTypeId) return 'wrong_ticket'
  return null
}

/** The price a ticket costs with the code, in cents (never below 0, never above the ticket's price). */
export function priceWithCode(code: Pick<CodeRule, 'kind' | 'amount'>, priceCents: number): number {
  switch (code.kind) {
    case 'free':
      return 0
    case 'percent':
      return Math.max(0, Math.round((priceCents * (100 - Math.min(100, Math.max(0, code.amount)))) / 100))
    case 'fixed':
      return Math.max(0, priceCents - Math.max(0, code.amount))
    default:
      // unlock: the hidden ticket at its own price.
      return priceCents
  }
}

/** A ticket some active unlock code is for is hidden: only its code shows it and lets it be chosen. */
export function isHiddenTicket(ticketTypeId: string, codes: readonly Pick<CodeRule, 'kind' | 'ticketTypeId' | 'deactivatedAt'>[]) {
  return codes.some((c) => c.kind === 'unlock' && c.ticketTypeId === ticketTypeId && !c.deactivatedAt)
}

/** Uses left (null: no limit). */
export function usesLeft(code: Pick<CodeRule, 'maxUses' | 'uses'>): number | null {
  return code.maxUses === null ? null : Math.max(0, code.maxUses - code.uses)
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'

/** A code nobody will mistype: 8 characters without 0/O or 1/I, from the random bytes given. */
export function codeFromBytes(bytes: Uint8Array): string {
  return Array.from(bytes.slice(0, 8), (b) => ALPHABET[b % ALPHABET.length]).join('')
}

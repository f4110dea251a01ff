// Paid tickets: availability of a ticket, refunds, payment references and holds as plain
// functions over data, tested without a database. The payments service applies them inside
// its transactions. Shared by server and browser: no server import here.

export const PAYMENT_METHODS = ['card', 'transfer', 'purchase_order'] as const
export type PaymentMethod = (typeof PAYMENT_METHODS)[number]

export function isPaymentMethod(value: unknown): value is PaymentMethod {
  return typeof value === 'string' && (PAYMENT_METHODS as readonly string[]).includes(value)
}

export const PAYMENT_STATUSES = ['pending', 'paid', 'cancelled', 'expired', 'refunded'] as const
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number]

export const REFUND_STATUSES = ['none', 'pending', 'succeeded', 'failed', 'not_refundable'] as const
export type RefundStatus = (typeof REFUND_STATUSES)[number]

export const TICKET_KINDS = ['free', 'paid', 'reduced'] as const
export type TicketKind = (typeof TICKET_KINDS)[number]

/** Default card hold, and the bounds organisers may choose (Stripe Checkout: 30 min to 24 h). */
export const DEFAULT_HOLD_MINUTES = 30
export const MIN_HOLD_MINUTES = 30
export const MAX_HOLD_MINUTES = 1440

/** Integer cents in euros: "45,00 €" in French, "€45.00" in English. */
export function formatEuros(cents: number, locale: 'fr' | 'en' = 'fr'): string {
  return (
    new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency: 'EUR' })
      .format(cents / 100)
      // Intl uses narrow no-break spaces in French; a plain no-break space reads and copies better.
      .replace(/\u202f/g, '\u00a0')
  )
}

export type TicketForSale = {
  quota: number | null
  sold: number
  salesStartAt: Date | null
  salesEndAt: Date | null
  archivedAt: Date | null
}

export type TicketAvailability = 'on_sale' | 'not_yet' | 'ended' | 'sold_out' | 'archived'

/** Whether a ticket can be chosen at `now`. */
export function ticketAvailability(ticket: TicketForSale, now: Date): TicketAvailability {
  if (ticket.archivedAt) return 'archived'
  if (ticket.salesStartAt && now < ticket.salesStartAt) return 'not_yet'
  if (ticket.salesEndAt && now >= ticket.salesEndAt) return 'ended'
  if (ticket.quota !== null && ticket.sold >= ticket.quota) return 'sold_out'
  return 'on_sale'
}

/** Tickets left under the quota, or null when the ticket has none. */
export function ticketsLeft(ticket: { quota: number | null; sold: number }): number | null {
  return ticket.quota === null ? null : Math.max(0, ticket.quota - ticket.sold)
}

export type RefundTerms = { amountCents: number; refundDeadline: Date | null; refundFeeCents: number }
export type Refund = { refundable: boolean; refundCents: number; feeCents: number }

/**
 * What an attendee who cancels at `now` gets back: before the deadline, the amount less the fee
 * (never negative); at or after it, or without a deadline, nothing.
 */
export function refundFor(terms: RefundTerms, now: Date): Refund {
  if (!terms.refundDeadline || now >= terms.refundDeadline || terms.amountCents <= 0) {
    return { refundable: false, refundCents: 0, feeCents: 0 }
  }
  const feeCents = Math.min(Math.max(0, terms.refundFeeCents), terms.amountCents)
  const refundCents = terms.amountCents - feeCents
  return { refundable: refundCents > 0, refundCents, feeCents }
}

// Crockford-style alphabet without I, L, O, U: nothing to misread when copying a transfer label.
const REFERENCE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** A payment reference quoted on transfers, e.g. "ESS-7K3F9Q2M" (40 bits of randomness). */
export function newPaymentReference(): string {
  // Web Crypto (Node and browsers: this module is shared). 32 letters divide 256: no bias.
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(8))
  let s = ''
  for (const b of bytes) s += REFERENCE_ALPHABET[b % REFERENCE_ALPHABET.length]
  return `ESS-${s}`
}

export function isPaymentReference(value: string): boolean {
  return /^ESS-[0-9A-HJKMNP-TV-Z]{8}$/.test(value)
}

/** When a card hold started at `now` ends. */
export function holdExpiry(now: Date, minutes: number): Date {
  const m = Math.min(MAX_HOLD_MINUTES, Math.max(MIN_HOLD_MINUTES, Math.round(minutes || DEFAULT_HOLD_MINUTES)))
  return new Date(now.getTime() + m * 60_000)
}

/** Receipt numbers as printed: the organisation's sequence, zero-padded, e.g. "000042". */
export function formatReceiptNumber(n: number): string {
  return String(n).padStart(6, '0')
}

/** The methods an attendee may choose for an event; card only when Stripe is configured. */
export function availableMethods(
  event: { acceptsCard: boolean; acceptsTransfer: boolean; acceptsPurchaseOrder: boolean },
  cardAvailable: boolean,
): PaymentMethod[] {
  const methods: PaymentMethod[] = []
  if (event.acceptsCard && cardAvailable) methods.push('card')
  if (event.acceptsTransfer) methods.push('transfer')
  if (event.acceptsPurchaseOrder) methods.push('purchase_order')
  return methods
}

/** Purchase-order numbers: 1 to 60 printable characters. */
export function normalisePurchaseOrderNumber(value: string | null | undefined): string | null {
  const v = (value ?? '').trim().replace(/\s+/g, ' ')
  if (!v || v.length > 60) return null
  return v
}

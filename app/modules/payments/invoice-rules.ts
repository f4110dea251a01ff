// Invoices (factures) and credit notes (avoirs): numbers, totals, VAT mention, due date and the
// way SIRET and IBAN are printed, as plain functions tested without a database.
// Shared by server and browser: no server import here.
import { normaliseSiret } from '#app/shared/siret.ts'

export const INVOICE_KINDS = ['invoice', 'credit_note'] as const
export type InvoiceKind = (typeof INVOICE_KINDS)[number]

/** Public buyers pay within 30 days (Code de la commande publique, art. R2192-10). */
export const PAYMENT_TERM_DAYS = 30

/** Invoice and credit-note numbers: two gap-free sequences per organisation, told apart by their prefix. */
export function formatInvoiceNumber(kind: InvoiceKind, n: number): string {
  return `${kind === 'invoice' ? 'F' : 'AV'}-${String(n).padStart(6, '0')}`
}

/** Methods that pay against an invoice (card payers get a receipt once paid). */
export function needsInvoice(method: string): boolean {
  return method === 'transfer' || method === 'purchase_order'
}

export function invoiceDueDate(issuedAt: Date): Date {
  return new Date(issuedAt.getTime() + PAYMENT_TERM_DAYS * 86_400_000)
}

export type InvoiceTotals = { totalExclTaxCents: number; vatCents: number; totalInclTaxCents: number }

/**
 * Ticket prices are all-taxes-included: HT = TTC / (1 + rate), rounded to the cent, and the VAT
 * is the difference, so HT + TVA = TTC always. Without VAT (exemption mention) HT = TTC.
 */
export function invoiceTotals(lines: { quantity: number; unitPriceCents: number }[], vatRateBp: number): InvoiceTotals {
  const totalInclTaxCents = lines.reduce((sum, l) => sum + l.quantity * l.unitPriceCents, 0)
  const totalExclTaxCents = vatRateBp > 0 ? Math.round((totalInclTaxCents * 10_000) / (10_000 + vatRateBp)) : totalInclTaxCents
  return { totalExclTaxCents, vatCents: totalInclTaxCents - totalExclTaxCents, totalInclTaxCents }
}

export const VAT_FRANCHISE_MENTION = 'TVA non applicable, art. 293 B du CGI'
export const VAT_ASSOCIATION_MENTION = 'Exonération de TVA, art. 261-7-1° b du CGI'

/**
 * The mention printed when no VAT is charged: the organisation's own (legal settings), else the
 * franchise en base of art. 293 B. Null when VAT is charged.
 */
export function vatMentionFor(vatRateBp: number, organisationMention: string | null | undefined): string | null {
  if (vatRateBp > 0) return null
  return organisationMention?.trim() || VAT_FRANCHISE_MENTION
}

/** "73282932000074" → "732 829 320 00074" (SIREN in threes, then the NIC). */
export function formatSiret(siret: string): string {
  const s = normaliseSiret(siret)
  if (!/^\d{14}$/.test(s)) return siret
  return `${s.slice(0, 3)} ${s.slice(3, 6)} ${s.slice(6, 9)} ${s.slice(9)}`
}

/** Cents as the decimal string e-invoices carry: 4500 → "45.00". */
export function decimalAmount(cents: number): string {
  const sign = cents < 0 ? '-' : ''
  const abs = Math.abs(cents)
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/** A free-text postal address split as e-invoices want it: street lines, postcode, town. */
export function splitAddress(address: string | null | undefined): { lines: string[]; postcode: string; city: string } {
  const parts = (address ?? '')
    .split(/\n|,/)
    .map((p) => p.trim())
    .filter(Boolean)
  for (let i = parts.length - 1; i >= 0; i--) {
    const m = /^(\d{5})\s+(.+)$/.exec(parts[i]!)
    if (m) return { lines: parts.filter((_, j) => j !== i), postcode: m[1]!, city: m[2]! }
  }
  return { lines: parts.slice(0, -1), postcode: '', city: parts.at(-1) ?? '' }
}

/**
 * The period of an export from "YYYY-MM-DD" dates (inclusive `to`), as UTC bounds [from, to + 1 day);
 * by default the current month. Null when a date is invalid, reversed or the span exceeds a year.
 */
export function invoicePeriod(from: string | null, to: string | null, now: Date): { from: Date; to: Date } | null {
  const day = (s: string) =>
    /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) ? new Date(`${s}T00:00:00Z`) : null
  const start = from ? day(from) : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1))
  const lastDay = to ? day(to) : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0))
  if (!start || !lastDay || lastDay < start) return null
  const end = new Date(lastDay.getTime() + 86_400_000)
  if (end.getTime() - start.getTime() > 366 * 86_400_000) return null
  return { from: start, to: end }
}

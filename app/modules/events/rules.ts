// Prices as the public pages show them ("Gratuit", "20 € – 45 €", "à partir de 20 €"), a plain
// function over the event's ticket types so the cards and the event page say the same thing.
// Shared by server and browser: no server import here.

export type PricedTicket = {
  name: string
  nameEn?: string | null
  priceCents: number
  quota: number | null
  sold: number
  salesEndAt: Date | null
  archivedAt: Date | null
}

export type PriceLine = { name: string; priceCents: number; soldOut: boolean }

export type PriceSummary =
  | { kind: 'free' }
  | { kind: 'single'; cents: number }
  | { kind: 'range'; minCents: number; maxCents: number }
  /** Some tickets free, others paid: "free, or from" the cheapest paid one. */
  | { kind: 'from'; minCents: number }

export type Prices = { summary: PriceSummary; tickets: PriceLine[]; soldOut: string[] }

/**
 * What the public pages say about prices at `now`. Archived tickets and those whose sales have
 * ended are hidden; sold-out ones are listed as such, and the summary is taken from the tickets
 * still on sale (from all of them when every ticket is sold out). No ticket types: free.
 */
export function priceSummary(tickets: readonly PricedTicket[], now: Date): Prices {
  const shown = tickets.filter((t) => !t.archivedAt && !(t.salesEndAt && now >= t.salesEndAt))
  const lines = shown.map((t) => ({ name: t.name, priceCents: t.priceCents, soldOut: t.quota !== null && t.sold >= t.quota }))
  const onSale = lines.filter((l) => !l.soldOut)
  const basis = (onSale.length ? onSale : lines).map((l) => l.priceCents)
  const paid = basis.filter((c) => c > 0)
  let summary: PriceSummary
  if (paid.length === 0) summary = { kind: 'free' }
  else if (paid.length < basis.length) summary = { kind: 'from', minCents: Math.min(...paid) }
  else if (Math.min(...paid) === Math.max(...paid)) summary = { kind: 'single', cents: paid[0]! }
  else summary = { kind: 'range', minCents: Math.min(...paid), maxCents: Math.max(...paid) }
  return { summary, tickets: lines, soldOut: lines.filter((l) => l.soldOut).map((l) => l.name) }
}

/** "20 €", "12,50 €" (narrow no-break space before €) in French; "€20", "€12.50" in English. */
export function formatPrice(cents: number, locale: 'fr' | 'en'): string {
  const whole = cents % 100 === 0
  const text = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: whole ? 0 : 2,
  }).format(cents / 100)
  return locale === 'fr' ? text.replace(/[\u00a0 ]€/, '\u202f€').replace(/\u00a0/g, '\u202f') : text
}

export type PriceMessageKey = 'public.price.free' | 'public.price.single' | 'public.price.range' | 'public.price.from'

/** The i18n key and parameters of a summary (events.ts: public.price.*). */
export function priceSummaryMessage(summary: PriceSummary, locale: 'fr' | 'en'): { key: PriceMessageKey; params: Record<string, string> } {
  switch (summary.kind) {
    case 'free':
      return { key: 'public.price.free', params: {} }
    case 'single':
      return { key: 'public.price.single', params: { price: formatPrice(summary.cents, locale) } }
    case 'range':
      return {
        key: 'public.price.range',
        params: { min: formatPrice(summary.minCents, locale), max: formatPrice(summary.maxCents, locale) },
      }
    case 'from':
      return { key: 'public.price.from', params: { price: formatPrice(summary.minCents, locale) } }
  }
}

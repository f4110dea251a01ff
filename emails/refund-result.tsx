// Sent when a card refund was made (after a cancellation, or a seat lost to a late payment), or
// when it could not be made and the organisers will settle it by hand.
import { translate, type Locale } from '#app/utils/i18n.ts'
import { EventEmail, type EventSummary } from './event-parts.tsx'

export type RefundResultProps = {
  event: EventSummary
  firstName: string
  outcome: 'succeeded' | 'failed'
  refundCents: number
  feeCents: number
  reference: string
}

function euros(locale: Locale, cents: number) {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'fr-FR', { style: 'currency', currency: 'EUR' }).format(cents / 100)
}

export const refundResultSubject = (locale: Locale, p: RefundResultProps) =>
  translate(locale, p.outcome === 'succeeded' ? 'email.refund.succeeded.subject' : 'email.refund.failed.subject', { title: p.event.title })

export function RefundResult(p: RefundResultProps & { locale: Locale }) {
  const params = { amount: euros(p.locale, p.refundCents), reference: p.reference }
  const paragraphs =
    p.outcome === 'succeeded'
      ? [
          { key: 'email.refund.succeeded.body' as const, params },
          ...(p.feeCents > 0 ? [{ key: 'email.refund.fee' as const, params: { fee: euros(p.locale, p.feeCents) } }] : []),
        ]
      : [{ key: 'email.refund.failed.body' as const, params }]
  return (
    <EventEmail
      locale={p.locale}
      firstName={p.firstName}
      event={p.event}
      heading={p.outcome === 'succeeded' ? 'email.refund.succeeded.heading' : 'email.refund.failed.heading'}
      paragraphs={paragraphs}
    />
  )
}

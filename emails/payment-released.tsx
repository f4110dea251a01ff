// Sent when a registration waiting for its payment is cancelled: the card hold ran out, or the
// pending payment was cancelled (by the attendee or the organisers).
import { translate, type Locale } from '#app/utils/i18n.ts'
import { EventEmail, type EventSummary } from './event-parts.tsx'

export type PaymentReleasedProps = { event: EventSummary; firstName: string; reason: 'expired' | 'cancelled'; registerUrl?: string | null }

export const paymentReleasedSubject = (locale: Locale, p: PaymentReleasedProps) =>
  translate(locale, 'payments.email.released.subject', { title: p.event.title })

export function PaymentReleased(p: PaymentReleasedProps & { locale: Locale }) {
  return (
    <EventEmail
      locale={p.locale}
      firstName={p.firstName}
      event={p.event}
      heading="payments.email.released.heading"
      paragraphs={[{ key: p.reason === 'expired' ? 'payments.email.released.expired' : 'payments.email.released.cancelled' }]}
    />
  )
}

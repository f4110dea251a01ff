// Sent when a waiting-list offer was not confirmed in time and passed to the next person.
import { translate, type Locale } from '#app/utils/i18n.ts'
import { EventEmail } from './event-parts.tsx'
import type { CancellationProps } from './registration-cancelled.tsx'

export const offerExpiredSubject = (locale: Locale, p: CancellationProps) =>
  translate(locale, 'email.offerExpired.subject', { title: p.event.title })

export function OfferExpired(p: CancellationProps & { locale: Locale }) {
  return (
    <EventEmail
      locale={p.locale}
      firstName={p.firstName}
      event={p.event}
      heading="email.offerExpired.heading"
      paragraphs={[{ key: 'email.offerExpired.body' }]}
    />
  )
}

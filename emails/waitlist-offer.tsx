// Sent to the next person on the waiting list when a seat frees up.
import { formatDateTime } from '#app/shared/time.ts'
import { translate, type Locale } from '#app/utils/i18n.ts'
import { EventEmail, type EventSummary } from './event-parts.tsx'

export type WaitlistOfferProps = { event: EventSummary; firstName: string; manageUrl: string; expiresAt: string }

export const waitlistOfferSubject = (locale: Locale, p: WaitlistOfferProps) =>
  translate(locale, 'email.offer.subject', { title: p.event.title })

export function WaitlistOffer(p: WaitlistOfferProps & { locale: Locale }) {
  return (
    <EventEmail
      locale={p.locale}
      firstName={p.firstName}
      event={p.event}
      heading="email.offer.heading"
      paragraphs={[{ key: 'email.offer.body', params: { deadline: formatDateTime(p.locale, p.expiresAt, p.event.timeZone) } }]}
      button={{ href: p.manageUrl, label: 'email.offer.button' }}
    />
  )
}

// Sent when a registration is cancelled, by the attendee or by the organiser.
import { translate, type Locale } from '#app/utils/i18n.ts'
import { EventEmail, type EventSummary } from './event-parts.tsx'

export type CancellationProps = { event: EventSummary; firstName: string; byOrganiser: boolean }

export const registrationCancelledSubject = (locale: Locale, p: CancellationProps) =>
  translate(locale, 'email.cancelled.subject', { title: p.event.title })

export function RegistrationCancelled(p: CancellationProps & { locale: Locale }) {
  return (
    <EventEmail
      locale={p.locale}
      firstName={p.firstName}
      event={p.event}
      heading="email.cancelled.heading"
      paragraphs={[{ key: p.byOrganiser ? 'email.cancelled.byOrganiser' : 'email.cancelled.body' }]}
    />
  )
}

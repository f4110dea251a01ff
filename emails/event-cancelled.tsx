// Sent to every registrant when the organiser cancels the event.
import { Text } from '@react-email/components'
import { translate, type Locale } from '#app/utils/i18n.ts'
import { EventEmail, type EventSummary } from './event-parts.tsx'
import { paragraph } from './layout.tsx'

export type EventCancelledProps = { event: EventSummary; firstName: string; message: string | null }

export const eventCancelledSubject = (locale: Locale, p: EventCancelledProps) =>
  translate(locale, 'email.eventCancelled.subject', { title: p.event.title })

export function EventCancelled(p: EventCancelledProps & { locale: Locale }) {
  return (
    <EventEmail
      locale={p.locale}
      firstName={p.firstName}
      event={p.event}
      heading="email.eventCancelled.heading"
      paragraphs={[{ key: 'email.eventCancelled.body' }]}
      extra={p.message ? <Text style={{ ...paragraph, fontStyle: 'italic' }}>{p.message}</Text> : null}
    />
  )
}

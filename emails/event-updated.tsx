// Sent when the organiser changes the date or the place and chooses to tell attendees.
import { Text } from '@react-email/components'
import { translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'
import { EventEmail, type EventSummary } from './event-parts.tsx'
import { paragraph } from './layout.tsx'

export type EventUpdatedProps = { event: EventSummary; firstName: string; changes: string[]; message: string | null }

export const eventUpdatedSubject = (locale: Locale, p: EventUpdatedProps) =>
  translate(locale, 'email.eventUpdated.subject', { title: p.event.title })

export function EventUpdated(p: EventUpdatedProps & { locale: Locale }) {
  const changed = p.changes.map((c) => translate(p.locale, `email.eventUpdated.change.${c}` as MessageKey)).join(', ')
  return (
    <EventEmail
      locale={p.locale}
      firstName={p.firstName}
      event={p.event}
      heading="email.eventUpdated.heading"
      paragraphs={[{ key: 'email.eventUpdated.body', params: { changes: changed } }]}
      extra={p.message ? <Text style={{ ...paragraph, fontStyle: 'italic' }}>{p.message}</Text> : null}
    />
  )
}

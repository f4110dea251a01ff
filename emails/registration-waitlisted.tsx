// Sent when the event is full and the person joins the waiting list.
import { translate, type Locale } from '#app/utils/i18n.ts'
import { EventEmail } from './event-parts.tsx'
import type { TicketProps } from './registration-confirmed.tsx'

export const registrationWaitlistedSubject = (locale: Locale, p: TicketProps) =>
  translate(locale, 'email.waitlisted.subject', { title: p.event.title })

export function RegistrationWaitlisted(p: TicketProps & { locale: Locale }) {
  return (
    <EventEmail
      locale={p.locale}
      firstName={p.firstName}
      event={p.event}
      heading="email.waitlisted.heading"
      paragraphs={[{ key: 'email.waitlisted.body' }]}
      button={{ href: p.manageUrl, label: 'email.manage.button' }}
    />
  )
}

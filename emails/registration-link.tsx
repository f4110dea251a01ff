// Sent when someone registers again with the same email: their personal link, no duplicate.
import { translate, type Locale } from '#app/utils/i18n.ts'
import { EventEmail, type EventSummary } from './event-parts.tsx'

export type RegistrationLinkProps = { event: EventSummary; firstName: string; manageUrl: string; status: string }

export const registrationLinkSubject = (locale: Locale, p: RegistrationLinkProps) =>
  translate(locale, 'email.link.subject', { title: p.event.title })

export function RegistrationLink(p: RegistrationLinkProps & { locale: Locale }) {
  return (
    <EventEmail
      locale={p.locale}
      firstName={p.firstName}
      event={p.event}
      heading="email.link.heading"
      paragraphs={[{ key: 'email.link.body' }]}
      button={{ href: p.manageUrl, label: 'email.manage.button' }}
    />
  )
}

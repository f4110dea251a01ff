// Sent when the organisers put an application on the waiting list: a freed seat is offered in order.
import { translate, type Locale } from '#app/utils/i18n.ts'
import { PersonalMessage } from './application-parts.tsx'
import type { ApplicationProps } from './application-received.tsx'
import { EventEmail } from './event-parts.tsx'

export const applicationWaitlistedSubject = (locale: Locale, p: ApplicationProps) =>
  translate(locale, 'admission.email.waitlisted.subject', { title: p.event.title })

export function ApplicationWaitlisted(p: ApplicationProps & { locale: Locale }) {
  return (
    <EventEmail
      locale={p.locale}
      firstName={p.firstName}
      event={p.event}
      heading="admission.email.waitlisted.heading"
      paragraphs={[{ key: 'admission.email.waitlisted.body' }]}
      extra={<PersonalMessage locale={p.locale} message={p.message} />}
      button={{ href: p.manageUrl, label: 'admission.email.button' }}
    />
  )
}

// Sent when the organisers do not select an application, with their personal message if any.
import { translate, type Locale } from '#app/utils/i18n.ts'
import { PersonalMessage } from './application-parts.tsx'
import type { ApplicationProps } from './application-received.tsx'
import { EventEmail } from './event-parts.tsx'

export const applicationRefusedSubject = (locale: Locale, p: ApplicationProps) =>
  translate(locale, 'admission.email.refused.subject', { title: p.event.title })

export function ApplicationRefused(p: ApplicationProps & { locale: Locale }) {
  return (
    <EventEmail
      locale={p.locale}
      firstName={p.firstName}
      event={p.event}
      heading="admission.email.refused.heading"
      paragraphs={[{ key: 'admission.email.refused.body' }]}
      extra={<PersonalMessage locale={p.locale} message={p.message} />}
    />
  )
}

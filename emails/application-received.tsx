// Sent when someone applies to an event that selects its attendees: no seat yet, a decision follows.
import { translate, type Locale } from '#app/utils/i18n.ts'
import { EventEmail, type EventSummary } from './event-parts.tsx'

export type ApplicationProps = {
  event: EventSummary
  firstName: string
  manageUrl: string
  projectName?: string | null
  message?: string | null
}

export const applicationReceivedSubject = (locale: Locale, p: ApplicationProps) =>
  translate(locale, 'admission.email.received.subject', { title: p.event.title })

export function ApplicationReceived(p: ApplicationProps & { locale: Locale }) {
  return (
    <EventEmail
      locale={p.locale}
      firstName={p.firstName}
      event={p.event}
      heading="admission.email.received.heading"
      paragraphs={[
        { key: 'admission.email.received.body', params: { project: p.projectName ?? '' } },
        { key: 'admission.email.received.next' },
      ]}
      button={{ href: p.manageUrl, label: 'admission.email.button' }}
    />
  )
}

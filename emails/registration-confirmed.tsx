// Sent when a seat is confirmed (on registering or on accepting a waiting-list offer).
import { translate, type Locale } from '#app/utils/i18n.ts'
import { PersonalMessage } from './application-parts.tsx'
import { EventEmail, type EventSummary } from './event-parts.tsx'
import { QR_CID, ticketAttachments } from './ticket-attachments.ts'

export type TicketProps = {
  event: EventSummary
  firstName: string
  manageUrl: string
  ticketCode: string
  registrationId: string
  /** The organisers' personal message (an accepted application). */
  message?: string | null
}

export const registrationConfirmedSubject = (locale: Locale, p: TicketProps) => translate(locale, 'email.confirmed.subject', { title: p.event.title })
export const registrationConfirmedAttachments = ticketAttachments

export function RegistrationConfirmed(p: TicketProps & { locale: Locale }) {
  return (
    <EventEmail
      locale={p.locale}
      firstName={p.firstName}
      event={p.event}
      heading="email.confirmed.heading"
      paragraphs={[{ key: 'email.confirmed.body' }, { key: 'email.confirmed.ticket' }]}
      ticketCode={p.ticketCode}
      qrCid={QR_CID}
      button={{ href: p.manageUrl, label: 'email.manage.button' }}
      extra={<PersonalMessage locale={p.locale} message={p.message} />}
    />
  )
}

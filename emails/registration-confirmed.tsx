// Sent when a seat is confirmed (on registering or on accepting a waiting-list offer).
import { Link, Text } from '@react-email/components'
import { translate, type Locale } from '#app/utils/i18n.ts'
import { PersonalMessage } from './application-parts.tsx'
import { EventEmail, type EventSummary } from './event-parts.tsx'
import { paragraph } from './layout.tsx'
import { QR_CID, ticketAttachments } from './ticket-attachments.ts'

export type TicketProps = {
  event: EventSummary
  firstName: string
  manageUrl: string
  ticketCode: string
  registrationId: string
  /** The organisers' personal message (an accepted application). */
  message?: string | null
  /** A paid ticket: the amount paid and the receipt (number and link). */
  payment?: { amount: string; receiptNumber: string; receiptUrl: string } | null
}

export const registrationConfirmedSubject = (locale: Locale, p: TicketProps) =>
  translate(locale, 'email.confirmed.subject', { title: p.event.title })
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
      extra={
        <>
          <PersonalMessage locale={p.locale} message={p.message} />
          {p.payment && (
            <>
              <Text style={paragraph}>
                {translate(p.locale, 'payments.email.confirmed.receipt', { amount: p.payment.amount, number: p.payment.receiptNumber })}
              </Text>
              <Text style={paragraph}>
                <Link href={p.payment.receiptUrl}>{translate(p.locale, 'payments.email.confirmed.receiptButton')}</Link>
              </Text>
            </>
          )}
        </>
      }
    />
  )
}

// Sent a few days before the event (Event.reminderDaysBefore) to confirmed attendees.
import { translate, type Locale } from '#app/utils/i18n.ts'
import { EventEmail } from './event-parts.tsx'
import type { TicketProps } from './registration-confirmed.tsx'
import { QR_CID, ticketAttachments } from './ticket-attachments.ts'

export const eventReminderSubject = (locale: Locale, p: TicketProps) =>
  translate(locale, 'email.reminder.subject', { title: p.event.title })
export const eventReminderAttachments = ticketAttachments

export function EventReminder(p: TicketProps & { locale: Locale }) {
  return (
    <EventEmail
      locale={p.locale}
      firstName={p.firstName}
      event={p.event}
      heading="email.reminder.heading"
      paragraphs={[{ key: 'email.reminder.body' }]}
      ticketCode={p.ticketCode}
      qrCid={QR_CID}
      button={{ href: p.manageUrl, label: 'email.manage.button' }}
    />
  )
}

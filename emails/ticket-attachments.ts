// Attachments of a confirmed ticket: the .ics calendar file and the QR code shown inline.
import { buildIcs } from '#app/modules/registrations/ics.ts'
import type { EventSummary } from './event-parts.tsx'
import { qrPng } from './qr-png.ts'

export const QR_CID = 'ticket-qr@essor'

export type EmailAttachment = { filename: string; content: Buffer | string; contentType: string; cid?: string }

export async function ticketAttachments(props: {
  event: EventSummary
  ticketCode: string
  registrationId: string
  manageUrl: string
}): Promise<EmailAttachment[]> {
  const ics = buildIcs({
    uid: `${props.registrationId}@essor`,
    title: props.event.title,
    startsAt: props.event.startsAt,
    endsAt: props.event.endsAt,
    location: props.event.venue ?? props.event.onlineUrl,
    url: props.manageUrl,
  })
  const qr = qrPng(props.ticketCode, { width: 360, margin: 2, errorCorrectionLevel: 'M' })
  return [
    { filename: 'evenement.ics', content: ics, contentType: 'text/calendar; charset=utf-8; method=PUBLISH' },
    { filename: 'billet-qr.png', content: qr, contentType: 'image/png', cid: QR_CID },
  ]
}

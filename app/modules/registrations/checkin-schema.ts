// What the check-in desk sends: a registration picked in the list, or a ticket code typed or scanned.
import { z } from 'zod'

/** What a QR code or a typed code may carry around the 10 characters: spaces, dashes, lower case. */
export function normaliseTicketCode(raw: string) {
  return raw
    .replace(/[\s-]+/g, '')
    .toUpperCase()
    .slice(0, 64)
}

export const checkInSchema = z.object({
  intent: z.literal('checkin'),
  registrationId: z.string().trim().min(1).optional(),
  ticketCode: z.string().transform(normaliseTicketCode).optional(),
})

/** The registration to check in, or null when the form named none. */
export function checkInTarget(value: z.infer<typeof checkInSchema>): { registrationId: string } | { ticketCode: string } | null {
  if (value.registrationId) return { registrationId: value.registrationId }
  if (value.ticketCode) return { ticketCode: value.ticketCode }
  return null
}

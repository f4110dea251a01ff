// The forms of a registrant's manage page (/r/<token>), one schema per button: accept the offer
// (a payment method and a purchase order number when the ticket is paid, workshops), change the
// workshops, edit the details and answers, ask for a new personal link, cancel, erase. The details, answers and workshops depend
// on the event: the services check them with the event's own schema (registrationSchema), field by
// field; here they pass through as they were sent.
import { z } from 'zod'

export const MANAGE_INTENTS = ['accept', 'workshops', 'edit', 'newLink', 'cancel', 'erase'] as const
export type ManageIntent = (typeof MANAGE_INTENTS)[number]

const optionalText = z.string().trim().max(200, { error: 'register.error.type' }).optional()

export const ManageFormSchema = z.discriminatedUnion(
  'intent',
  [
    z.looseObject({ intent: z.literal('accept'), paymentMethod: optionalText, purchaseOrderNumber: optionalText }),
    z.looseObject({ intent: z.literal('workshops') }),
    z.looseObject({ intent: z.literal('edit') }),
    z.object({ intent: z.literal('newLink') }),
    z.object({ intent: z.literal('cancel') }),
    z.object({ intent: z.literal('erase') }),
  ],
  { error: 'register.error.type' },
)

/** The page of a replaced link: one button, re-send the current link to the registration's address. */
export const ResendLinkSchema = z.object({ intent: z.literal('resend', { error: 'register.error.type' }) })

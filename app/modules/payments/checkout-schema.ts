// The buttons of the page Stripe Checkout sends an attendee back to without paying
// (/paiement/<id>/annule): resume the card payment, pay by transfer, or give the seat back.
import { z } from 'zod'

export const CheckoutCancelledSchema = z.object({
  intent: z.enum(['retry', 'transfer', 'release'], { error: 'paymentsCard.error.intent' }),
})

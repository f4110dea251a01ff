// The attendee's payment forms (no account, behind a personal link): the page Stripe Checkout sends
// them back to without paying, and the payment page of their manage link.
import { z } from 'zod'
import { PAYMENT_METHODS } from './rules.ts'

/** Back from Checkout without paying (/paiement/<id>/annule): resume the card payment, pay by transfer, or give the seat back. */
export const CheckoutCancelledSchema = z.object({
  intent: z.enum(['retry', 'transfer', 'release'], { error: 'paymentsCard.error.intent' }),
})

/**
 * The registrant's payment page (/r/<token>/paiement): pay by card, or switch to another method the
 * event accepts (a purchase order needs its number). The service checks the method against the event.
 */
export const PaymentPageSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({ intent: z.literal('card') }),
    z
      .object({
        intent: z.literal('switch'),
        paymentMethod: z.enum(PAYMENT_METHODS, { error: 'payments.error.methodRequired' }),
        purchaseOrderNumber: z.string().trim().max(60, { error: 'payments.error.purchaseOrderRequired' }).optional(),
      })
      .refine((v) => v.paymentMethod !== 'purchase_order' || !!v.purchaseOrderNumber, {
        path: ['purchaseOrderNumber'],
        error: 'payments.error.purchaseOrderRequired',
      }),
  ],
  { error: 'register.error.type' },
)

// The ticket and payment fields of the registration form, checked with the other fields before
// registering. Shared by server and browser: no server import here.
import type { FieldErrors, PaymentFields } from '#app/modules/registrations/form.ts'

/**
 * The errors the form can tell before registering (the quota itself is checked when the seat is
 * taken): a ticket among those offered, a payment method among those available for a paid one,
 * and the purchase-order number with a purchase order.
 */
export function checkPaymentFields(
  f: PaymentFields,
  tickets: { id: string; priceCents: number; soldOut: boolean }[],
  methods: readonly string[],
): FieldErrors {
  if (tickets.length === 0) return {}
  const ticket = tickets.find((t) => t.id === f.ticketTypeId)
  if (!ticket) return { ticketTypeId: [f.ticketTypeId ? 'payments.error.ticketInvalid' : 'payments.error.ticketRequired'] }
  if (ticket.soldOut) return { ticketTypeId: ['payments.error.soldOut'] }
  if (ticket.priceCents <= 0) return {}
  if (!methods.includes(f.paymentMethod)) return { paymentMethod: ['payments.error.methodRequired'] }
  if (f.paymentMethod === 'purchase_order' && !f.purchaseOrderNumber)
    return { purchaseOrderNumber: ['payments.error.purchaseOrderRequired'] }
  return {}
}

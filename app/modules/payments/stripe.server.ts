// PLACEHOLDER so that pay-core compiles on its own: the stripe helper owns this file and the lead
// takes the stripe branch's version at merge. Same exported names and signatures; card payment
// is reported available only when both keys are set, and nothing here talks to Stripe.
export function cardPaymentsAvailable(): boolean {
  return Boolean(process.env.STRIPE_SECRET_KEY && process.env.STRIPE_WEBHOOK_SECRET)
}

export async function startCheckout(paymentId: string, _request?: Request, _now = new Date()): Promise<string> {
  throw new Error(`startCheckout(${paymentId}): placeholder, the stripe helper's version replaces this file`)
}

export type RefundOutcome = 'succeeded' | 'failed' | 'retry_later' | 'nothing_to_do'

export async function refundPayment(_paymentId: string, _now = new Date()): Promise<RefundOutcome> {
  return 'retry_later'
}

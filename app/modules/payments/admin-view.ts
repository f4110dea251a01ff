// How organisers read a registration's payment, in the list and in the exports: which payment
// is the current one, and its state in words. Plain functions (the browser loads them too).
import { translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'

export type PaymentLike = {
  id: string
  method: string
  status: string
  amountCents: number
  reference: string
  purchaseOrderNumber: string | null
  receiptNumber: number | null
  refundStatus: string
  refundCents: number | null
  createdAt: Date | string
}

/**
 * The payment that tells where the registration stands: the pending or paid one (at most one
 * of them exists), else the latest attempt (expired, cancelled).
 */
export function currentPayment<P extends PaymentLike>(payments: readonly P[]): P | null {
  const byNewest = [...payments].sort((a, b) => new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime())
  return (
    byNewest.find((p) => p.status === 'pending') ??
    byNewest.find((p) => p.status === 'paid' || p.status === 'refunded') ??
    byNewest[0] ??
    null
  )
}

export type PaymentState =
  | 'awaiting_transfer'
  | 'awaiting_purchase_order'
  | 'awaiting_card'
  | 'paid'
  | 'to_refund_by_transfer'
  | 'refund_pending'
  | 'refund_failed'
  | 'refunded'
  | 'not_refundable'
  | 'expired'
  | 'cancelled'

/**
 * The state an organiser acts on. A cancelled transfer or purchase order waiting for its refund
 * (refundStatus pending, not a card) is "to refund by transfer": the organiser pays it back
 * and then marks it refunded.
 */
export function paymentState(p: Pick<PaymentLike, 'method' | 'status' | 'refundStatus'>): PaymentState {
  if (p.status === 'pending')
    return p.method === 'card' ? 'awaiting_card' : p.method === 'purchase_order' ? 'awaiting_purchase_order' : 'awaiting_transfer'
  if (p.refundStatus === 'pending') return p.method === 'card' ? 'refund_pending' : 'to_refund_by_transfer'
  if (p.refundStatus === 'failed') return 'refund_failed'
  if (p.refundStatus === 'succeeded' || p.status === 'refunded') return 'refunded'
  if (p.status === 'paid') return p.refundStatus === 'not_refundable' ? 'not_refundable' : 'paid'
  return p.status === 'expired' ? 'expired' : 'cancelled'
}

export function paymentStateLabel(locale: Locale, p: Pick<PaymentLike, 'method' | 'status' | 'refundStatus'>) {
  return translate(locale, `paymentsAdmin.state.${paymentState(p)}` as MessageKey)
}

export function methodLabel(locale: Locale, method: string) {
  return ['card', 'transfer', 'purchase_order'].includes(method)
    ? translate(locale, `paymentsAdmin.method.${method}` as MessageKey)
    : method
}

/** States whose colour warns the organiser that something is to do or went wrong. */
export function paymentStateTone(state: PaymentState): 'ok' | 'todo' | 'neutral' | 'problem' {
  if (state === 'paid' || state === 'refunded') return 'ok'
  if (
    state === 'awaiting_transfer' ||
    state === 'awaiting_purchase_order' ||
    state === 'awaiting_card' ||
    state === 'to_refund_by_transfer' ||
    state === 'refund_pending'
  )
    return 'todo'
  if (state === 'refund_failed') return 'problem'
  return 'neutral'
}

/**
 * "000012": the receipt number as printed on receipts. The same as rules.ts's
 * formatReceiptNumber (a test keeps them equal), which the browser can't load: rules.ts imports
 * node:crypto.
 */
export function receiptNumberText(n: number) {
  return String(n).padStart(6, '0')
}

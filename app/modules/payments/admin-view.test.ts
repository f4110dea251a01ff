import { describe, expect, test } from 'vitest'
import { currentPayment, methodLabel, paymentState, paymentStateLabel, receiptNumberText, type PaymentLike } from './admin-view.ts'

let n = 0
function payment(over: Partial<PaymentLike>): PaymentLike {
  n++
  return {
    id: `p${n}`,
    method: 'transfer',
    status: 'pending',
    amountCents: 4500,
    reference: `ESS-${n}`,
    purchaseOrderNumber: null,
    receiptNumber: null,
    refundStatus: 'none',
    refundCents: null,
    createdAt: new Date(2026, 10, n),
    ...over,
  }
}

describe('current payment', () => {
  test('the pending one, else the paid one, else the latest attempt', () => {
    const expired = payment({ method: 'card', status: 'expired', createdAt: new Date('2026-11-01') })
    const pending = payment({ status: 'pending', createdAt: new Date('2026-11-02') })
    expect(currentPayment([expired, pending])?.id).toBe(pending.id)
    const paid = payment({ status: 'paid', createdAt: new Date('2026-11-01') })
    const laterCancelled = payment({ status: 'cancelled', createdAt: new Date('2026-11-05') })
    expect(currentPayment([laterCancelled, paid])?.id).toBe(paid.id)
    expect(currentPayment([expired, laterCancelled])?.id).toBe(laterCancelled.id)
    expect(currentPayment([])).toBeNull()
  })
})

describe('payment state', () => {
  test('what the organiser has to do, by method and status', () => {
    expect(paymentState({ method: 'transfer', status: 'pending', refundStatus: 'none' })).toBe('awaiting_transfer')
    expect(paymentState({ method: 'purchase_order', status: 'pending', refundStatus: 'none' })).toBe('awaiting_purchase_order')
    expect(paymentState({ method: 'card', status: 'pending', refundStatus: 'none' })).toBe('awaiting_card')
    expect(paymentState({ method: 'transfer', status: 'paid', refundStatus: 'none' })).toBe('paid')
    expect(paymentState({ method: 'transfer', status: 'paid', refundStatus: 'pending' })).toBe('to_refund_by_transfer')
    expect(paymentState({ method: 'card', status: 'paid', refundStatus: 'pending' })).toBe('refund_pending')
    expect(paymentState({ method: 'card', status: 'paid', refundStatus: 'failed' })).toBe('refund_failed')
    expect(paymentState({ method: 'transfer', status: 'refunded', refundStatus: 'succeeded' })).toBe('refunded')
    expect(paymentState({ method: 'card', status: 'paid', refundStatus: 'not_refundable' })).toBe('not_refundable')
    expect(paymentState({ method: 'card', status: 'expired', refundStatus: 'none' })).toBe('expired')
    expect(paymentState({ method: 'transfer', status: 'cancelled', refundStatus: 'none' })).toBe('cancelled')
  })
  test('labels in both languages', () => {
    expect(paymentStateLabel('fr', { method: 'transfer', status: 'paid', refundStatus: 'pending' })).toBe(
      'Payé, remboursement à effectuer par virement',
    )
    expect(paymentStateLabel('en', { method: 'transfer', status: 'pending', refundStatus: 'none' })).toBe('Awaited')
    expect(methodLabel('fr', 'purchase_order')).toBe('Bon de commande')
  })
})

test('receipt numbers read as on the receipts', async () => {
  const { formatReceiptNumber } = await import('./rules.ts')
  for (const n of [1, 12, 123456, 1234567]) expect(receiptNumberText(n)).toBe(formatReceiptNumber(n))
})

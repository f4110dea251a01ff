// The ticket and payment fields of the registration form, checked before registering.
import { describe, expect, test } from 'vitest'
import { paymentFieldsOf } from '#app/modules/registrations/form.ts'
import { checkPaymentFields } from './registration-fields.ts'

const tickets = [
  { id: 'full', priceCents: 4500, soldOut: false },
  { id: 'reduced', priceCents: 2000, soldOut: true },
  { id: 'free', priceCents: 0, soldOut: false },
]
const methods = ['transfer', 'purchase_order']

describe('payment fields', () => {
  test('read from a form or a JSON body, trimmed', () => {
    const form = new FormData()
    form.set('ticketTypeId', ' full ')
    form.set('paymentMethod', 'transfer')
    expect(paymentFieldsOf(form)).toEqual({ ticketTypeId: 'full', paymentMethod: 'transfer', purchaseOrderNumber: '' })
    expect(paymentFieldsOf({ ticketTypeId: 'free', paymentMethod: 3 })).toEqual({
      ticketTypeId: 'free',
      paymentMethod: '',
      purchaseOrderNumber: '',
    })
  })

  test('no tickets: nothing to check; a ticket is required, known and not sold out', () => {
    expect(checkPaymentFields({ ticketTypeId: '', paymentMethod: '', purchaseOrderNumber: '' }, [], methods)).toEqual({})
    expect(checkPaymentFields({ ticketTypeId: '', paymentMethod: '', purchaseOrderNumber: '' }, tickets, methods)).toEqual({
      ticketTypeId: ['payments.error.ticketRequired'],
    })
    expect(checkPaymentFields({ ticketTypeId: 'nope', paymentMethod: '', purchaseOrderNumber: '' }, tickets, methods)).toEqual({
      ticketTypeId: ['payments.error.ticketInvalid'],
    })
    expect(checkPaymentFields({ ticketTypeId: 'reduced', paymentMethod: 'transfer', purchaseOrderNumber: '' }, tickets, methods)).toEqual({
      ticketTypeId: ['payments.error.soldOut'],
    })
  })

  test('a free ticket needs no method; a paid one needs an available method, and a purchase order its number', () => {
    expect(checkPaymentFields({ ticketTypeId: 'free', paymentMethod: '', purchaseOrderNumber: '' }, tickets, methods)).toEqual({})
    expect(checkPaymentFields({ ticketTypeId: 'full', paymentMethod: 'card', purchaseOrderNumber: '' }, tickets, methods)).toEqual({
      paymentMethod: ['payments.error.methodRequired'],
    })
    expect(
      checkPaymentFields({ ticketTypeId: 'full', paymentMethod: 'purchase_order', purchaseOrderNumber: '' }, tickets, methods),
    ).toEqual({ purchaseOrderNumber: ['payments.error.purchaseOrderRequired'] })
    expect(
      checkPaymentFields({ ticketTypeId: 'full', paymentMethod: 'purchase_order', purchaseOrderNumber: 'BC-1' }, tickets, methods),
    ).toEqual({})
  })
})

// The registrant's payment page (/r/<token>/paiement) parses its forms with Zod (Conform's reply):
// switching to a purchase order without its number, or an unknown button, is a 400 with the
// field's error, and the payment stays as it was.
import { describe, expect, test } from 'vitest'
import { register } from '#app/composition/registrations.server.ts'
import { prisma } from '#app/db.server.ts'
import type { FormReply } from '#app/utils/submission.server.ts'
import { makeEvent, makeOrganisation, person } from '#tests/support/factories.ts'
import { makeTicketType, setBankDetails, setPaymentSettings } from '#tests/support/payment-fixtures.ts'

type Reply = { data: FormReply; init: ResponseInit | null }

describe('the payment page refuses bad input', () => {
  test('a purchase order without its number, and an unknown intent', async () => {
    const org = await makeOrganisation()
    await setBankDetails(org.id)
    const event = await makeEvent(org.id, { capacity: 10 })
    await setPaymentSettings(event.id, { acceptsCard: false, acceptsTransfer: true, acceptsPurchaseOrder: true, paymentHoldMinutes: 30 })
    const ticket = await makeTicketType(event.id, { priceCents: 4500 })
    const r = await register(event.id, { ...person(), ticketTypeId: ticket.id, paymentMethod: 'transfer' })
    const token = r.manageToken
    const route = await import('#app/routes/links/r.$token_.paiement.tsx')
    const post = (fields: Record<string, string>) =>
      route.action({
        request: new Request(`http://localhost/r/${token}/paiement`, { method: 'POST', body: new URLSearchParams(fields) }),
        params: { token },
        context: {},
      }) as unknown as Promise<Reply>

    const noNumber = await post({ intent: 'switch', paymentMethod: 'purchase_order', purchaseOrderNumber: '  ' })
    expect(noNumber.init?.status).toBe(400)
    expect(noNumber.data.result.error).toEqual({ purchaseOrderNumber: ['payments.error.purchaseOrderRequired'] })

    const unknown = await post({ intent: 'refund' })
    expect(unknown.init?.status).toBe(400)
    expect(unknown.data.result.error).toEqual({ intent: ['register.error.type'] })

    const payments = await prisma.payment.findMany({ where: { registrationId: r.registration.id } })
    expect(payments.map((p) => [p.method, p.status])).toEqual([['transfer', 'pending']])
  })
})

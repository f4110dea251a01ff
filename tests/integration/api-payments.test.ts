// The JSON API with paid tickets: GET event lists the tickets with their prices; POST
// registration takes a ticket and a transfer or purchase order, refuses card, and answers with
// the payment to make (SQLite and PostgreSQL).
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import * as eventRoute from '#app/routes/api/api.v1.events.$slug.ts'
import * as registrationsRoute from '#app/routes/api/api.v1.events.$slug.registrations.ts'
import { makeEvent, makeOrganisation } from '#tests/support/factories.ts'
import { makeTicketType, setBankDetails, setPaymentSettings } from '#tests/support/payment-fixtures.ts'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>
type RouteFn = (args: { request: Request; params: Record<string, string>; context: Record<string, never> }) => Response | Promise<Response>

let ip = 10
function req(path: string, body?: unknown) {
  const headers = new Headers({ 'x-essor-remote-addr': `198.51.100.${ip++}` })
  if (body !== undefined) headers.set('Content-Type', 'application/json')
  return new Request(`http://localhost/api/v1${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}
async function call(fn: RouteFn, request: Request, params: Record<string, string>) {
  const response = await fn({ request, params, context: {} })
  return { status: response.status, body: (await response.json()) as Json }
}
let n = 0
const person = (extra: Json = {}) => ({
  firstName: 'Camille',
  lastName: `Martin ${++n}`,
  email: `camille.api${n}.${Date.now()}@asso.example`,
  organisation: 'Recyclerie',
  consent: true,
  ...extra,
})

async function paidEvent() {
  const org = await makeOrganisation()
  await setBankDetails(org.id)
  const event = await makeEvent(org.id, { capacity: 10 })
  await setPaymentSettings(event.id, { acceptsCard: true, acceptsTransfer: true, acceptsPurchaseOrder: true })
  const full = await makeTicketType(event.id, { name: 'Plein tarif', priceCents: 4500, position: 0 })
  const reduced = await makeTicketType(event.id, { name: 'Tarif réduit', kind: 'reduced', priceCents: 2000, quota: 3, position: 1 })
  await makeTicketType(event.id, { name: 'Ancien tarif', priceCents: 3000, archivedAt: new Date(), position: 2 })
  return { event, full, reduced }
}

describe('API with paid tickets', () => {
  test('GET event lists the tickets on sale with prices and the methods usable through the API', async () => {
    const { event, full, reduced } = await paidEvent()
    const { status, body } = await call(eventRoute.loader as RouteFn, req(`/events/${event.slug}`), { slug: event.slug })
    expect(status).toBe(200)
    expect(body.ticketTypes).toEqual([
      expect.objectContaining({
        id: full.id,
        name: 'Plein tarif',
        priceCents: 4500,
        price: '45,00\u00a0€',
        ticketsLeft: null,
        soldOut: false,
      }),
      expect.objectContaining({ id: reduced.id, name: 'Tarif réduit', priceCents: 2000, ticketsLeft: 3 }),
    ])
    expect(body.paymentMethods).toEqual(['transfer', 'purchase_order'])
  })

  test('POST with a transfer: 201 pending_payment with the payment reference; card refused with a clear error; ticket required', async () => {
    const { event, full } = await paidEvent()
    const ok = await call(
      registrationsRoute.action as RouteFn,
      req(`/events/${event.slug}/registrations`, person({ ticketTypeId: full.id, paymentMethod: 'transfer' })),
      { slug: event.slug },
    )
    expect(ok.status).toBe(201)
    expect(ok.body).toMatchObject({ status: 'pending_payment', payment: { method: 'transfer', amountCents: 4500, currency: 'eur' } })
    expect(ok.body.payment.reference).toMatch(/^ESS-/)
    expect(ok.body.payment.paymentUrl).toMatch(/\/r\/[a-z0-9]+\/paiement$/)

    const card = await call(
      registrationsRoute.action as RouteFn,
      req(`/events/${event.slug}/registrations`, person({ ticketTypeId: full.id, paymentMethod: 'card' })),
      { slug: event.slug },
    )
    expect(card.status).toBe(422)
    expect(card.body.errors.paymentMethod[0]).toMatch(/carte|card/i)

    const none = await call(registrationsRoute.action as RouteFn, req(`/events/${event.slug}/registrations`, person()), {
      slug: event.slug,
    })
    expect(none.status).toBe(422)
    expect(Object.keys(none.body.errors)).toContain('ticketTypeId')
    expect(await prisma.registration.count({ where: { eventId: event.id } })).toBe(1)
  })
})

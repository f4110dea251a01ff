// Access codes through the real register() pipeline: prices, hidden tickets, field errors, the
// use limit under concurrent registrations, uses given back on cancellation, and the organisers' side.
import { describe, expect, test } from 'vitest'
import { cancelRegistration, register } from '#app/composition/registrations.server.ts'
import { prisma } from '#app/db.server.ts'
import { isAppError } from '#app/utils/errors.ts'
import { makeEvent, makeOrganisation, person } from '#tests/support/factories.ts'
import { makeTicketType, setBankDetails, setPaymentSettings } from '#tests/support/payment-fixtures.ts'
import { createCode, deactivateCode, hiddenTicketIds, listCodes, redemptionsOf, ticketOfCode } from './service.server.ts'

async function paidEvent(capacity: number | null = 100) {
  const org = await makeOrganisation()
  await setBankDetails(org.id)
  const event = await makeEvent(org.id, { capacity })
  await setPaymentSettings(event.id, { acceptsTransfer: true })
  const ticket = await makeTicketType(event.id, { priceCents: 12_000 })
  return { org, event, ticket }
}

const buy = (ticketTypeId: string, accessCode?: string) => ({ ...person(), ticketTypeId, paymentMethod: 'transfer', accessCode })

async function codeOf(error: Promise<unknown>) {
  const e = await error.catch((x: unknown) => x)
  return isAppError(e) ? { code: e.code, fields: e.fields } : e
}

describe('access codes in registration', () => {
  test('a percent code lowers the payment; a fixed one takes its amount off; the use is recorded', async () => {
    const { org, event, ticket } = await paidEvent()
    await createCode(org.id, event.id, { code: 'moins20', kind: 'percent', amount: 20, ticketTypeId: ticket.id })
    await createCode(org.id, event.id, { code: 'MOINS25E', kind: 'fixed', amount: 2_500, ticketTypeId: ticket.id })
    const a = await register(event.id, buy(ticket.id, ' Moins20 '))
    expect(a.outcome).toBe('pending_payment')
    expect(a.payment?.amountCents).toBe(9_600)
    const b = await register(event.id, buy(ticket.id, 'moins25e'))
    expect(b.payment?.amountCents).toBe(9_500)
    const plain = await register(event.id, buy(ticket.id))
    expect(plain.payment?.amountCents).toBe(12_000)
    const rows = await redemptionsOf(org.id, event.id)
    expect(rows.map((r) => [r.accessCode.code, r.priceCents, r.discountCents])).toEqual([
      ['MOINS20', 9_600, 2_400],
      ['MOINS25E', 9_500, 2_500],
    ])
  })

  test('a free code confirms a paid ticket without a payment or a payment method', async () => {
    const { org, event, ticket } = await paidEvent()
    await createCode(org.id, event.id, { code: 'INVITE', kind: 'free', ticketTypeId: ticket.id, maxUses: 1 })
    const r = await register(event.id, { ...person(), ticketTypeId: ticket.id, accessCode: 'invite' })
    expect(r.outcome).toBe('confirmed')
    expect(await prisma.payment.count({ where: { registrationId: r.registration.id } })).toBe(0)
    // One-off: the second use is refused next to the field.
    expect(await codeOf(register(event.id, buy(ticket.id, 'INVITE')))).toEqual({
      code: 'access_code_exhausted',
      fields: { accessCode: ['accessCodes.error.exhausted'] },
    })
  })

  test('a hidden ticket needs its unlock code; organisers adding by hand do not', async () => {
    const { org, event, ticket } = await paidEvent()
    const hidden = await makeTicketType(event.id, { name: 'Partenaires', priceCents: 3_000, position: 1 })
    await createCode(org.id, event.id, { code: 'PARTNER', kind: 'unlock', ticketTypeId: hidden.id })
    expect([...(await hiddenTicketIds(event.id))]).toEqual([hidden.id])
    expect(await ticketOfCode(event.id, 'partner')).toBe(hidden.id)
    expect(await codeOf(register(event.id, buy(hidden.id)))).toMatchObject({ code: 'access_code_required' })
    const r = await register(event.id, buy(hidden.id, 'partner'))
    expect(r.payment?.amountCents).toBe(3_000)
    // The visible ticket stays open to all.
    expect((await register(event.id, buy(ticket.id))).outcome).toBe('pending_payment')
    const manual = await register(event.id, { ...person(), ticketTypeId: hidden.id, paymentMethod: 'transfer' }, { source: 'manual' })
    expect(manual.outcome).toBe('pending_payment')
  })

  test('unknown, expired, not-yet-valid, deactivated and other-ticket codes are refused with their reason, and nothing is written', async () => {
    const { org, event, ticket } = await paidEvent()
    const other = await makeTicketType(event.id, { name: 'Étudiant', priceCents: 2_000, position: 1 })
    const day = 86_400_000
    await createCode(org.id, event.id, {
      code: 'OLD',
      kind: 'percent',
      amount: 10,
      ticketTypeId: ticket.id,
      validUntil: new Date(Date.now() - day),
    })
    await createCode(org.id, event.id, {
      code: 'SOON',
      kind: 'percent',
      amount: 10,
      ticketTypeId: ticket.id,
      validFrom: new Date(Date.now() + day),
    })
    const off = await createCode(org.id, event.id, { code: 'OFF', kind: 'percent', amount: 10, ticketTypeId: ticket.id })
    await deactivateCode(org.id, off.id)
    await createCode(org.id, event.id, { code: 'STUDENT', kind: 'free', ticketTypeId: other.id })
    const cases: [string, string][] = [
      ['NOPE', 'access_code_unknown'],
      ['OLD', 'access_code_expired'],
      ['SOON', 'access_code_not_yet'],
      ['OFF', 'access_code_inactive'],
      ['student', 'access_code_wrong_ticket'],
    ]
    for (const [code, expected] of cases) expect(await codeOf(register(event.id, buy(ticket.id, code)))).toMatchObject({ code: expected })
    expect(await prisma.registration.count({ where: { eventId: event.id } })).toBe(0)
    expect((await prisma.event.findUniqueOrThrow({ where: { id: event.id } })).seatsTaken).toBe(0)
  })

  test('50 concurrent uses of a 10-use code give exactly 10', async () => {
    const { org, event, ticket } = await paidEvent(null)
    const code = await createCode(org.id, event.id, { code: 'TEN', kind: 'percent', amount: 50, ticketTypeId: ticket.id, maxUses: 10 })
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => register(event.id, buy(ticket.id, 'ten'))))
    const ok = results.filter((r) => r.status === 'fulfilled')
    const refused = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[]
    expect(ok).toHaveLength(10)
    expect(refused).toHaveLength(40)
    expect(refused.every((r) => isAppError(r.reason) && r.reason.code === 'access_code_exhausted')).toBe(true)
    expect((await prisma.accessCode.findUniqueOrThrow({ where: { id: code.id } })).uses).toBe(10)
    expect(await prisma.accessCodeRedemption.count({ where: { accessCodeId: code.id } })).toBe(10)
    expect(await prisma.registration.count({ where: { eventId: event.id } })).toBe(10)
  })

  test('cancelling a registration gives its use back; the export keeps the released use', async () => {
    const { org, event, ticket } = await paidEvent()
    const code = await createCode(org.id, event.id, { code: 'ONCE', kind: 'fixed', amount: 1_000, ticketTypeId: ticket.id, maxUses: 1 })
    const first = await register(event.id, buy(ticket.id, 'ONCE'))
    await cancelRegistration(first.registration.id, { reason: 'attendee' })
    expect((await prisma.accessCode.findUniqueOrThrow({ where: { id: code.id } })).uses).toBe(0)
    const second = await register(event.id, buy(ticket.id, 'ONCE'))
    expect(second.payment?.amountCents).toBe(11_000)
    const rows = await redemptionsOf(org.id, event.id)
    expect(rows.map((r) => [r.registrationId, r.releasedAt !== null])).toEqual([
      [first.registration.id, true],
      [second.registration.id, false],
    ])
  })
})

describe('organisers’ codes', () => {
  test('codes are stored normalised, unique per event, generated when empty; another organisation sees none', async () => {
    const { org, event, ticket } = await paidEvent()
    const typed = await createCode(
      org.id,
      event.id,
      { code: 'early-bird', kind: 'percent', amount: 15, ticketTypeId: ticket.id },
      { actorUserId: null },
    )
    expect(typed.code).toBe('EARLYBIRD')
    expect(await codeOf(createCode(org.id, event.id, { code: 'EarlyBird', kind: 'free', ticketTypeId: ticket.id }))).toMatchObject({
      fields: { code: ['accessCodes.error.taken'] },
    })
    const generated = await createCode(org.id, event.id, { kind: 'free', ticketTypeId: ticket.id })
    expect(generated.code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/)
    expect((await listCodes(org.id, event.id)).map((c) => c.code).sort()).toEqual([generated.code, 'EARLYBIRD'].sort())
    const stranger = await makeOrganisation()
    await expect(listCodes(stranger.id, event.id)).rejects.toMatchObject({ code: 'not_found' })
    expect(await codeOf(createCode(org.id, event.id, { kind: 'free', ticketTypeId: 'nope' }))).toMatchObject({
      fields: { ticketTypeId: ['accessCodes.error.ticket'] },
    })
  })
})

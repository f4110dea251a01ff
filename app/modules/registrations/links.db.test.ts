// A registration's personal links last as long as the registration: every email mints a link of its
// own and the first one keeps working; only the person's own request for a new link revokes them,
// and an old link then offers to send the current one to the registration's address.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { acceptOffer, cancelRegistration, eraseRegistration, register } from '#app/composition/registrations.server.ts'
import { prisma } from '#app/db.server.ts'
import { markPaid } from '#app/modules/payments/admin.server.ts'
import { resetEnvCache } from '#app/utils/env.server.ts'
import { makeEvent, makeOrganisation, makeUser, person } from '#tests/support/factories.ts'
import { manageLinkState, maskEmail, resendCurrentLink, rotateManageLink } from './links.server.ts'
import { findRegistrationByManageToken, sendReminders } from './service.server.ts'

const opens = async (token: string) => (await findRegistrationByManageToken(token))?.id ?? null
const tokenIn = (payload: string) => /\/r\/([a-z0-9]+)/.exec(payload)?.[1] ?? ''
const lastEmail = (template: string, to: string) =>
  prisma.emailMessage.findFirstOrThrow({ where: { template, toAddress: to }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] })

beforeAll(() => {
  process.env.APP_URL = 'https://essor.example.org'
  resetEnvCache()
})
afterAll(() => {
  delete process.env.APP_URL
  resetEnvCache()
})

describe('personal links', () => {
  test('the first link still opens after the waiting-list offer, its acceptance and the reminder', async () => {
    const org = await makeOrganisation()
    const event = await makeEvent(org.id, { capacity: 1, startsAt: new Date(Date.now() + 36 * 3600_000) })
    await prisma.event.update({ where: { id: event.id }, data: { waitlistEnabled: true } })
    const a = await register(event.id, person())
    const b = await register(event.id, person())
    expect(b.outcome).toBe('waitlisted')
    const first = b.manageToken

    await cancelRegistration(a.registration.id, { reason: 'attendee', now: new Date() })
    const offer = tokenIn((await lastEmail('waitlist-offer', b.registration.email)).payload)
    expect(offer).not.toBe('')
    expect(offer).not.toBe(first)
    expect(await opens(first)).toBe(b.registration.id)
    expect(await opens(offer)).toBe(b.registration.id)

    await acceptOffer(b.registration.id, [], { manageToken: offer })
    expect(await sendReminders()).toBeGreaterThanOrEqual(1)
    const reminder = tokenIn((await lastEmail('event-reminder', b.registration.email)).payload)
    expect(reminder).not.toBe('')
    for (const token of [first, offer, reminder]) expect(await opens(token)).toBe(b.registration.id)
  })

  test('the first link still opens after the organisers mark the transfer paid', async () => {
    const org = await makeOrganisation()
    const organiser = await makeUser()
    await prisma.membership.create({ data: { organisationId: org.id, userId: organiser.id, role: 'organiser' } })
    const event = await makeEvent(org.id, { capacity: 10 })
    await prisma.event.update({ where: { id: event.id }, data: { acceptsTransfer: true } })
    const ticket = await prisma.ticketType.create({ data: { eventId: event.id, kind: 'paid', name: 'Plein tarif', priceCents: 3000 } })
    const r = await register(event.id, { ...person(), ticketTypeId: ticket.id, paymentMethod: 'transfer' })
    const paymentEmail = tokenIn((await lastEmail('payment-instructions', r.registration.email)).payload)
    expect(await opens(r.manageToken)).toBe(r.registration.id)

    await markPaid(r.payment!.id, { userId: organiser.id, organisationId: org.id })
    const confirmed = await prisma.registration.findUniqueOrThrow({ where: { id: r.registration.id } })
    expect(confirmed.status).toBe('confirmed')
    expect(await opens(r.manageToken)).toBe(r.registration.id)
    if (paymentEmail) expect(await opens(paymentEmail)).toBe(r.registration.id)
    const confirmation = tokenIn((await lastEmail('registration-confirmed', r.registration.email)).payload)
    expect(await opens(confirmation)).toBe(r.registration.id)
  })

  test('asking for a new link revokes the earlier ones; an old one offers to re-send the current link', async () => {
    const org = await makeOrganisation()
    const event = await makeEvent(org.id)
    const p = person()
    const first = await register(event.id, p)
    const again = await register(event.id, p)
    expect(await manageLinkState(first.manageToken)).toEqual({ state: 'valid' })

    const sentBefore = await prisma.emailMessage.count({ where: { template: 'registration-link', toAddress: p.email } })
    await rotateManageLink(again.manageToken)
    const current = tokenIn((await lastEmail('registration-link', p.email)).payload)
    expect(await opens(current)).toBe(first.registration.id)
    for (const old of [first.manageToken, again.manageToken]) {
      expect(await opens(old)).toBeNull()
      expect(await manageLinkState(old)).toEqual({ state: 'replaced', registrationId: first.registration.id })
    }

    const resent = await resendCurrentLink(first.manageToken)
    expect(resent).toEqual({ sentTo: maskEmail(p.email), sent: true })
    const fresh = tokenIn((await lastEmail('registration-link', p.email)).payload)
    expect(await opens(fresh)).toBe(first.registration.id)
    // A second request within minutes sends nothing more.
    expect((await resendCurrentLink(first.manageToken)).sent).toBe(false)
    expect(await prisma.emailMessage.count({ where: { template: 'registration-link', toAddress: p.email } })).toBe(sentBefore + 2)
    expect(await manageLinkState('notatoken')).toEqual({ state: 'unknown' })
  })

  test('erasure ends every link', async () => {
    const org = await makeOrganisation()
    const event = await makeEvent(org.id)
    const p = person()
    const first = await register(event.id, p)
    const again = await register(event.id, p)
    await eraseRegistration(first.registration.id)
    expect(await opens(first.manageToken)).toBeNull()
    expect(await opens(again.manageToken)).toBeNull()
    expect(await prisma.registrationLink.count({ where: { registrationId: first.registration.id } })).toBe(0)
  })
})

test('maskEmail keeps the first letter and the domain', () => {
  expect(maskEmail('camille@exemple.org')).toBe('c…@exemple.org')
})

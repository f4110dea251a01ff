// Issue 14: every new email killed the personal links of the earlier ones. The link of a
// registration's FIRST email, read from that email as the person receives it (the outbox row,
// rendered), must still open the personal page after a waiting-list seat offer, after the
// organisers mark a transfer paid, and after the reminder — each of which emails a link of its own.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { acceptOffer, cancelRegistration, register } from '#app/composition/registrations.server.ts'
import { prisma } from '#app/db.server.ts'
import { renderStoredEmail } from '#app/modules/email/render.server.ts'
import { markPaid } from '#app/modules/payments/admin.server.ts'
import { sendReminders } from '#app/modules/registrations/service.server.ts'
import { resetEnvCache } from '#app/utils/env.server.ts'
import { makeEvent, makeOrganisation, makeUser, person } from '#tests/support/factories.ts'
import { postForm } from '#tests/support/form-action.ts'

const APP_URL = 'https://essor.example.org'

beforeAll(() => {
  process.env.APP_URL = APP_URL
  resetEnvCache()
})
afterAll(() => {
  delete process.env.APP_URL
  resetEnvCache()
})

/** A loader's answer: its data, or the Response it threw (a redirect, a 404). */
async function load(loader: (args: never) => unknown, path: string, token: string) {
  try {
    const answer = (await loader({ request: new Request(`http://localhost${path}`), params: { token }, context: {} } as never)) as {
      data: unknown
    }
    return { status: 200, data: answer.data, location: null }
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, data: null, location: thrown.headers.get('Location') }
    throw thrown
  }
}

/** The emails sent to this address, oldest first. */
const mailbox = (to: string) => prisma.emailMessage.findMany({ where: { toAddress: to }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] })

/** The personal link (its token) in an email's text as rendered for the recipient. */
async function linkIn(message: { template: string; payload: string; locale: string }) {
  const { text } = await renderStoredEmail(message)
  const tokens = [...text.matchAll(new RegExp(`${APP_URL}/r/([a-z0-9]+)`, 'g'))].map((m) => m[1]!)
  expect(tokens.length, `a personal link in "${message.template}"`).toBeGreaterThan(0)
  return tokens[0]!
}

/** What the personal page shows for a token (through its loader), or the status it answers. */
async function openPage(token: string) {
  const route = await import('#app/routes/links/r.$token.tsx')
  try {
    const answer = (await route.loader({
      request: new Request(`http://localhost/r/${token}`),
      params: { token },
      context: {},
    })) as unknown as {
      data: { registration: { email: string; status: string } }
    }
    return answer.data.registration
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status
    throw thrown
  }
}

describe('the first emailed link keeps opening the registration', () => {
  test('after a waiting-list seat offer (and accepting it)', async () => {
    const org = await makeOrganisation()
    const event = await makeEvent(org.id, { capacity: 1, waitlistEnabled: true })
    const a = await register(event.id, person())
    const b = await register(event.id, person())
    expect(b.outcome).toBe('waitlisted')
    const [firstEmail] = await mailbox(b.registration.email)
    expect(firstEmail!.template).toBe('registration-waitlisted')
    const first = await linkIn(firstEmail!)

    await cancelRegistration(a.registration.id, { reason: 'attendee', now: new Date() })
    const offerEmail = (await mailbox(b.registration.email)).find((m) => m.template === 'waitlist-offer')
    const offer = await linkIn(offerEmail!)
    expect(offer).not.toBe(first)
    expect(await openPage(first)).toMatchObject({ email: b.registration.email, status: 'offered' })

    await acceptOffer(b.registration.id, [], { manageToken: offer })
    expect(await openPage(first)).toMatchObject({ email: b.registration.email, status: 'confirmed' })
    expect(await openPage(offer)).toMatchObject({ status: 'confirmed' })
  })

  test('after the organisers mark the transfer paid', async () => {
    const org = await makeOrganisation()
    const organiser = await makeUser()
    await prisma.membership.create({ data: { organisationId: org.id, userId: organiser.id, role: 'organiser' } })
    const event = await makeEvent(org.id, { capacity: 10 })
    await prisma.event.update({ where: { id: event.id }, data: { acceptsTransfer: true } })
    const ticket = await prisma.ticketType.create({ data: { eventId: event.id, kind: 'paid', name: 'Plein tarif', priceCents: 3000 } })
    const r = await register(event.id, { ...person(), ticketTypeId: ticket.id, paymentMethod: 'transfer' })
    const [firstEmail] = await mailbox(r.registration.email)
    const first = await linkIn(firstEmail!)
    expect(await openPage(first)).toMatchObject({ status: 'pending_payment' })

    await markPaid(r.payment!.id, { userId: organiser.id, organisationId: org.id })
    const confirmation = (await mailbox(r.registration.email)).find((m) => m.template === 'registration-confirmed')
    const confirmed = await linkIn(confirmation!)
    expect(await openPage(first)).toMatchObject({ email: r.registration.email, status: 'confirmed' })
    expect(await openPage(confirmed)).toMatchObject({ status: 'confirmed' })
  })

  test('after the reminder', async () => {
    const org = await makeOrganisation()
    const event = await makeEvent(org.id, { capacity: 10, startsAt: new Date(Date.now() + 36 * 3600_000) })
    const r = await register(event.id, person())
    const [firstEmail] = await mailbox(r.registration.email)
    expect(firstEmail!.template).toBe('registration-confirmed')
    const first = await linkIn(firstEmail!)

    expect(await sendReminders()).toBeGreaterThanOrEqual(1)
    const reminderEmail = (await mailbox(r.registration.email)).find((m) => m.template === 'event-reminder')
    const reminder = await linkIn(reminderEmail!)
    expect(reminder).not.toBe(first)
    expect(await openPage(first)).toMatchObject({ email: r.registration.email, status: 'confirmed' })
    expect(await openPage(reminder)).toMatchObject({ status: 'confirmed' })
  })

  test('an unknown token is still a 404', async () => {
    expect(await openPage('abcdefghijklmnopqrstuvwxyz234567')).toBe(404)
  })
})

describe('asking for a new link, then opening an old one', () => {
  test('the old link lands on the replaced-link page, which re-sends the current link to the registration’s address, once per few minutes', async () => {
    const manage = await import('#app/routes/links/r.$token.tsx')
    const replaced = await import('#app/routes/links/r.$token_.remplace.tsx')
    const receipt = await import('#app/routes/links/r.$token_.recu.tsx')
    const org = await makeOrganisation()
    const event = await makeEvent(org.id, { capacity: 10, title: 'Forum de l’ESS' })
    const p = person({ email: `camille.${Date.now()}@exemple.org` })
    const r = await register(event.id, p)
    const old = await linkIn((await mailbox(p.email))[0]!)
    const linkEmails = async () => (await mailbox(p.email)).filter((m) => m.template === 'registration-link')

    // The personal page offers the new link; asking for it sends it and leads to the replaced-link page.
    const rotated = await postForm(manage.action, `/r/${old}`, { intent: 'newLink' }, { params: { token: old } })
    expect(rotated.status).toBe(302)
    const sent = await linkEmails()
    expect(sent).toHaveLength(1)
    const current = await linkIn(sent[0]!)
    expect(current).not.toBe(old)
    expect(await openPage(current)).toMatchObject({ email: p.email })

    // The old link, on the page and its sub-pages, now goes to the replaced-link page.
    for (const [loader, path] of [
      [manage.loader, `/r/${old}`],
      [receipt.loader, `/r/${old}/recu`],
    ] as const) {
      expect(await load(loader, path, old)).toMatchObject({ status: 302, location: `/r/${old}/remplace` })
    }
    const page = await load(replaced.loader, `/r/${old}/remplace`, old)
    expect(page).toMatchObject({ status: 200, data: { sentTo: 'c…@exemple.org', eventTitle: 'Forum de l’ESS' } })
    expect(JSON.stringify(page.data)).not.toContain(p.email)
    // Posting on the personal page with the old link changes nothing there either.
    expect((await postForm(manage.action, `/r/${old}`, { intent: 'newLink' }, { params: { token: old } })).status).toBe(302)
    expect(await linkEmails()).toHaveLength(1)

    // Re-sending: one more working link to the registration's own address…
    const resent = await postForm(replaced.action, `/r/${old}/remplace`, { intent: 'resend' }, { params: { token: old } })
    expect(resent.status).toBe(200)
    expect(resent.body).toMatchObject({ resent: { sent: true, sentTo: 'c…@exemple.org' } })
    const afterResend = await linkEmails()
    expect(afterResend).toHaveLength(2)
    expect(afterResend[1]!.toAddress).toBe(p.email)
    const fresh = await linkIn(afterResend[1]!)
    expect(await openPage(fresh)).toMatchObject({ email: p.email })
    expect(await openPage(current)).toMatchObject({ email: p.email })
    // …and not again within minutes: the page says a link went out already.
    const again = await postForm(replaced.action, `/r/${old}/remplace`, { intent: 'resend' }, { params: { token: old } })
    expect(again.status).toBe(429)
    expect(again.body).toMatchObject({ resent: { sent: false, sentTo: 'c…@exemple.org' } })
    expect(await linkEmails()).toHaveLength(2)
    // The old link itself stays replaced.
    expect(await openPage(old)).toBe(302)
    expect(r.registration.email).toBe(p.email)
  })

  test('the replaced-link page is only for replaced links', async () => {
    const replaced = await import('#app/routes/links/r.$token_.remplace.tsx')
    const org = await makeOrganisation()
    const event = await makeEvent(org.id, { capacity: 10 })
    const p = person()
    await register(event.id, p)
    const working = await linkIn((await mailbox(p.email))[0]!)
    expect(await load(replaced.loader, `/r/${working}/remplace`, working)).toMatchObject({ status: 302, location: `/r/${working}` })
    const unknown = 'abcdefghijklmnopqrstuvwxyz234567'
    expect(await load(replaced.loader, `/r/${unknown}/remplace`, unknown)).toMatchObject({ status: 404 })
    for (const token of [working, unknown]) {
      expect((await postForm(replaced.action, `/r/${token}/remplace`, { intent: 'resend' }, { params: { token } })).status).toBe(404)
    }
    expect((await mailbox(p.email)).filter((m) => m.template === 'registration-link')).toHaveLength(0)
  })
})

describe('asking for new links again and again', () => {
  test('a registration gets at most NEW_LINK_LIMIT new links per hour; the next ask says so and sends nothing', async () => {
    const { NEW_LINK_LIMIT } = await import('#app/modules/registrations/links.server.ts')
    const manage = await import('#app/routes/links/r.$token.tsx')
    const org = await makeOrganisation()
    const event = await makeEvent(org.id, { capacity: 10 })
    const p = person({ email: `dominique.${Date.now()}@exemple.org` })
    await register(event.id, p)
    let token = await linkIn((await mailbox(p.email))[0]!)
    const linkEmails = async () => (await mailbox(p.email)).filter((m) => m.template === 'registration-link')

    // Each time from the newest link (the holder of the current link is the one who can ask).
    for (let i = 1; i <= NEW_LINK_LIMIT.limit; i++) {
      const rotated = await postForm(manage.action, `/r/${token}`, { intent: 'newLink' }, { params: { token } })
      expect(rotated.status).toBe(302)
      const sent = await linkEmails()
      expect(sent).toHaveLength(i)
      token = await linkIn(sent.at(-1)!)
    }
    const refused = await postForm(manage.action, `/r/${token}`, { intent: 'newLink' }, { params: { token } })
    expect(refused.status).toBe(429)
    expect(JSON.stringify(refused.body)).toContain('Vous avez déjà demandé plusieurs nouveaux liens ces derniers temps\u202f:')
    expect(await linkEmails()).toHaveLength(NEW_LINK_LIMIT.limit)
    // The link it was asked from still opens the page: nothing was rotated.
    expect(await openPage(token)).toMatchObject({ email: p.email })

    // Another registration is not held back by this one's count.
    const q = person({ email: `eli.${Date.now()}@exemple.org` })
    await register(event.id, q)
    const other = await linkIn((await mailbox(q.email))[0]!)
    expect((await postForm(manage.action, `/r/${other}`, { intent: 'newLink' }, { params: { token: other } })).status).toBe(302)
  })
})

describe('the calendar file of a replaced link', () => {
  test('answers 410 Gone (the link was replaced on purpose); the current link serves the file; an unknown one is a 404', async () => {
    const manage = await import('#app/routes/links/r.$token.tsx')
    const ics = await import('#app/routes/links/r.$token.ics.ts')
    const calendar = async (token: string) => {
      try {
        return (await ics.loader({ request: new Request(`http://localhost/r/${token}.ics`), params: { token }, context: {} })) as Response
      } catch (thrown) {
        if (thrown instanceof Response) return thrown
        throw thrown
      }
    }
    const org = await makeOrganisation()
    const event = await makeEvent(org.id, { capacity: 10, title: 'Rencontres de l’ESS' })
    const p = person({ email: `fanny.${Date.now()}@exemple.org` })
    await register(event.id, p)
    const old = await linkIn((await mailbox(p.email))[0]!)
    const before = await calendar(old)
    expect(before.status).toBe(200)
    expect(await before.text()).toContain('BEGIN:VCALENDAR')

    await postForm(manage.action, `/r/${old}`, { intent: 'newLink' }, { params: { token: old } })
    const current = await linkIn((await mailbox(p.email)).filter((m) => m.template === 'registration-link')[0]!)
    const gone = await calendar(old)
    expect(gone.status).toBe(410)
    expect(await gone.text()).not.toContain('BEGIN:VCALENDAR')
    const served = await calendar(current)
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toContain('text/calendar')
    expect(await served.text()).toContain(current)
    expect((await calendar('abcdefghijklmnopqrstuvwxyz234567')).status).toBe(404)
  })
})

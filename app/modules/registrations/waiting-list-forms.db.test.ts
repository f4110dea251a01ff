// The organisers' waiting list through its routes: the queue page's loader and its one-button
// forms (offer a seat now, move up, move to the top), and the edit form's capacity, which says how
// many waiting people it will offer a seat to before saving and how many it did afterwards.
import { describe, expect, test } from 'vitest'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { register } from '#app/composition/registrations.server.ts'
import { prisma } from '#app/db.server.ts'
import { eventToFormValues } from '#app/modules/events/schema.ts'
import * as editRoute from '#app/routes/organisers/o.$org.events.$eventId.edit.tsx'
import * as queueRoute from '#app/routes/organisers/o.$org.events.$eventId.waiting-list.tsx'
import { takeToast } from '#app/utils/toast.server.ts'
import { makeEvent, makeMember, makeOrganisation, person } from '#tests/support/factories.ts'
import { sessionCookieFor } from '#tests/support/form-action.ts'

type Reply = {
  data: { result: { error?: Record<string, string[]> }; ask?: { offers: number; changes: string[] } }
  init: { status?: number } | null
}

async function fullEventWithQueue(waiting: number, role: 'organiser' | 'checkin' = 'organiser') {
  const org = await makeOrganisation()
  // Whole minutes: the edit form's datetime-local fields give the same dates back, so no date "changes".
  const startsAt = new Date(Math.ceil((Date.now() + 30 * 24 * 3600_000) / 3600_000) * 3600_000)
  const event = await makeEvent(org.id, {
    capacity: 1,
    waitlistEnabled: true,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 8 * 3600_000),
  })
  await register(event.id, person())
  const queue: string[] = []
  for (let i = 0; i < waiting; i++) {
    // Names in reverse alphabetical order: a list sorted by name would show them backwards.
    const r = await register(event.id, { ...person(), lastName: `Attente ${String.fromCharCode(90 - i)}` })
    expect(r.outcome).toBe('waitlisted')
    queue.push(r.registration.id)
  }
  const cookie = await sessionCookieFor((await makeMember(org.id, role)).id)
  const params = { org: org.slug, eventId: event.id }
  const url = `http://localhost/o/${org.slug}/events/${event.id}`
  async function post(route: { action: (args: ActionFunctionArgs) => Promise<unknown> }, path: string, form: Record<string, string>) {
    const request = new Request(`${url}/${path}`, { method: 'POST', headers: { cookie }, body: new URLSearchParams(form) })
    try {
      return await route.action({ request, params, context: {} })
    } catch (thrown) {
      if (thrown instanceof Response) return thrown
      throw thrown
    }
  }
  async function load() {
    const request = new Request(`${url}/waiting-list`, { headers: { cookie } })
    return queueRoute.loader({ request, params, context: {} } as LoaderFunctionArgs)
  }
  return { org, event, queue, post, load }
}

/** The toast a redirect carries, read back the way the next page would. */
async function toastOf(response: Response) {
  const cookie = response.headers.get('set-cookie')?.split(';')[0] ?? ''
  return (await takeToast(new Request('http://localhost/', { headers: { cookie } }))).toast
}

const statusOf = async (id: string) => (await prisma.registration.findUniqueOrThrow({ where: { id } })).status

describe('the waiting list page', () => {
  test('lists the queue in the order seats are offered, positions 1 to 3, not by name', async () => {
    const { queue, load } = await fullEventWithQueue(3)
    const page = await load()
    expect(page.queue.map((r) => r.id)).toEqual(queue)
    expect(page.queue.map((r) => r.position)).toEqual([1, 2, 3])
    expect(page.queue.map((r) => r.name)).toEqual([
      expect.stringContaining('Attente Z'),
      expect.stringContaining('Attente Y'),
      expect.stringContaining('Attente X'),
    ])
    expect(page.event).toMatchObject({ capacity: 1, seatsTaken: 1, waiting: 3 })
    expect(page.canManage).toBe(true)
  })

  test('offering a seat to the third person of a full event needs the capacity raise confirmed; then they are offered and the others keep their places', async () => {
    const { event, queue, post } = await fullEventWithQueue(3)
    const refused = (await post(queueRoute, 'waiting-list', { intent: 'offer', registrationId: queue[2]! })) as Reply
    expect(refused.init?.status).toBe(409)
    expect(
      Object.values(refused.data.result.error ?? {})
        .flat()
        .join(' '),
    ).toContain('capacité passe à 2')
    expect(await statusOf(queue[2]!)).toBe('waitlisted')

    const done = (await post(queueRoute, 'waiting-list', { intent: 'offer', registrationId: queue[2]!, raiseCapacity: 'yes' })) as Response
    expect(done.status).toBe(302)
    expect(done.headers.get('location')).toBe(
      `/o/${(await prisma.organisation.findUniqueOrThrow({ where: { id: event.organisationId } })).slug}/events/${event.id}/waiting-list`,
    )
    expect(await toastOf(done)).toMatchObject({ type: 'success', key: 'waitlist.toast.offeredRaised', params: { capacity: 2 } })
    expect(await statusOf(queue[2]!)).toBe('offered')
    expect(await statusOf(queue[0]!)).toBe('waitlisted')
    expect(await statusOf(queue[1]!)).toBe('waitlisted')
    expect((await prisma.event.findUniqueOrThrow({ where: { id: event.id } })).capacity).toBe(2)
    const third = await prisma.registration.findUniqueOrThrow({ where: { id: queue[2]! } })
    expect(await prisma.emailMessage.count({ where: { template: 'waitlist-offer', toAddress: third.email } })).toBe(1)

    const again = (await post(queueRoute, 'waiting-list', { intent: 'offer', registrationId: queue[2]!, raiseCapacity: 'yes' })) as Reply
    expect(again.init?.status).toBe(409)
    expect(Object.values(again.data.result.error ?? {}).flat()).toContain('Cette personne n’est plus sur la liste d’attente.')
  })

  test('moving up and to the top reorder the queue and the toast gives the new place', async () => {
    const { queue, post, load } = await fullEventWithQueue(3)
    const up = (await post(queueRoute, 'waiting-list', { intent: 'up', registrationId: queue[2]! })) as Response
    expect(up.status).toBe(302)
    expect(await toastOf(up)).toMatchObject({ key: 'waitlist.toast.moved', params: { position: 2 } })
    expect((await load()).queue.map((r) => r.id)).toEqual([queue[0], queue[2], queue[1]])

    const top = (await post(queueRoute, 'waiting-list', { intent: 'top', registrationId: queue[1]! })) as Response
    expect(await toastOf(top)).toMatchObject({ key: 'waitlist.toast.moved', params: { position: 1 } })
    expect((await load()).queue.map((r) => r.id)).toEqual([queue[1], queue[0], queue[2]])

    const first = (await post(queueRoute, 'waiting-list', { intent: 'up', registrationId: queue[1]! })) as Response
    expect(await toastOf(first)).toMatchObject({ type: 'info', key: 'waitlist.toast.alreadyFirst' })

    const bad = (await post(queueRoute, 'waiting-list', { intent: 'sideways', registrationId: queue[0]! })) as Reply
    expect(bad.init?.status).toBe(400)
  })

  test('the welcome desk may neither see nor change the queue', async () => {
    const { queue, post, load } = await fullEventWithQueue(2, 'checkin')
    await expect(load()).rejects.toMatchObject({ status: 403 })
    const answer = (await post(queueRoute, 'waiting-list', { intent: 'top', registrationId: queue[1]!, raiseCapacity: 'yes' })) as Response
    expect(answer.status).toBe(403)
    expect((await prisma.registration.findUniqueOrThrow({ where: { id: queue[1]! } })).status).toBe('waitlisted')
  })
})

describe('raising the capacity in the edit form', () => {
  test('says beforehand how many waiting people get an offer, saves nothing until then, and confirms how many did', async () => {
    const { event, queue, post } = await fullEventWithQueue(3)
    const form = { ...eventToFormValues(await prisma.event.findUniqueOrThrow({ where: { id: event.id } })), capacity: '3' }

    const asked = (await post(editRoute, 'edit', form)) as Reply
    expect(asked.init?.status).toBe(200)
    expect(asked.data.ask).toMatchObject({ offers: 2, changes: [] })
    expect((await prisma.event.findUniqueOrThrow({ where: { id: event.id } })).capacity).toBe(1)
    expect(await prisma.registration.count({ where: { eventId: event.id, status: 'offered' } })).toBe(0)

    // A count that is no longer the right one (the page was stale) is asked again.
    const stale = (await post(editRoute, 'edit', { ...form, offersSeen: '1' })) as Reply
    expect(stale.data.ask).toMatchObject({ offers: 2 })
    expect((await prisma.event.findUniqueOrThrow({ where: { id: event.id } })).capacity).toBe(1)

    const saved = (await post(editRoute, 'edit', { ...form, offersSeen: '2' })) as Response
    expect(saved.status).toBe(302)
    expect(await toastOf(saved)).toMatchObject({ key: 'waitlist.toast.updatedOffers', params: { count: 2 } })
    expect((await prisma.event.findUniqueOrThrow({ where: { id: event.id } })).capacity).toBe(3)
    // The first two of the queue, through offerSeat (each emailed), the third still waiting.
    expect(await statusOf(queue[0]!)).toBe('offered')
    expect(await statusOf(queue[1]!)).toBe('offered')
    expect(await statusOf(queue[2]!)).toBe('waitlisted')
    expect(await prisma.emailMessage.count({ where: { template: 'waitlist-offer', category: `event:${event.id}` } })).toBe(2)
  })

  test('a capacity that offers nobody a seat saves at once', async () => {
    const { event, post } = await fullEventWithQueue(2)
    const form = { ...eventToFormValues(await prisma.event.findUniqueOrThrow({ where: { id: event.id } })), title: 'Nouveau titre' }
    const saved = (await post(editRoute, 'edit', form)) as Response
    expect(saved.status).toBe(302)
    expect(await toastOf(saved)).toMatchObject({ key: 'events.toast.updated' })
    expect(await prisma.registration.count({ where: { eventId: event.id, status: 'offered' } })).toBe(0)
  })
})

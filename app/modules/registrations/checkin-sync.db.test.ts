// Offline check-in sync against a real database (SQLite and PostgreSQL), through the route action
// as door devices call it: two devices' queues for the same people, sent at the same time.
import { cancelRegistration, register } from '#app/composition/registrations.server.ts'
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { createSession } from '#app/modules/auth/session.server.ts'
import { makeEvent, makeMember, makeOrganisation, person } from '#tests/support/factories.ts'
import type { SyncedCheckIn } from './checkin-sync.server.ts'

async function doorSetup() {
  const org = await makeOrganisation()
  const event = await makeEvent(org.id, { capacity: 50 })
  const people = []
  for (let i = 0; i < 3; i++) people.push((await register(event.id, person())).registration)
  const staffA = await makeMember(org.id, 'checkin')
  const staffB = await makeMember(org.id, 'checkin')
  const tokenA = (await createSession(staffA.id)).token
  const tokenB = (await createSession(staffB.id)).token
  const { action, loader } = await import('#app/routes/organisers/o.$org.events.$eventId.checkin[.]json.ts')
  const params = { org: org.slug, eventId: event.id }
  const url = `http://localhost/o/${org.slug}/events/${event.id}/checkin.json`
  const sync = async (token: string, body: unknown) => {
    const request = new Request(url, {
      method: 'POST',
      headers: { cookie: `essor_session=${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    const response = (await action({ request, params, context: {} })) as Response
    return { status: response.status, body: (await response.json()) as { results: SyncedCheckIn[] } }
  }
  const list = async (token: string) => {
    const response = (await loader({
      request: new Request(url, { headers: { cookie: `essor_session=${token}` } }),
      params,
      context: {},
    })) as Response
    return (await response.json()) as { attendees: { id: string; checkedInAt: string | null; ticketCode: string }[] }
  }
  return { org, event, people, staffA, staffB, tokenA, tokenB, sync, list }
}

const at = (hhmm: string) => `2026-12-07T${hhmm}:00.000Z`

describe('offline check-in sync', () => {
  test('two devices sync at once: one check-in per person, the earliest kept, the later reported; a replay changes nothing', async () => {
    const { people, staffA, staffB, tokenA, tokenB, sync, list } = await doorSetup()
    const [p1, p2, p3] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]]
    // Device A saw p1 at 09:05 and p2 at 09:01; device B saw p1 at 09:02 and p3 at 09:10.
    const batchA = {
      deviceId: 'device-aaaa-1',
      checkins: [
        { localId: 'a1', registrationId: p1.id, at: at('09:05') },
        { localId: 'a2', registrationId: p2.id, at: at('09:01') },
      ],
    }
    const batchB = {
      deviceId: 'device-bbbb-2',
      checkins: [
        { localId: 'b1', registrationId: p1.id, at: at('09:02') },
        { localId: 'b2', registrationId: p3.id, at: at('09:10') },
      ],
    }
    const [a, b] = await Promise.all([sync(tokenA, batchA), sync(tokenB, batchB)])
    expect([a.status, b.status]).toEqual([200, 200])

    const stored = await prisma.registration.findMany({ where: { id: { in: [p1.id, p2.id, p3.id] } } })
    const byId = new Map(stored.map((r) => [r.id, r]))
    expect(byId.get(p1.id)!.checkedInAt!.toISOString()).toBe(at('09:02'))
    expect(byId.get(p1.id)!.checkedInBy).toBe(staffB.id)
    expect(byId.get(p2.id)!.checkedInAt!.toISOString()).toBe(at('09:01'))
    expect(byId.get(p3.id)!.checkedInAt!.toISOString()).toBe(at('09:10'))
    expect(await prisma.offlineCheckIn.count({ where: { registrationId: p1.id, kept: true } })).toBe(1)

    // Whichever device went second was told of the conflict, with the pair (who, when).
    const p1Answers = [...a.body.results, ...b.body.results].filter((r) => r.registrationId === p1.id)
    const conflict = p1Answers.find((r) => r.outcome === 'conflict')
    expect(conflict?.conflict).toMatchObject({
      kept: { at: at('09:02'), deviceId: 'device-bbbb-2' },
      later: { at: at('09:05'), deviceId: 'device-aaaa-1' },
    })
    expect([conflict!.conflict!.kept.by, conflict!.conflict!.later.by]).toEqual([staffB.email, staffA.email])
    expect(p1Answers.filter((r) => r.outcome === 'checked_in')).toHaveLength(1)

    // Device A sends its queue again (its answer was lost): nothing changes, same people.
    const replay = await sync(tokenA, batchA)
    expect(replay.body.results.map((r) => r.outcome)).toEqual(['conflict', 'checked_in'])
    expect((await prisma.registration.findUniqueOrThrow({ where: { id: p1.id } })).checkedInAt!.toISOString()).toBe(at('09:02'))
    expect(await prisma.offlineCheckIn.count({ where: { registrationId: { in: [p1.id, p2.id, p3.id] } } })).toBe(4)

    // The list the devices keep now carries the merged times.
    const attendees = new Map((await list(tokenB)).attendees.map((r) => [r.id, r.checkedInAt]))
    expect(attendees.get(p1.id)).toBe(at('09:02'))
  })

  test('the same queue sent twice at once is applied once', async () => {
    const { people, tokenA, sync } = await doorSetup()
    const batch = { deviceId: 'device-cccc-3', checkins: [{ localId: 'c1', registrationId: people[0]!.id, at: at('10:00') }] }
    const answers = await Promise.all([sync(tokenA, batch), sync(tokenA, batch), sync(tokenA, batch)])
    expect(answers.map((a) => a.body.results[0]!.outcome)).toEqual(['checked_in', 'checked_in', 'checked_in'])
    expect(await prisma.offlineCheckIn.count({ where: { deviceId: 'device-cccc-3' } })).toBe(1)
  })

  test('a registration cancelled while the device was offline is reported, not checked in; a foreign one is not found', async () => {
    const { people, tokenA, sync } = await doorSetup()
    await cancelRegistration(people[0]!.id, { reason: 'organiser', notify: false })
    const other = await makeEvent((await makeOrganisation()).id)
    const foreign = (await register(other.id, person())).registration
    const { body } = await sync(tokenA, {
      deviceId: 'device-dddd-4',
      checkins: [
        { localId: 'd1', registrationId: people[0]!.id, at: at('09:00') },
        { localId: 'd2', registrationId: foreign.id, at: at('09:01') },
      ],
    })
    expect(body.results).toMatchObject([{ outcome: 'not_confirmed', status: 'cancelled' }, { outcome: 'not_found' }])
    expect((await prisma.registration.findUniqueOrThrow({ where: { id: people[0]!.id } })).checkedInAt).toBeNull()
    expect((await prisma.registration.findUniqueOrThrow({ where: { id: foreign.id } })).checkedInAt).toBeNull()
  })

  test('a malformed queue is a 400 with the fields; the list has no e-mail addresses', async () => {
    const { tokenA, sync, list, people } = await doorSetup()
    const bad = await sync(tokenA, { deviceId: 'x', checkins: [{ localId: '', registrationId: 'r', at: 'yesterday' }] })
    expect(bad.status).toBe(400)
    const attendees = (await list(tokenA)).attendees
    expect(attendees).toHaveLength(3)
    expect(JSON.stringify(attendees)).not.toContain(people[0]!.email)
  })
})

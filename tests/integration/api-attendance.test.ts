// GET /api/v1/events/{slug}/attendance through the route's loader (SQLite and PostgreSQL): per
// session its times and the trainer's signature, per trainee who signed, when and how; the
// organisation's own token only (401 without, 404 for another organisation's event).
import { randomBytes } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { register } from '#app/composition/registrations.server.ts'
import { createSession, recordTimes, signAsTrainee, signAsTrainer } from '#app/modules/attendance/service.server.ts'
import { createApiToken } from '#app/modules/auth/api-token.server.ts'
import { addMembership, ensureUser, registerOrganisation } from '#app/modules/organisations/service.server.ts'
import * as attendanceRoute from '#app/routes/api/api.v1.events.$slug.attendance.ts'
import { makeEvent, person } from '#tests/support/factories.ts'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>

async function organiserWithToken() {
  const slug = `cress-${randomBytes(4).toString('hex')}`
  const organisation = await registerOrganisation({ slug, name: `CRESS ${slug}` })
  const { user } = await ensureUser({ email: `organiser@${slug}.example`, name: 'Julien Sabatier' })
  await addMembership({ userId: user.id, organisationId: organisation.id, role: 'organiser' })
  const { token } = await createApiToken({ organisationId: organisation.id, userId: user.id, name: 'tests' })
  return { organisation, user, token }
}

async function get(slug: string, token?: string) {
  const headers = new Headers()
  if (token) headers.set('Authorization', `Bearer ${token}`)
  const response = await attendanceRoute.loader({
    request: new Request(`http://localhost/api/v1/events/${slug}/attendance`, { headers }),
    params: { slug },
    context: {},
  })
  expect(response.headers.get('content-type')).toContain('application/json')
  return { status: response.status, body: (await response.json()) as Json }
}

describe('GET /api/v1/events/{slug}/attendance', () => {
  test('lists each session with who signed, when and how, and the trainer', async () => {
    const { organisation, user, token } = await organiserWithToken()
    const startsAt = new Date('2027-03-10T08:00:00Z')
    const event = await makeEvent(organisation.id, { kind: 'yess_academie', startsAt, endsAt: new Date('2027-03-10T16:30:00Z') })
    const alice = (await register(event.id, { ...person(), firstName: 'Alice', lastName: 'Martin' })).registration
    await register(event.id, { ...person(), firstName: 'Bruno', lastName: 'Garcia' })
    const session = await createSession(organisation.id, event.id, { label: 'Matin', startsAt, endsAt: new Date('2027-03-10T11:30:00Z') })
    const signedAt = new Date('2027-03-10T08:20:00Z')
    await recordTimes({
      organisationId: organisation.id,
      eventId: event.id,
      sessionId: session.id,
      registrationId: alice.id,
      arrivedAt: signedAt,
      leftAt: null,
      actor: { userId: user.id },
    })
    await signAsTrainee({
      sessionId: session.id,
      registrationId: alice.id,
      signature: { method: 'typed', name: 'Alice Martin', confirmed: true },
      ip: null,
      via: 'self',
      now: signedAt,
    })
    await signAsTrainer({
      organisationId: organisation.id,
      eventId: event.id,
      sessionId: session.id,
      trainerName: 'Claire Formatrice',
      signature: { method: 'typed', name: 'Claire', confirmed: true },
    })

    const { status, body } = await get(event.slug, token)
    expect(status).toBe(200)
    expect(body.sessions).toHaveLength(1)
    expect(body.sessions[0]).toMatchObject({
      id: session.id,
      label: 'Matin',
      startsAt: '2027-03-10T08:00:00.000Z',
      endsAt: '2027-03-10T11:30:00.000Z',
      trainer: { name: 'Claire Formatrice', signed: true },
    })
    expect(body.sessions[0].closedAt).not.toBeNull()
    expect(body.sessions[0].signatures).toEqual([
      expect.objectContaining({
        registrationId: alice.id,
        lastName: 'Martin',
        signed: true,
        signedAt: signedAt.toISOString(),
        method: 'typed',
        arrivedAt: signedAt.toISOString(),
        leftAt: null,
      }),
    ])
    expect(JSON.stringify(body)).not.toContain('Alice Martin')
  })

  test('needs the organisation’s own token', async () => {
    const { organisation } = await organiserWithToken()
    const other = await organiserWithToken()
    const event = await makeEvent(organisation.id, { kind: 'training' })
    expect((await get(event.slug)).status).toBe(401)
    expect((await get(event.slug, other.token)).status).toBe(404)
  })
})

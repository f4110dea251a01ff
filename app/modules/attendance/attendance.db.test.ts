// Sign-in sheets against a real database (SQLite and PostgreSQL): a trainee signs once (a second
// signature is refused), the trainer's signature closes the sheet and a trainee is then refused,
// reopening is audited, the hours attended come from the sheets, and the PDF names both.
import { describe, expect, test } from 'vitest'
import { register } from '#app/composition/registrations.server.ts'
import { prisma } from '#app/db.server.ts'
import { makeEvent, makeOrganisation, makeUser, person } from '#tests/support/factories.ts'
import { pdfText } from '#tests/support/pdf-text.ts'
import { attendanceOf } from './attended.server.ts'
import { sheetsPdf } from './pdf.server.ts'
import { createHalfDaySessions, createSession, listSessions, reopenSession, signAsTrainee, signAsTrainer } from './service.server.ts'

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='
const typed = (name: string) => ({ method: 'typed' as const, name, confirmed: true })

async function training() {
  const org = await makeOrganisation()
  const startsAt = new Date('2027-03-10T08:00:00Z')
  const event = await makeEvent(org.id, { kind: 'training', startsAt, endsAt: new Date('2027-03-11T16:30:00Z'), capacity: 20 })
  const alice = await register(event.id, { ...person(), firstName: 'Alice', lastName: 'Martin' })
  const bruno = await register(event.id, { ...person(), firstName: 'Bruno', lastName: 'Garcia' })
  const session = await createSession(org.id, event.id, { label: 'Matin 10/03', startsAt, endsAt: new Date('2027-03-10T11:30:00Z') })
  return { org, event, session, alice: alice.registration.id, bruno: bruno.registration.id }
}

const during = new Date('2027-03-10T08:10:00Z')

describe('sign-in sheets', () => {
  test('a trainee signs once, with time and IP; a second signature is refused', async () => {
    const { session, alice } = await training()
    await signAsTrainee({
      sessionId: session.id,
      registrationId: alice,
      signature: { method: 'drawn', data: PNG },
      ip: '203.0.113.7',
      via: 'self',
      now: during,
    })
    const line = await prisma.attendanceSignature.findUniqueOrThrow({
      where: { sessionId_registrationId: { sessionId: session.id, registrationId: alice } },
    })
    expect(line).toMatchObject({ method: 'drawn', ip: '203.0.113.7', recordedBy: 'self', signedAt: during })
    await expect(
      signAsTrainee({
        sessionId: session.id,
        registrationId: alice,
        signature: typed('Alice Martin'),
        ip: null,
        via: 'tablet',
        now: during,
      }),
    ).rejects.toMatchObject({ status: 409, code: 'already_signed' })
    expect(await prisma.attendanceSignature.count({ where: { sessionId: session.id } })).toBe(1)
  })

  test('a typed signature needs the tick; signing from the link outside the session is refused', async () => {
    const { session, alice } = await training()
    await expect(
      signAsTrainee({
        sessionId: session.id,
        registrationId: alice,
        signature: { method: 'typed', name: 'Alice', confirmed: false },
        ip: null,
        via: 'self',
        now: during,
      }),
    ).rejects.toMatchObject({ status: 422 })
    await expect(
      signAsTrainee({
        sessionId: session.id,
        registrationId: alice,
        signature: typed('Alice'),
        ip: null,
        via: 'self',
        now: new Date('2027-03-12T08:00:00Z'),
      }),
    ).rejects.toMatchObject({ code: 'sheet_not_open' })
    expect(await prisma.attendanceSignature.count({ where: { sessionId: session.id } })).toBe(0)
  })

  test('the trainer’s signature closes the sheet: a trainee is then refused; reopening is audited', async () => {
    const { org, event, session, alice, bruno } = await training()
    await signAsTrainee({
      sessionId: session.id,
      registrationId: alice,
      signature: typed('Alice Martin'),
      ip: null,
      via: 'tablet',
      now: during,
    })
    await signAsTrainer({
      organisationId: org.id,
      eventId: event.id,
      sessionId: session.id,
      trainerName: 'Claire Formatrice',
      signature: typed('Claire Formatrice'),
    })
    await expect(
      signAsTrainee({
        sessionId: session.id,
        registrationId: bruno,
        signature: typed('Bruno Garcia'),
        ip: null,
        via: 'tablet',
        now: during,
      }),
    ).rejects.toMatchObject({ status: 409, code: 'sheet_closed' })
    await expect(
      signAsTrainer({ organisationId: org.id, eventId: event.id, sessionId: session.id, trainerName: 'X', signature: typed('X') }),
    ).rejects.toMatchObject({ code: 'sheet_closed' })
    const [summary] = await listSessions(org.id, event.id)
    expect(summary).toMatchObject({ signed: 1, missing: 1, trainerName: 'Claire Formatrice' })

    const organiser = await makeUser()
    await reopenSession(org.id, event.id, session.id, { userId: organiser.id })
    expect((await prisma.attendanceSession.findUniqueOrThrow({ where: { id: session.id } })).closedAt).toBeNull()
    const entries = await prisma.auditLog.findMany({ where: { entityId: session.id, action: 'attendance.reopen' } })
    expect(entries).toHaveLength(1)
    expect(entries[0]!.actorUserId).toBe(organiser.id)
    await signAsTrainee({
      sessionId: session.id,
      registrationId: bruno,
      signature: typed('Bruno Garcia'),
      ip: null,
      via: 'tablet',
      now: during,
    })
  })

  test('the sheet PDF names the trainees, the trainer and the absent', async () => {
    const { org, event, session, alice } = await training()
    await signAsTrainee({
      sessionId: session.id,
      registrationId: alice,
      signature: { method: 'drawn', data: PNG },
      ip: null,
      via: 'self',
      now: during,
    })
    await signAsTrainer({
      organisationId: org.id,
      eventId: event.id,
      sessionId: session.id,
      trainerName: 'Claire Formatrice',
      signature: { method: 'drawn', data: PNG },
    })
    const { text } = await pdfText(await sheetsPdf(org.id, event.id, [session.id], 'fr'))
    expect(text).toContain('Feuille d’émargement')
    expect(text).toContain('MARTIN Alice')
    expect(text).toContain('GARCIA Bruno')
    expect(text).toContain('ABSENT')
    expect(text).toContain('Claire Formatrice')
  })

  test('half-days of each day, once; hours attended come from the sheets', async () => {
    const { org, event, session, alice, bruno } = await training()
    expect(await createHalfDaySessions(org.id, event.id, { morning: 'Matin', afternoon: 'Après-midi' })).toBe(3)
    expect(await createHalfDaySessions(org.id, event.id, { morning: 'Matin', afternoon: 'Après-midi' })).toBe(0)
    await signAsTrainee({ sessionId: session.id, registrationId: alice, signature: typed('Alice'), ip: null, via: 'tablet', now: during })
    const attended = await attendanceOf(event.id)
    expect(attended.get(alice)).toEqual({ minutes: 210, source: 'sheets' })
    expect(attended.has(bruno)).toBe(false)
  })

  test('without sessions, attendance is the check-in, capped at 7 hours a day', async () => {
    const org = await makeOrganisation()
    const event = await makeEvent(org.id, { startsAt: new Date('2027-05-04T07:00:00Z'), endsAt: new Date('2027-05-05T16:00:00Z') })
    const here = await register(event.id, person())
    const away = await register(event.id, person())
    await prisma.registration.update({ where: { id: here.registration.id }, data: { checkedInAt: new Date() } })
    const attended = await attendanceOf(event.id)
    expect(attended.get(here.registration.id)).toEqual({ minutes: 14 * 60, source: 'checkin' })
    expect(attended.has(away.registration.id)).toBe(false)
  })
})

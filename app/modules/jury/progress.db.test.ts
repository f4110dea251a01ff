// Progress, reminders and the scoring lock against a real database.
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { makeJuryEdition } from '#tests/support/jury-fixtures.ts'
import { runAssignment } from './assignment.server.ts'
import { juryProgress, remindJuror, sendJuryReminders, setScoringLock } from './progress.server.ts'

async function edition(endsInDays: number) {
  const now = new Date()
  const f = await makeJuryEdition({ nominationsPerCategory: 2, jurors: 2, juryEndsAt: new Date(now.getTime() + endsInDays * 86400_000) })
  const actor = { organisationId: f.org.id, userId: f.organiser.id }
  await runAssignment(f.edition.id, f.categories[0]!.category.id, actor)
  // Juror 2 has finished: both nominations complete and the category submitted.
  const j2 = f.jurors[1]!.juror.id
  for (const n of f.categories[0]!.nominations)
    await prisma.juryScore.create({ data: { jurorId: j2, nominationId: n.id, complete: true, values: '{}' } })
  await prisma.juryMember.updateMany({ where: { jurorId: j2 }, data: { submittedAt: now } })
  return { f, actor, now }
}

describe('jury progress', () => {
  test('per juror and category; late when the period ends soon', async () => {
    const { f, now } = await edition(2)
    const p = await juryProgress(f.edition.id, now)
    const [j1, j2] = f.jurors.map((j) => j.juror.id)
    const r1 = p.jurors.find((j) => j.id === j1)!
    const r2 = p.jurors.find((j) => j.id === j2)!
    expect([r1.assigned, r1.scored, r1.submitted, r1.late]).toEqual([2, 0, false, true])
    expect([r2.assigned, r2.scored, r2.submitted, r2.late]).toEqual([2, 2, true, false])
    expect(p.categories[0]).toMatchObject({ assigned: 4, scored: 2, submitted: 1, jurors: 2 })
    expect(p.state).toBe('open')
  })

  test('one-click reminder: an email to the juror and lastRemindedAt', async () => {
    const { f, actor } = await edition(8)
    const j1 = f.jurors[0]!.juror
    await remindJuror(f.edition.id, j1.id, actor)
    const mail = await prisma.emailMessage.findFirstOrThrow({ where: { template: 'jury-reminder', toAddress: j1.email } })
    expect(JSON.parse(mail.payload)).toMatchObject({ assigned: 2, scored: 0 })
    expect((await prisma.juror.findUniqueOrThrow({ where: { id: j1.id } })).lastRemindedAt).not.toBeNull()
    expect(await prisma.auditLog.count({ where: { action: 'juror.remind', entityId: j1.id } })).toBe(1)
  })

  test('automatic reminders: only unfinished jurors, inside the window, once', async () => {
    const { f, now } = await edition(2) // juryReminderDaysBefore defaults to 3: inside the window
    const far = await edition(10) // outside the window
    const sent = await sendJuryReminders(now)
    expect(sent).toBeGreaterThanOrEqual(1)
    const j1 = f.jurors[0]!.juror
    expect(await prisma.emailMessage.count({ where: { template: 'jury-reminder', toAddress: j1.email } })).toBe(1)
    expect(await prisma.emailMessage.count({ where: { template: 'jury-reminder', toAddress: f.jurors[1]!.juror.email } })).toBe(0)
    expect(await prisma.emailMessage.count({ where: { template: 'jury-reminder', toAddress: far.f.jurors[0]!.juror.email } })).toBe(0)
    await sendJuryReminders(new Date(now.getTime() + 3600_000))
    expect(await prisma.emailMessage.count({ where: { template: 'jury-reminder', toAddress: j1.email } })).toBe(1)
  })

  test('lock and unlock scoring', async () => {
    const { f, actor } = await edition(5)
    await setScoringLock(f.edition.id, true, actor)
    expect((await juryProgress(f.edition.id)).state).toBe('locked')
    await setScoringLock(f.edition.id, false, actor)
    expect((await juryProgress(f.edition.id)).state).toBe('open')
  })
})

// The organisers' view of the jury's progress: per juror and per category, what is assigned,
// scored (complete) and submitted; late jurors; one-click and automatic reminders (once per
// juror and edition for the automatic one); locking and unlocking scoring; the edition's jury
// settings (normalisation, tie-break, reminder days).
import { prisma, type Tx } from '#app/db.server.ts'
import { audit } from '#app/modules/audit/service.server.ts'
import { enqueueEmail } from '#app/modules/email/outbox.server.ts'
import { setJurySettings, setScoringLockedAt } from '#app/modules/prizes/jury-state.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { isLocale } from '#app/utils/i18n.ts'
import { absoluteUrl } from '#app/utils/url.server.ts'
import { isLate, isTieBreak, pairKey, scoringState } from './rules.ts'

type Actor = { organisationId: string; userId: string }

/** When the period ends within this many days (or the reminder days, if larger), unfinished jurors show as late. */
export const LATE_WITHIN_DAYS = 3

const juryNotFound = () => new AppError({ status: 404, code: 'not_found', messageKey: 'juryAdmin.error.notFound' })

async function progressRows(db: Tx, editionId: string) {
  const [jurors, assignments, scores, abstentions] = await Promise.all([
    db.juror.findMany({
      where: { editionId, removedAt: null },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        name: true,
        email: true,
        locale: true,
        joinedAt: true,
        lastRemindedAt: true,
        memberships: { select: { categoryId: true, isChair: true, submittedAt: true } },
      },
    }),
    db.juryAssignment.findMany({
      where: { juror: { editionId, removedAt: null } },
      select: { jurorId: true, nominationId: true, categoryId: true },
    }),
    db.juryScore.findMany({
      where: { complete: true, juror: { editionId, removedAt: null } },
      select: { jurorId: true, nominationId: true },
    }),
    db.juryAbstention.findMany({ where: { juror: { editionId, removedAt: null } }, select: { jurorId: true, nominationId: true } }),
  ])
  // An abstention counts as done.
  const complete = new Set([...scores, ...abstentions].map((s) => pairKey(s.jurorId, s.nominationId)))
  return jurors.map((j) => {
    const categories = j.memberships.map((m) => {
      const mine = assignments.filter((a) => a.jurorId === j.id && a.categoryId === m.categoryId)
      return {
        categoryId: m.categoryId,
        isChair: m.isChair,
        assigned: mine.length,
        scored: mine.filter((a) => complete.has(pairKey(j.id, a.nominationId))).length,
        submitted: !!m.submittedAt,
      }
    })
    const assigned = categories.reduce((s, c) => s + c.assigned, 0)
    const scored = categories.reduce((s, c) => s + c.scored, 0)
    const submitted = categories.length > 0 && categories.every((c) => c.submitted || c.assigned === 0)
    return {
      id: j.id,
      name: j.name,
      email: j.email,
      locale: j.locale,
      joined: !!j.joinedAt,
      lastRemindedAt: j.lastRemindedAt,
      categories,
      assigned,
      scored,
      submitted,
    }
  })
}

/** The dashboard: per juror (with lateness) and per category. */
export async function juryProgress(editionId: string, now: Date = new Date()) {
  const edition = await prisma.prizeEdition.findUnique({
    where: { id: editionId },
    select: {
      juryStartsAt: true,
      juryEndsAt: true,
      scoringLockedAt: true,
      juryReminderDaysBefore: true,
      normaliseScores: true,
      tieBreak: true,
      categories: { orderBy: [{ position: 'asc' }, { id: 'asc' }], select: { id: true, name: true } },
    },
  })
  if (!edition) throw juryNotFound()
  const rows = await progressRows(prisma, editionId)
  const within = Math.max(LATE_WITHIN_DAYS, edition.juryReminderDaysBefore)
  const jurors = rows.map((r) => ({ ...r, late: isLate(r, edition.juryEndsAt, now, within) }))
  const categories = edition.categories.map((c) => {
    const seats = rows.flatMap((r) => r.categories.filter((x) => x.categoryId === c.id))
    return {
      id: c.id,
      name: c.name,
      jurors: seats.length,
      assigned: seats.reduce((s, x) => s + x.assigned, 0),
      scored: seats.reduce((s, x) => s + x.scored, 0),
      submitted: seats.filter((x) => x.submitted).length,
    }
  })
  return { state: scoringState(edition, now), edition, jurors, categories, lateWithinDays: within }
}

async function enqueueReminder(
  tx: Tx,
  editionId: string,
  juror: { id: string; email: string; name: string; locale: string },
  progress: { assigned: number; scored: number },
) {
  const edition = await tx.prizeEdition.findUniqueOrThrow({
    where: { id: editionId },
    select: { title: true, juryEndsAt: true, organisationId: true },
  })
  await enqueueEmail(tx, {
    to: juror.email,
    toName: juror.name,
    locale: isLocale(juror.locale) ? juror.locale : 'fr',
    template: 'jury-reminder',
    props: {
      jurorName: juror.name,
      editionTitle: edition.title,
      endsAt: edition.juryEndsAt ? edition.juryEndsAt.toISOString() : null,
      assigned: progress.assigned,
      scored: progress.scored,
      url: absoluteUrl('/jury'),
    },
    organisationId: edition.organisationId,
    category: 'jury',
  })
}

/** One-click reminder from the dashboard: emails the juror and sets lastRemindedAt. */
export async function remindJuror(editionId: string, jurorId: string, actor: Actor, now: Date = new Date()) {
  return prisma.$transaction(async (tx) => {
    const rows = await progressRows(tx, editionId)
    const row = rows.find((r) => r.id === jurorId)
    if (!row) throw juryNotFound()
    await enqueueReminder(tx, editionId, row, row)
    await tx.juror.update({ where: { id: jurorId }, data: { lastRemindedAt: now } })
    await audit(tx, {
      organisationId: actor.organisationId,
      actorUserId: actor.userId,
      action: 'juror.remind',
      entityType: 'Juror',
      entityId: jurorId,
      details: { assigned: row.assigned, scored: row.scored },
    })
  })
}

/**
 * The scheduler's job: for editions whose jury period ends within `juryReminderDaysBefore` days
 * (and has not ended, scoring not locked), remind every active juror who has not finished —
 * once: a juror already reminded since the reminder window opened is skipped, and the claim is
 * a conditional update so two processes never send twice. Returns the number of emails queued.
 */
export async function sendJuryReminders(now: Date = new Date()) {
  const editions = await prisma.prizeEdition.findMany({
    where: { juryEndsAt: { gt: now }, juryReminderDaysBefore: { gt: 0 }, scoringLockedAt: null, resultsPublishedAt: null },
    select: { id: true, organisationId: true, juryEndsAt: true, juryReminderDaysBefore: true },
  })
  let sent = 0
  for (const edition of editions) {
    const windowOpens = new Date(edition.juryEndsAt!.getTime() - edition.juryReminderDaysBefore * 86400_000)
    if (now < windowOpens) continue
    const rows = await progressRows(prisma, edition.id)
    for (const row of rows) {
      if (row.assigned === 0 || (row.scored >= row.assigned && row.submitted)) continue
      if (row.lastRemindedAt && row.lastRemindedAt >= windowOpens) continue
      await prisma.$transaction(async (tx) => {
        const { count } = await tx.juror.updateMany({
          where: { id: row.id, removedAt: null, OR: [{ lastRemindedAt: null }, { lastRemindedAt: { lt: windowOpens } }] },
          data: { lastRemindedAt: now },
        })
        if (count === 0) return
        await enqueueReminder(tx, edition.id, row, row)
        await audit(tx, {
          organisationId: edition.organisationId,
          action: 'juror.remind',
          entityType: 'Juror',
          entityId: row.id,
          details: { automatic: true },
        })
        sent++
      })
    }
  }
  return sent
}

/** "Lock now" (scoringLockedAt = now) or "unlock" (null). */
export async function setScoringLock(editionId: string, locked: boolean, actor: Actor, now: Date = new Date()) {
  return prisma.$transaction(async (tx) => {
    if (!(await setScoringLockedAt(tx, actor.organisationId, editionId, locked ? now : null))) throw juryNotFound()
    await audit(tx, {
      organisationId: actor.organisationId,
      actorUserId: actor.userId,
      action: locked ? 'prizeEdition.lockScoring' : 'prizeEdition.unlockScoring',
      entityType: 'PrizeEdition',
      entityId: editionId,
    })
  })
}

/** The edition's jury settings: normalised results, tie-break, automatic reminder days (0–30). */
export async function updateJurySettings(
  editionId: string,
  input: { normaliseScores: boolean; tieBreak: string; juryReminderDaysBefore: number },
  actor: Actor,
) {
  const fields: Record<string, string[]> = {}
  if (!isTieBreak(input.tieBreak)) fields.tieBreak = ['juryAdmin.error.tieBreak']
  if (!Number.isInteger(input.juryReminderDaysBefore) || input.juryReminderDaysBefore < 0 || input.juryReminderDaysBefore > 30)
    fields.juryReminderDaysBefore = ['juryAdmin.error.reminderDays']
  if (Object.keys(fields).length > 0) throw new AppError({ status: 400, code: 'invalid_input', messageKey: 'juryAdmin.error.form', fields })
  return prisma.$transaction(async (tx) => {
    if (!(await setJurySettings(tx, actor.organisationId, editionId, input))) throw juryNotFound()
    await audit(tx, {
      organisationId: actor.organisationId,
      actorUserId: actor.userId,
      action: 'prizeEdition.jurySettings',
      entityType: 'PrizeEdition',
      entityId: editionId,
      details: input,
    })
  })
}

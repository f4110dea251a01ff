// A juror's scoring: the page of one nomination (dossier, grid, saved values, progress, previous
// and next), the autosave (one JuryScore row per juror and nomination, however many saves race),
// and submitting or reopening a category. Every entry point checks the same four things: the
// juror is still on the jury, the scoring period is open, the nomination is theirs, no conflict.
import { prisma } from '#app/db.server.ts'
import { audit } from '#app/modules/audit/service.server.ts'
import { getAttachmentForReview, getNominationForReview } from '#app/modules/nominations/review.server.ts'
import { getJuryGrid } from '#app/modules/prizes/service.server.ts'
import { AppError, isUniqueViolation } from '#app/utils/errors.ts'
import { assignedNominations, linkJurorRowsByEmail, requireNominationAccess, type ActiveJuror } from './jurors.server.ts'
import {
  checkScoreValues,
  isEvaluationComplete,
  isScoringPeriodOpen,
  MAX_COMMENT_LENGTH,
  progressOf,
  scoringPeriodState,
  weightedTotal,
  type ScoreValues,
} from './scoring-rules.ts'

function parseValues(json: string): ScoreValues {
  try {
    const v: unknown = JSON.parse(json)
    if (!v || typeof v !== 'object' || Array.isArray(v)) return {}
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, n]) => typeof n === 'number')) as ScoreValues
  } catch {
    return {}
  }
}

const closed = () => new AppError({ status: 409, code: 'scoring_closed', messageKey: 'jury.error.closed' })
const removed = () => new AppError({ status: 403, code: 'juror_removed', messageKey: 'jury.error.removed' })

async function loadJuror(jurorId: string) {
  const juror = await prisma.juror.findUnique({
    where: { id: jurorId },
    include: { edition: { select: { id: true, organisationId: true, juryStartsAt: true, juryEndsAt: true, scoringLockedAt: true } } },
  })
  if (!juror) throw new AppError({ status: 404, code: 'juror_not_found', messageKey: 'jury.error.jurorNotFound' })
  return juror
}

/** Turns the guards' Response (404/403) into the service's typed error. */
async function access(jurorId: string, nominationId: string) {
  try {
    return await requireNominationAccess({ id: jurorId }, nominationId)
  } catch (error) {
    if (error instanceof Response && error.status === 403) throw new AppError({ status: 403, code: 'conflicted', messageKey: 'jury.error.conflicted' })
    if (error instanceof Response) throw new AppError({ status: 404, code: 'nomination_not_found', messageKey: 'jury.error.nominationNotFound' })
    throw error
  }
}

async function gridOf(organisationId: string, editionId: string, categoryId: string) {
  const grid = await getJuryGrid(organisationId, editionId, categoryId)
  if (!grid) throw new AppError({ status: 404, code: 'category_not_found', messageKey: 'jury.error.nominationNotFound' })
  const { edition, category } = grid
  return { edition, category, questions: grid.edition.questions, scale: { scaleMin: category.scaleMin, scaleMax: category.scaleMax } }
}

export type SaveResult = { savedAt: Date; complete: boolean; total: number | null }

/**
 * Saves the juror's values and comment for one nomination (autosave and the Save button): an
 * idempotent upsert on (juror, nomination). Empty values mean "not scored yet". Refused when the
 * juror was removed, the period is closed, the category was submitted (reopen it first), the
 * nomination is not theirs, or they declared a conflict on it.
 */
export async function saveScore(jurorId: string, nominationId: string, rawValues: Record<string, unknown>, comment: string, opts: { now?: Date } = {}): Promise<SaveResult> {
  const now = opts.now ?? new Date()
  const juror = await loadJuror(jurorId)
  if (juror.removedAt) throw removed()
  if (!isScoringPeriodOpen(juror.edition, now)) throw closed()
  const { nomination } = await access(jurorId, nominationId)
  const { category, scale } = await gridOf(juror.edition.organisationId, juror.edition.id, nomination.categoryId)
  const criteria = category.criteria.map((c) => ({ id: c.id, weight: c.weight }))
  const check = checkScoreValues(criteria, rawValues, scale)
  const text = comment.trim()
  const fields: Record<string, string[]> = {}
  for (const id of check.invalid) fields[`criterion-${id}`] = ['jury.error.scoreRange']
  if (check.unknown.length) fields.form = ['jury.error.unknownCriterion']
  if (text.length > MAX_COMMENT_LENGTH) fields.comment = ['jury.error.commentTooLong']
  if (Object.keys(fields).length) {
    const first = Object.values(fields)[0]![0] as 'jury.error.scoreRange'
    throw new AppError({ status: 422, code: 'invalid_input', messageKey: first, params: { min: scale.scaleMin, max: scale.scaleMax }, fields })
  }
  const complete = isEvaluationComplete(criteria, check.values, text, scale)
  const total = weightedTotal(criteria, check.values)
  const values = JSON.stringify(check.values)

  const write = () =>
    prisma.$transaction(async (tx) => {
      // Checked again inside the write: a lock, removal, conflict or submission may have happened meanwhile.
      const fresh = await tx.juror.findUnique({
        where: { id: jurorId },
        select: {
          removedAt: true,
          edition: { select: { juryStartsAt: true, juryEndsAt: true, scoringLockedAt: true } },
          memberships: { where: { categoryId: nomination.categoryId }, select: { submittedAt: true } },
          conflicts: { where: { nominationId }, select: { id: true } },
        },
      })
      if (!fresh || fresh.removedAt) throw removed()
      if (!isScoringPeriodOpen(fresh.edition, now)) throw closed()
      if (fresh.conflicts.length) throw new AppError({ status: 403, code: 'conflicted', messageKey: 'jury.error.conflicted' })
      if (fresh.memberships[0]?.submittedAt) throw new AppError({ status: 409, code: 'category_submitted', messageKey: 'jury.error.submitted' })
      const score = await tx.juryScore.upsert({
        where: { jurorId_nominationId: { jurorId, nominationId } },
        create: { jurorId, nominationId, values, comment: text, complete },
        update: { values, comment: text, complete },
      })
      await audit(tx, {
        organisationId: juror.edition.organisationId,
        actorUserId: juror.userId,
        action: 'juryScore.save',
        entityType: 'JuryScore',
        entityId: score.id,
        details: { jurorId, nominationId, values: check.values, complete, commentLength: text.length },
      })
      return { savedAt: score.updatedAt, complete, total }
    })
  try {
    return await write()
  } catch (error) {
    // Two first saves at once both try to insert: the loser retries and updates the winner's row.
    if (isUniqueViolation(error)) return write()
    throw error
  }
}

/** Marks the juror's scoring of a category as done: every nomination they must score there is complete. */
export async function submitCategory(jurorId: string, categoryId: string, opts: { now?: Date } = {}) {
  const now = opts.now ?? new Date()
  const juror = await loadJuror(jurorId)
  if (juror.removedAt) throw removed()
  if (!isScoringPeriodOpen(juror.edition, now)) throw closed()
  const items = await assignedNominations(jurorId, { categoryId })
  if (items.length === 0) throw new AppError({ status: 409, code: 'nothing_to_submit', messageKey: 'jury.error.nothingToSubmit' })
  const complete = await prisma.juryScore.count({ where: { jurorId, nominationId: { in: items.map((i) => i.id) }, complete: true } })
  if (complete < items.length) {
    throw new AppError({ status: 409, code: 'incomplete', messageKey: 'jury.error.incomplete', params: { done: complete, total: items.length } })
  }
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.juryMember.updateMany({ where: { jurorId, categoryId }, data: { submittedAt: now } })
    if (count === 0) throw new AppError({ status: 404, code: 'not_seated', messageKey: 'jury.error.notSeated' })
    await audit(tx, {
      organisationId: juror.edition.organisationId,
      actorUserId: juror.userId,
      action: 'juryMember.submit',
      entityType: 'Juror',
      entityId: jurorId,
      details: { categoryId, nominations: items.length },
    })
  })
}

/** Reopens a submitted category so the juror can change a score, while the period is open. */
export async function reopenCategory(jurorId: string, categoryId: string, opts: { now?: Date } = {}) {
  const now = opts.now ?? new Date()
  const juror = await loadJuror(jurorId)
  if (juror.removedAt) throw removed()
  if (!isScoringPeriodOpen(juror.edition, now)) throw closed()
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.juryMember.updateMany({ where: { jurorId, categoryId }, data: { submittedAt: null } })
    if (count === 0) throw new AppError({ status: 404, code: 'not_seated', messageKey: 'jury.error.notSeated' })
    await audit(tx, { organisationId: juror.edition.organisationId, actorUserId: juror.userId, action: 'juryMember.reopen', entityType: 'Juror', entityId: jurorId, details: { categoryId } })
  })
}

/** Everything the scoring page of one nomination shows. Throws 404/403 Responses through the guard. */
export async function getScoringPage(juror: ActiveJuror, nominationId: string, now = new Date()) {
  const { nomination: target, all } = await requireNominationAccess(juror, nominationId)
  const inCategory = all.filter((n) => n.categoryId === target.categoryId && !n.conflicted)
  const [{ edition, category, questions, scale }, dossier, mine, completed, membership] = await Promise.all([
    gridOf(juror.edition.organisationId, juror.edition.id, target.categoryId),
    getNominationForReview(juror.edition.organisationId, juror.edition.id, nominationId),
    prisma.juryScore.findUnique({ where: { jurorId_nominationId: { jurorId: juror.id, nominationId } }, select: { values: true, comment: true, complete: true, updatedAt: true } }),
    // Progress only needs which of the juror's nominations are complete: their ids, not the scores.
    prisma.juryScore.findMany({ where: { jurorId: juror.id, complete: true }, select: { nominationId: true } }),
    prisma.juryMember.findUnique({ where: { jurorId_categoryId: { jurorId: juror.id, categoryId: target.categoryId } }, select: { submittedAt: true, isChair: true } }),
  ])
  const complete = new Set(completed.map((s) => s.nominationId))
  const done = inCategory.filter((n) => complete.has(n.id)).length
  const index = inCategory.findIndex((n) => n.id === nominationId)
  const state = scoringPeriodState(edition, now)
  return {
    edition: { id: edition.id, title: edition.title, juryEndsAt: edition.juryEndsAt, state },
    category: { id: category.id, name: category.name, scaleMin: scale.scaleMin, scaleMax: scale.scaleMax, submittedAt: membership?.submittedAt ?? null },
    criteria: category.criteria.map((c) => ({ id: c.id, name: c.name, rubric: c.rubric, weight: c.weight })),
    questions: questions.map((q) => ({ id: q.id, label: q.label })),
    nomination: dossier,
    score: { values: mine ? parseValues(mine.values) : {}, comment: mine?.comment ?? '', complete: mine?.complete ?? false, updatedAt: mine?.updatedAt ?? null },
    progress: { done, total: inCategory.length, allComplete: inCategory.length > 0 && done === inCategory.length },
    position: index + 1,
    previousId: index > 0 ? inCategory[index - 1]!.id : null,
    nextId: index >= 0 && index < inCategory.length - 1 ? inCategory[index + 1]!.id : null,
    editable: state === 'open' && !membership?.submittedAt,
  }
}

export type ScoringPage = Awaited<ReturnType<typeof getScoringPage>>

/** An attachment of a nomination the juror may open (assigned, not conflicted); 404/403 Responses otherwise. */
export async function getAttachmentForJuror(juror: ActiveJuror, nominationId: string, attachmentId: string) {
  await requireNominationAccess(juror, nominationId)
  return getAttachmentForReview(juror.edition.organisationId, juror.edition.id, nominationId, attachmentId)
}

/** The juror's personal page: per edition they sit on, per category, what to score and how far they are. */
export async function listJuryWork(user: { id: string; email: string }, now = new Date()) {
  await linkJurorRowsByEmail(user)
  const jurors = await prisma.juror.findMany({
    where: { userId: user.id, removedAt: null },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    include: {
      edition: { select: { id: true, title: true, organisationId: true, juryStartsAt: true, juryEndsAt: true, scoringLockedAt: true } },
      memberships: { include: { category: { select: { id: true, name: true, position: true, assignmentMode: true } } } },
    },
  })
  const out = []
  for (const juror of jurors) {
    const items = await assignedNominations(juror.id)
    const scores = await prisma.juryScore.findMany({ where: { jurorId: juror.id, nominationId: { in: items.map((i) => i.id) } }, select: { nominationId: true, complete: true, updatedAt: true } })
    const scoreOf = new Map(scores.map((s) => [s.nominationId, s]))
    const state = scoringPeriodState(juror.edition, now)
    out.push({
      jurorId: juror.id,
      edition: { id: juror.edition.id, title: juror.edition.title, juryStartsAt: juror.edition.juryStartsAt, juryEndsAt: juror.edition.juryEndsAt, state },
      categories: juror.memberships
        .sort((a, b) => a.category.position - b.category.position)
        .map((m) => {
          const nominations = items
            .filter((i) => i.categoryId === m.categoryId)
            .map((i) => ({ id: i.id, structureName: i.structureName, projectTitle: i.projectTitle, started: scoreOf.has(i.id), complete: scoreOf.get(i.id)?.complete ?? false }))
          const progress = progressOf(nominations)
          return {
            id: m.categoryId,
            name: m.category.name,
            isChair: m.isChair,
            submittedAt: m.submittedAt,
            nominations,
            progress,
            canSubmit: state === 'open' && !m.submittedAt && progress.allComplete,
            canReopen: state === 'open' && Boolean(m.submittedAt),
          }
        }),
    })
  }
  return out
}

export type JuryWork = Awaited<ReturnType<typeof listJuryWork>>

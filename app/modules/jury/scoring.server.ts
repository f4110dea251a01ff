// A juror's scoring: the page of one nomination (dossier, grid, saved values, progress, previous
// and next), the autosave (one JuryScore row per juror and nomination, however many saves race),
// and submitting or reopening a category. Every entry point checks the same four things: the
// juror is still on the jury, the scoring period is open, the nomination is theirs, no conflict.
import { prisma, Prisma, readRows } from '#app/db.server.ts'
import { audit } from '#app/modules/audit/service.server.ts'
import { getAttachmentForReview } from '#app/modules/nominations/review.server.ts'
import { getCachedJuryGrid, getJuryGrid } from '#app/modules/prizes/service.server.ts'
import { AppError, isUniqueViolation } from '#app/utils/errors.ts'
import { forbidden, notFound } from '#app/utils/http.server.ts'
import { assignedNominations, linkJurorRowsByEmail, nominationScopeSql, requireNominationAccess, type ActiveJuror } from './jurors.server.ts'
import {
  checkScoreValues,
  isEvaluationComplete,
  isScoringPeriodOpen,
  MAX_COMMENT_LENGTH,
  progressOf,
  scoringPeriodState,
  weightedTotal,
} from './scoring-rules.ts'
import { parseAnswers } from '#app/shared/questions.ts'
import { parseScoreValues } from './scoring-rules.ts'

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

/** `stale`: a newer save (a later revision) was already stored; this one changed nothing. */
export type SaveResult = { savedAt: Date; complete: boolean; total: number | null; stale: boolean }

/** How far ahead of the server's clock a revision may be (the page estimates the server's clock). */
export const MAX_REVISION_AHEAD_MS = 5_000

/**
 * A save's revision: when the juror made the change, in ms on the server's clock as the page
 * estimates it (strictly increasing within a page). Stored as the score's updatedAt, so a save
 * that arrives after a later one (the beacon sent on leaving the page overtaking the autosave in
 * flight) is refused instead of bringing older values back. Capped a little ahead of now.
 */
function revisionDate(revision: number | null | undefined, now: Date): Date | null {
  if (revision === null || revision === undefined || !Number.isFinite(revision) || revision <= 0) return null
  return new Date(Math.min(Math.trunc(revision), now.getTime() + MAX_REVISION_AHEAD_MS))
}

/**
 * Saves the juror's values and comment for one nomination (autosave and the Save button): an
 * idempotent upsert on (juror, nomination). Empty values mean "not scored yet". Refused when the
 * juror was removed, the period is closed, the category was submitted (reopen it first), the
 * nomination is not theirs, or they declared a conflict on it.
 */
export async function saveScore(
  jurorId: string,
  nominationId: string,
  rawValues: Record<string, unknown>,
  comment: string,
  opts: { now?: Date; revision?: number | null } = {},
): Promise<SaveResult> {
  const now = opts.now ?? new Date()
  const revisionAt = revisionDate(opts.revision, now)
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
      const key = { jurorId_nominationId: { jurorId, nominationId } }
      let score
      if (revisionAt) {
        // Compare-and-set: only over an older revision; a first save creates the row (a
        // concurrent first save makes the unique violation that retries below).
        const { count } = await tx.juryScore.updateMany({
          where: { jurorId, nominationId, updatedAt: { lt: revisionAt } },
          data: { values, comment: text, complete, updatedAt: revisionAt },
        })
        const current = await tx.juryScore.findUnique({ where: key })
        if (count === 0 && current) {
          const kept = parseScoreValues(current.values)
          return { savedAt: current.updatedAt, complete: current.complete, total: weightedTotal(criteria, kept), stale: true }
        }
        score = current ?? (await tx.juryScore.create({ data: { jurorId, nominationId, values, comment: text, complete, updatedAt: revisionAt } }))
      } else {
        score = await tx.juryScore.upsert({
          where: key,
          create: { jurorId, nominationId, values, comment: text, complete },
          update: { values, comment: text, complete },
        })
      }
      await audit(tx, {
        organisationId: juror.edition.organisationId,
        actorUserId: juror.userId,
        action: 'juryScore.save',
        entityType: 'JuryScore',
        entityId: score.id,
        details: { jurorId, nominationId, values: check.values, complete, commentLength: text.length, revision: revisionAt?.getTime() ?? null },
      })
      return { savedAt: score.updatedAt, complete, total, stale: false }
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

type PageRow = {
  categoryId: string | null
  submittedAt: Date | string | number | null
  conflicted: boolean | number | null
  position: number | bigint | null
  previousId: string | null
  nextId: string | null
  total: number | bigint | null
  done: number | bigint | null
  values: string | null
  comment: string | null
  complete: boolean | number | null
  updatedAt: Date | string | number | null
  attachmentCount: number | bigint | null
  n_structureName: string | null
  n_siret: string | null
  n_legalForm: string | null
  n_creationDate: Date | string | number | null
  n_postalCode: string | null
  n_town: string | null
  n_departement: string | null
  n_employees: number | bigint | null
  n_volunteers: number | bigint | null
  n_budgetCents: number | bigint | null
  n_projectTitle: string | null
  n_projectDescription: string | null
  n_impact: string | null
  n_answers: string | null
}

/** A date from a raw row: SQLite hands back what a subquery yields as a number or a string. */
function rawDate(v: Date | string | number | null): Date | null {
  if (v === null || v === undefined) return null
  return v instanceof Date ? v : new Date(v)
}

/**
 * What the scoring page reads fresh on every request, in one statement: the access (assigned,
 * not conflicted), the juror's seat (submitted?), position, previous, next and progress among
 * their non-conflicted nominations of the category, their own score, and the dossier's fields
 * (its attachments' descriptions come with a second statement, only when it has any).
 * The order is (structureName, createdAt, id); the position counts the nominations before this
 * one, previous and next are the nearest before and after (row comparisons): a third cheaper than
 * numbering the whole pool with window functions (the pool is materialised once, and so is the
 * target row: otherwise SQLite indexes the pool again for each of the three lookups).
 */
async function readPageRow(jurorId: string, nominationId: string) {
  const rows = await readRows<PageRow>(Prisma.sql`
    ${nominationScopeSql(jurorId, nominationId)},
    "pm" AS MATERIALIZED (SELECT p."id", p."structureName", p."createdAt", p."conflicted", p."complete" FROM "pool" p),
    "tgt" AS MATERIALIZED (SELECT p."structureName" AS "sn", p."createdAt" AS "ca", p."id" FROM "pm" p WHERE p."id" = ${nominationId} AND NOT p."conflicted"),
    "counts" AS (
      SELECT COUNT(*) AS "total",
        SUM(CASE WHEN p."complete" THEN 1 ELSE 0 END) AS "done",
        SUM(CASE WHEN (p."structureName", p."createdAt", p."id") < (t."sn", t."ca", t."id") THEN 1 ELSE 0 END) + 1 AS "position"
      FROM "pm" p CROSS JOIN "tgt" t
      WHERE NOT p."conflicted"
    )
    SELECT
      (SELECT "categoryId" FROM "seat") AS "categoryId",
      (SELECT "submittedAt" FROM "seat") AS "submittedAt",
      (SELECT "conflicted" FROM "pm" WHERE "id" = ${nominationId}) AS "conflicted",
      r."position",
      (SELECT p."id" FROM "pm" p CROSS JOIN "tgt" t WHERE NOT p."conflicted" AND (p."structureName", p."createdAt", p."id") < (t."sn", t."ca", t."id")
        ORDER BY p."structureName" DESC, p."createdAt" DESC, p."id" DESC LIMIT 1) AS "previousId",
      (SELECT p."id" FROM "pm" p CROSS JOIN "tgt" t WHERE NOT p."conflicted" AND (p."structureName", p."createdAt", p."id") > (t."sn", t."ca", t."id")
        ORDER BY p."structureName" ASC, p."createdAt" ASC, p."id" ASC LIMIT 1) AS "nextId",
      r."total", r."done",
      sc."values", sc."comment", sc."complete", sc."updatedAt",
      (SELECT COUNT(*) FROM "NominationAttachment" f WHERE f."nominationId" = ${nominationId}) AS "attachmentCount",
      n."structureName" AS "n_structureName", n."siret" AS "n_siret", n."legalForm" AS "n_legalForm", n."creationDate" AS "n_creationDate",
      n."postalCode" AS "n_postalCode", n."town" AS "n_town", n."departement" AS "n_departement", n."employees" AS "n_employees",
      n."volunteers" AS "n_volunteers", n."budgetCents" AS "n_budgetCents", n."projectTitle" AS "n_projectTitle",
      n."projectDescription" AS "n_projectDescription", n."impact" AS "n_impact", n."answers" AS "n_answers"
    FROM (SELECT 1 AS "one") "base"
    LEFT JOIN "counts" r ON r."total" > 0
    LEFT JOIN "JuryScore" sc ON sc."jurorId" = ${jurorId} AND sc."nominationId" = ${nominationId}
    LEFT JOIN "Nomination" n ON r."total" > 0 AND n."id" = ${nominationId}`)
  return rows[0]!
}

const intOrNull = (v: number | bigint | null) => (v === null || v === undefined ? null : Number(v))

/** The descriptions of a nomination's attachments (never their bytes), oldest first. */
function attachmentsOf(nominationId: string) {
  return prisma.$queryRaw<{ id: string; filename: string; contentType: string; size: number | bigint }[]>`
    SELECT "id", "filename", "contentType", "size" FROM "NominationAttachment" WHERE "nominationId" = ${nominationId} ORDER BY "createdAt" ASC, "id" ASC`
}

/**
 * Everything the scoring page of one nomination shows. Throws 404/403 Responses like the guard.
 * The access, the seat, the period (from the juror's edition, read by requireJuror), the progress,
 * the score and the dossier are read fresh on every request; only the grid comes from a cache.
 */
export async function getScoringPage(juror: ActiveJuror, nominationId: string, now = new Date()) {
  const row = await readPageRow(juror.id, nominationId)
  if (row.position === null || row.position === undefined || !row.categoryId) {
    if (row.conflicted !== null && Boolean(row.conflicted)) throw forbidden()
    throw notFound()
  }
  const [grid, attachments] = await Promise.all([
    getCachedJuryGrid(juror.edition.id, row.categoryId),
    Number(row.attachmentCount ?? 0) > 0 ? attachmentsOf(nominationId) : [],
  ])
  const dossier = {
    id: nominationId,
    structureName: row.n_structureName ?? '',
    siret: row.n_siret,
    legalForm: row.n_legalForm,
    creationDate: rawDate(row.n_creationDate),
    postalCode: row.n_postalCode,
    town: row.n_town,
    departement: row.n_departement,
    employees: intOrNull(row.n_employees),
    volunteers: intOrNull(row.n_volunteers),
    budgetCents: intOrNull(row.n_budgetCents),
    projectTitle: row.n_projectTitle ?? '',
    projectDescription: row.n_projectDescription ?? '',
    impact: row.n_impact ?? '',
    answers: parseAnswers(row.n_answers),
    attachments: attachments.map((a) => ({ id: a.id, filename: a.filename, contentType: a.contentType, size: Number(a.size) })),
  }
  if (!grid) throw new AppError({ status: 404, code: 'category_not_found', messageKey: 'jury.error.nominationNotFound' })
  const { category, questions } = grid
  const edition = juror.edition
  const submittedAt = rawDate(row.submittedAt)
  const done = Number(row.done ?? 0)
  const total = Number(row.total ?? 0)
  const state = scoringPeriodState(edition, now)
  const hasScore = row.values !== null
  return {
    edition: { id: edition.id, title: edition.title, juryEndsAt: edition.juryEndsAt, state },
    category: { id: category.id, name: category.name, scaleMin: category.scaleMin, scaleMax: category.scaleMax, submittedAt },
    criteria: category.criteria.map((c) => ({ id: c.id, name: c.name, rubric: c.rubric, weight: c.weight })),
    questions: questions.map((q) => ({ id: q.id, label: q.label })),
    nomination: dossier,
    score: {
      values: hasScore ? parseScoreValues(row.values!) : {},
      comment: row.comment ?? '',
      complete: hasScore && Boolean(row.complete),
      updatedAt: hasScore ? rawDate(row.updatedAt) : null,
    },
    progress: { done, total, allComplete: total > 0 && done === total },
    position: Number(row.position),
    previousId: row.previousId,
    nextId: row.nextId,
    editable: state === 'open' && !submittedAt,
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

// A juror's scoring: the page of one nomination (dossier, grid, saved values, progress, previous
// and next), the autosave (one JuryScore row per juror and nomination, however many saves race),
// and submitting or reopening a category. Every entry point checks the same four things: the
// juror is still on the jury, the scoring period is open, the nomination is theirs, no conflict.
import { sql, type ExpressionBuilder } from 'kysely'
import { prisma, readRows } from '#app/db.server.ts'
import { audit } from '#app/modules/audit/service.server.ts'
import { getAttachmentForReview } from '#app/modules/nominations/review.server.ts'
import { getCachedJuryGrid, getJuryGrid } from '#app/modules/prizes/service.server.ts'
import { AppError, forbiddenError, isAppError, isUniqueViolation, notFoundError } from '#app/utils/errors.ts'
import { assignedNominations, linkJurorRowsByEmail, requireNominationAccess, type ActiveJuror } from './jurors.server.ts'
import { withNominationScope } from './scope.server.ts'
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
import { abstainedNominationIds, abstentionOf } from './abstention.server.ts'
import { blindNomination, questionField } from './blinding.ts'
import { blindFieldsOf } from './blinding.server.ts'

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

/** Turns the guard's not-found / forbidden errors into the scoring service's own ones. */
async function access(jurorId: string, nominationId: string) {
  try {
    return await requireNominationAccess({ id: jurorId }, nominationId)
  } catch (error) {
    if (isAppError(error) && error.code === 'forbidden')
      throw new AppError({ status: 403, code: 'conflicted', messageKey: 'jury.error.conflicted' })
    if (isAppError(error) && error.code === 'not_found')
      throw new AppError({ status: 404, code: 'nomination_not_found', messageKey: 'jury.error.nominationNotFound' })
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
    throw new AppError({
      status: 422,
      code: 'invalid_input',
      messageKey: first,
      params: { min: scale.scaleMin, max: scale.scaleMax },
      fields,
    })
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
      if (fresh.memberships[0]?.submittedAt)
        throw new AppError({ status: 409, code: 'category_submitted', messageKey: 'jury.error.submitted' })
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
        score =
          current ??
          (await tx.juryScore.create({ data: { jurorId, nominationId, values, comment: text, complete, updatedAt: revisionAt } }))
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
        details: {
          jurorId,
          nominationId,
          values: check.values,
          complete,
          commentLength: text.length,
          revision: revisionAt?.getTime() ?? null,
        },
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
  const ids = items.map((i) => i.id)
  const [scoredRows, abstained] = await Promise.all([
    prisma.juryScore.findMany({ where: { jurorId, nominationId: { in: ids }, complete: true }, select: { nominationId: true } }),
    abstainedNominationIds(jurorId, ids),
  ])
  // An abstention counts as done.
  const complete = new Set([...scoredRows.map((s) => s.nominationId), ...abstained]).size
  if (complete < items.length) {
    throw new AppError({
      status: 409,
      code: 'incomplete',
      messageKey: 'jury.error.incomplete',
      params: { done: complete, total: items.length },
    })
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
    await audit(tx, {
      organisationId: juror.edition.organisationId,
      actorUserId: juror.userId,
      action: 'juryMember.reopen',
      entityType: 'Juror',
      entityId: jurorId,
      details: { categoryId },
    })
  })
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
  const rows = await readRows(
    withNominationScope(jurorId, nominationId)
      .with(
        (cte) => cte('pm').materialized(),
        (db) => db.selectFrom('pool as p').select(['p.id', 'p.structureName', 'p.createdAt', 'p.conflicted', 'p.complete']),
      )
      .with(
        (cte) => cte('tgt').materialized(),
        (db) =>
          db
            .selectFrom('pm as p')
            .select(['p.structureName as sn', 'p.createdAt as ca', 'p.id'])
            .where('p.id', '=', nominationId)
            .where((eb) => eb.not(eb.ref('p.conflicted'))),
      )
      .with('counts', (db) =>
        db
          .selectFrom('pm as p')
          .crossJoin('tgt as t')
          .select((eb) => [
            eb.fn.countAll().as('total'),
            eb.fn.sum(eb.case().when(eb.ref('p.complete')).then(1).else(0).end()).as('done'),
            eb(eb.fn.sum(eb.case().when(before(eb)).then(1).else(0).end()), '+', 1).as('position'),
          ])
          .where((eb) => eb.not(eb.ref('p.conflicted'))),
      )
      .selectFrom(sql<{ one: number }>`(SELECT 1 AS "one")`.as('base'))
      .leftJoin('counts as r', (join) => join.on('r.total', '>', sql.lit(0)))
      .leftJoin('JuryScore as sc', (join) => join.on('sc.jurorId', '=', jurorId).on('sc.nominationId', '=', nominationId))
      .leftJoin('Nomination as n', (join) => join.on('r.total', '>', sql.lit(0)).on('n.id', '=', nominationId))
      .select((eb) => [
        eb.selectFrom('seat').select('categoryId').as('categoryId'),
        eb.selectFrom('seat').select('submittedAt').as('submittedAt'),
        eb.selectFrom('pm').select('conflicted').where('id', '=', nominationId).as('conflicted'),
        'r.position',
        eb
          .selectFrom('pm as p')
          .crossJoin('tgt as t')
          .select('p.id')
          .where((w) => w.and([w.not(w.ref('p.conflicted')), before(w)]))
          .orderBy('p.structureName', 'desc')
          .orderBy('p.createdAt', 'desc')
          .orderBy('p.id', 'desc')
          .limit(1)
          .as('previousId'),
        eb
          .selectFrom('pm as p')
          .crossJoin('tgt as t')
          .select('p.id')
          .where((w) =>
            w.and([
              w.not(w.ref('p.conflicted')),
              w(w.refTuple('p.structureName', 'p.createdAt', 'p.id'), '>', w.refTuple('t.sn', 't.ca', 't.id')),
            ]),
          )
          .orderBy('p.structureName', 'asc')
          .orderBy('p.createdAt', 'asc')
          .orderBy('p.id', 'asc')
          .limit(1)
          .as('nextId'),
        'r.total',
        'r.done',
        'sc.values',
        'sc.comment',
        'sc.complete',
        'sc.updatedAt',
        eb
          .selectFrom('NominationAttachment as f')
          .select((c) => c.fn.countAll().as('n'))
          .where('f.nominationId', '=', nominationId)
          .as('attachmentCount'),
        'n.structureName as n_structureName',
        'n.siret as n_siret',
        'n.legalForm as n_legalForm',
        'n.creationDate as n_creationDate',
        'n.postalCode as n_postalCode',
        'n.town as n_town',
        'n.departement as n_departement',
        'n.employees as n_employees',
        'n.volunteers as n_volunteers',
        'n.budgetCents as n_budgetCents',
        'n.projectTitle as n_projectTitle',
        'n.projectDescription as n_projectDescription',
        'n.impact as n_impact',
        'n.answers as n_answers',
      ]),
  )
  return rows[0]!
}

/** Whether the pool row `p` comes before the target row `t` in the page's order. */
function before(
  eb: ExpressionBuilder<{ p: { structureName: string; createdAt: Date; id: string }; t: { sn: string; ca: Date; id: string } }, 'p' | 't'>,
) {
  return eb(eb.refTuple('p.structureName', 'p.createdAt', 'p.id'), '<', eb.refTuple('t.sn', 't.ca', 't.id'))
}

const intOrNull = (v: number | bigint | null) => (v === null || v === undefined ? null : Number(v))

/** The descriptions of a nomination's attachments (never their bytes), oldest first. */
function attachmentsOf(nominationId: string) {
  return prisma.$queryRaw<{ id: string; filename: string; contentType: string; size: number | bigint }[]>`
    SELECT "id", "filename", "contentType", "size" FROM "NominationAttachment" WHERE "nominationId" = ${nominationId} ORDER BY "createdAt" ASC, "id" ASC`
}

/**
 * Everything the scoring page of one nomination shows. Throws not-found / forbidden AppErrors like the guard.
 * The access, the seat, the period (from the juror's edition, read by requireJuror), the progress,
 * the score and the dossier are read fresh on every request; only the grid comes from a cache.
 */
export async function getScoringPage(juror: ActiveJuror, nominationId: string, now = new Date()) {
  const row = await readPageRow(juror.id, nominationId)
  if (row.position === null || row.position === undefined || !row.categoryId) {
    if (row.conflicted !== null && Boolean(row.conflicted)) throw forbiddenError()
    throw notFoundError()
  }
  const [grid, attachments, blindFields, abstention] = await Promise.all([
    getCachedJuryGrid(juror.edition.id, row.categoryId),
    Number(row.attachmentCount ?? 0) > 0 ? attachmentsOf(nominationId) : [],
    blindFieldsOf(juror.edition.id),
    abstentionOf(juror.id, nominationId),
  ])
  // Blinded before anything leaves the module: the page, its title and its attachments' names.
  const dossier = blindNomination(
    {
      id: nominationId,
      structureName: row.n_structureName ?? '',
      siret: row.n_siret,
      legalForm: row.n_legalForm,
      creationDate: row.n_creationDate,
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
    },
    blindFields,
  )
  if (!grid) throw new AppError({ status: 404, code: 'category_not_found', messageKey: 'jury.error.nominationNotFound' })
  const { category, questions } = grid
  const edition = juror.edition
  const submittedAt = row.submittedAt
  const done = Number(row.done ?? 0)
  const total = Number(row.total ?? 0)
  const state = scoringPeriodState(edition, now)
  const hasScore = row.values !== null
  return {
    edition: { id: edition.id, title: edition.title, juryEndsAt: edition.juryEndsAt, state },
    category: { id: category.id, name: category.name, scaleMin: category.scaleMin, scaleMax: category.scaleMax, submittedAt },
    criteria: category.criteria.map((c) => ({ id: c.id, name: c.name, rubric: c.rubric, weight: c.weight })),
    questions: questions.filter((q) => !blindFields.includes(questionField(q.id))).map((q) => ({ id: q.id, label: q.label })),
    nomination: dossier,
    score: {
      values: hasScore ? parseScoreValues(row.values!) : {},
      comment: row.comment ?? '',
      complete: hasScore && Boolean(row.complete),
      updatedAt: hasScore ? row.updatedAt : null,
    },
    abstention: abstention ? { reason: abstention.reason, createdAt: abstention.createdAt } : null,
    progress: { done, total, allComplete: total > 0 && done === total },
    position: Number(row.position),
    previousId: row.previousId,
    nextId: row.nextId,
    editable: state === 'open' && !submittedAt,
  }
}

export type ScoringPage = Awaited<ReturnType<typeof getScoringPage>>

/** An attachment of a nomination the juror may open (assigned, not conflicted); not-found / forbidden AppErrors otherwise. */
export async function getAttachmentForJuror(juror: ActiveJuror, nominationId: string, attachmentId: string) {
  await requireNominationAccess(juror, nominationId)
  const [file, blindFields, all] = await Promise.all([
    getAttachmentForReview(juror.edition.organisationId, juror.edition.id, nominationId, attachmentId),
    blindFieldsOf(juror.edition.id),
    attachmentsOf(nominationId),
  ])
  // The downloaded file's name is blinded like the list on the page (same numbering).
  const blinded = blindNomination({ id: nominationId, attachments: all }, blindFields).attachments
  const index = all.findIndex((a) => a.id === attachmentId)
  if (!file || index < 0 || !blinded) return file
  return { ...file, filename: blinded[index]!.filename }
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
    const scores = await prisma.juryScore.findMany({
      where: { jurorId: juror.id, nominationId: { in: items.map((i) => i.id) } },
      select: { nominationId: true, complete: true, updatedAt: true },
    })
    const scoreOf = new Map(scores.map((s) => [s.nominationId, s]))
    const blindFields = await blindFieldsOf(juror.edition.id)
    const abstained = await abstainedNominationIds(
      juror.id,
      items.map((i) => i.id),
    )
    const state = scoringPeriodState(juror.edition, now)
    out.push({
      jurorId: juror.id,
      edition: {
        id: juror.edition.id,
        title: juror.edition.title,
        juryStartsAt: juror.edition.juryStartsAt,
        juryEndsAt: juror.edition.juryEndsAt,
        state,
      },
      categories: juror.memberships
        .sort((a, b) => a.category.position - b.category.position)
        .map((m) => {
          const nominations = items
            .filter((i) => i.categoryId === m.categoryId)
            .map((i) => ({
              id: i.id,
              structureName: blindNomination(i, blindFields).structureName,
              projectTitle: i.projectTitle,
              started: scoreOf.has(i.id) || abstained.has(i.id),
              complete: (scoreOf.get(i.id)?.complete ?? false) || abstained.has(i.id),
              abstained: abstained.has(i.id),
            }))
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

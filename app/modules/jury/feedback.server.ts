// Feedback to nominees once results are published: the organiser picks which jurors' comments
// are shared (anonymised), then « Envoyer les retours » writes, per nomination, a snapshot of its
// feedback (mean per criterion, the category's range, the shared comments) and queues its email
// in the nominee's language, in the same transaction. A nomination with a snapshot is never sent
// again. The nominee's link page shows the snapshot, so it says exactly what the email said.
import { prisma } from '#app/db.server.ts'
import { audit } from '#app/modules/audit/service.server.ts'
import { enqueueEmail } from '#app/modules/email/outbox.server.ts'
import { AppError, isUniqueViolation } from '#app/utils/errors.ts'
import { isLocale } from '#app/utils/i18n.ts'
import { juryStatusesOf } from './results.server.ts'
import { nomineeFeedback, pairKey, type FeedbackScore, type NomineeFeedback } from './rules.ts'
import { parseScoreValues } from './scoring-rules.ts'

type Actor = { organisationId: string; userId: string }

const notFound = () => new AppError({ status: 404, code: 'not_found', messageKey: 'juryAdmin.error.notFound' })

/** The scores that count for feedback: complete, from jurors not removed and not conflicted. */
async function feedbackInputs(editionId: string) {
  const statuses = await juryStatusesOf(editionId)
  const [categories, nominations, scores, conflicts, abstentions, sent] = await Promise.all([
    prisma.prizeCategory.findMany({
      where: { editionId },
      orderBy: [{ position: 'asc' }, { id: 'asc' }],
      select: { id: true, name: true, criteria: { select: { id: true, name: true }, orderBy: [{ position: 'asc' }, { id: 'asc' }] } },
    }),
    prisma.nomination.findMany({
      where: { editionId, categoryId: { not: null }, OR: [{ status: { in: statuses } }, { decision: { isNot: null } }] },
      orderBy: [{ structureName: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        categoryId: true,
        structureName: true,
        projectTitle: true,
        contactEmail: true,
        contactFirstName: true,
        contactLastName: true,
        locale: true,
      },
    }),
    prisma.juryScore.findMany({
      where: { complete: true, juror: { editionId, removedAt: null } },
      select: { id: true, jurorId: true, nominationId: true, values: true, comment: true, juror: { select: { name: true } } },
    }),
    prisma.juryConflict.findMany({ where: { editionId }, select: { jurorId: true, nominationId: true } }),
    prisma.juryAbstention.findMany({ where: { juror: { editionId } }, select: { jurorId: true, nominationId: true } }),
    prisma.juryFeedback.findMany({ where: { editionId }, select: { nominationId: true, sentAt: true } }),
  ])
  const shares = await prisma.juryCommentShare.findMany({
    where: { nominationId: { in: nominations.map((n) => n.id) } },
    select: { scoreId: true },
  })
  const conflicted = new Set(conflicts.map((c) => pairKey(c.jurorId, c.nominationId)))
  const abstained = new Set(abstentions.map((a) => pairKey(a.jurorId, a.nominationId)))
  const counted = scores.filter((s) => !conflicted.has(pairKey(s.jurorId, s.nominationId)))
  return {
    categories,
    nominations,
    scores: counted.map((s) => ({ ...s, abstained: abstained.has(pairKey(s.jurorId, s.nominationId)) })),
    shared: new Set(shares.map((s) => s.scoreId)),
    sent: new Map(sent.map((s) => [s.nominationId, s.sentAt])),
  }
}

function feedbackByNomination(inputs: Awaited<ReturnType<typeof feedbackInputs>>) {
  const categoryOf = new Map(inputs.nominations.map((n) => [n.id, n.categoryId!]))
  const out = new Map<string, NomineeFeedback>()
  for (const category of inputs.categories) {
    const scores: FeedbackScore[] = inputs.scores
      .filter((s) => categoryOf.get(s.nominationId) === category.id)
      .map((s) => ({
        id: s.id,
        nominationId: s.nominationId,
        values: parseScoreValues(s.values),
        comment: s.comment,
        abstained: s.abstained,
      }))
    for (const [id, f] of nomineeFeedback(scores, category.criteria, inputs.shared)) out.set(id, f)
  }
  return out
}

/** The organiser's feedback page: per nomination, the jurors' comments (with names) and whether each is shared. */
export async function feedbackOverview(editionId: string) {
  const edition = await prisma.prizeEdition.findUnique({ where: { id: editionId }, select: { resultsPublishedAt: true } })
  if (!edition) throw notFound()
  const inputs = await feedbackInputs(editionId)
  const categoryName = new Map(inputs.categories.map((c) => [c.id, c.name]))
  return {
    resultsPublishedAt: edition.resultsPublishedAt,
    nominations: inputs.nominations.map((n) => ({
      id: n.id,
      structureName: n.structureName,
      projectTitle: n.projectTitle,
      categoryName: categoryName.get(n.categoryId!) ?? '',
      sentAt: inputs.sent.get(n.id) ?? null,
      comments: inputs.scores
        .filter((s) => s.nominationId === n.id && !s.abstained && s.comment.trim() !== '')
        .map((s) => ({ scoreId: s.id, jurorName: s.juror.name, comment: s.comment, shared: inputs.shared.has(s.id) }))
        .sort((a, b) => a.jurorName.localeCompare(b.jurorName, 'fr')),
    })),
  }
}

/** Shares (or stops sharing) one juror's comment with the nominee; only a comment of this edition. */
export async function setCommentShared(editionId: string, scoreId: string, shared: boolean, actor: Actor) {
  const score = await prisma.juryScore.findFirst({ where: { id: scoreId, juror: { editionId } }, select: { id: true, nominationId: true } })
  if (!score) throw notFound()
  await prisma.$transaction(async (tx) => {
    if (shared) {
      await tx.juryCommentShare.upsert({
        where: { scoreId },
        create: { scoreId, nominationId: score.nominationId, sharedByUserId: actor.userId },
        update: {},
      })
    } else await tx.juryCommentShare.deleteMany({ where: { scoreId } })
    await audit(tx, {
      organisationId: actor.organisationId,
      actorUserId: actor.userId,
      action: shared ? 'juryComment.share' : 'juryComment.unshare',
      entityType: 'JuryScore',
      entityId: scoreId,
    })
  })
}

/**
 * Sends the feedback: refused before the results are published; each nomination not yet sent
 * gets its snapshot and one email. Returns how many were sent now.
 */
export async function sendFeedback(editionId: string, actor: Actor, now: Date = new Date()) {
  const edition = await prisma.prizeEdition.findFirst({
    where: { id: editionId, organisationId: actor.organisationId },
    select: { title: true, resultsPublishedAt: true, organisation: { select: { name: true } } },
  })
  if (!edition) throw notFound()
  if (!edition.resultsPublishedAt)
    throw new AppError({ status: 409, code: 'results_not_published', messageKey: 'juryFeedback.error.notPublished' })
  const inputs = await feedbackInputs(editionId)
  const feedback = feedbackByNomination(inputs)
  const categoryName = new Map(inputs.categories.map((c) => [c.id, c.name]))
  let sent = 0
  for (const n of inputs.nominations) {
    const content = feedback.get(n.id)
    if (!content || inputs.sent.has(n.id)) continue
    // The row is the lock: a concurrent send that created it first wins, this one sends nothing.
    const done = await prisma
      .$transaction(async (tx) => {
        await tx.juryFeedback.create({
          data: { nominationId: n.id, editionId, content: JSON.stringify(content), sentAt: now, sentByUserId: actor.userId },
        })
        await enqueueEmail(tx, {
          to: n.contactEmail,
          toName: `${n.contactFirstName} ${n.contactLastName}`.trim() || null,
          locale: isLocale(n.locale) ? n.locale : 'fr',
          template: 'jury-feedback',
          props: {
            editionTitle: edition.title,
            organisationName: edition.organisation.name,
            structureName: n.structureName,
            categoryName: categoryName.get(n.categoryId!) ?? '',
            criteria: content.criteria,
            comments: content.comments,
          },
          organisationId: actor.organisationId,
          category: 'prize-results',
        })
        await audit(tx, {
          organisationId: actor.organisationId,
          actorUserId: actor.userId,
          action: 'juryFeedback.send',
          entityType: 'Nomination',
          entityId: n.id,
          details: { comments: content.comments.length },
        })
        return true
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) return false
        throw error
      })
    if (done) sent += 1
  }
  return { sent }
}

/** The feedback a nominee was sent (for their link page); null before it is sent. */
export async function sentFeedbackOf(nominationId: string): Promise<(NomineeFeedback & { sentAt: Date }) | null> {
  const row = await prisma.juryFeedback.findUnique({ where: { nominationId } })
  if (!row) return null
  const content = JSON.parse(row.content) as NomineeFeedback
  return { criteria: content.criteria, comments: content.comments, sentAt: row.sentAt }
}

// A juror's abstention: their own choice not to score one nomination, with a reason. It goes
// through their seat like scoring (still on the jury, period open, nomination theirs, no
// conflict, category not submitted); it is left out of the nomination's mean and of the
// normalisation (`countedEntries` in rules.ts) and counts as done in their progress. Withdrawn
// while the period is open. Both audited.
import { prisma } from '#app/db.server.ts'
import { audit } from '#app/modules/audit/service.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { ABSTENTION_REASON_MAX } from './abstention-rules.ts'
import { requireNominationAccess } from './jurors.server.ts'
import { isScoringPeriodOpen } from './scoring-rules.ts'

export { ABSTENTION_REASON_MAX }

const closed = () => new AppError({ status: 409, code: 'scoring_closed', messageKey: 'jury.error.closed' })

async function seatOf(jurorId: string, nominationId: string, now: Date) {
  const juror = await prisma.juror.findUnique({
    where: { id: jurorId },
    select: {
      id: true,
      userId: true,
      removedAt: true,
      edition: { select: { organisationId: true, juryStartsAt: true, juryEndsAt: true, scoringLockedAt: true } },
    },
  })
  if (!juror || juror.removedAt) throw new AppError({ status: 403, code: 'juror_removed', messageKey: 'jury.error.removed' })
  if (!isScoringPeriodOpen(juror.edition, now)) throw closed()
  const { nomination } = await requireNominationAccess(juror, nominationId)
  const seat = await prisma.juryMember.findUnique({
    where: { jurorId_categoryId: { jurorId, categoryId: nomination.categoryId } },
    select: { submittedAt: true },
  })
  if (seat?.submittedAt) throw new AppError({ status: 409, code: 'category_submitted', messageKey: 'jury.error.submitted' })
  return juror
}

/** The juror abstains on the nomination (or changes the reason of their abstention). */
export async function abstain(jurorId: string, nominationId: string, rawReason: string, opts: { now?: Date } = {}) {
  const reason = rawReason.trim()
  if (!reason || reason.length > ABSTENTION_REASON_MAX) {
    const key = reason ? 'juryPanel.error.reasonTooLong' : 'juryPanel.error.reasonRequired'
    throw new AppError({ status: 422, code: 'invalid_input', messageKey: key, fields: { reason: [key] } })
  }
  const juror = await seatOf(jurorId, nominationId, opts.now ?? new Date())
  return prisma.$transaction(async (tx) => {
    const row = await tx.juryAbstention.upsert({
      where: { jurorId_nominationId: { jurorId, nominationId } },
      create: { jurorId, nominationId, reason },
      update: { reason },
    })
    await audit(tx, {
      organisationId: juror.edition.organisationId,
      actorUserId: juror.userId,
      action: 'juryAbstention.abstain',
      entityType: 'JuryAbstention',
      entityId: row.id,
      details: { jurorId, nominationId, reasonLength: reason.length },
    })
    return row
  })
}

/** The juror takes their abstention back: the nomination is theirs to score again. */
export async function withdrawAbstention(jurorId: string, nominationId: string, opts: { now?: Date } = {}) {
  const juror = await seatOf(jurorId, nominationId, opts.now ?? new Date())
  return prisma.$transaction(async (tx) => {
    const row = await tx.juryAbstention.findUnique({ where: { jurorId_nominationId: { jurorId, nominationId } } })
    if (!row) return false
    await tx.juryAbstention.delete({ where: { id: row.id } })
    await audit(tx, {
      organisationId: juror.edition.organisationId,
      actorUserId: juror.userId,
      action: 'juryAbstention.withdraw',
      entityType: 'JuryAbstention',
      entityId: row.id,
      details: { jurorId, nominationId },
    })
    return true
  })
}

/** The juror's abstention on one nomination, if any. */
export function abstentionOf(jurorId: string, nominationId: string) {
  return prisma.juryAbstention.findUnique({
    where: { jurorId_nominationId: { jurorId, nominationId } },
    select: { reason: true, createdAt: true },
  })
}

/** The nominations (among `nominationIds`) the juror abstained on. */
export async function abstainedNominationIds(jurorId: string, nominationIds: readonly string[]) {
  if (nominationIds.length === 0) return new Set<string>()
  const rows = await prisma.juryAbstention.findMany({
    where: { jurorId, nominationId: { in: [...nominationIds] } },
    select: { nominationId: true },
  })
  return new Set(rows.map((r) => r.nominationId))
}

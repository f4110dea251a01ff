// The jury's state kept on the edition and its categories (scoring lock, jury settings, validated
// decisions, published results): the prizes module owns these rows, the jury module changes them
// through these functions, inside its own transaction. Each change is conditional and says whether
// it applied (false: no such edition of the organisation, or already done).
import { prisma, type Tx } from '#app/db.server.ts'

/** Scoring locked at `lockedAt`, or unlocked (null). */
export async function setScoringLockedAt(tx: Tx, organisationId: string, editionId: string, lockedAt: Date | null) {
  const { count } = await tx.prizeEdition.updateMany({ where: { id: editionId, organisationId }, data: { scoringLockedAt: lockedAt } })
  return count > 0
}

export type JurySettings = { normaliseScores: boolean; tieBreak: string; juryReminderDaysBefore: number }

export async function setJurySettings(tx: Tx, organisationId: string, editionId: string, settings: JurySettings) {
  const { count } = await tx.prizeEdition.updateMany({
    where: { id: editionId, organisationId },
    data: {
      normaliseScores: settings.normaliseScores,
      tieBreak: settings.tieBreak,
      juryReminderDaysBefore: settings.juryReminderDaysBefore,
    },
  })
  return count > 0
}

/** The category's decisions validated by `userId`, once (false when they already were). */
export async function lockCategoryDecisions(tx: Tx, categoryId: string, userId: string, now: Date) {
  const { count } = await tx.prizeCategory.updateMany({
    where: { id: categoryId, decisionsLockedAt: null },
    data: { decisionsLockedAt: now, decisionsLockedBy: userId },
  })
  return count > 0
}

/** The results published, once (false when they already were, or no such edition of the organisation). */
export async function markResultsPublished(tx: Tx, organisationId: string, editionId: string, now: Date) {
  const { count } = await tx.prizeEdition.updateMany({
    where: { id: editionId, organisationId, resultsPublishedAt: null },
    data: { resultsPublishedAt: now },
  })
  return count > 0
}

/** What the jury's emails say about an edition: its title, jury period and categories (by position); null when there is none. */
export function editionForJuryEmails(editionId: string, db: Tx = prisma) {
  return db.prizeEdition.findUnique({
    where: { id: editionId },
    select: {
      id: true,
      organisationId: true,
      title: true,
      juryStartsAt: true,
      juryEndsAt: true,
      categories: { select: { id: true, name: true }, orderBy: { position: 'asc' } },
    },
  })
}

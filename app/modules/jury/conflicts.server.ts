// Conflicts of interest. A juror declares one on a nomination (or an organiser records it for
// them): from then on the nomination leaves the juror's work — the page, the autosave and the
// attachments refuse it. A score already saved is kept in the database for the audit trail but is
// no longer the juror's work (the results must leave out scores of conflicted pairs).
import { prisma } from '#app/db.server.ts'
import { audit } from '#app/modules/audit/service.server.ts'
import { getNominationForReview, listNominations } from '#app/modules/nominations/review.server.ts'
import { getEditionForOrganiser } from '#app/modules/prizes/service.server.ts'
import { AppError, isUniqueViolation } from '#app/utils/errors.ts'
import { isConflictKind, likelyConflictReasons, MAX_CONFLICT_NOTE_LENGTH, type ConflictWarningReason } from './conflict-rules.ts'
import { assignedNominations } from './jurors.server.ts'

export type ConflictInput = { kind: string; note?: string | null }

function checkConflictInput(input: ConflictInput) {
  const fields: Record<string, string[]> = {}
  const note = (input.note ?? '').trim()
  if (!isConflictKind(input.kind)) fields.kind = ['jury.error.conflictKind']
  if (note.length > MAX_CONFLICT_NOTE_LENGTH) fields.note = ['jury.error.noteTooLong']
  if (Object.keys(fields).length) {
    throw new AppError({
      status: 422,
      code: 'invalid_input',
      messageKey: (fields.kind?.[0] ?? fields.note?.[0]) as 'jury.error.conflictKind',
      fields,
    })
  }
  return { kind: input.kind, note }
}

async function createConflict(opts: {
  organisationId: string
  editionId: string
  jurorId: string
  nominationId: string
  kind: string
  note: string
  declaredBy: 'juror' | 'organiser'
  actorUserId: string | null
}) {
  try {
    return await prisma.$transaction(async (tx) => {
      const conflict = await tx.juryConflict.create({
        data: {
          editionId: opts.editionId,
          jurorId: opts.jurorId,
          nominationId: opts.nominationId,
          kind: opts.kind,
          note: opts.note,
          declaredBy: opts.declaredBy,
          declaredByUserId: opts.actorUserId,
        },
      })
      await audit(tx, {
        organisationId: opts.organisationId,
        actorUserId: opts.actorUserId,
        action: 'juryConflict.declare',
        entityType: 'JuryConflict',
        entityId: conflict.id,
        details: { jurorId: opts.jurorId, nominationId: opts.nominationId, kind: opts.kind, declaredBy: opts.declaredBy },
      })
      return conflict
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError({ status: 409, code: 'conflict_exists', messageKey: 'jury.error.conflictExists' })
    throw error
  }
}

/** The juror declares a conflict on one of their nominations (any time: it is never too late to step aside). */
export async function declareConflict(
  juror: { id: string; editionId: string; userId: string | null; edition: { organisationId: string } },
  nominationId: string,
  input: ConflictInput,
) {
  const v = checkConflictInput(input)
  const mine = await assignedNominations(juror.id, { includeConflicted: true })
  const target = mine.find((n) => n.id === nominationId)
  if (!target) throw new AppError({ status: 404, code: 'nomination_not_found', messageKey: 'jury.error.nominationNotFound' })
  if (target.conflicted) throw new AppError({ status: 409, code: 'conflict_exists', messageKey: 'jury.error.conflictExists' })
  return createConflict({
    organisationId: juror.edition.organisationId,
    editionId: juror.editionId,
    jurorId: juror.id,
    nominationId,
    ...v,
    declaredBy: 'juror',
    actorUserId: juror.userId,
  })
}

/** An organiser records a conflict for a juror of the edition, on any nomination of the edition. */
export async function recordConflict(
  organisationId: string,
  editionId: string,
  jurorId: string,
  nominationId: string,
  input: ConflictInput,
  actor: { actorUserId?: string | null } = {},
) {
  const edition = await getEditionForOrganiser(organisationId, editionId)
  const v = checkConflictInput(input)
  const juror = await prisma.juror.findFirst({ where: { id: jurorId, editionId: edition.id }, select: { id: true } })
  if (!juror)
    throw new AppError({
      status: 404,
      code: 'juror_not_found',
      messageKey: 'jury.error.jurorNotFound',
      fields: { jurorId: ['jury.error.jurorNotFound'] },
    })
  try {
    await getNominationForReview(organisationId, edition.id, nominationId)
  } catch {
    throw new AppError({
      status: 404,
      code: 'nomination_not_found',
      messageKey: 'jury.error.nominationNotFound',
      fields: { nominationId: ['jury.error.nominationNotFound'] },
    })
  }
  return createConflict({
    organisationId,
    editionId: edition.id,
    jurorId,
    nominationId,
    ...v,
    declaredBy: 'organiser',
    actorUserId: actor.actorUserId ?? null,
  })
}

/** Every declared conflict of the edition, for the organisers and the jury report. */
export async function listConflicts(organisationId: string, editionId: string) {
  const edition = await getEditionForOrganiser(organisationId, editionId)
  const [rows, nominations] = await Promise.all([
    prisma.juryConflict.findMany({
      where: { editionId: edition.id },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      include: { juror: { select: { id: true, name: true, email: true } } },
    }),
    listNominations(organisationId, edition.id),
  ])
  const byId = new Map(nominations.nominations.map((n) => [n.id, n]))
  return rows.map((c) => ({
    id: c.id,
    kind: c.kind,
    note: c.note,
    declaredBy: c.declaredBy,
    createdAt: c.createdAt,
    juror: c.juror,
    nomination: {
      id: c.nominationId,
      structureName: byId.get(c.nominationId)?.structureName ?? '',
      categoryName: byId.get(c.nominationId)?.category?.name ?? '',
    },
  }))
}

export type LikelyConflict = {
  jurorId: string
  jurorName: string
  nominationId: string
  structureName: string
  reasons: ConflictWarningReason[]
}

/**
 * Pairs (active juror, one of their nominations) that look linked — same professional email domain
 * or same structure — and have no declared conflict yet: the organisers ask the juror.
 */
export async function likelyConflicts(organisationId: string, editionId: string): Promise<LikelyConflict[]> {
  const edition = await getEditionForOrganiser(organisationId, editionId)
  const [jurors, all] = await Promise.all([
    prisma.juror.findMany({
      where: { editionId: edition.id, removedAt: null },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      select: { id: true, name: true, email: true, organisationName: true },
    }),
    listNominations(organisationId, edition.id),
  ])
  const byId = new Map(all.nominations.map((n) => [n.id, n]))
  const out: LikelyConflict[] = []
  for (const juror of jurors) {
    for (const n of await assignedNominations(juror.id)) {
      const nomination = byId.get(n.id)
      if (!nomination) continue
      const reasons = likelyConflictReasons(juror, { contactEmail: nomination.contactEmail, structureName: nomination.structureName })
      if (reasons.length)
        out.push({ jurorId: juror.id, jurorName: juror.name, nominationId: n.id, structureName: nomination.structureName, reasons })
    }
  }
  return out
}

// Who scores what. Per category, mode `all` (every active juror of the category gets every jury
// nomination of the category) or `balanced` (k jurors per nomination, at most maxPerJuror each,
// loads within one). Jury nominations are the shortlisted ones, or the eligible ones while the
// edition has no shortlist. A conflicted juror is never assigned. Running the assignment keeps
// every assignment that already has a score and every manual one; each change is audited.
import { prisma, type Tx } from '#app/db.server.ts'
import { audit } from '#app/modules/audit/service.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { ASSIGNMENT_MODES } from './assignment-schema.ts'
import { juryStatusesOf } from './results.server.ts'
import { pairKey, planBalancedAssignment } from './rules.ts'

type Actor = { organisationId: string; userId: string | null }

export { ASSIGNMENT_MODES }
export type AssignmentMode = (typeof ASSIGNMENT_MODES)[number]

const juryNotFound = () => new AppError({ status: 404, code: 'not_found', messageKey: 'juryAdmin.error.notFound' })

async function categoryOf(db: Tx, editionId: string, categoryId: string) {
  const category = await db.prizeCategory.findFirst({
    where: { id: categoryId, editionId },
    select: { id: true, assignmentMode: true, jurorsPerNomination: true, maxPerJuror: true, edition: { select: { organisationId: true } } },
  })
  if (!category) throw juryNotFound()
  return category
}

/** Saves a category's mode, k and maximum per juror. */
export async function updateAssignmentSettings(
  editionId: string,
  categoryId: string,
  input: { mode: string; jurorsPerNomination: number | null; maxPerJuror: number | null },
  actor: Actor,
) {
  const fields: Record<string, string[]> = {}
  if (!(ASSIGNMENT_MODES as readonly string[]).includes(input.mode)) fields.mode = ['juryAdmin.error.mode']
  if (input.mode === 'balanced' && (!input.jurorsPerNomination || input.jurorsPerNomination < 1 || input.jurorsPerNomination > 50))
    fields.jurorsPerNomination = ['juryAdmin.error.k']
  if (input.maxPerJuror !== null && (input.maxPerJuror < 1 || input.maxPerJuror > 10000)) fields.maxPerJuror = ['juryAdmin.error.max']
  if (Object.keys(fields).length > 0) throw new AppError({ status: 400, code: 'invalid_input', messageKey: 'juryAdmin.error.form', fields })
  return prisma.$transaction(async (tx) => {
    await categoryOf(tx, editionId, categoryId)
    const data = { assignmentMode: input.mode, jurorsPerNomination: input.jurorsPerNomination, maxPerJuror: input.maxPerJuror }
    await tx.prizeCategory.update({ where: { id: categoryId }, data })
    await audit(tx, {
      organisationId: actor.organisationId,
      actorUserId: actor.userId,
      action: 'juryAssignment.settings',
      entityType: 'PrizeCategory',
      entityId: categoryId,
      details: data,
    })
  })
}

async function categoryState(tx: Tx, editionId: string, categoryId: string) {
  const statuses = await juryStatusesOf(editionId, tx)
  const [members, nominations, conflicts, assignments, scored] = await Promise.all([
    tx.juryMember.findMany({
      where: { categoryId, juror: { removedAt: null } },
      select: { jurorId: true },
      orderBy: [{ juror: { name: 'asc' } }, { jurorId: 'asc' }],
    }),
    tx.nomination.findMany({
      where: { editionId, categoryId, status: { in: statuses } },
      select: { id: true },
      orderBy: [{ structureName: 'asc' }, { id: 'asc' }],
    }),
    tx.juryConflict.findMany({ where: { editionId, nomination: { categoryId } }, select: { jurorId: true, nominationId: true } }),
    tx.juryAssignment.findMany({ where: { categoryId }, select: { id: true, jurorId: true, nominationId: true, source: true } }),
    tx.juryScore.findMany({ where: { nomination: { categoryId } }, select: { jurorId: true, nominationId: true } }),
  ])
  return {
    jurorIds: members.map((m) => m.jurorId),
    nominationIds: nominations.map((n) => n.id),
    conflicts: new Set(conflicts.map((c) => pairKey(c.jurorId, c.nominationId))),
    assignments,
    scored: new Set(scored.map((s) => pairKey(s.jurorId, s.nominationId))),
  }
}

/**
 * Runs the category's assignment. Unscored automatic assignments that no longer fit (juror
 * removed, nomination no longer with the jury, conflict) or that the balanced plan replaces are
 * deleted; scored and manual ones stay. Returns what changed and the nominations short of k.
 */
export async function runAssignment(editionId: string, categoryId: string, actor: Actor) {
  return prisma.$transaction(async (tx) => {
    const category = await categoryOf(tx, editionId, categoryId)
    const s = await categoryState(tx, editionId, categoryId)
    const jurors = new Set(s.jurorIds)
    const noms = new Set(s.nominationIds)
    const keep = s.assignments.filter((a) => {
      const key = pairKey(a.jurorId, a.nominationId)
      if (s.scored.has(key)) return true
      if (!jurors.has(a.jurorId) || !noms.has(a.nominationId) || s.conflicts.has(key)) return false
      return category.assignmentMode === 'all' || a.source === 'manual'
    })
    const keepIds = new Set(keep.map((a) => a.id))
    const toDelete = s.assignments.filter((a) => !keepIds.has(a.id))
    let toCreate: { jurorId: string; nominationId: string }[]
    let short: { nominationId: string; got: number }[] = []
    const kept = new Set(keep.map((a) => pairKey(a.jurorId, a.nominationId)))
    if (category.assignmentMode === 'balanced') {
      const plan = planBalancedAssignment({
        nominationIds: s.nominationIds,
        jurorIds: s.jurorIds,
        conflicts: s.conflicts,
        k: category.jurorsPerNomination ?? 1,
        maxPerJuror: category.maxPerJuror,
        fixed: keep.filter((a) => jurors.has(a.jurorId) && noms.has(a.nominationId)),
      })
      toCreate = plan.assignments
      short = plan.short
    } else {
      toCreate = []
      for (const n of s.nominationIds)
        for (const j of s.jurorIds)
          if (!s.conflicts.has(pairKey(j, n)) && !kept.has(pairKey(j, n))) toCreate.push({ jurorId: j, nominationId: n })
    }
    if (toDelete.length > 0) await tx.juryAssignment.deleteMany({ where: { id: { in: toDelete.map((a) => a.id) } } })
    const source = category.assignmentMode === 'balanced' ? 'auto' : 'all'
    if (toCreate.length > 0) await tx.juryAssignment.createMany({ data: toCreate.map((a) => ({ ...a, categoryId, source })) })
    await audit(tx, {
      organisationId: actor.organisationId,
      actorUserId: actor.userId,
      action: 'juryAssignment.run',
      entityType: 'PrizeCategory',
      entityId: categoryId,
      details: {
        mode: category.assignmentMode,
        created: toCreate.length,
        removed: toDelete.length,
        kept: keep.length,
        short: short.length,
      },
    })
    return { created: toCreate.length, removed: toDelete.length, kept: keep.length, short }
  })
}

/** The organiser adds one juror to one nomination by hand (never a conflicted or removed juror). */
export async function addAssignment(editionId: string, jurorId: string, nominationId: string, actor: Actor) {
  return prisma.$transaction(async (tx) => {
    const nomination = await tx.nomination.findFirst({ where: { id: nominationId, editionId }, select: { id: true, categoryId: true } })
    if (!nomination?.categoryId) throw juryNotFound()
    const member = await tx.juryMember.findFirst({
      where: { jurorId, categoryId: nomination.categoryId, juror: { editionId, removedAt: null } },
      select: { id: true },
    })
    if (!member)
      throw new AppError({
        status: 400,
        code: 'not_member',
        messageKey: 'juryAdmin.error.notMember',
        fields: { jurorId: ['juryAdmin.error.notMember'] },
      })
    const conflicted = await tx.juryConflict.findUnique({
      where: { jurorId_nominationId: { jurorId, nominationId } },
      select: { id: true },
    })
    if (conflicted)
      throw new AppError({
        status: 409,
        code: 'conflict_of_interest',
        messageKey: 'juryAdmin.error.conflicted',
        fields: { jurorId: ['juryAdmin.error.conflicted'] },
      })
    const existing = await tx.juryAssignment.findUnique({
      where: { jurorId_nominationId: { jurorId, nominationId } },
      select: { id: true },
    })
    if (existing) return existing
    const created = await tx.juryAssignment.create({
      data: { jurorId, nominationId, categoryId: nomination.categoryId, source: 'manual' },
      select: { id: true },
    })
    await audit(tx, {
      organisationId: actor.organisationId,
      actorUserId: actor.userId,
      action: 'juryAssignment.add',
      entityType: 'JuryAssignment',
      entityId: created.id,
      details: { jurorId, nominationId },
    })
    return created
  })
}

/** The organiser removes one assignment; refused once the juror has started scoring it. */
export async function removeAssignment(editionId: string, assignmentId: string, actor: Actor) {
  return prisma.$transaction(async (tx) => {
    const a = await tx.juryAssignment.findFirst({
      where: { id: assignmentId, juror: { editionId } },
      select: { id: true, jurorId: true, nominationId: true },
    })
    if (!a) throw juryNotFound()
    const score = await tx.juryScore.findUnique({
      where: { jurorId_nominationId: { jurorId: a.jurorId, nominationId: a.nominationId } },
      select: { id: true },
    })
    if (score) throw new AppError({ status: 409, code: 'already_scored', messageKey: 'juryAdmin.error.alreadyScored' })
    await tx.juryAssignment.delete({ where: { id: a.id } })
    await audit(tx, {
      organisationId: actor.organisationId,
      actorUserId: actor.userId,
      action: 'juryAssignment.remove',
      entityType: 'JuryAssignment',
      entityId: a.id,
      details: { jurorId: a.jurorId, nominationId: a.nominationId },
    })
  })
}

/**
 * A juror drops out (called by the juror side inside its transaction, after setting removedAt):
 * their assignments without a complete score are deleted; in a balanced category each one goes
 * to the least-loaded other active juror of the category who is free (not conflicted, not
 * already assigned, under maxPerJuror). In mode `all` the others already have the nomination.
 */
export async function reassignFromJuror(tx: Tx, jurorId: string, actorUserId: string | null = null) {
  const juror = await tx.juror.findUnique({
    where: { id: jurorId },
    select: { editionId: true, edition: { select: { organisationId: true } } },
  })
  if (!juror) throw juryNotFound()
  const [assignments, complete] = await Promise.all([
    tx.juryAssignment.findMany({
      where: { jurorId },
      select: { id: true, nominationId: true, categoryId: true, category: { select: { assignmentMode: true, maxPerJuror: true } } },
    }),
    tx.juryScore.findMany({ where: { jurorId, complete: true }, select: { nominationId: true } }),
  ])
  const done = new Set(complete.map((s) => s.nominationId))
  const open = assignments.filter((a) => !done.has(a.nominationId))
  if (open.length === 0) return { moved: 0, dropped: 0, unfilled: [] as string[] }
  await tx.juryAssignment.deleteMany({ where: { id: { in: open.map((a) => a.id) } } })
  let moved = 0
  const unfilled: string[] = []
  const balanced = open.filter((a) => a.category.assignmentMode === 'balanced')
  for (const categoryId of new Set(balanced.map((a) => a.categoryId))) {
    const [members, current, conflicts] = await Promise.all([
      tx.juryMember.findMany({
        where: { categoryId, jurorId: { not: jurorId }, juror: { removedAt: null } },
        select: { jurorId: true },
        orderBy: [{ juror: { name: 'asc' } }, { jurorId: 'asc' }],
      }),
      tx.juryAssignment.findMany({ where: { categoryId }, select: { jurorId: true, nominationId: true } }),
      tx.juryConflict.findMany({
        where: { editionId: juror.editionId, nomination: { categoryId } },
        select: { jurorId: true, nominationId: true },
      }),
    ])
    const loads = new Map(members.map((m) => [m.jurorId, 0]))
    for (const c of current) if (loads.has(c.jurorId)) loads.set(c.jurorId, loads.get(c.jurorId)! + 1)
    const taken = new Set(current.map((c) => pairKey(c.jurorId, c.nominationId)))
    const bad = new Set(conflicts.map((c) => pairKey(c.jurorId, c.nominationId)))
    const order = new Map(members.map((m, i) => [m.jurorId, i]))
    for (const a of balanced.filter((x) => x.categoryId === categoryId)) {
      const max = a.category.maxPerJuror ?? Number.POSITIVE_INFINITY
      const candidates = members
        .map((m) => m.jurorId)
        .filter((j) => !bad.has(pairKey(j, a.nominationId)) && !taken.has(pairKey(j, a.nominationId)) && loads.get(j)! < max)
        .sort((x, y) => loads.get(x)! - loads.get(y)! || order.get(x)! - order.get(y)!)
      const to = candidates[0]
      if (!to) {
        unfilled.push(a.nominationId)
        continue
      }
      await tx.juryAssignment.create({ data: { jurorId: to, nominationId: a.nominationId, categoryId, source: 'auto' } })
      taken.add(pairKey(to, a.nominationId))
      loads.set(to, loads.get(to)! + 1)
      moved++
    }
  }
  await audit(tx, {
    organisationId: juror.edition.organisationId,
    actorUserId,
    action: 'juryAssignment.reassign',
    entityType: 'Juror',
    entityId: jurorId,
    details: { dropped: open.length, moved, unfilled },
  })
  return { moved, dropped: open.length, unfilled }
}

/** The assignments page: per category its settings, active jurors with their load, nominations with their jurors. */
export async function assignmentOverview(editionId: string) {
  const statuses = await juryStatusesOf(editionId)
  const categories = await prisma.prizeCategory.findMany({
    where: { editionId },
    orderBy: [{ position: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      name: true,
      assignmentMode: true,
      jurorsPerNomination: true,
      maxPerJuror: true,
      members: {
        where: { juror: { removedAt: null } },
        select: { juror: { select: { id: true, name: true } } },
        orderBy: { juror: { name: 'asc' } },
      },
      nominations: {
        where: { status: { in: statuses } },
        select: { id: true, structureName: true },
        orderBy: [{ structureName: 'asc' }, { id: 'asc' }],
      },
      assignments: {
        select: { id: true, jurorId: true, nominationId: true, source: true, juror: { select: { name: true, removedAt: true } } },
      },
    },
  })
  const conflicts = await prisma.juryConflict.findMany({ where: { editionId }, select: { jurorId: true, nominationId: true } })
  const conflictSet = new Set(conflicts.map((c) => pairKey(c.jurorId, c.nominationId)))
  return {
    statuses,
    categories: categories.map((c) => {
      const loads = new Map<string, number>()
      for (const a of c.assignments) loads.set(a.jurorId, (loads.get(a.jurorId) ?? 0) + 1)
      return {
        id: c.id,
        name: c.name,
        mode: c.assignmentMode,
        jurorsPerNomination: c.jurorsPerNomination,
        maxPerJuror: c.maxPerJuror,
        jurors: c.members.map((m) => ({ id: m.juror.id, name: m.juror.name, load: loads.get(m.juror.id) ?? 0 })),
        nominations: c.nominations.map((n) => {
          const assigned = c.assignments.filter((a) => a.nominationId === n.id)
          return {
            id: n.id,
            structureName: n.structureName,
            assigned: assigned.map((a) => ({ id: a.id, jurorId: a.jurorId, name: a.juror.name, source: a.source })),
            addable: c.members
              .map((m) => m.juror)
              .filter((j) => !conflictSet.has(pairKey(j.id, n.id)) && !assigned.some((a) => a.jurorId === j.id)),
            conflicted: c.members
              .map((m) => m.juror)
              .filter((j) => conflictSet.has(pairKey(j.id, n.id)))
              .map((j) => j.name),
          }
        }),
      }
    }),
  }
}

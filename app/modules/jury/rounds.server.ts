// The jury's rounds (pré-sélection, jury final…): the edition's rounds (a first one always exists),
// a juror's seats put in a round, each round's results with its ex aequo places and the ties
// recorded as final, and the promotion of nominations from a round's results into the next one —
// previewed, then recorded with who, when and how, and audited.
import { prisma, type Tx } from '#app/db.server.ts'
import { audit } from '#app/modules/audit/service.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { computeResults, type EditionResults } from './results.server.ts'
import { selectForPromotion, type PromotionRule } from './round-rules.ts'
import { detectTies, tieStillHolds, type Tie } from './ties.ts'

type Actor = { organisationId: string; userId: string }

export type JuryRoundInfo = {
  id: string
  position: number
  name: string
  opensAt: Date | null
  closesAt: Date | null
  assignmentMode: string | null
  entries: number
}

const notFound = () => new AppError({ status: 404, code: 'round_not_found', messageKey: 'juryAdmin.error.notFound' })

/** The name the first round gets when the edition had none. */
export const FIRST_ROUND_NAME = 'Jury'

/** The edition's first round, created when missing (editions made after the rounds migration). */
export async function ensureFirstRound(editionId: string, db: Tx = prisma) {
  const first = await db.juryRound.findFirst({ where: { editionId }, orderBy: { position: 'asc' }, select: { id: true } })
  if (first) return first.id
  const created = await db.juryRound.upsert({
    where: { editionId_position: { editionId, position: 1 } },
    create: { editionId, position: 1, name: FIRST_ROUND_NAME },
    update: {},
    select: { id: true },
  })
  return created.id
}

/** The edition's rounds in order, each with how many nominations were promoted into it. */
export async function listRounds(editionId: string): Promise<JuryRoundInfo[]> {
  await ensureFirstRound(editionId)
  const rounds = await prisma.juryRound.findMany({
    where: { editionId },
    orderBy: { position: 'asc' },
    select: {
      id: true,
      position: true,
      name: true,
      opensAt: true,
      closesAt: true,
      assignmentMode: true,
      _count: { select: { entries: true } },
    },
  })
  return rounds.map(({ _count, ...r }) => ({ ...r, entries: _count.entries }))
}

async function roundOf(editionId: string, roundId: string, db: Tx = prisma) {
  const round = await db.juryRound.findFirst({ where: { id: roundId, editionId }, select: { id: true, position: true, name: true } })
  if (!round) throw notFound()
  return round
}

export type NewRound = { name: string; opensAt: Date | null; closesAt: Date | null; assignmentMode: 'all' | 'balanced' | null }

/** Adds a round after the last one. */
export async function createRound(editionId: string, input: NewRound, actor: Actor) {
  await ensureFirstRound(editionId)
  return prisma.$transaction(async (tx) => {
    const last = await tx.juryRound.findFirst({ where: { editionId }, orderBy: { position: 'desc' }, select: { position: true } })
    const round = await tx.juryRound.create({ data: { editionId, position: (last?.position ?? 0) + 1, ...input } })
    await audit(tx, {
      organisationId: actor.organisationId,
      actorUserId: actor.userId,
      action: 'juryRound.create',
      entityType: 'JuryRound',
      entityId: round.id,
      details: { position: round.position, name: round.name },
    })
    return round
  })
}

/** Puts every seat of the juror in the round: from then on they see that round's nominations only. */
export async function seatJurorInRound(editionId: string, jurorId: string, roundId: string, actor: Actor) {
  const round = await roundOf(editionId, roundId)
  const juror = await prisma.juror.findFirst({ where: { id: jurorId, editionId }, select: { id: true } })
  if (!juror) throw notFound()
  await prisma.$transaction(async (tx) => {
    await tx.juryMember.updateMany({ where: { jurorId }, data: { roundId: round.id } })
    await audit(tx, {
      organisationId: actor.organisationId,
      actorUserId: actor.userId,
      action: 'juryRound.seat',
      entityType: 'Juror',
      entityId: jurorId,
      details: { roundId: round.id, position: round.position },
    })
  })
}

/** The round each juror of the edition sits in (their seats' round; none: the first round). */
export async function jurorRounds(editionId: string) {
  const firstId = await ensureFirstRound(editionId)
  const jurors = await prisma.juror.findMany({
    where: { editionId, removedAt: null },
    orderBy: { name: 'asc' },
    select: { id: true, name: true, memberships: { select: { roundId: true }, take: 1 } },
  })
  return jurors.map((j) => ({ id: j.id, name: j.name, roundId: j.memberships[0]?.roundId ?? firstId }))
}

export type RoundResults = EditionResults & {
  round: { id: string; position: number; name: string }
  /** Per category: the ex aequo places, and whether the organiser recorded each as final. */
  ties: Record<string, (Tie & { final: boolean })[]>
}

/** One round's results: its nominations, its jurors' scores, its ex aequo places and final ties. */
export async function roundResults(
  editionId: string,
  roundId: string,
  opts: { categoryId?: string; withVotes?: boolean } = {},
): Promise<RoundResults> {
  const firstRoundId = await ensureFirstRound(editionId)
  const round = await roundOf(editionId, roundId)
  const first = round.id === firstRoundId
  const [entries, records] = await Promise.all([
    first ? Promise.resolve(null) : prisma.juryRoundEntry.findMany({ where: { roundId }, select: { nominationId: true } }),
    prisma.juryTieRecord.findMany({ where: { roundId }, select: { categoryId: true, place: true, nominationIds: true } }),
  ])
  const results = await computeResults(editionId, {
    ...opts,
    round: { id: round.id, first, firstRoundId, nominationIds: entries ? new Set(entries.map((e) => e.nominationId)) : null },
  })
  const ties: RoundResults['ties'] = {}
  for (const category of results.categories) {
    const found = detectTies(category.rows)
    const recorded = records
      .filter((r) => r.categoryId === category.id)
      .map((r) => ({ place: r.place, nominationIds: JSON.parse(r.nominationIds) as string[] }))
      .filter((r) => tieStillHolds(r, found))
    ties[category.id] = found.map((t) => ({ ...t, final: recorded.some((r) => r.place === t.place) }))
    // A tie recorded as final is not broken: its nominations keep the shared place as their rank.
    const finalPlaces = new Set(ties[category.id]!.filter((t) => t.final).flatMap((t) => t.nominationIds))
    category.rows = category.rows.map((row) => (finalPlaces.has(row.nominationId) ? { ...row, rank: row.place } : row))
  }
  return { ...results, round, ties }
}

/** Records an ex aequo place of the round's results as final instead of breaking it (audited). */
export async function recordTieFinal(editionId: string, roundId: string, categoryId: string, place: number, actor: Actor) {
  const results = await roundResults(editionId, roundId, { categoryId, withVotes: false })
  const tie = results.ties[categoryId]?.find((t) => t.place === place)
  if (!tie) throw new AppError({ status: 409, code: 'no_tie', messageKey: 'juryRounds.error.noTie' })
  await prisma.$transaction(async (tx) => {
    await tx.juryTieRecord.upsert({
      where: { roundId_categoryId_place: { roundId, categoryId, place } },
      create: { roundId, categoryId, place, nominationIds: JSON.stringify(tie.nominationIds), recordedById: actor.userId },
      update: { nominationIds: JSON.stringify(tie.nominationIds), recordedById: actor.userId, recordedAt: new Date() },
    })
    await audit(tx, {
      organisationId: actor.organisationId,
      actorUserId: actor.userId,
      action: 'juryRound.tieFinal',
      entityType: 'JuryRound',
      entityId: roundId,
      details: { categoryId, place, nominationIds: tie.nominationIds },
    })
  })
  return tie
}

export type PromotionPreview = {
  from: { id: string; position: number; name: string }
  to: { id: string; position: number; name: string }
  /** What the rule selects, per category in ranking order; `already`: promoted before. */
  selected: {
    nominationId: string
    categoryId: string
    categoryName: string
    structureName: string
    score: number | null
    rank: number | null
    already: boolean
  }[]
}

/** What the rule would promote into `toRoundId` from the round before it, without writing anything. */
export async function previewPromotion(editionId: string, toRoundId: string, rule: PromotionRule): Promise<PromotionPreview> {
  const to = await roundOf(editionId, toRoundId)
  const from = await prisma.juryRound.findFirst({
    where: { editionId, position: { lt: to.position } },
    orderBy: { position: 'desc' },
    select: { id: true, position: true, name: true },
  })
  if (!from) throw new AppError({ status: 409, code: 'first_round', messageKey: 'juryRounds.error.firstRound' })
  const [results, existing] = await Promise.all([
    roundResults(editionId, from.id, { withVotes: true }),
    prisma.juryRoundEntry.findMany({ where: { roundId: to.id }, select: { nominationId: true } }),
  ])
  const already = new Set(existing.map((e) => e.nominationId))
  const candidates = results.categories.flatMap((c) => c.rows.map((r) => ({ ...r, categoryId: c.id, categoryName: c.name })))
  const picked = new Set(selectForPromotion(candidates, rule))
  return {
    from,
    to,
    selected: candidates
      .filter((c) => picked.has(c.nominationId))
      .map((c) => ({
        nominationId: c.nominationId,
        categoryId: c.categoryId,
        categoryName: c.categoryName,
        structureName: c.structureName,
        score: c.score,
        rank: c.rank,
        already: already.has(c.nominationId),
      })),
  }
}

/** Promotes what the rule selects into `toRoundId` (the preview, recorded): who, when, how; audited. */
export async function promote(editionId: string, toRoundId: string, rule: PromotionRule, actor: Actor) {
  const preview = await previewPromotion(editionId, toRoundId, rule)
  const fresh = preview.selected.filter((s) => !s.already)
  const promotedAt = new Date()
  await prisma.$transaction(async (tx) => {
    if (fresh.length > 0)
      await tx.juryRoundEntry.createMany({
        data: fresh.map((s) => ({
          roundId: toRoundId,
          nominationId: s.nominationId,
          reason: rule.kind,
          promotedById: actor.userId,
          promotedAt,
        })),
      })
    await audit(tx, {
      organisationId: actor.organisationId,
      actorUserId: actor.userId,
      action: 'juryRound.promote',
      entityType: 'JuryRound',
      entityId: toRoundId,
      details: {
        from: preview.from.id,
        rule: rule.kind === 'manual' ? { kind: 'manual' } : rule,
        nominationIds: fresh.map((s) => s.nominationId),
      },
    })
  })
  return { ...preview, promoted: fresh.length }
}

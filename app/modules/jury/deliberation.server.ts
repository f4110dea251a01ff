// Deliberation: the decision on each nomination (laureate | mention | not_selected, rationale,
// final rank), the jury chair's validation of a category (after which its decisions cannot
// change), the publication of the results (emails to every nominee of the jury, once) and the
// data of the public results page and of the jury's report.
import { prisma, type Tx } from '#app/db.server.ts'
import { audit } from '#app/modules/audit/service.server.ts'
import { enqueueEmail } from '#app/modules/email/outbox.server.ts'
import { lockCategoryDecisions, markResultsPublished } from '#app/modules/prizes/jury-state.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { isLocale } from '#app/utils/i18n.ts'
import { absoluteUrl } from '#app/utils/url.server.ts'
import { computeResults, juryStatusesOf } from './results.server.ts'
import { isDecision, RATIONALE_MAX } from './rules.ts'

type Actor = { organisationId: string; userId: string }

const conflict = (code: string, key: 'locked' | 'undecided' | 'notValidated' | 'notChair') =>
  new AppError({ status: key === 'notChair' ? 403 : 409, code, messageKey: `juryAdmin.error.${key}` })

async function nominationOfEdition(db: Tx, editionId: string, nominationId: string) {
  const n = await db.nomination.findFirst({
    where: { id: nominationId, editionId },
    select: { id: true, categoryId: true, category: { select: { decisionsLockedAt: true } } },
  })
  if (!n || !n.categoryId) throw new AppError({ status: 404, code: 'nomination_not_found', messageKey: 'juryAdmin.error.notFound' })
  return n
}

/** Records (or changes) the decision on a nomination; refused once its category is validated. */
export async function recordDecision(
  editionId: string,
  nominationId: string,
  input: { decision: string; rationale: string; rank: number | null },
  actor: Actor,
) {
  if (!isDecision(input.decision)) {
    throw new AppError({
      status: 400,
      code: 'invalid_input',
      messageKey: 'juryAdmin.error.decision',
      fields: { decision: ['juryAdmin.error.decision'] },
    })
  }
  const rationale = input.rationale.trim()
  if (rationale.length > RATIONALE_MAX) {
    throw new AppError({
      status: 400,
      code: 'invalid_input',
      messageKey: 'juryAdmin.error.rationaleLong',
      fields: { rationale: ['juryAdmin.error.rationaleLong'] },
    })
  }
  const rank = input.rank !== null && Number.isInteger(input.rank) && input.rank > 0 ? input.rank : null
  return prisma.$transaction(async (tx) => {
    const n = await nominationOfEdition(tx, editionId, nominationId)
    if (n.category?.decisionsLockedAt) throw conflict('decisions_locked', 'locked')
    const before = await tx.juryDecision.findUnique({ where: { nominationId }, select: { decision: true, rationale: true, rank: true } })
    const data = { decision: input.decision, rationale, rank, decidedByUserId: actor.userId }
    const saved = await tx.juryDecision.upsert({
      where: { nominationId },
      create: { nominationId, categoryId: n.categoryId!, ...data },
      update: data,
    })
    await audit(tx, {
      organisationId: actor.organisationId,
      actorUserId: actor.userId,
      action: before ? 'juryDecision.update' : 'juryDecision.create',
      entityType: 'Nomination',
      entityId: nominationId,
      details: { before, after: { decision: input.decision, rationale, rank } },
    })
    return saved
  })
}

/** The juror row of this user in this edition when they chair the category (not removed); null otherwise. */
export async function chairOf(userId: string, editionId: string, categoryId: string) {
  return prisma.juror.findFirst({
    where: { editionId, userId, removedAt: null, memberships: { some: { categoryId, isChair: true } } },
    select: { id: true, name: true, email: true },
  })
}

/**
 * The chair validates a category: every jury nomination of it must have a decision. Sets
 * decisionsLockedAt/By (once: a second validation is refused) and audits.
 */
export async function validateCategory(editionId: string, categoryId: string, userId: string, now: Date = new Date()) {
  const juror = await chairOf(userId, editionId, categoryId)
  if (!juror) throw conflict('not_chair', 'notChair')
  const statuses = await juryStatusesOf(editionId)
  return prisma.$transaction(async (tx) => {
    const category = await tx.prizeCategory.findFirst({
      where: { id: categoryId, editionId },
      select: { id: true, edition: { select: { organisationId: true } } },
    })
    if (!category) throw new AppError({ status: 404, code: 'category_not_found', messageKey: 'juryAdmin.error.notFound' })
    const undecided = await tx.nomination.count({ where: { editionId, categoryId, status: { in: statuses }, decision: { is: null } } })
    if (undecided > 0) throw conflict('undecided', 'undecided')
    if (!(await lockCategoryDecisions(tx, categoryId, userId, now))) throw conflict('decisions_locked', 'locked')
    await audit(tx, {
      organisationId: category.edition.organisationId,
      actorUserId: userId,
      action: 'juryDecision.validate',
      entityType: 'PrizeCategory',
      entityId: categoryId,
      details: { jurorId: juror.id },
    })
    return { lockedAt: now }
  })
}

/** Categories that have jury nominations and are not validated yet (publication waits for them). */
export async function unvalidatedCategories(editionId: string, db: Tx = prisma) {
  const statuses = await juryStatusesOf(editionId, db)
  return db.prizeCategory.findMany({
    where: { editionId, decisionsLockedAt: null, nominations: { some: { status: { in: statuses } } } },
    select: { id: true, name: true },
  })
}

/**
 * Publishes the results: only when every category with jury nominations is validated. Sets
 * resultsPublishedAt once (conditional update) and, in the same transaction, queues one email
 * per decided nomination in the nominee's locale. Publishing again sends nothing.
 */
export async function publishResults(editionId: string, actor: Actor, now: Date = new Date()) {
  const pending = await unvalidatedCategories(editionId)
  if (pending.length > 0) throw conflict('not_validated', 'notValidated')
  return prisma.$transaction(async (tx) => {
    if (!(await markResultsPublished(tx, actor.organisationId, editionId, now))) return { already: true, emails: 0 }
    const edition = await tx.prizeEdition.findUniqueOrThrow({
      where: { id: editionId },
      select: { title: true, slug: true, organisation: { select: { name: true } } },
    })
    const decided = await tx.juryDecision.findMany({
      where: { nomination: { editionId } },
      select: {
        decision: true,
        rank: true,
        nomination: {
          select: {
            id: true,
            contactEmail: true,
            contactFirstName: true,
            contactLastName: true,
            structureName: true,
            locale: true,
            category: { select: { name: true } },
          },
        },
      },
    })
    const resultsUrl = absoluteUrl(`/prix/${edition.slug}/resultats`)
    for (const d of decided) {
      const n = d.nomination
      await enqueueEmail(tx, {
        to: n.contactEmail,
        toName: `${n.contactFirstName} ${n.contactLastName}`.trim() || null,
        locale: isLocale(n.locale) ? n.locale : 'fr',
        template: 'prize-results',
        props: {
          editionTitle: edition.title,
          organisationName: edition.organisation.name,
          structureName: n.structureName,
          categoryName: n.category?.name ?? '',
          decision: d.decision,
          resultsUrl,
        },
        organisationId: actor.organisationId,
        category: 'prize-results',
      })
    }
    await audit(tx, {
      organisationId: actor.organisationId,
      actorUserId: actor.userId,
      action: 'prizeEdition.publishResults',
      entityType: 'PrizeEdition',
      entityId: editionId,
      details: { emails: decided.length },
    })
    return { already: false, emails: decided.length }
  })
}

/** The public results (laureates and mentions per category) once published; null before. */
export async function publicResults(slug: string) {
  const edition = await prisma.prizeEdition.findFirst({
    where: { slug, status: 'published', resultsPublishedAt: { not: null } },
    select: {
      id: true,
      slug: true,
      title: true,
      year: true,
      resultsPublishedAt: true,
      organisation: { select: { name: true } },
      categories: { orderBy: [{ position: 'asc' }, { id: 'asc' }], select: { id: true, name: true } },
    },
  })
  if (!edition) return null
  const decisions = await prisma.juryDecision.findMany({
    where: { nomination: { editionId: edition.id }, decision: { in: ['laureate', 'mention'] } },
    select: {
      categoryId: true,
      decision: true,
      rank: true,
      nomination: { select: { id: true, structureName: true, projectTitle: true, town: true } },
    },
  })
  const order = (d: { decision: string; rank: number | null; nomination: { structureName: string } }) =>
    [d.decision === 'laureate' ? 0 : 1, d.rank ?? 9999] as const
  return {
    ...edition,
    categories: edition.categories.map((c) => ({
      ...c,
      awards: decisions
        .filter((d) => d.categoryId === c.id)
        .sort((a, b) => {
          const [da, ra] = order(a)
          const [db, rb] = order(b)
          return da - db || ra - rb || a.nomination.structureName.localeCompare(b.nomination.structureName, 'fr')
        })
        .map((d) => ({
          id: d.nomination.id,
          decision: d.decision,
          rank: d.rank,
          structureName: d.nomination.structureName,
          projectTitle: d.nomination.projectTitle,
          town: d.nomination.town,
        })),
    })),
  }
}

/** The jury's report (procès-verbal): members, chairs, conflicts, rankings, decisions, validations. */
export async function juryReport(editionId: string) {
  const [results, jurors] = await Promise.all([
    computeResults(editionId, { withVotes: true }),
    prisma.juror.findMany({
      where: { editionId },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        name: true,
        organisationName: true,
        joinedAt: true,
        removedAt: true,
        memberships: { select: { categoryId: true, isChair: true, submittedAt: true } },
      },
    }),
  ])
  const lockers = results.categories.map((c) => c.decisionsLockedBy).filter((v): v is string => !!v)
  const users =
    lockers.length > 0 ? await prisma.user.findMany({ where: { id: { in: lockers } }, select: { id: true, name: true, email: true } }) : []
  const userName = new Map(users.map((u) => [u.id, u.name || u.email]))
  return {
    results,
    jurors,
    validatedBy: Object.fromEntries(
      results.categories.map((c) => [c.id, c.decisionsLockedBy ? (userName.get(c.decisionsLockedBy) ?? '') : null]),
    ),
  }
}

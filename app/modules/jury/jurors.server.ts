// The jury's members: organisers invite jurors to an edition (an emailed personal link), change
// their seats and chairs, resend the link or remove a juror who drops out; a juror joins through
// the link. The guards every juror page uses live here too: who is a juror of this edition, and
// which nominations that juror may open.
import { sql } from 'kysely'
import { prisma, readRows, sqlBuilder, type Prisma, type Tx } from '#app/db.server.ts'
import { audit } from '#app/modules/audit/service.server.ts'
import { createSession, requireUser } from '#app/modules/auth/session.server.ts'
import { ensureUser, findUserByEmail } from '#app/modules/organisations/service.server.ts'
import { isValidEmail, normaliseEmail } from '#app/shared/email-address.ts'
import { getEditionForOrganiser } from '#app/modules/prizes/service.server.ts'
import { AppError, forbiddenError, notFoundError } from '#app/utils/errors.ts'
import { isLocale, type Locale } from '#app/utils/i18n.ts'
import { reassignFromJuror } from './assignment.server.ts'
import {
  declinedEmails,
  ensureJuryCampaign,
  joinUrlFor,
  markJurorDeclined,
  markJurorJoined,
  jurorIdByJoinToken,
  recordJoinLinkOpened,
  revokeJoinLinks,
  writeJuryInvitation,
} from './invitation-campaign.server.ts'
import { JUROR_LIMITS } from './juror-rules.ts'
import { jurorScope, withNominationScope } from './scope.server.ts'
import { isJoinLinkValid } from './scoring-rules.ts'

export type Actor = { actorUserId?: string | null; request?: Request }

export { JUROR_LIMITS }

export type JurorInput = {
  name: string
  email: string
  organisationName?: string | null
  locale?: string | null
  categoryIds: string[]
  chairCategoryIds?: string[]
}

export { joinUrlFor }

function invalid(fields: Record<string, string[]>) {
  const first = Object.values(fields)[0]?.[0]
  return new AppError({ status: 422, code: 'invalid_input', messageKey: (first as never) ?? 'jury.error.invalid', fields })
}

const jurorNotFound = () => new AppError({ status: 404, code: 'juror_not_found', messageKey: 'jury.error.jurorNotFound' })

/** The form's values, checked against the edition's categories; throws a 422 with per-field keys. */
function checkJurorInput(input: JurorInput, categoryIds: readonly string[], withIdentity = true) {
  const fields: Record<string, string[]> = {}
  const name = input.name.trim()
  const email = normaliseEmail(input.email)
  if (withIdentity) {
    if (!name) fields.name = ['jury.error.nameRequired']
    else if (name.length > JUROR_LIMITS.name) fields.name = ['jury.error.nameTooLong']
    if (!isValidEmail(email)) fields.email = ['jury.error.email']
    if ((input.organisationName ?? '').trim().length > JUROR_LIMITS.organisationName)
      fields.organisationName = ['jury.error.organisationTooLong']
  }
  const known = new Set(categoryIds)
  const seats = [...new Set(input.categoryIds)].filter((id) => known.has(id))
  if (seats.length === 0 || seats.length !== new Set(input.categoryIds).size) fields.categoryIds = ['jury.error.categories']
  const chairs = [...new Set(input.chairCategoryIds ?? [])]
  if (chairs.some((id) => !seats.includes(id))) fields.chairCategoryIds = ['jury.error.chairNotSeated']
  if (Object.keys(fields).length) throw invalid(fields)
  const locale: Locale = isLocale(input.locale) ? input.locale : 'fr'
  return { name, email, organisationName: (input.organisationName ?? '').trim() || null, locale, seats, chairs }
}

/** Seats the juror in exactly these categories; a new chair of a category replaces the previous one (one chair per category). */
async function setSeats(tx: Tx, jurorId: string, seats: string[], chairs: string[]) {
  await tx.juryMember.deleteMany({ where: { jurorId, categoryId: { notIn: seats } } })
  if (chairs.length)
    await tx.juryMember.updateMany({
      where: { categoryId: { in: chairs }, jurorId: { not: jurorId }, isChair: true },
      data: { isChair: false },
    })
  for (const categoryId of seats) {
    const isChair = chairs.includes(categoryId)
    await tx.juryMember.upsert({
      where: { jurorId_categoryId: { jurorId, categoryId } },
      create: { jurorId, categoryId, isChair },
      update: { isChair },
    })
  }
}

type EditionForMail = Awaited<ReturnType<typeof getEditionForOrganiser>>

/**
 * The invitation email, as a recipient of the edition's invitation campaign (created with the first
 * invitation): a fresh join link as the personal link, the previous one stops working.
 */
async function sendInvitation(
  tx: Tx,
  edition: EditionForMail,
  juror: { id: string; email: string; name: string; locale: string },
  actor: Actor,
) {
  const now = new Date()
  const campaign = await ensureJuryCampaign(tx, edition, actor.actorUserId ?? null, now)
  const org = await tx.organisation.findUnique({ where: { id: edition.organisationId }, select: { name: true } })
  const sent = await writeJuryInvitation(tx, campaign, edition, juror, { request: actor.request, now, organisationName: org?.name ?? '' })
  return { ...sent, campaignId: campaign.id }
}

/**
 * Invites a juror (or re-invites: the same address in the same edition updates the juror, seats
 * them again if they had been removed, and emails a fresh link — earlier ones keep working, except
 * those revoked when the juror was removed or declined).
 */
export async function inviteJuror(organisationId: string, editionId: string, input: JurorInput, actor: Actor = {}) {
  const edition = await getEditionForOrganiser(organisationId, editionId)
  const v = checkJurorInput(
    input,
    edition.categories.map((c) => c.id),
  )
  return prisma.$transaction(async (tx) => {
    const existing = await tx.juror.findUnique({ where: { editionId_email: { editionId: edition.id, email: v.email } } })
    const data = { name: v.name, organisationName: v.organisationName, locale: v.locale, removedAt: null }
    const juror = existing
      ? await tx.juror.update({ where: { id: existing.id }, data })
      : await tx.juror.create({ data: { ...data, editionId: edition.id, email: v.email } })
    await setSeats(tx, juror.id, v.seats, v.chairs)
    const sent = await sendInvitation(tx, edition, juror, actor)
    await audit(tx, {
      organisationId,
      actorUserId: actor.actorUserId ?? null,
      action: existing ? 'juror.reinvite' : 'juror.invite',
      entityType: 'Juror',
      entityId: juror.id,
      details: { editionId: edition.id, categoryIds: v.seats, chairCategoryIds: v.chairs },
    })
    return { jurorId: juror.id, ...sent, reinvited: Boolean(existing) }
  })
}

async function findEditionJuror(tx: Tx, editionId: string, jurorId: string) {
  const juror = await tx.juror.findFirst({ where: { id: jurorId, editionId } })
  if (!juror) throw jurorNotFound()
  return juror
}

/** A new email for a juror who lost theirs, with a link of its own; the earlier links keep working. */
export async function resendInvitation(organisationId: string, editionId: string, jurorId: string, actor: Actor = {}) {
  const edition = await getEditionForOrganiser(organisationId, editionId)
  return prisma.$transaction(async (tx) => {
    const juror = await findEditionJuror(tx, edition.id, jurorId)
    if (juror.removedAt) throw new AppError({ status: 409, code: 'juror_removed', messageKey: 'jury.error.removed' })
    const sent = await sendInvitation(tx, edition, juror, actor)
    await audit(tx, {
      organisationId,
      actorUserId: actor.actorUserId ?? null,
      action: 'juror.resendInvitation',
      entityType: 'Juror',
      entityId: juror.id,
      details: { editionId: edition.id },
    })
    return sent
  })
}

/** Changes the categories a juror sits in and those they chair. */
export async function updateJurorSeats(
  organisationId: string,
  editionId: string,
  jurorId: string,
  categoryIds: string[],
  chairCategoryIds: string[],
  actor: Actor = {},
) {
  const edition = await getEditionForOrganiser(organisationId, editionId)
  const v = checkJurorInput(
    { name: '', email: '', categoryIds, chairCategoryIds },
    edition.categories.map((c) => c.id),
    false,
  )
  return prisma.$transaction(async (tx) => {
    const juror = await findEditionJuror(tx, edition.id, jurorId)
    if (juror.removedAt) throw new AppError({ status: 409, code: 'juror_removed', messageKey: 'jury.error.removed' })
    await setSeats(tx, juror.id, v.seats, v.chairs)
    await audit(tx, {
      organisationId,
      actorUserId: actor.actorUserId ?? null,
      action: 'juror.updateSeats',
      entityType: 'Juror',
      entityId: juror.id,
      details: { categoryIds: v.seats, chairCategoryIds: v.chairs },
    })
  })
}

/**
 * A juror who drops out: marked removed (history, scores and conflicts are kept for the report but
 * they take no part from then on), every link they were emailed stops working, and their chairs are vacated.
 * Redistributing their assigned nominations (balanced mode) is the organisers' assignment service's
 * job: `onRemoved` is where the route passes `reassignFromJuror` once that service exists.
 */
export async function removeJuror(
  organisationId: string,
  editionId: string,
  jurorId: string,
  actor: Actor = {},
  onRemoved?: (tx: Tx, jurorId: string) => Promise<unknown>,
) {
  const edition = await getEditionForOrganiser(organisationId, editionId)
  return prisma.$transaction(async (tx) => {
    const juror = await findEditionJuror(tx, edition.id, jurorId)
    if (juror.removedAt) return { alreadyRemoved: true }
    const now = new Date()
    await tx.juror.update({ where: { id: juror.id }, data: { removedAt: now } })
    await revokeJoinLinks(tx, juror, now)
    await tx.juryMember.updateMany({ where: { jurorId: juror.id }, data: { isChair: false } })
    await onRemoved?.(tx, juror.id)
    await audit(tx, {
      organisationId,
      actorUserId: actor.actorUserId ?? null,
      action: 'juror.remove',
      entityType: 'Juror',
      entityId: juror.id,
      details: { editionId: edition.id },
    })
    return { alreadyRemoved: false }
  })
}

/** The edition's jurors for the organisers' page, removed ones last. */
export async function listJurors(organisationId: string, editionId: string) {
  const edition = await getEditionForOrganiser(organisationId, editionId)
  const jurors = await prisma.juror.findMany({
    where: { editionId: edition.id },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    include: { memberships: { select: { categoryId: true, isChair: true, submittedAt: true } } },
  })
  const declined = await declinedEmails(edition.id)
  const active = jurors.filter((j) => !j.removedAt)
  const removed = jurors.filter((j) => j.removedAt)
  return [...active, ...removed].map((j) => ({
    id: j.id,
    name: j.name,
    email: j.email,
    organisationName: j.organisationName,
    locale: j.locale,
    invitedAt: j.invitedAt,
    joinedAt: j.joinedAt,
    removedAt: j.removedAt,
    declined: Boolean(j.removedAt) && declined.has(j.email),
    seats: edition.categories
      .map((c) => ({ categoryId: c.id, name: c.name, membership: j.memberships.find((m) => m.categoryId === c.id) }))
      .filter((s) => s.membership)
      .map((s) => ({ categoryId: s.categoryId, name: s.name, isChair: s.membership!.isChair, submittedAt: s.membership!.submittedAt })),
  }))
}

// ---- Joining ----------------------------------------------------------------------------------

/** The juror of any join link emailed to them and not revoked (the current one or an earlier one). */
async function jurorByToken(db: Tx, token: string) {
  const id = await jurorIdByJoinToken(db, token)
  if (!id) return null
  return db.juror.findUnique({
    where: { id },
    include: {
      edition: { select: { id: true, title: true, organisationId: true, juryStartsAt: true, juryEndsAt: true } },
      memberships: { select: { isChair: true, category: { select: { id: true, name: true, position: true } } } },
    },
  })
}

/** What the invitation page shows, or null when the link is unknown, or revoked with its juror's removal. */
export async function getInvitation(token: string, now = new Date(), opts: { recordClick?: boolean } = {}) {
  const juror = await jurorByToken(prisma, token)
  if (!juror || juror.removedAt) return null
  if (opts.recordClick) await recordJoinLinkOpened(token, { editionId: juror.edition.id, email: juror.email }, now)
  return {
    jurorName: juror.name,
    email: juror.email,
    editionId: juror.edition.id,
    editionTitle: juror.edition.title,
    juryStartsAt: juror.edition.juryStartsAt,
    juryEndsAt: juror.edition.juryEndsAt,
    categories: juror.memberships
      .sort((a, b) => a.category.position - b.category.position)
      .map((m) => ({ name: m.category.name, isChair: m.isChair })),
    joined: Boolean(juror.joinedAt),
    valid: isJoinLinkValid(juror.edition, now),
  }
}

/**
 * Spends the invitation (POST only): links the juror to the user with their address (created when
 * missing) and opens a session. The link keeps signing the juror in until the jury period ends.
 */
export async function acceptInvitation(token: string, opts: { userAgent?: string | null; now?: Date } = {}) {
  const now = opts.now ?? new Date()
  const run = () =>
    prisma.$transaction(async (tx) => {
      const juror = await jurorByToken(tx, token)
      if (!juror || juror.removedAt) throw new AppError({ status: 404, code: 'invitation_not_found', messageKey: 'jury.join.unknown' })
      if (!isJoinLinkValid(juror.edition, now))
        throw new AppError({ status: 410, code: 'invitation_expired', messageKey: 'jury.join.expired' })
      let userId = juror.userId
      if (!userId) {
        const existing = await findUserByEmail(juror.email, tx)
        const { user } = existing
          ? { user: existing }
          : await ensureUser({ email: juror.email, name: juror.name }, { source: 'juryInvitation' }, tx)
        userId = user.id
      }
      const first = !juror.joinedAt
      await tx.juror.update({ where: { id: juror.id }, data: { userId, joinedAt: juror.joinedAt ?? now } })
      await tx.user.update({ where: { id: userId }, data: { lastSignInAt: now } })
      const { token: sessionToken, session } = await createSession(userId, { userAgent: opts.userAgent }, tx)
      if (first) {
        await markJurorJoined(tx, juror.edition.id, juror.email, now)
        await audit(tx, {
          organisationId: juror.edition.organisationId,
          actorUserId: userId,
          action: 'juror.join',
          entityType: 'Juror',
          entityId: juror.id,
          details: { editionId: juror.edition.id },
        })
      }
      return { sessionToken, expiresAt: session.expiresAt, userId, editionId: juror.edition.id }
    })
  try {
    return await run()
  } catch (error) {
    // Two clicks at once on a new address both create the user: the second try finds it.
    if ((error as { code?: string }).code === 'P2002') return run()
    throw error
  }
}

/**
 * "Je ne pourrai pas siéger" (POST from the join page): a juror who has not joined steps down. They
 * are marked removed like a juror the organisers remove (seats kept for history, chairs vacated,
 * assigned nominations redistributed), every link they were emailed stops working, and the invitation campaign
 * counts them as declined. Inviting the address again undoes it.
 */
export async function declineInvitation(token: string, opts: { now?: Date } = {}) {
  const now = opts.now ?? new Date()
  return prisma.$transaction(async (tx) => {
    const juror = await jurorByToken(tx, token)
    if (!juror || juror.removedAt) throw new AppError({ status: 404, code: 'invitation_not_found', messageKey: 'jury.join.unknown' })
    if (juror.joinedAt) throw new AppError({ status: 409, code: 'already_joined', messageKey: 'jury.error.alreadyJoined' })
    await tx.juror.update({ where: { id: juror.id }, data: { removedAt: now } })
    await revokeJoinLinks(tx, juror, now)
    await tx.juryMember.updateMany({ where: { jurorId: juror.id }, data: { isChair: false } })
    await reassignFromJuror(tx, juror.id, null)
    await markJurorDeclined(tx, juror.edition.id, juror.email, now)
    await audit(tx, {
      organisationId: juror.edition.organisationId,
      actorUserId: null,
      action: 'juror.decline',
      entityType: 'Juror',
      entityId: juror.id,
      details: { editionId: juror.edition.id },
    })
    return { editionTitle: juror.edition.title }
  })
}

// ---- Guards -----------------------------------------------------------------------------------

/** What the guards read of the juror's edition. */
type JurorEditionInclude = {
  edition: {
    select: {
      id: true
      title: true
      slug: true
      organisationId: true
      juryStartsAt: true
      juryEndsAt: true
      scoringLockedAt: true
      announcementAt: true
    }
  }
}

/**
 * A signed-in user whose address was invited but who signed in through /login (not the link):
 * their juror rows are linked on first visit, so the normal sign-in works too.
 */
export async function linkJurorRowsByEmail(user: { id: string; email: string }) {
  const rows = await prisma.juror.findMany({
    where: { email: normaliseEmail(user.email), userId: null, removedAt: null },
    select: { id: true, editionId: true, email: true },
  })
  if (rows.length === 0) return 0
  const now = new Date()
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.juror.updateMany({
      where: { id: { in: rows.map((r) => r.id) }, userId: null },
      data: { userId: user.id, joinedAt: now },
    })
    for (const r of rows) await markJurorJoined(tx, r.editionId, r.email, now)
    return count
  })
}

/** The user's non-removed juror row in that edition, or null. */
export async function findActiveJuror(userId: string, editionId: string): Promise<ActiveJuror | null> {
  // Read on every juror page and save, always fresh (a removed juror is refused at once): one raw
  // statement, juror and edition.
  const rows = await readRows(
    sqlBuilder
      .selectFrom('Juror as j')
      .innerJoin('PrizeEdition as e', 'e.id', 'j.editionId')
      .select([
        'j.id',
        'j.editionId',
        'j.email',
        'j.name',
        'j.organisationName',
        'j.locale',
        'j.inviteTokenHash',
        'j.userId',
        'j.invitedAt',
        'j.joinedAt',
        'j.removedAt',
        'j.lastRemindedAt',
        'j.createdAt',
        'j.updatedAt',
        'e.title',
        'e.slug',
        'e.organisationId',
        'e.juryStartsAt',
        'e.juryEndsAt',
        'e.scoringLockedAt',
        'e.announcementAt',
      ])
      .where('j.userId', '=', userId)
      .where('j.editionId', '=', editionId)
      .where('j.removedAt', 'is', null)
      .orderBy('j.id', 'asc')
      .limit(1),
  )
  const r = rows[0]
  if (!r) return null
  const { title, slug, organisationId, juryStartsAt, juryEndsAt, scoringLockedAt, announcementAt, ...juror } = r
  return { ...juror, edition: { id: r.editionId, title, slug, organisationId, juryStartsAt, juryEndsAt, scoringLockedAt, announcementAt } }
}

/** A juror row with its edition's jury window, as the guards hand it to juror pages. */
export type ActiveJuror = Prisma.JurorGetPayload<{ include: JurorEditionInclude }>

/** Guards every juror page of an edition: signed out → sign-in page; not (or no longer) a juror → 403. */
export async function requireJuror(request: Request, editionId: string | undefined) {
  const auth = await requireUser(request)
  let juror = editionId ? await findActiveJuror(auth.user.id, editionId) : null
  if (!juror && editionId && (await linkJurorRowsByEmail(auth.user)) > 0) juror = await findActiveJuror(auth.user.id, editionId)
  if (!juror) throw forbiddenError()
  return { ...auth, juror }
}

/**
 * What the header of every page shows for a signed-in user, in one statement: their organisations
 * (slug, name, role; by name) and whether the "Jury" link shows (an active juror of any edition,
 * or invited by address and not linked yet).
 */
export async function headerDataOf(user: { id: string; email: string }) {
  const email = normaliseEmail(user.email)
  const rows = await readRows(
    sqlBuilder
      .selectFrom(sqlBuilder.selectNoFrom(sql.lit(1).as('one')).as('base'))
      .leftJoin(
        (eb) =>
          eb
            .selectFrom('Membership as m')
            .innerJoin('Organisation as o', 'o.id', 'm.organisationId')
            .select(['o.slug', 'o.name', 'o.id', 'm.role'])
            .where('m.userId', '=', user.id)
            .as('h'),
        (join) => join.on(sql.lit(1), '=', sql.lit(1)),
      )
      .select((eb) => [
        eb
          .exists(
            eb
              .selectFrom('Juror')
              .select(sql.lit(1).as('one'))
              .where('removedAt', 'is', null)
              .where((w) => w.or([w('userId', '=', user.id), w.and([w('email', '=', email), w('userId', 'is', null)])])),
          )
          .as('isJuror'),
        'h.slug',
        'h.name',
        'h.role',
      ])
      .orderBy('h.name', 'asc')
      .orderBy('h.id', 'asc'),
  )
  return {
    isJuror: Boolean(rows[0]?.isJuror),
    memberships: rows.filter((r) => r.slug !== null).map((r) => ({ slug: r.slug!, name: r.name!, role: r.role! })),
  }
}

// ---- What a juror scores ---------------------------------------------------------------------

export type AssignedNomination = {
  id: string
  categoryId: string
  structureName: string
  projectTitle: string
  conflicted: boolean
}

/**
 * The nominations the juror must score, per category they sit in (by category position), in a
 * stable order (structure name), in one statement: `jurorScope`, the rule of `inJuryScope`. Their
 * assigned nominations in a category when there are any; otherwise, in a category in mode `all`,
 * every nomination of the category in the jury pool; in a balanced category without assignments
 * yet, none. Conflicted nominations are left out unless asked for (`canSeeNomination`).
 */
export async function assignedNominations(
  jurorId: string,
  opts: { categoryId?: string; includeConflicted?: boolean } = {},
): Promise<AssignedNomination[]> {
  let query = jurorScope(jurorId, { categoryId: opts.categoryId })
    .selectFrom('pool as p')
    .select(['p.id', 'p.categoryId', 'p.structureName', 'p.projectTitle', 'p.conflicted'])
    .orderBy('p.categoryPosition')
    .orderBy('p.categoryId')
    .orderBy('p.structureName')
    .orderBy('p.createdAt')
    .orderBy('p.id')
  if (!opts.includeConflicted) query = query.where((eb) => eb.not(eb.ref('p.conflicted')))
  const rows = await readRows(query)
  return rows.map((r) => ({
    id: r.id,
    categoryId: r.categoryId,
    structureName: r.structureName,
    projectTitle: r.projectTitle,
    conflicted: Boolean(r.conflicted),
  }))
}

/**
 * Guards a juror's access to one nomination: 404 when it is not among their nominations (another
 * category, not assigned, not in the jury pool), 403 when they declared a conflict on it. One
 * statement, always read fresh (never cached): a removed seat or a new conflict applies at once.
 */
export async function requireNominationAccess(juror: { id: string }, nominationId: string | undefined) {
  if (!nominationId) throw notFoundError()
  const rows = await readRows(
    withNominationScope(juror.id, nominationId)
      .selectFrom('pool as p')
      .select((eb) => ['p.id', eb.selectFrom('seat').select('categoryId').as('categoryId'), 'p.conflicted'])
      .where('p.id', '=', nominationId),
  )
  const found = rows[0]
  if (!found || !found.categoryId) throw notFoundError()
  if (found.conflicted) throw forbiddenError()
  return { nomination: { id: found.id, categoryId: found.categoryId } }
}

export function jurorLocale(juror: { locale: string }): Locale {
  return isLocale(juror.locale) ? juror.locale : 'fr'
}

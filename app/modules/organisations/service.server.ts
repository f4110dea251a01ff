// Organisations (the regional bodies: CRESS, Régions…) and who belongs to them.
import { prisma, type Tx } from '#app/db.server.ts'
import { audit } from '#app/modules/audit/service.server.ts'
import { AppError, isUniqueViolation } from '#app/utils/errors.ts'
import { isValidEmail, normaliseEmail } from '#app/shared/email-address.ts'

export const ROLES = ['admin', 'organiser', 'checkin'] as const
export type Role = (typeof ROLES)[number]

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value)
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export async function createOrganisation(input: { slug: string; name: string; region?: string }, db: Tx = prisma) {
  return db.organisation.create({ data: { slug: input.slug, name: input.name, region: input.region } })
}

export function findOrganisationBySlug(slug: string, db: Tx = prisma) {
  return db.organisation.findUnique({ where: { slug } })
}

export function listOrganisations(db: Tx = prisma) {
  return db.organisation.findMany({ orderBy: { name: 'asc' } })
}

export function membershipsOf(userId: string, db: Tx = prisma) {
  return db.membership.findMany({
    where: { userId },
    include: { organisation: { select: { slug: true, name: true } } },
    orderBy: { organisation: { name: 'asc' } },
  })
}

export function findMembership(userId: string, organisationId: string, db: Tx = prisma) {
  return db.membership.findUnique({ where: { userId_organisationId: { userId, organisationId } } })
}

/** A rule of this module broken by the input; `field` names the offending input. */
export class OrganisationInputError extends AppError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super({ status: 400, code: `organisation.invalid.${field}`, message, fields: { [field]: [message] } })
    this.name = 'OrganisationInputError'
  }
}

/** Runs `fn` in a transaction, or inside the caller's when `db` already is one. */
function inTransaction<T>(db: Tx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return '$transaction' in db ? db.$transaction((tx) => fn(tx)) : fn(db)
}

type Actor = { actorUserId?: string | null; source?: string }

/**
 * Creates an organisation after checking its slug and name, with an audit entry.
 * A taken slug is reported as an input error rather than a database error.
 */
export async function registerOrganisation(
  input: { slug: string; name: string; region?: string | null; legalName?: string | null },
  actor: Actor = {},
  db: Tx = prisma,
) {
  const slug = input.slug.trim()
  const name = input.name.trim()
  if (!SLUG_PATTERN.test(slug) || slug.length > 64) {
    throw new OrganisationInputError(
      'slug',
      `Invalid slug "${input.slug}": use lower-case letters, digits and single hyphens (e.g. cress-occitanie)`,
    )
  }
  if (!name || name.length > 200) throw new OrganisationInputError('name', 'The name must be between 1 and 200 characters')
  const region = input.region?.trim() || null
  try {
    return await inTransaction(db, async (tx) => {
      const organisation = await tx.organisation.create({
        data: { slug, name, region, legalName: input.legalName?.trim() || null },
      })
      await audit(tx, {
        organisationId: organisation.id,
        actorUserId: actor.actorUserId,
        action: 'organisation.create',
        entityType: 'Organisation',
        entityId: organisation.id,
        details: { slug, name, region, ...(actor.source ? { source: actor.source } : {}) },
      })
      return organisation
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new OrganisationInputError('slug', `An organisation with the slug "${slug}" already exists`)
    throw error
  }
}

export function findUserByEmail(email: string, db: Tx = prisma) {
  return db.user.findUnique({ where: { email: normaliseEmail(email) } })
}

/**
 * The user with this email, created when missing. A given name replaces the stored one.
 * `passwordHash` is only set when the user is created (staff accounts of the demo, the CLI).
 */
export async function ensureUser(
  input: { email: string; name?: string | null; passwordHash?: string | null },
  actor: Actor = {},
  db: Tx = prisma,
) {
  if (!isValidEmail(input.email)) throw new OrganisationInputError('email', `Invalid email address "${input.email}"`)
  const email = normaliseEmail(input.email)
  const name = input.name?.trim() || null
  return inTransaction(db, async (tx) => {
    const existing = await tx.user.findUnique({ where: { email } })
    if (existing) {
      if (!name || name === existing.name) return { user: existing, created: false }
      const user = await tx.user.update({ where: { id: existing.id }, data: { name } })
      await audit(tx, {
        actorUserId: actor.actorUserId,
        action: 'user.update',
        entityType: 'User',
        entityId: user.id,
        details: { fields: ['name'], ...(actor.source ? { source: actor.source } : {}) },
      })
      return { user, created: false }
    }
    const user = await tx.user.create({ data: { email, name, passwordHash: input.passwordHash ?? null } })
    await audit(tx, {
      actorUserId: actor.actorUserId,
      action: 'user.create',
      entityType: 'User',
      entityId: user.id,
      details: { email, ...(actor.source ? { source: actor.source } : {}) },
    })
    return { user, created: true }
  })
}

/**
 * Gives a user a role in an organisation: adds the membership, or changes the role of the
 * existing one. Unchanged roles write nothing.
 */
export async function addMembership(input: { userId: string; organisationId: string; role: string }, actor: Actor = {}, db: Tx = prisma) {
  const role = input.role
  if (!isRole(role)) throw new OrganisationInputError('role', `Unknown role "${role}": use one of ${ROLES.join(', ')}`)
  return inTransaction(db, async (tx) => {
    const existing = await tx.membership.findUnique({
      where: { userId_organisationId: { userId: input.userId, organisationId: input.organisationId } },
    })
    if (existing?.role === role) return { membership: existing, change: 'unchanged' as const }
    const membership = existing
      ? await tx.membership.update({ where: { id: existing.id }, data: { role } })
      : await tx.membership.create({ data: { userId: input.userId, organisationId: input.organisationId, role } })
    await audit(tx, {
      organisationId: input.organisationId,
      actorUserId: actor.actorUserId,
      action: existing ? 'membership.update' : 'membership.create',
      entityType: 'Membership',
      entityId: membership.id,
      details: {
        userId: input.userId,
        role,
        ...(existing ? { previousRole: existing.role } : {}),
        ...(actor.source ? { source: actor.source } : {}),
      },
    })
    return { membership, change: existing ? ('updated' as const) : ('created' as const) }
  })
}

/** Staff are people with at least one membership; only they may have a password or API tokens. */
export async function isStaff(userId: string, db: Tx = prisma) {
  return (await db.membership.count({ where: { userId } })) > 0
}

/** Removes a user from an organisation; audited. False when there was no such membership. */
export async function removeMembership(input: { userId: string; organisationId: string }, actor: Actor = {}, db: Tx = prisma) {
  return inTransaction(db, async (tx) => {
    const existing = await findMembership(input.userId, input.organisationId, tx)
    if (!existing) return false
    await tx.membership.delete({ where: { id: existing.id } })
    await audit(tx, {
      organisationId: input.organisationId,
      actorUserId: actor.actorUserId,
      action: 'membership.delete',
      entityType: 'Membership',
      entityId: existing.id,
      details: { userId: input.userId, role: existing.role, ...(actor.source ? { source: actor.source } : {}) },
    })
    return true
  })
}

/** The most campaign emails per minute an organisation may set; beyond it, 0 (no limit) says so plainly. */
export const MAX_CAMPAIGN_RATE_PER_MINUTE = 10_000

/** The organisation's own campaign sending rate (null: the installation's default); audited. */
export async function setCampaignRate(organisationId: string, ratePerMinute: number | null, actor: Actor = {}) {
  if (ratePerMinute !== null && (!Number.isInteger(ratePerMinute) || ratePerMinute < 0 || ratePerMinute > MAX_CAMPAIGN_RATE_PER_MINUTE)) {
    throw new AppError({
      status: 422,
      code: 'invalid_input',
      messageKey: 'campaigns.rate.invalid',
      params: { max: MAX_CAMPAIGN_RATE_PER_MINUTE },
      fields: { ratePerMinute: ['campaigns.rate.invalid'] },
    })
  }
  return prisma.$transaction(async (tx) => {
    const before = await tx.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { campaignRatePerMinute: true } })
    await tx.organisation.update({ where: { id: organisationId }, data: { campaignRatePerMinute: ratePerMinute } })
    await audit(tx, {
      organisationId,
      actorUserId: actor.actorUserId,
      action: 'organisation.campaignRate',
      entityType: 'Organisation',
      entityId: organisationId,
      details: { from: before.campaignRatePerMinute, to: ratePerMinute },
    })
  })
}

export async function getCampaignRate(organisationId: string, db: Tx = prisma) {
  const row = await db.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { campaignRatePerMinute: true } })
  return row.campaignRatePerMinute
}

// The organisers' side of nominations: the list by category and status with search, one
// nomination with everything submitted, and the eligibility review (confirm, declare ineligible
// with a reason that is emailed to the contact, shortlist). Every query goes through the
// edition's organisation, so an organiser never reaches another organisation's nominations.
import { prisma, type Tx } from '#app/db.server.ts'
import { audit } from '#app/modules/audit/service.server.ts'
import { enqueueEmail } from '#app/modules/email/outbox.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { isLocale, type MessageKey } from '#app/utils/i18n.ts'

import { isNominationStatus, MAX_REASON_LENGTH, NOMINATION_STATUSES, type NominationStatus } from './statuses.ts'
import { parseAnswers } from '#app/shared/questions.ts'

export { isNominationStatus, MAX_REASON_LENGTH, NOMINATION_STATUSES, type NominationStatus }

export type ReviewActor = { actorUserId?: string | null }

export type NominationFilters = { status?: string | null; categoryId?: string | null; q?: string | null }

/** The list's filters from a query string; unknown statuses are ignored rather than refused. */
export function filtersFromSearchParams(params: URLSearchParams): NominationFilters {
  const status = params.get('status')
  return {
    status: isNominationStatus(status) ? status : null,
    categoryId: params.get('category') || null,
    q: (params.get('q') ?? '').trim().slice(0, 100) || null,
  }
}

function nominationNotFound() {
  return new AppError({ status: 404, code: 'nomination_not_found', messageKey: 'prizeReview.error.notFound' })
}

function whereOf(organisationId: string, editionId: string, filters: NominationFilters = {}) {
  const q = filters.q?.trim().toLowerCase()
  return {
    editionId,
    edition: { organisationId },
    ...(isNominationStatus(filters.status) ? { status: filters.status } : {}),
    ...(filters.categoryId ? { categoryId: filters.categoryId } : {}),
    ...(q ? { searchText: { contains: q } } : {}),
  }
}

const listSelect = {
  id: true,
  status: true,
  structureName: true,
  siret: true,
  legalForm: true,
  town: true,
  departement: true,
  contactFirstName: true,
  contactLastName: true,
  contactEmail: true,
  projectTitle: true,
  submittedAt: true,
  reviewedAt: true,
  updatedAt: true,
  category: { select: { id: true, name: true } },
} as const

/** Nominations of the edition matching the filters, and the count per status of the whole edition (per category when filtered). */
export async function listNominations(organisationId: string, editionId: string, filters: NominationFilters = {}) {
  const [nominations, grouped] = await Promise.all([
    prisma.nomination.findMany({
      where: whereOf(organisationId, editionId, filters),
      orderBy: [{ structureName: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
      select: listSelect,
    }),
    prisma.nomination.groupBy({
      by: ['status'],
      where: whereOf(organisationId, editionId, { categoryId: filters.categoryId }),
      _count: { _all: true },
    }),
  ])
  const counts = Object.fromEntries(NOMINATION_STATUSES.map((s) => [s, 0])) as Record<NominationStatus, number>
  for (const g of grouped) if (isNominationStatus(g.status)) counts[g.status] = g._count._all
  return { nominations, counts }
}

export type NominationListItem = Awaited<ReturnType<typeof listNominations>>['nominations'][number]

/** One nomination with everything submitted and its attachments' descriptions (not their bytes), or 404. */
export async function getNominationForReview(organisationId: string, editionId: string, nominationId: string) {
  const n = await prisma.nomination.findFirst({
    where: { id: nominationId, editionId, edition: { organisationId } },
    include: {
      category: { select: { id: true, name: true } },
      attachments: {
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: { id: true, filename: true, contentType: true, size: true, createdAt: true },
      },
    },
  })
  if (!n) throw nominationNotFound()
  const { editTokenHash: _hidden, ...rest } = n
  return { ...rest, answers: parseAnswers(n.answers) }
}

export type ReviewedNomination = Awaited<ReturnType<typeof getNominationForReview>>

/** One attachment of a nomination of the organisation, with its bytes, or null. */
export async function getAttachmentForReview(organisationId: string, editionId: string, nominationId: string, attachmentId: string) {
  const row = await prisma.nominationAttachment.findFirst({
    where: { id: attachmentId, nominationId, nomination: { editionId, edition: { organisationId } } },
    select: { filename: true, contentType: true, data: true },
  })
  return row ? { filename: row.filename, contentType: row.contentType, data: new Uint8Array(row.data) } : null
}

// ---- Review ----------------------------------------------------------------------------------

/** Which statuses each decision may start from; drafts and withdrawn nominations are not reviewed. */
const TRANSITIONS = {
  confirmEligible: { from: ['submitted', 'ineligible'], to: 'eligible' },
  declareIneligible: { from: ['submitted', 'eligible', 'shortlisted'], to: 'ineligible' },
  shortlist: { from: ['eligible'], to: 'shortlisted' },
  unshortlist: { from: ['shortlisted'], to: 'eligible' },
} as const satisfies Record<string, { from: readonly NominationStatus[]; to: NominationStatus }>

type Decision = keyof typeof TRANSITIONS

const cannotKey = (decision: Decision) => `prizeReview.error.cannot.${decision}` as MessageKey

export function canDecide(decision: Decision, status: string): boolean {
  return (TRANSITIONS[decision].from as readonly string[]).includes(status)
}

async function loadForDecision(tx: Tx, organisationId: string, editionId: string, nominationId: string) {
  const n = await tx.nomination.findFirst({
    where: { id: nominationId, editionId, edition: { organisationId } },
    include: { edition: { select: { id: true, title: true, organisationId: true } } },
  })
  if (!n) throw nominationNotFound()
  return n
}

async function decide(
  decision: Decision,
  organisationId: string,
  editionId: string,
  nominationId: string,
  actor: ReviewActor,
  extra?: (tx: Tx, n: Awaited<ReturnType<typeof loadForDecision>>) => Promise<void>,
  reason: string | null = null,
) {
  return prisma.$transaction(async (tx) => {
    const n = await loadForDecision(tx, organisationId, editionId, nominationId)
    const { to } = TRANSITIONS[decision]
    if (!canDecide(decision, n.status)) {
      throw new AppError({ status: 409, code: 'invalid_transition', messageKey: cannotKey(decision) })
    }
    // Conditional on the status read, so two organisers deciding at once cannot both win.
    const { count } = await tx.nomination.updateMany({
      where: { id: n.id, status: n.status },
      data: {
        status: to,
        eligibilityReason: to === 'ineligible' ? reason : null,
        reviewedAt: new Date(),
        reviewedBy: actor.actorUserId ?? null,
      },
    })
    if (count === 0) throw new AppError({ status: 409, code: 'invalid_transition', messageKey: cannotKey(decision) })
    await extra?.(tx, n)
    await audit(tx, {
      organisationId,
      actorUserId: actor.actorUserId ?? null,
      action: `nomination.${decision}`,
      entityType: 'nomination',
      entityId: n.id,
      details: { from: n.status, to, ...(reason ? { reason } : {}) },
    })
    return { id: n.id, status: to }
  })
}

export function confirmEligible(organisationId: string, editionId: string, nominationId: string, actor: ReviewActor = {}) {
  return decide('confirmEligible', organisationId, editionId, nominationId, actor)
}

/** Declares the nomination ineligible and emails the reason to its contact, in their language. */
export async function declareIneligible(
  organisationId: string,
  editionId: string,
  nominationId: string,
  reason: string,
  actor: ReviewActor = {},
) {
  const text = reason.trim()
  if (!text)
    throw new AppError({
      status: 422,
      code: 'invalid_input',
      messageKey: 'prizeReview.error.reasonRequired',
      fields: { reason: ['prizeReview.error.reasonRequired'] },
    })
  if (text.length > MAX_REASON_LENGTH) {
    throw new AppError({
      status: 422,
      code: 'invalid_input',
      messageKey: 'prizeReview.error.reasonTooLong',
      fields: { reason: ['prizeReview.error.reasonTooLong'] },
    })
  }
  return decide(
    'declareIneligible',
    organisationId,
    editionId,
    nominationId,
    actor,
    async (tx, n) => {
      await enqueueEmail(tx, {
        to: n.contactEmail,
        toName: `${n.contactFirstName} ${n.contactLastName}`.trim() || null,
        locale: isLocale(n.locale) ? n.locale : 'fr',
        template: 'nomination-ineligible',
        props: { editionTitle: n.edition.title, structureName: n.structureName, firstName: n.contactFirstName, reason: text },
        organisationId,
        category: 'nomination',
      })
    },
    text,
  )
}

/** Only eligible nominations may be shortlisted. */
export function shortlist(organisationId: string, editionId: string, nominationId: string, actor: ReviewActor = {}) {
  return decide('shortlist', organisationId, editionId, nominationId, actor)
}

export function unshortlist(organisationId: string, editionId: string, nominationId: string, actor: ReviewActor = {}) {
  return decide('unshortlist', organisationId, editionId, nominationId, actor)
}

// ---- Export and API --------------------------------------------------------------------------

/** Every field of the matching nominations, for the CSV/XLSX export and the API. */
export async function nominationsForExport(
  organisationId: string,
  editionId: string,
  filters: NominationFilters = {},
  page: { take?: number; skip?: number; cursor?: { id: string } } = {},
) {
  const rows = await prisma.nomination.findMany({
    where: whereOf(organisationId, editionId, filters),
    orderBy: [{ structureName: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
    include: { category: { select: { id: true, name: true } }, _count: { select: { attachments: true } } },
    ...page,
  })
  return rows.map(({ editTokenHash: _hidden, _count, ...n }) => ({ ...n, attachmentCount: _count.attachments }))
}

export type ExportNomination = Awaited<ReturnType<typeof nominationsForExport>>[number]

/** Records who exported what: the file holds personal data. */
export async function recordNominationExport(
  organisationId: string,
  editionId: string,
  actorUserId: string,
  details: Record<string, unknown>,
) {
  await prisma.$transaction((tx) =>
    audit(tx, { organisationId, actorUserId, action: 'nomination.export', entityType: 'prizeEdition', entityId: editionId, details }),
  )
}

// Nominations by structures, without an account: the person gives an email, receives a private
// link (only its SHA-256 is stored) and fills in a multi-step form that saves itself as a draft.
// Submitting checks everything again (fields, SIRET, eligibility, the deadline) and emails a
// summary; the nomination stays editable through the same link until the deadline. Asking for
// the link again emails a link of its own (NominationLink) and every earlier one keeps working.
import { createHash } from 'node:crypto'
import { z } from 'zod'
import { prisma, type Prisma, type Tx } from '#app/db.server.ts'
import { audit } from '#app/modules/audit/service.server.ts'
import { generateToken, hashToken } from '#app/modules/auth/session.server.ts'
import { enqueueEmail } from '#app/modules/email/outbox.server.ts'
import {
  eligibilityOf,
  isLegalForm,
  submissionWindow,
  type Eligibility,
  type IneligibilityReason,
  type SubmissionWindow,
} from '#app/modules/prizes/rules.ts'
import { getPublicEdition } from '#app/modules/prizes/service.server.ts'
import { parseAnswers } from '#app/shared/questions.ts'
import { AppError } from '#app/utils/errors.ts'
import { isLocale, type Locale, type MessageKey } from '#app/utils/i18n.ts'
import { absoluteUrl } from '#app/utils/url.server.ts'
import type { NominationSummary } from '#emails/nomination-submitted.tsx'
import { checkAttachment, safeFilename, type AttachmentType } from './attachments.ts'
import {
  nominationContextOf,
  parseDraft,
  parseSubmission,
  REQUIRED_FIELDS,
  valuesToFields,
  type FieldErrors,
  type NominationContext,
  type NominationFields,
  type NominationValues,
  type Step,
} from './schema.ts'
import { normaliseEmail } from '#app/shared/email-address.ts'

const EMAIL_CATEGORY = 'nomination'

/** Statuses in which the nominee may still change the nomination (before the deadline). */
const EDITABLE_STATUSES = ['draft', 'submitted'] as const

export function editUrlFor(token: string) {
  return absoluteUrl(`/n/${token}`)
}

const editionSelect = {
  id: true,
  slug: true,
  title: true,
  organisationId: true,
  status: true,
  submissionsOpenAt: true,
  submissionsCloseAt: true,
  eligibleLegalForms: true,
  minAgeYears: true,
  eligibleDepartements: true,
  categories: { select: { id: true, name: true, description: true, position: true } },
  questions: { select: { id: true, label: true, help: true, type: true, required: true, options: true, position: true } },
} as const

const attachmentSelect = { id: true, filename: true, contentType: true, size: true, sha256: true, createdAt: true } as const

/** The nomination an edit link opens: its first link (editTokenHash) or one emailed later. */
function openedByToken(token: string): Prisma.NominationWhereInput {
  const tokenHash = hashToken(token)
  return { OR: [{ editTokenHash: tokenHash }, { links: { some: { tokenHash } } }] }
}

async function findByToken(token: string, db: Tx = prisma) {
  if (!token) return null
  return db.nomination.findFirst({
    where: openedByToken(token),
    include: { edition: { select: editionSelect }, attachments: { select: attachmentSelect, orderBy: { createdAt: 'asc' } } },
  })
}
type LoadedNomination = NonNullable<Awaited<ReturnType<typeof findByToken>>>

function storedValues(n: LoadedNomination): NominationValues {
  return {
    structureName: n.structureName,
    siret: n.siret,
    legalForm: isLegalForm(n.legalForm) ? n.legalForm : null,
    creationDate: n.creationDate,
    address: n.address,
    postalCode: n.postalCode,
    town: n.town,
    departement: n.departement,
    employees: n.employees,
    volunteers: n.volunteers,
    contactFirstName: n.contactFirstName,
    contactLastName: n.contactLastName,
    contactPhone: n.contactPhone,
    categoryId: n.categoryId,
    projectTitle: n.projectTitle,
    projectDescription: n.projectDescription,
    impact: n.impact,
    budgetCents: n.budgetCents,
    answers: parseAnswers(n.answers),
  }
}

export type NominationView = {
  nomination: {
    id: string
    status: string
    contactEmail: string
    locale: string
    draftStep: number
    submittedAt: Date | null
    withdrawnAt: Date | null
    updatedAt: Date
  }
  edition: LoadedNomination['edition']
  context: NominationContext
  values: NominationValues
  attachments: LoadedNomination['attachments']
  eligibility: Eligibility
  window: SubmissionWindow
  /** Whether the nominee can still change it: open window and not withdrawn or reviewed. */
  editable: boolean
}

function viewOf(n: LoadedNomination, now: Date): NominationView {
  const values = storedValues(n)
  const window = submissionWindow(n.edition, now)
  return {
    nomination: {
      id: n.id,
      status: n.status,
      contactEmail: n.contactEmail,
      locale: n.locale,
      draftStep: n.draftStep,
      submittedAt: n.submittedAt,
      withdrawnAt: n.withdrawnAt,
      updatedAt: n.updatedAt,
    },
    edition: n.edition,
    context: nominationContextOf(n.edition),
    values,
    attachments: n.attachments,
    eligibility: eligibilityOf(values, n.edition),
    window,
    editable: window === 'open' && (EDITABLE_STATUSES as readonly string[]).includes(n.status),
  }
}

/** The nomination behind an edit link, with its edition and form, or null for an unknown link. */
export async function getNominationByToken(token: string, now: Date = new Date()): Promise<NominationView | null> {
  const n = await findByToken(token)
  return n ? viewOf(n, now) : null
}

function notFoundError() {
  return new AppError({ status: 404, code: 'nomination_not_found', messageKey: 'nomination.error.notFound' })
}

/** The nomination if the nominee may still change it, else the reason as an AppError. */
async function requireEditable(token: string, now: Date, db: Tx = prisma): Promise<LoadedNomination> {
  const n = await findByToken(token, db)
  if (!n) throw notFoundError()
  if (n.status === 'withdrawn') throw new AppError({ status: 409, code: 'nomination_withdrawn', messageKey: 'nomination.error.withdrawn' })
  if (!(EDITABLE_STATUSES as readonly string[]).includes(n.status))
    throw new AppError({ status: 409, code: 'nomination_locked', messageKey: 'nomination.error.locked' })
  const window = submissionWindow(n.edition, now)
  if (window === 'closed') throw new AppError({ status: 409, code: 'submissions_closed', messageKey: 'nomination.error.closed' })
  if (window === 'not_open') throw new AppError({ status: 409, code: 'submissions_not_open', messageKey: 'nomination.error.notOpen' })
  return n
}

function searchTextOf(v: Pick<NominationValues, 'structureName' | 'projectTitle' | 'town' | 'siret'>, email: string) {
  return [v.structureName, v.projectTitle, v.town ?? '', v.siret ?? '', email].join(' ').toLowerCase().replace(/\s+/g, ' ').trim()
}

function toData(values: Partial<NominationValues>) {
  const { answers, ...rest } = values
  return { ...rest, ...(answers ? { answers: JSON.stringify(answers) } : {}) }
}

// ---- Start -----------------------------------------------------------------------------------

export type StartResult = { nominationId: string; token: string; editUrl: string; resumed: boolean }

/**
 * Starts (or resumes) a nomination for this email and emails the edit link. One nomination per
 * address and edition: asking again sends one more link to the same nomination, which is how a
 * person who lost the email gets back in; the earlier links keep working (only hashes are stored,
 * so each email carries a token of its own).
 */
const nominationStartSelect = { id: true, edition: { select: { organisationId: true } } } as const

export async function startNomination(
  editionSlug: string,
  input: { email: string; locale: Locale; request?: Request; now?: Date },
): Promise<StartResult> {
  const now = input.now ?? new Date()
  const email = z.email().max(254).safeParse(normaliseEmail(input.email))
  if (!email.success)
    throw new AppError({
      status: 400,
      code: 'invalid_input',
      messageKey: 'nomination.error.email',
      fields: { email: ['nomination.error.email'] },
    })
  const edition = await getPublicEdition(editionSlug)
  if (!edition) throw new AppError({ status: 404, code: 'edition_not_found', messageKey: 'nomination.error.editionNotFound' })
  const window = submissionWindow(edition, now)
  if (window !== 'open') {
    throw new AppError({
      status: 409,
      code: window === 'closed' ? 'submissions_closed' : 'submissions_not_open',
      messageKey: window === 'closed' ? 'nomination.error.closed' : 'nomination.error.notOpen',
    })
  }
  const token = generateToken()
  const editUrl = editUrlFor(token)
  return prisma.$transaction(async (tx) => {
    const existing = await tx.nomination.findFirst({
      where: { editionId: edition.id, contactEmail: email.data, status: { not: 'withdrawn' } },
      orderBy: { createdAt: 'desc' },
      select: { id: true },
    })
    const nomination = existing
      ? await tx.nomination.update({
          where: { id: existing.id },
          data: { locale: input.locale, links: { create: { tokenHash: hashToken(token) } } },
          select: nominationStartSelect,
        })
      : await tx.nomination.create({
          data: {
            editionId: edition.id,
            contactEmail: email.data,
            locale: input.locale,
            editTokenHash: hashToken(token),
            searchText: email.data,
          },
          select: nominationStartSelect,
        })
    const organisationId = nomination.edition.organisationId
    await enqueueEmail(tx, {
      to: email.data,
      locale: input.locale,
      template: 'nomination-link',
      props: {
        editionTitle: edition.title,
        editUrl,
        closesAt: new Date(edition.submissionsCloseAt).toISOString(),
        resumed: Boolean(existing),
      },
      organisationId,
      category: EMAIL_CATEGORY,
    })
    await audit(tx, {
      organisationId,
      action: existing ? 'nomination.linkResent' : 'nomination.start',
      entityType: 'nomination',
      entityId: nomination.id,
    })
    return { nominationId: nomination.id, token, editUrl, resumed: Boolean(existing) }
  })
}

// ---- Draft -----------------------------------------------------------------------------------

export type SaveResult = { savedAt: Date; fieldErrors: FieldErrors; eligibility: Eligibility }

const ELIGIBILITY_FIELD: Record<IneligibilityReason, 'legalForm' | 'creationDate' | 'departement'> = {
  legal_form: 'legalForm',
  missing_legal_form: 'legalForm',
  too_young: 'creationDate',
  missing_creation_date: 'creationDate',
  departement: 'departement',
  missing_departement: 'departement',
}

export const reasonKey = (reason: IneligibilityReason) => `prize.ineligible.${reason}` as MessageKey

/**
 * Autosave: every field that parses is stored, every other one is reported and leaves the saved
 * value alone; fields not sent are untouched. Answers are merged question by question. On a
 * submitted nomination a required field cannot be emptied and the eligibility must still hold.
 */
export async function saveDraft(token: string, fields: NominationFields, step: Step, now: Date = new Date()): Promise<SaveResult> {
  return prisma.$transaction(async (tx) => {
    const n = await requireEditable(token, now, tx)
    const ctx = nominationContextOf(n.edition)
    const { values, fieldErrors } = parseDraft(fields, ctx, () => now)
    const current = storedValues(n)
    if (values.answers) values.answers = { ...current.answers, ...values.answers }

    if (n.status === 'submitted') {
      for (const name of REQUIRED_FIELDS) {
        const column = name as keyof NominationValues
        if (column in values && (values[column] === null || values[column] === '')) {
          delete values[column]
          fieldErrors[name] = ['nomination.error.required']
        }
      }
      const merged = { ...current, ...values }
      const eligibility = eligibilityOf(merged, n.edition)
      for (const reason of eligibility.reasons) {
        const field = ELIGIBILITY_FIELD[reason]
        delete values[field]
        fieldErrors[field] = [...(fieldErrors[field] ?? []), reasonKey(reason)]
      }
    }

    const merged = { ...current, ...values }
    const updated = await tx.nomination.update({
      where: { id: n.id },
      data: { ...toData(values), draftStep: Math.max(n.draftStep, step), searchText: searchTextOf(merged, n.contactEmail) },
      select: { updatedAt: true },
    })
    return { savedAt: updated.updatedAt, fieldErrors, eligibility: eligibilityOf(merged, n.edition) }
  })
}

// ---- Attachments -----------------------------------------------------------------------------

export type AttachmentInfo = { id: string; filename: string; contentType: string; size: number; sha256: string }

function attachmentError(
  key: ReturnType<typeof checkAttachment> extends infer R ? (R extends { ok: false; error: infer E } ? E : never) : never,
) {
  const status = key === 'nomination.attachment.error.tooLarge' ? 413 : key === 'nomination.attachment.error.tooMany' ? 409 : 400
  return new AppError({ status, code: key.split('.').pop() ?? 'invalid_file', messageKey: key, fields: { file: [key] } })
}

/** Stores one file in the database (so every app instance serves it), after sniffing its type. */
export async function addAttachment(
  token: string,
  file: { filename: string; bytes: Uint8Array },
  now: Date = new Date(),
): Promise<AttachmentInfo> {
  return prisma.$transaction(async (tx) => {
    const n = await requireEditable(token, now, tx)
    // Touching the nomination first takes its row lock (PostgreSQL), so concurrent uploads count
    // one after another and the file limit holds; SQLite already runs one transaction at a time.
    await tx.nomination.update({ where: { id: n.id }, data: { updatedAt: now } })
    const count = await tx.nominationAttachment.count({ where: { nominationId: n.id } })
    const check = checkAttachment(file.bytes, count)
    if (!check.ok) throw attachmentError(check.error)
    const sha256 = createHash('sha256').update(file.bytes).digest('hex')
    const created = await tx.nominationAttachment.create({
      data: {
        nominationId: n.id,
        filename: safeFilename(file.filename, check.contentType),
        contentType: check.contentType,
        size: file.bytes.length,
        sha256,
        data: new Uint8Array(file.bytes),
      },
      select: { id: true, filename: true, contentType: true, size: true, sha256: true },
    })
    return created
  })
}

export async function removeAttachment(token: string, attachmentId: string, now: Date = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const n = await requireEditable(token, now, tx)
    const { count } = await tx.nominationAttachment.deleteMany({ where: { id: attachmentId, nominationId: n.id } })
    if (count === 0) throw new AppError({ status: 404, code: 'attachment_not_found', messageKey: 'nomination.attachment.error.notFound' })
  })
}

/** One file of the nomination behind this link, for download; null when either is unknown. */
export async function getAttachment(
  token: string,
  attachmentId: string,
): Promise<{ filename: string; contentType: AttachmentType; data: Uint8Array<ArrayBuffer> } | null> {
  if (!token) return null
  const row = await prisma.nominationAttachment.findFirst({
    where: { id: attachmentId, nomination: openedByToken(token) },
    select: { filename: true, contentType: true, data: true },
  })
  return row ? { filename: row.filename, contentType: row.contentType as AttachmentType, data: new Uint8Array(row.data) } : null
}

// ---- Submit and withdraw ---------------------------------------------------------------------

function summaryOf(n: LoadedNomination, values: NominationValues): NominationSummary {
  const category = n.edition.categories.find((c) => c.id === values.categoryId)
  return {
    structureName: values.structureName,
    siret: values.siret ?? '',
    legalForm: values.legalForm ?? '',
    creationDate: values.creationDate ? values.creationDate.toISOString().slice(0, 10) : '',
    town: [values.postalCode, values.town].filter(Boolean).join(' '),
    departement: values.departement ?? '',
    contactName: `${values.contactFirstName} ${values.contactLastName}`.trim(),
    category: category?.name ?? '',
    projectTitle: values.projectTitle,
    budgetCents: values.budgetCents,
    attachments: n.attachments.map((a) => a.filename),
  }
}

/**
 * Submits (or re-submits after an edit) before the deadline: all fields valid, SIRET checked,
 * the edition's eligibility rules met. An ineligible nomination is refused with its reasons
 * (per field), not recorded as ineligible: the nominee sees why and can correct a mistake.
 */
export async function submitNomination(token: string, now: Date = new Date()): Promise<{ nominationId: string; resubmitted: boolean }> {
  return prisma.$transaction(async (tx) => {
    const n = await requireEditable(token, now, tx)
    const ctx = nominationContextOf(n.edition)
    const parsed = parseSubmission(valuesToFields(storedValues(n)), ctx, () => now)
    if (!parsed.success)
      throw new AppError({ status: 422, code: 'invalid_nomination', messageKey: 'nomination.error.incomplete', fields: parsed.fieldErrors })
    const eligibility = eligibilityOf(parsed.value, n.edition)
    if (!eligibility.eligible) {
      const fields: FieldErrors = {}
      for (const reason of eligibility.reasons) (fields[ELIGIBILITY_FIELD[reason]] ??= []).push(reasonKey(reason))
      throw new AppError({ status: 422, code: 'not_eligible', messageKey: 'nomination.error.notEligible', fields })
    }
    const resubmitted = n.status === 'submitted'
    await tx.nomination.update({
      where: { id: n.id },
      data: { status: 'submitted', submittedAt: n.submittedAt ?? now, draftStep: 5 },
    })
    await enqueueEmail(tx, {
      to: n.contactEmail,
      toName: `${parsed.value.contactFirstName} ${parsed.value.contactLastName}`.trim(),
      locale: isLocale(n.locale) ? n.locale : 'fr',
      template: 'nomination-submitted',
      props: {
        editionTitle: n.edition.title,
        editUrl: editUrlFor(token),
        closesAt: n.edition.submissionsCloseAt.toISOString(),
        firstName: parsed.value.contactFirstName,
        summary: summaryOf(n, parsed.value),
        resubmitted,
      },
      organisationId: n.edition.organisationId,
      category: EMAIL_CATEGORY,
    })
    await audit(tx, {
      organisationId: n.edition.organisationId,
      action: resubmitted ? 'nomination.resubmit' : 'nomination.submit',
      entityType: 'nomination',
      entityId: n.id,
    })
    return { nominationId: n.id, resubmitted }
  })
}

/** The nominee withdraws: kept for the record, out of the competition. Repeating it is harmless. */
export async function withdrawNomination(token: string, now: Date = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const n = await findByToken(token, tx)
    if (!n) throw notFoundError()
    if (n.status === 'withdrawn') return
    await tx.nomination.update({ where: { id: n.id }, data: { status: 'withdrawn', withdrawnAt: now } })
    await audit(tx, {
      organisationId: n.edition.organisationId,
      action: 'nomination.withdraw',
      entityType: 'nomination',
      entityId: n.id,
      details: { from: n.status },
    })
  })
}

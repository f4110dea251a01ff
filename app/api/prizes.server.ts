// The API's view of the Prix de l'ESS: published editions for anyone (slugs, categories,
// calendar), and an edition's nominations for its organisation's API token. Another
// organisation's edition is "not found", never "forbidden": the API does not confirm it exists.
import {
  filtersFromSearchParams,
  isNominationStatus,
  nominationsForExport,
  type ExportNomination,
} from '#app/modules/nominations/review.server.ts'
import { getEditionForOrganiser, getPublicEdition, listPublicEditions } from '#app/modules/prizes/service.server.ts'
import { AppError } from '#app/utils/errors.ts'
import type { Locale } from '#app/utils/i18n.ts'
import { absoluteUrl } from '#app/utils/url.server.ts'
import type { ApiAuth } from './events.server.ts'
import { errorOf } from './http.server.ts'
import { parseAnswers } from '#app/shared/questions.ts'
import { pageOf, pageQuery, pageRequest } from './pagination.server.ts'

export function prizeNotFound() {
  return new AppError({
    status: 404,
    code: 'prize_not_found',
    messageKey: 'api.error.prizeNotFound',
    fields: { prize: ['api.error.prizeNotFound'] },
  })
}

const iso = (d: Date | null) => (d ? d.toISOString() : null)

/** GET /api/v1/prizes: published editions, the latest first. */
export async function publicPrizeList() {
  const editions = await listPublicEditions()
  return {
    prizes: editions.map((e) => ({
      slug: e.slug,
      title: e.title,
      year: e.year,
      organisation: { slug: e.organisation.slug, name: e.organisation.name },
      submissionsOpenAt: iso(e.submissionsOpenAt),
      submissionsCloseAt: iso(e.submissionsCloseAt),
      announcementAt: iso(e.announcementAt),
      url: absoluteUrl(`/prix/${e.slug}`),
    })),
  }
}

/** GET /api/v1/prizes/{slug}: a published edition's categories, calendar and eligibility rules. */
export async function publicPrizeDetail(slug: string) {
  const e = await getPublicEdition(slug)
  if (!e) throw prizeNotFound()
  return {
    slug: e.slug,
    title: e.title,
    year: e.year,
    organisation: { slug: e.organisation.slug, name: e.organisation.name },
    description: e.description,
    url: absoluteUrl(`/prix/${e.slug}`),
    nominationUrl: absoluteUrl(`/prix/${e.slug}/candidater`),
    categories: e.categories.map((c) => ({ id: c.id, name: c.name, description: c.description, awards: c.awards })),
    calendar: {
      submissionsOpenAt: iso(e.submissionsOpenAt),
      submissionsCloseAt: iso(e.submissionsCloseAt),
      juryStartsAt: iso(e.juryStartsAt),
      juryEndsAt: iso(e.juryEndsAt),
      announcementAt: iso(e.announcementAt),
      voteOpensAt: e.publicVoteEnabled ? iso(e.voteOpensAt) : null,
      voteClosesAt: e.publicVoteEnabled ? iso(e.voteClosesAt) : null,
    },
    eligibility: { legalForms: e.eligibleLegalForms, minAgeYears: e.minAgeYears, departements: e.eligibleDepartements },
    publicVote: e.publicVoteEnabled,
  }
}

async function organiserEdition(auth: ApiAuth, slug: string) {
  try {
    return await getEditionForOrganiser(auth.organisation.id, slug)
  } catch (error) {
    if (error instanceof AppError && (error.status === 404 || error.status === 403)) throw prizeNotFound()
    throw error
  }
}

function nominationJson(n: ExportNomination, questions: { id: string }[]) {
  const answers = parseAnswers(n.answers)
  return {
    id: n.id,
    status: n.status,
    category: n.category ? { id: n.category.id, name: n.category.name } : null,
    structure: {
      name: n.structureName,
      siret: n.siret,
      legalForm: n.legalForm,
      creationDate: n.creationDate ? n.creationDate.toISOString().slice(0, 10) : null,
      address: n.address,
      postalCode: n.postalCode,
      town: n.town,
      departement: n.departement,
      employees: n.employees,
      volunteers: n.volunteers,
      budgetCents: n.budgetCents,
    },
    contact: { firstName: n.contactFirstName, lastName: n.contactLastName, email: n.contactEmail, phone: n.contactPhone, locale: n.locale },
    project: { title: n.projectTitle, description: n.projectDescription, impact: n.impact },
    answers: Object.fromEntries(questions.filter((q) => q.id in answers).map((q) => [q.id, answers[q.id]])),
    attachmentCount: n.attachmentCount,
    eligibilityReason: n.eligibilityReason,
    submittedAt: iso(n.submittedAt),
    reviewedAt: iso(n.reviewedAt),
    updatedAt: iso(n.updatedAt),
  }
}

/** GET /api/v1/prizes/{slug}/nominations (?status=, ?category=<id>, ?q=, ?limit=, ?cursor=): the organisation's edition only, a page at a time. */
export async function nominationsForApi(auth: ApiAuth, slug: string, params: URLSearchParams, locale: Locale) {
  const status = params.get('status')
  if (status && !isNominationStatus(status)) {
    throw errorOf(locale, 400, 'status', 'api.error.invalidParameter', { name: 'status' }, { code: 'invalid_parameter' })
  }
  const page = pageRequest(params, locale)
  const edition = await organiserEdition(auth, slug)
  const rows = await nominationsForExport(auth.organisation.id, edition.id, filtersFromSearchParams(params), pageQuery(page))
  const { items, page: next } = pageOf(rows, page)
  return {
    prize: { slug: edition.slug, title: edition.title, year: edition.year, status: edition.status },
    questions: edition.questions.map((q) => ({ id: q.id, label: q.label, type: q.type })),
    nominations: items.map((n) => nominationJson(n, edition.questions)),
    page: next,
  }
}

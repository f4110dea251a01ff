// The organisers' review against a real database (SQLite and PostgreSQL): filters and counts,
// declaring ineligible emails the reason to the contact, only eligible nominations are
// shortlisted, and no organisation reaches another's nominations.
import { randomBytes } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { renderStoredEmail } from '#app/modules/email/render.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { makeMember, makeOrganisation } from '#tests/support/factories.ts'
import { exportNominationsCsv, exportNominationsXlsx } from './export.server.ts'
import {
  confirmEligible,
  declareIneligible,
  filtersFromSearchParams,
  getAttachmentForReview,
  getNominationForReview,
  listNominations,
  nominationsForExport,
  shortlist,
  unshortlist,
} from './review.server.ts'

const uid = () => randomBytes(4).toString('hex')

async function makeEdition() {
  const org = await makeOrganisation()
  const user = await makeMember(org.id, 'organiser')
  const edition = await prisma.prizeEdition.create({
    data: {
      organisationId: org.id,
      slug: `prix-${uid()}`,
      title: 'Prix de l’ESS 2026',
      year: 2026,
      status: 'published',
      submissionsOpenAt: new Date('2026-05-10T08:00:00Z'),
      submissionsCloseAt: new Date('2026-06-30T22:00:00Z'),
    },
  })
  const social = await prisma.prizeCategory.create({ data: { editionId: edition.id, name: 'Utilité sociale' } })
  const green = await prisma.prizeCategory.create({ data: { editionId: edition.id, name: 'Transition écologique', position: 1 } })
  return { org, user, edition, social, green }
}

async function makeNomination(
  editionId: string,
  o: { status?: string; categoryId?: string | null; structureName?: string; town?: string; locale?: string; firstName?: string } = {},
) {
  const email = `contact-${uid()}@example.org`
  const structureName = o.structureName ?? `Structure ${uid()}`
  const town = o.town ?? 'Rennes'
  return prisma.nomination.create({
    data: {
      editionId,
      categoryId: o.categoryId ?? null,
      status: o.status ?? 'submitted',
      structureName,
      town,
      contactFirstName: o.firstName ?? 'Nadia',
      contactLastName: 'Benali',
      contactEmail: email,
      projectTitle: 'Réparer plutôt que jeter',
      locale: o.locale ?? 'fr',
      editTokenHash: randomBytes(32).toString('hex'),
      searchText: `${structureName} ${town} ${email}`.toLowerCase(),
      submittedAt: o.status === 'draft' ? null : new Date('2026-06-01T10:00:00Z'),
    },
  })
}

async function expectAppError(promise: Promise<unknown>, status: number, code?: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(AppError)
  expect((error as AppError).status).toBe(status)
  if (code) expect((error as AppError).code).toBe(code)
}

describe('listNominations', () => {
  test('filters by status, category and search text, with counts per status', async () => {
    const { org, edition, social, green } = await makeEdition()
    await makeNomination(edition.id, { status: 'submitted', categoryId: social.id, structureName: 'La Recyclerie', town: 'Rennes' })
    await makeNomination(edition.id, { status: 'eligible', categoryId: social.id, structureName: 'Les Jardins', town: 'Brest' })
    await makeNomination(edition.id, { status: 'draft', categoryId: green.id, structureName: 'Énergies citoyennes', town: 'Vannes' })
    await makeNomination(edition.id, { status: 'withdrawn', categoryId: green.id, structureName: 'Coop Vélo', town: 'Rennes' })

    const all = await listNominations(org.id, edition.id)
    expect(all.nominations).toHaveLength(4)
    expect(all.counts).toEqual({ draft: 1, submitted: 1, eligible: 1, ineligible: 0, withdrawn: 1, shortlisted: 0 })

    const eligible = await listNominations(org.id, edition.id, { status: 'eligible' })
    expect(eligible.nominations.map((n) => n.structureName)).toEqual(['Les Jardins'])

    const green2 = await listNominations(org.id, edition.id, { categoryId: green.id })
    expect(green2.nominations.map((n) => n.structureName).sort()).toEqual(['Coop Vélo', 'Énergies citoyennes'])
    expect(green2.counts).toMatchObject({ draft: 1, withdrawn: 1, submitted: 0 })

    const rennes = await listNominations(org.id, edition.id, { q: 'RENNES' })
    expect(rennes.nominations.map((n) => n.structureName).sort()).toEqual(['Coop Vélo', 'La Recyclerie'])

    const filters = filtersFromSearchParams(new URLSearchParams('status=bogus&category=&q=%20recyc%20'))
    expect(filters).toEqual({ status: null, categoryId: null, q: 'recyc' })
    expect((await listNominations(org.id, edition.id, filters)).nominations.map((n) => n.structureName)).toEqual(['La Recyclerie'])
  })
})

describe('eligibility review', () => {
  test('declaring ineligible stores the reason, emails it to the contact in their language, and is audited', async () => {
    const { org, user, edition } = await makeEdition()
    const n = await makeNomination(edition.id, { locale: 'en', firstName: 'Ann', structureName: 'Green Coop' })

    await expectAppError(declareIneligible(org.id, edition.id, n.id, '   ', { actorUserId: user.id }), 422, 'invalid_input')
    expect(await prisma.emailMessage.count({ where: { toAddress: n.contactEmail } })).toBe(0)

    const result = await declareIneligible(org.id, edition.id, n.id, 'Structure created in 2025: less than two years old.', {
      actorUserId: user.id,
    })
    expect(result.status).toBe('ineligible')
    const row = await prisma.nomination.findUniqueOrThrow({ where: { id: n.id } })
    expect(row).toMatchObject({
      status: 'ineligible',
      eligibilityReason: 'Structure created in 2025: less than two years old.',
      reviewedBy: user.id,
    })
    expect(row.reviewedAt).toBeInstanceOf(Date)

    const email = await prisma.emailMessage.findFirstOrThrow({ where: { template: 'nomination-ineligible', toAddress: n.contactEmail } })
    expect(email.locale).toBe('en')
    const rendered = await renderStoredEmail(email)
    expect(rendered.subject).toContain('Your nomination')
    expect(rendered.text).toContain('less than two years old')
    expect(rendered.text).toContain('Green Coop')

    const entries = await prisma.auditLog.findMany({ where: { entityType: 'nomination', entityId: n.id } })
    expect(entries.map((e) => e.action)).toEqual(['nomination.declareIneligible'])
    expect(entries[0]!.actorUserId).toBe(user.id)

    // Confirming after all clears the reason.
    await confirmEligible(org.id, edition.id, n.id, { actorUserId: user.id })
    expect(await prisma.nomination.findUniqueOrThrow({ where: { id: n.id } })).toMatchObject({
      status: 'eligible',
      eligibilityReason: null,
    })
  })

  test('only eligible nominations are shortlisted; drafts and withdrawn ones are not reviewed', async () => {
    const { org, edition } = await makeEdition()
    const submitted = await makeNomination(edition.id)
    const draft = await makeNomination(edition.id, { status: 'draft' })
    const withdrawn = await makeNomination(edition.id, { status: 'withdrawn' })

    await expectAppError(shortlist(org.id, edition.id, submitted.id), 409, 'invalid_transition')
    await expectAppError(confirmEligible(org.id, edition.id, draft.id), 409)
    await expectAppError(declareIneligible(org.id, edition.id, withdrawn.id, 'Retirée'), 409)
    await expectAppError(unshortlist(org.id, edition.id, submitted.id), 409)

    await confirmEligible(org.id, edition.id, submitted.id)
    await expect(shortlist(org.id, edition.id, submitted.id)).resolves.toMatchObject({ status: 'shortlisted' })
    await expectAppError(shortlist(org.id, edition.id, submitted.id), 409)
    expect((await listNominations(org.id, edition.id, { status: 'shortlisted' })).nominations.map((n) => n.id)).toEqual([submitted.id])
    await expect(unshortlist(org.id, edition.id, submitted.id)).resolves.toMatchObject({ status: 'eligible' })

    const actions = await prisma.auditLog.findMany({ where: { entityId: submitted.id }, orderBy: { createdAt: 'asc' } })
    expect(actions.map((a) => a.action)).toEqual(['nomination.confirmEligible', 'nomination.shortlist', 'nomination.unshortlist'])
    expect(await prisma.nomination.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ status: 'draft', reviewedAt: null })
  })
})

describe('isolation between organisations', () => {
  test('another organisation can neither see nor review the nominations', async () => {
    const mine = await makeEdition()
    const other = await makeEdition()
    const n = await makeNomination(mine.edition.id)
    const attachment = await prisma.nominationAttachment.create({
      data: {
        nominationId: n.id,
        filename: 'statuts.pdf',
        contentType: 'application/pdf',
        size: 4,
        sha256: 'x',
        data: Buffer.from('%PDF'),
      },
    })

    // The other organisation, with its own id, and with the right edition id but its own organisation.
    expect((await listNominations(other.org.id, mine.edition.id)).nominations).toEqual([])
    expect(await nominationsForExport(other.org.id, mine.edition.id)).toEqual([])
    await expectAppError(getNominationForReview(other.org.id, mine.edition.id, n.id), 404)
    await expectAppError(getNominationForReview(other.org.id, other.edition.id, n.id), 404)
    await expectAppError(confirmEligible(other.org.id, mine.edition.id, n.id), 404)
    await expectAppError(declareIneligible(other.org.id, mine.edition.id, n.id, 'Non'), 404)
    expect(await getAttachmentForReview(other.org.id, mine.edition.id, n.id, attachment.id)).toBeNull()
    expect(await prisma.nomination.findUniqueOrThrow({ where: { id: n.id } })).toMatchObject({ status: 'submitted' })
    expect(await prisma.emailMessage.count({ where: { toAddress: n.contactEmail } })).toBe(0)

    const detail = await getNominationForReview(mine.org.id, mine.edition.id, n.id)
    expect(detail.attachments.map((a) => a.filename)).toEqual(['statuts.pdf'])
    expect(detail).not.toHaveProperty('editTokenHash')
    const file = await getAttachmentForReview(mine.org.id, mine.edition.id, n.id, attachment.id)
    expect(new TextDecoder().decode(file!.data)).toBe('%PDF')
  })
})

describe('export', () => {
  test('CSV and XLSX of the filtered nominations: French headers, formula-safe cells, Paris dates', async () => {
    const { org, edition, social } = await makeEdition()
    await makeNomination(edition.id, { status: 'eligible', categoryId: social.id, structureName: '=HYPERLINK("x")' })
    await makeNomination(edition.id, { status: 'draft', structureName: 'Brouillon' })
    const rows = await nominationsForExport(org.id, edition.id, { status: 'eligible' })
    expect(rows).toHaveLength(1)
    const questions = [{ id: 'q1', label: 'Partenaires' }]
    const csv = exportNominationsCsv({ slug: edition.slug, questions }, rows, 'fr')
    expect(csv.filename).toMatch(new RegExp(`^${edition.slug}-candidatures-\\d{4}-\\d{2}-\\d{2}\\.csv$`))
    const [header, line] = csv.body.split('\r\n')
    expect(header!.startsWith('\uFEFFIdentifiant;Structure;SIRET')).toBe(true)
    expect(header).toContain(';Partenaires;Statut;')
    expect(line).toContain(`"'=HYPERLINK(""x"")"`)
    expect(line).toContain(';Utilité sociale;')
    expect(line).toContain(';Éligible;')
    expect(line).toContain('01/06/2026 12:00') // 10:00 UTC, in Paris summer time
    const xlsx = await exportNominationsXlsx({ slug: edition.slug, questions }, rows, 'en')
    expect(xlsx.filename.endsWith('.xlsx')).toBe(true)
    expect(xlsx.body.subarray(0, 2).toString()).toBe('PK')
  })
})

import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { formatLocalDateTime, parseLocalDateTime } from '#app/shared/time.ts'
import { makeMember, makeOrganisation } from '#tests/support/factories.ts'
import {
  archiveEdition,
  copyEdition,
  createCategory,
  createCriterion,
  createEdition,
  createPrizeQuestion,
  deleteCategory,
  deleteCriterion,
  deletePrizeQuestion,
  movePrizeQuestion,
  getEditionForOrganiser,
  getPublicEdition,
  listEditions,
  listOpenEditions,
  listPublicEditions,
  publishEdition,
  updateCategory,
  updateCriterion,
  updateEdition,
  updatePrizeQuestion,
} from './service.server.ts'

const paris = (local: string) => parseLocalDateTime(local, 'Europe/Paris')!

let orgA: { id: string }
let orgB: { id: string }
let organiser: { id: string }

beforeAll(async () => {
  orgA = await makeOrganisation({ slug: 'cress-occitanie', name: 'CRESS Occitanie' })
  orgB = await makeOrganisation({ slug: 'cress-bretagne', name: 'CRESS Bretagne' })
  organiser = await makeMember(orgA.id, 'organiser')
})

function editionInput(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Prix de l’ESS 2025 — Occitanie',
    year: 2025,
    description: 'Le prix **régional**.',
    rules: '# Règlement\n\n<script>alert(1)</script>',
    submissionsOpenAt: paris('2025-05-10T09:00'),
    submissionsCloseAt: paris('2025-06-30T23:59'),
    juryStartsAt: paris('2025-07-01T09:00'),
    juryEndsAt: paris('2025-09-15T18:00'),
    announcementAt: paris('2025-11-04T18:30'),
    eligibleLegalForms: ['association', 'cooperative', 'esus'],
    minAgeYears: 2,
    eligibleDepartements: ['31', '34', '9'],
    ...overrides,
  }
}

async function expectAppError(promise: Promise<unknown>, status: number, code?: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(AppError)
  expect((error as AppError).status).toBe(status)
  if (code) expect((error as AppError).code).toBe(code)
  return error as AppError
}

describe('editions', () => {
  test('create stores a draft with a slug from the title, the eligibility rules and an audit entry', async () => {
    const edition = await createEdition(orgA.id, editionInput(), { actorUserId: organiser.id })
    expect(edition.status).toBe('draft')
    expect(edition.slug).toBe('prix-de-l-ess-2025-occitanie')
    expect(JSON.parse(edition.eligibleDepartements)).toEqual(['31', '34', '09'])
    expect(JSON.parse(edition.eligibleLegalForms)).toEqual(['association', 'cooperative', 'esus'])
    const log = await prisma.auditLog.findMany({ where: { entityId: edition.id } })
    expect(log.map((l) => l.action)).toEqual(['prizeEdition.create'])
    expect(log[0]!.actorUserId).toBe(organiser.id)

    const again = await createEdition(orgA.id, editionInput())
    expect(again.slug).toMatch(/^prix-de-l-ess-2025-occitanie-[0-9a-f]{6}$/)
  })

  test('invalid input and a calendar out of order are refused with per-field errors', async () => {
    const error = await expectAppError(
      createEdition(
        orgA.id,
        editionInput({
          title: '',
          submissionsCloseAt: paris('2025-05-01T09:00'),
          eligibleLegalForms: ['sarl'],
          eligibleDepartements: ['99'],
        }),
      ),
      422,
    )
    expect(error.fields).toMatchObject({
      title: ['prizes.error.titleRequired'],
      eligibleLegalForms: ['prizes.error.legalFormInvalid'],
      eligibleDepartements: ['prizes.error.departementInvalid'],
    })
    const order = await expectAppError(createEdition(orgA.id, editionInput({ juryStartsAt: paris('2025-06-15T09:00') })), 422)
    expect(order.fields).toEqual({ juryStartsAt: ['prizes.error.juryBeforeClose'] })
  })

  test('update changes the fields, audits them, and is refused for another organisation', async () => {
    const edition = await createEdition(orgA.id, editionInput({ title: 'Prix update 2025' }))
    const updated = await updateEdition(
      orgA.id,
      edition.id,
      editionInput({ title: 'Prix update 2025', minAgeYears: 3, eligibleDepartements: [] }),
      { actorUserId: organiser.id },
    )
    expect(updated.minAgeYears).toBe(3)
    expect(updated.eligibleDepartements).toBe('[]')
    expect(updated.slug).toBe(edition.slug)
    const entry = await prisma.auditLog.findFirst({ where: { entityId: edition.id, action: 'prizeEdition.update' } })
    expect(JSON.parse(entry!.details!).fields.minAgeYears).toEqual({ from: 2, to: 3 })

    await expectAppError(updateEdition(orgB.id, edition.id, editionInput({ title: 'Volé' })), 404)
    expect((await prisma.prizeEdition.findUniqueOrThrow({ where: { id: edition.id } })).title).toBe('Prix update 2025')
  })

  test('organisation isolation: another organisation sees nothing, by id or slug', async () => {
    const edition = await createEdition(orgA.id, editionInput({ title: 'Prix isolé 2025' }))
    await expectAppError(getEditionForOrganiser(orgB.id, edition.id), 404)
    await expectAppError(getEditionForOrganiser(orgB.id, edition.slug), 404)
    await expectAppError(publishEdition(orgB.id, edition.id), 404)
    await expectAppError(archiveEdition(orgB.id, edition.id), 404)
    await expectAppError(copyEdition(orgB.id, edition.id, { year: 2026 }), 404)
    await expectAppError(createCategory(orgB.id, edition.id, { name: 'Intrus', awards: 1 }), 404)
    const category = await createCategory(orgA.id, edition.id, { name: 'Utilité sociale', awards: 1 })
    // The category id under another organisation's edition is not found either.
    const other = await createEdition(orgB.id, editionInput({ title: 'Prix Bretagne 2025', eligibleDepartements: ['29'] }))
    await expectAppError(updateCategory(orgB.id, other.id, category.id, { name: 'Pris', awards: 2 }), 404)
    await expectAppError(createCriterion(orgB.id, other.id, category.id, { name: 'Intrus', weight: 1 }), 404)
    expect((await listEditions(orgB.id)).map((e) => e.id)).not.toContain(edition.id)
    expect((await listEditions(orgA.id)).map((e) => e.id)).toContain(edition.id)
  })

  test('publish needs a draft with a category; the public page shows published editions only, with safe HTML', async () => {
    const edition = await createEdition(orgA.id, editionInput({ title: 'Prix publié 2025' }))
    await expectAppError(publishEdition(orgA.id, edition.id), 409, 'edition_without_category')
    expect(await getPublicEdition(edition.slug)).toBeNull()

    await createCategory(orgA.id, edition.id, { name: 'Transition écologique', description: 'Projets verts', awards: 2 })
    const published = await publishEdition(orgA.id, edition.id, { actorUserId: organiser.id })
    expect(published.status).toBe('published')
    await expectAppError(publishEdition(orgA.id, edition.id), 409, 'edition_not_draft')

    const page = await getPublicEdition(edition.slug)
    expect(page?.title).toBe('Prix publié 2025')
    expect(page?.categories).toEqual([expect.objectContaining({ name: 'Transition écologique', awards: 2 })])
    expect(page?.rulesHtml).not.toContain('<script>')
    expect(page?.rulesHtml).toContain('&lt;script&gt;')
    expect(page?.eligibleDepartements).toEqual(['31', '34', '09'])
    expect((await listPublicEditions()).map((e) => e.slug)).toContain(edition.slug)

    await archiveEdition(orgA.id, edition.id)
    expect(await getPublicEdition(edition.slug)).toBeNull()
    await expectAppError(updateEdition(orgA.id, edition.id, editionInput({ title: 'Prix publié 2025' })), 409, 'edition_read_only')
    await expectAppError(archiveEdition(orgA.id, edition.id), 409, 'edition_archived')
    const actions = (await prisma.auditLog.findMany({ where: { entityId: edition.id }, orderBy: { createdAt: 'asc' } })).map(
      (l) => l.action,
    )
    expect(actions).toEqual(['prizeEdition.create', 'prizeEdition.publish', 'prizeEdition.archive'])
  })
})

describe('categories and scoring grid', () => {
  test('awards ≥ 1, a scale with max above min, weights ≥ 1; changes are audited', async () => {
    const edition = await createEdition(orgA.id, editionInput({ title: 'Prix grille 2025' }))
    const bad = await expectAppError(
      createCategory(orgA.id, edition.id, { name: 'Impact local', awards: 0, scaleMin: 5, scaleMax: 5 }),
      422,
    )
    expect(bad.fields).toMatchObject({ awards: ['prizes.error.awardsInvalid'], scaleMax: ['prizes.error.scaleOrder'] })

    const category = await createCategory(orgA.id, edition.id, { name: 'Impact local', awards: 1, scaleMin: 0, scaleMax: 10 })
    await expectAppError(createCriterion(orgA.id, edition.id, category.id, { name: 'Utilité', weight: 0 }), 422)
    const criterion = await createCriterion(orgA.id, edition.id, category.id, {
      name: 'Utilité sociale',
      rubric: '0 : aucune ; 10 : forte',
      weight: 2,
    })
    expect(criterion).toMatchObject({ weight: 2, position: 0 })
    const second = await createCriterion(orgA.id, edition.id, category.id, { name: 'Ancrage territorial', weight: 1 })
    expect(second.position).toBe(1)

    const updated = await updateCriterion(orgA.id, edition.id, criterion.id, {
      name: 'Utilité sociale',
      rubric: 'Nouvelle grille',
      weight: 3,
    })
    expect(updated.weight).toBe(3)
    await updateCategory(orgA.id, edition.id, category.id, { name: 'Impact local', awards: 3, scaleMin: 0, scaleMax: 5 })
    await deleteCriterion(orgA.id, edition.id, second.id)

    const full = await getEditionForOrganiser(orgA.id, edition.id)
    expect(full.categories).toHaveLength(1)
    expect(full.categories[0]).toMatchObject({ awards: 3, scaleMax: 5 })
    expect(full.categories[0]!.criteria.map((c) => [c.name, c.weight])).toEqual([['Utilité sociale', 3]])
    const actions = await prisma.auditLog.findMany({
      where: { action: { startsWith: 'scoringCriterion.' }, details: { contains: category.id } },
    })
    expect(actions.map((a) => a.action).sort()).toEqual([
      'scoringCriterion.create',
      'scoringCriterion.create',
      'scoringCriterion.delete',
      'scoringCriterion.update',
    ])
  })

  test('a category with nominations cannot be deleted', async () => {
    const edition = await createEdition(orgA.id, editionInput({ title: 'Prix suppression 2025' }))
    const empty = await createCategory(orgA.id, edition.id, { name: 'Vide', awards: 1 })
    const used = await createCategory(orgA.id, edition.id, { name: 'Utilisée', awards: 1 })
    await prisma.nomination.create({
      data: { editionId: edition.id, categoryId: used.id, contactEmail: 'a@example.org', editTokenHash: `hash-${used.id}` },
    })
    await expectAppError(deleteCategory(orgA.id, edition.id, used.id), 409, 'category_has_nominations')
    await deleteCategory(orgA.id, edition.id, empty.id)
    expect((await getEditionForOrganiser(orgA.id, edition.id)).categories.map((c) => c.name)).toEqual(['Utilisée'])
  })
})

describe('nomination form questions', () => {
  test('create, update, delete within the organisation; the public edition lists them', async () => {
    const edition = await createEdition(orgA.id, editionInput({ title: 'Prix questions 2025' }))
    await createCategory(orgA.id, edition.id, { name: 'Utilité sociale', awards: 1 })
    const bad = await expectAppError(
      createPrizeQuestion(orgA.id, edition.id, { label: 'Canal', type: 'multiple_choice', options: ['Presse'] }),
      422,
    )
    expect(bad.fields).toEqual({ options: ['prizes.error.optionsRequired'] })
    const q1 = await createPrizeQuestion(orgA.id, edition.id, {
      label: 'Canal',
      type: 'multiple_choice',
      options: ['Presse', 'CRESS', 'Presse'],
    })
    const q2 = await createPrizeQuestion(orgA.id, edition.id, { label: 'Un mot de plus ?', type: 'long_text', help: 'Facultatif' })
    expect([q1.position, q2.position]).toEqual([0, 1])
    expect(JSON.parse(q1.options)).toEqual(['Presse', 'CRESS'])

    await expectAppError(updatePrizeQuestion(orgB.id, edition.id, q1.id, { label: 'Volée', type: 'short_text' }), 404)
    await expectAppError(deletePrizeQuestion(orgB.id, edition.id, q2.id), 404)
    await updatePrizeQuestion(orgA.id, edition.id, q1.id, {
      label: 'Comment nous avez-vous connus ?',
      type: 'single_choice',
      options: ['Presse', 'CRESS'],
      required: true,
    })
    await deletePrizeQuestion(orgA.id, edition.id, q2.id)

    await publishEdition(orgA.id, edition.id)
    const page = await getPublicEdition(edition.slug)
    expect(page?.questions).toEqual([
      {
        id: q1.id,
        label: 'Comment nous avez-vous connus ?',
        help: null,
        type: 'single_choice',
        required: true,
        options: ['Presse', 'CRESS'],
      },
    ])
    const actions = (await prisma.auditLog.findMany({ where: { entityType: 'PrizeQuestion', entityId: { in: [q1.id, q2.id] } } }))
      .map((a) => a.action)
      .sort()
    expect(actions).toEqual(['prizeQuestion.create', 'prizeQuestion.create', 'prizeQuestion.delete', 'prizeQuestion.update'])
  })

  test('reorder: a question moves up or down, not past either end, and the form asks them in that order', async () => {
    const edition = await createEdition(orgA.id, editionInput({ title: 'Prix ordre 2025' }))
    await createCategory(orgA.id, edition.id, { name: 'Utilité sociale', awards: 1 })
    const [a, b, c] = [
      await createPrizeQuestion(orgA.id, edition.id, { label: 'A', type: 'short_text' }),
      await createPrizeQuestion(orgA.id, edition.id, { label: 'B', type: 'short_text' }),
      await createPrizeQuestion(orgA.id, edition.id, { label: 'C', type: 'short_text' }),
    ]
    expect(await movePrizeQuestion(orgA.id, edition.id, c.id, 'up')).toBe(true)
    expect(await movePrizeQuestion(orgA.id, edition.id, a.id, 'up')).toBe(false)
    await expectAppError(movePrizeQuestion(orgB.id, edition.id, b.id, 'down'), 404)
    await publishEdition(orgA.id, edition.id)
    expect((await getPublicEdition(edition.slug))?.questions.map((q) => q.label)).toEqual(['A', 'C', 'B'])
  })
})

describe('copyEdition', () => {
  test('copies eligibility, categories with their grid and questions; dates move by the years; new draft and slug', async () => {
    const source = await createEdition(
      orgA.id,
      editionInput({
        title: 'Prix de l’ESS 2025 — Occitanie copie',
        publicVoteEnabled: true,
        voteOpensAt: paris('2025-09-20T09:00'),
        voteClosesAt: paris('2025-10-10T18:00'),
      }),
    )
    const social = await createCategory(orgA.id, source.id, {
      name: 'Utilité sociale',
      description: 'Répondre à un besoin',
      awards: 2,
      scaleMin: 0,
      scaleMax: 5,
    })
    await createCriterion(orgA.id, source.id, social.id, { name: 'Besoin social', rubric: '0–5', weight: 3 })
    await createCriterion(orgA.id, source.id, social.id, { name: 'Gouvernance', weight: 1 })
    await createCategory(orgA.id, source.id, { name: 'Transition écologique', awards: 1, scaleMin: 1, scaleMax: 10 })
    await createPrizeQuestion(orgA.id, source.id, {
      label: 'Comment avez-vous connu le prix ?',
      type: 'single_choice',
      options: ['Presse', 'CRESS'],
      required: true,
    })
    await publishEdition(orgA.id, source.id)

    const copy = await copyEdition(orgA.id, source.id, { year: 2026 }, { actorUserId: organiser.id })
    expect(copy.status).toBe('draft')
    expect(copy.year).toBe(2026)
    expect(copy.title).toBe('Prix de l’ESS 2026 — Occitanie copie')
    expect(copy.slug).toBe('prix-de-l-ess-2026-occitanie-copie')
    expect(copy.copiedFromId).toBe(source.id)
    expect(copy.organisationId).toBe(orgA.id)

    // Same Paris wall-clock time one year later.
    expect(formatLocalDateTime(copy.submissionsOpenAt)).toBe('2026-05-10T09:00')
    expect(formatLocalDateTime(copy.submissionsCloseAt)).toBe('2026-06-30T23:59')
    expect(formatLocalDateTime(copy.juryStartsAt!)).toBe('2026-07-01T09:00')
    expect(formatLocalDateTime(copy.juryEndsAt!)).toBe('2026-09-15T18:00')
    expect(formatLocalDateTime(copy.announcementAt!)).toBe('2026-11-04T18:30')
    expect(formatLocalDateTime(copy.voteOpensAt!)).toBe('2026-09-20T09:00')
    expect(copy.publicVoteEnabled).toBe(true)

    const full = await getEditionForOrganiser(orgA.id, copy.id)
    expect(full.eligibleLegalForms).toEqual(['association', 'cooperative', 'esus'])
    expect(full.eligibleDepartements).toEqual(['31', '34', '09'])
    expect(full.minAgeYears).toBe(2)
    expect(full.rules).toBe(source.rules)
    expect(
      full.categories.map((c) => ({
        name: c.name,
        description: c.description,
        awards: c.awards,
        scale: [c.scaleMin, c.scaleMax],
        criteria: c.criteria.map((k) => [k.name, k.rubric, k.weight]),
      })),
    ).toEqual([
      {
        name: 'Utilité sociale',
        description: 'Répondre à un besoin',
        awards: 2,
        scale: [0, 5],
        criteria: [
          ['Besoin social', '0–5', 3],
          ['Gouvernance', '', 1],
        ],
      },
      { name: 'Transition écologique', description: '', awards: 1, scale: [1, 10], criteria: [] },
    ])
    expect(full.questions.map((q) => [q.label, q.type, q.required, q.options])).toEqual([
      ['Comment avez-vous connu le prix ?', 'single_choice', true, ['Presse', 'CRESS']],
    ])

    // The copy's grid is its own: changing it leaves the source untouched.
    await updateCriterion(orgA.id, copy.id, full.categories[0]!.criteria[0]!.id, { name: 'Besoin social', weight: 5 })
    const original = await getEditionForOrganiser(orgA.id, source.id)
    expect(original.categories[0]!.criteria[0]!.weight).toBe(3)
    expect(original.status).toBe('published')

    const entry = await prisma.auditLog.findFirst({ where: { entityId: copy.id, action: 'prizeEdition.copy' } })
    expect(JSON.parse(entry!.details!)).toMatchObject({ from: source.id, year: 2026, categories: 2, questions: 1 })
  })

  test('a title without its year gets the new one appended; an invalid year is refused', async () => {
    const source = await createEdition(orgA.id, editionInput({ title: 'Trophées de l’ESS' }))
    const copy = await copyEdition(orgA.id, source.id, { year: 2027 })
    expect(copy.title).toBe('Trophées de l’ESS 2027')
    expect(formatLocalDateTime(copy.submissionsCloseAt)).toBe('2027-06-30T23:59')
    await expectAppError(copyEdition(orgA.id, source.id, { year: 1900 }), 422)
  })
})

describe('the new edition page', () => {
  test('refuses a closing date before the opening with a field error, reads a region as its départements', async () => {
    const { createSession } = await import('#app/modules/auth/session.server.ts')
    const route = await import('#app/routes/organisers/o.$org.prizes.new.tsx')
    const org = await makeOrganisation()
    const organiser = await makeMember(org.id, 'organiser')
    const { token } = await createSession(organiser.id)
    const post = (fields: Record<string, string>) =>
      route.action({
        request: new Request(`http://localhost/o/${org.slug}/prizes/new`, {
          method: 'POST',
          headers: { cookie: `essor_session=${token}` },
          body: new URLSearchParams(fields),
        }),
        params: { org: org.slug },
        context: {},
      })
    const fields = {
      title: 'Prix de l’innovation sociale',
      year: '2027',
      submissionsOpenAt: '2027-03-10T09:00',
      submissionsCloseAt: '2027-02-10T09:00',
      eligibleDepartements: 'Bretagne',
    }
    const bad = (await post(fields)) as unknown as { data: { result: { error: Record<string, string[]> } }; init: ResponseInit }
    expect(bad.init.status).toBe(400)
    expect(bad.data.result.error.submissionsCloseAt).toEqual(['prizes.error.closeBeforeOpen'])
    expect(await prisma.prizeEdition.count({ where: { organisationId: org.id } })).toBe(0)

    const res = (await post({ ...fields, submissionsCloseAt: '2027-04-10T09:00' })) as Response
    expect(res.status).toBe(302)
    const edition = await prisma.prizeEdition.findFirstOrThrow({ where: { organisationId: org.id } })
    expect(JSON.stringify(edition.eligibleDepartements)).toContain('29')
  })
})

describe('listOpenEditions', () => {
  test('lists the published editions whose call has not closed, the soonest to close first', async () => {
    const later2031 = {
      year: 2031,
      juryStartsAt: paris('2031-06-01T09:00'),
      juryEndsAt: paris('2031-07-01T18:00'),
      announcementAt: paris('2031-09-01T18:00'),
    }
    const publish = async (title: string, opens: string, closes: string) => {
      const e = await createEdition(
        orgB.id,
        editionInput({ title, ...later2031, submissionsOpenAt: paris(opens), submissionsCloseAt: paris(closes) }),
      )
      await createCategory(orgB.id, e.id, { name: 'Catégorie', description: '', awards: 1 })
      await publishEdition(orgB.id, e.id)
      return e.slug
    }
    const later = await publish('Prix à venir 2031', '2031-04-01T09:00', '2031-05-01T18:00')
    const open = await publish('Prix ouvert 2031', '2031-01-01T09:00', '2031-03-01T18:00')
    const closed = await publish('Prix clos 2031', '2030-10-01T09:00', '2030-12-01T18:00')
    const draft = (
      await createEdition(
        orgB.id,
        editionInput({ title: 'Prix brouillon 2031', ...later2031, submissionsCloseAt: paris('2031-02-15T18:00') }),
      )
    ).slug
    const mine = new Set([later, open, closed, draft])

    const listed = await listOpenEditions({ limit: 50, now: paris('2031-02-01T12:00') })
    expect(listed.map((e) => e.slug).filter((slug) => mine.has(slug))).toEqual([open, later])
    expect(listed.find((e) => e.slug === open)?.organisation.name).toBe('CRESS Bretagne')
    expect(await listOpenEditions({ limit: 1, now: paris('2031-03-15T12:00') })).toHaveLength(1)
  })
})

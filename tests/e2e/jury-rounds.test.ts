// The organiser runs a two-round jury: on the rounds page of their own scored edition (five
// nominations, one juror) they add the « Jury final », preview the top 3 of the pré-sélection,
// confirm, and the final round lists exactly those three; the promotion is recorded. Axe finds no
// WCAG 2.1 A/AA violation on the page. The test builds its own edition so it depends on no other test.
import AxeBuilder from '@axe-core/playwright'
import { randomBytes } from 'node:crypto'
import { e2eDb, expect, test } from './fixtures.ts'

const DAY = 24 * 3600_000
const ORG = 'cress-occitanie'

async function scoredEdition() {
  const prisma = await e2eDb()
  const org = await prisma.organisation.findUniqueOrThrow({ where: { slug: ORG } })
  const id = randomBytes(4).toString('hex')
  const edition = await prisma.prizeEdition.create({
    data: {
      organisationId: org.id,
      slug: `e2e-rounds-${id}`,
      title: `Prix de l’ESS (tours) ${id}`,
      year: 2026,
      status: 'published',
      submissionsOpenAt: new Date(Date.now() - 90 * DAY),
      submissionsCloseAt: new Date(Date.now() - 60 * DAY),
      juryStartsAt: new Date(Date.now() - 20 * DAY),
      juryEndsAt: new Date(Date.now() + 2 * DAY),
    },
  })
  const category = await prisma.prizeCategory.create({ data: { editionId: edition.id, name: 'Utilité sociale', scaleMin: 0, scaleMax: 5 } })
  const criterion = await prisma.scoringCriterion.create({
    data: { categoryId: category.id, name: 'Impact', rubric: 'Résultats.', weight: 1 },
  })
  const email = `juror-${id}@jury.example.org`
  const juror = await prisma.juror.create({ data: { editionId: edition.id, email, name: `Juré ${id}`, joinedAt: new Date() } })
  await prisma.juryMember.create({ data: { jurorId: juror.id, categoryId: category.id, isChair: true } })
  const names: string[] = []
  for (const [i, mark] of [5, 4, 3, 2, 1].entries()) {
    const structureName = `Structure ${i + 1} ${id}`
    names.push(structureName)
    const n = await prisma.nomination.create({
      data: {
        editionId: edition.id,
        categoryId: category.id,
        status: 'shortlisted',
        structureName,
        projectTitle: `Projet ${i + 1}`,
        contactEmail: `nominee-${id}-${i}@structure.example.org`,
        editTokenHash: `e2e-rounds-${id}-${i}`,
        submittedAt: new Date(Date.now() - 70 * DAY),
      },
    })
    await prisma.juryScore.create({
      data: { jurorId: juror.id, nominationId: n.id, complete: true, values: JSON.stringify({ [criterion.id]: mark }) },
    })
  }
  return { prisma, edition, names }
}

test('the organiser promotes the top 3 of the pré-sélection to the final', async ({ page, login }) => {
  test.slow()
  const { prisma, edition, names } = await scoredEdition()
  await login(`organiser@${ORG}.example`)
  await page.goto(`/o/${ORG}/prizes/${edition.id}/rounds`)
  await expect(page.getByRole('heading', { level: 1, name: /Tours du jury/ })).toBeVisible()

  await page.getByLabel('Nom du tour').fill('Jury final')
  await page.getByRole('button', { name: 'Ajouter le tour' }).click()
  const final = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Tour 2 — Jury final' }) })
  await expect(final).toBeVisible()
  await expect(final.getByText('Aucune candidature dans ce tour.')).toBeVisible()

  await final.getByLabel('Les premières de chaque catégorie').check()
  await final.getByLabel('Nombre par catégorie').fill('3')
  await final.getByRole('button', { name: 'Voir l’aperçu' }).click()
  const preview = page.getByRole('form', { name: /3 candidatures passeront au tour/ })
  await expect(preview.getByRole('listitem')).toHaveText(names.slice(0, 3).map((n) => new RegExp(n)))
  await expect(await prisma.juryRoundEntry.count({ where: { round: { editionId: edition.id } } })).toBe(0)
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])

  await preview.getByRole('button', { name: 'Confirmer le passage' }).click()
  await expect(page.getByText('3 candidatures passées au tour suivant.')).toBeVisible()
  const table = page.getByRole('table', { name: /Résultats du tour Jury final/ })
  await expect(table.getByRole('rowheader')).toHaveText(names.slice(0, 3))
  const entries = await prisma.juryRoundEntry.findMany({ where: { round: { editionId: edition.id } }, select: { reason: true } })
  expect(entries.map((e) => e.reason)).toEqual(['top', 'top', 'top'])
})

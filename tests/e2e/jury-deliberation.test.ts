// The organisers' side of the jury, as people do it: the organiser of CRESS Occitanie sees a late
// juror on the jury dashboard and reminds them (the email arrives), records the decisions on the
// results page, the jury chair validates them on their deliberation page, the organiser publishes
// and every nominee gets the decision by email; the public results page shows the laureate.
// The test builds its own edition (jury period ending in two days) so it depends on no other test.
import AxeBuilder from '@axe-core/playwright'
import { randomBytes } from 'node:crypto'
import { e2eDb, expect, readMailbox, test } from './fixtures.ts'

const DAY = 24 * 3600_000
const ORG = 'cress-occitanie'

async function createScoredEdition() {
  const prisma = await e2eDb()
  const org = await prisma.organisation.findUniqueOrThrow({ where: { slug: ORG } })
  const id = randomBytes(4).toString('hex')
  const edition = await prisma.prizeEdition.create({
    data: {
      organisationId: org.id,
      slug: `e2e-delib-${id}`,
      title: `Prix de l’ESS (délibération) ${id}`,
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
    data: { categoryId: category.id, name: 'Impact', rubric: 'Résultats chiffrés.', weight: 1 },
  })
  const nominations = []
  for (const [i, structureName] of ['Atelier Lauréat', 'Boutique Mention', 'Coopérative Suivante'].entries()) {
    nominations.push(
      await prisma.nomination.create({
        data: {
          editionId: edition.id,
          categoryId: category.id,
          status: 'shortlisted',
          structureName: `${structureName} ${id}`,
          projectTitle: `Projet ${i + 1}`,
          contactFirstName: 'Camille',
          contactLastName: `Nominee${i + 1}`,
          contactEmail: `nominee-${id}-${i}@structure.example.org`,
          locale: i === 1 ? 'en' : 'fr',
          editTokenHash: `e2e-delib-${id}-${i}`,
          submittedAt: new Date(Date.now() - 70 * DAY),
        },
      }),
    )
  }
  const jurors = []
  for (const [j, name] of [`Présidente ${id}`, `Juré lent ${id}`].entries()) {
    const email = `juror-${j}-${id}@jury.example.org`
    const user = await prisma.user.create({ data: { email, name } })
    const juror = await prisma.juror.create({ data: { editionId: edition.id, email, name, userId: user.id, joinedAt: new Date() } })
    await prisma.juryMember.create({ data: { jurorId: juror.id, categoryId: category.id, isChair: j === 0 } })
    for (const n of nominations)
      await prisma.juryAssignment.create({ data: { jurorId: juror.id, nominationId: n.id, categoryId: category.id } })
    jurors.push({ juror, email, name })
  }
  // The chair has scored everything (5, 4, 2); the other juror nothing: late.
  for (const [i, n] of nominations.entries()) {
    await prisma.juryScore.create({
      data: {
        jurorId: jurors[0]!.juror.id,
        nominationId: n.id,
        values: JSON.stringify({ [criterion.id]: [5, 4, 2][i] }),
        comment: `Avis ${i + 1}`,
        complete: true,
      },
    })
  }
  await prisma.juryMember.updateMany({ where: { jurorId: jurors[0]!.juror.id }, data: { submittedAt: new Date() } })
  return { edition, category, nominations, chair: jurors[0]!, late: jurors[1]! }
}

test('remind a late juror, decide, validate, publish, nominees told, public results', async ({ page, login }) => {
  // A long story (three sign-ins, nine page loads, four emails) on a shared machine.
  test.setTimeout(180_000)
  const { edition, category, nominations, chair, late } = await createScoredEdition()
  const base = `/o/${ORG}/prizes/${edition.id}`

  // Not published yet: the public results page does not exist.
  const before = await page.goto(`/prix/${edition.slug}/resultats`)
  expect(before?.status()).toBe(404)

  await login(`organiser@${ORG}.example`)
  await page.goto(`${base}/scoring`)
  const lateRow = page.getByTestId(`juror-${late.juror.id}`)
  await expect(lateRow.getByText('En retard', { exact: true })).toBeVisible()
  await expect(page.getByTestId(`juror-${chair.juror.id}`).getByText('En retard', { exact: true })).toHaveCount(0)
  await lateRow.getByRole('button', { name: `Relancer ${late.name} par e-mail` }).click()
  await expect(page.getByText(`Relance envoyée à ${late.name}.`)).toBeVisible()
  const reminderLink = await readMailbox(page, late.email, { subject: /Rappel/ })
  expect(new URL(reminderLink).pathname).toBe('/jury')

  // Results: ranked by the mean; the organiser records the three decisions.
  await page.goto(`${base}/results`)
  const rows = page.locator('tbody tr[data-testid^="result-"]')
  await expect(rows.first()).toContainText(nominations[0]!.structureName)
  const axe = await new AxeBuilder({ page }).analyze()
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([])
  for (const [i, decision] of ['laureate', 'mention', 'not_selected'].entries()) {
    const row = page.getByTestId(`result-${nominations[i]!.id}`)
    await row.getByLabel('Décision', { exact: true }).selectOption(decision)
    await row.getByLabel('Motivation').fill(`Motivation ${i + 1}`)
    await row.getByRole('button', { name: 'Enregistrer la décision' }).click()
    await expect(page.getByText('Décision enregistrée.')).toBeVisible()
  }
  await expect(page.getByRole('button', { name: 'Publier les résultats' })).toBeDisabled()

  // The chair validates on their deliberation page.
  await login(chair.email)
  await page.goto(`/jury/${edition.id}/deliberation/${category.id}`)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Utilité sociale')
  await page.getByRole('button', { name: 'Valider les décisions de la catégorie' }).click()
  await expect(page.getByText('Décisions validées.')).toBeVisible()
  await expect(page.getByText(/Décisions validées par la présidence le/)).toBeVisible()

  // The organiser publishes: decisions are locked and the nominees are told.
  await login(`organiser@${ORG}.example`)
  await page.goto(`${base}/results`)
  await expect(page.getByRole('button', { name: 'Enregistrer la décision' })).toHaveCount(0)
  await page.getByRole('button', { name: 'Publier les résultats' }).click()
  await expect(page.getByText('Résultats publiés : les candidats sont prévenus par e-mail.')).toBeVisible()
  const laureateMail = await readMailbox(page, nominations[0]!.contactEmail, { subject: /Félicitations/ })
  expect(new URL(laureateMail).pathname).toBe(`/prix/${edition.slug}/resultats`)
  await readMailbox(page, nominations[1]!.contactEmail, { subject: /A jury mention/ })
  await readMailbox(page, nominations[2]!.contactEmail, { subject: /Résultats de/ })

  await page.goto(`/prix/${edition.slug}/resultats`)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Palmarès')
  await expect(page.getByText(nominations[0]!.structureName)).toBeVisible()
  await expect(page.getByText(nominations[1]!.structureName)).toBeVisible()
  await expect(page.getByText(nominations[2]!.structureName)).toHaveCount(0)
})

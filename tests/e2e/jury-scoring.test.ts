// A juror's scoring as a person does it: the organiser of CRESS Occitanie invites them from the
// edition's Jury page, the juror opens the emailed link and joins, scores two nominations with
// autosave (kept after a reload) and keyboard navigation, declares a conflict on a third (it leaves
// their list). Axe finds no serious violation on the scoring page. The test creates its own
// edition with the jury period open now.
import AxeBuilder from '@axe-core/playwright'
import { randomBytes } from 'node:crypto'
import { e2eDb, expect, readMailbox, test } from './fixtures.ts'

const DAY = 24 * 3600_000
const ORG = 'cress-occitanie'

async function createJuryEdition() {
  const prisma = await e2eDb()
  const org = await prisma.organisation.findUniqueOrThrow({ where: { slug: ORG } })
  const id = randomBytes(4).toString('hex')
  const edition = await prisma.prizeEdition.create({
    data: {
      organisationId: org.id,
      slug: `e2e-jury-${id}`,
      title: `Prix de l’ESS (jury) ${id}`,
      year: 2026,
      status: 'published',
      submissionsOpenAt: new Date(Date.now() - 90 * DAY),
      submissionsCloseAt: new Date(Date.now() - 60 * DAY),
      juryStartsAt: new Date(Date.now() - DAY),
      juryEndsAt: new Date(Date.now() + 20 * DAY),
    },
  })
  const category = await prisma.prizeCategory.create({ data: { editionId: edition.id, name: 'Utilité sociale', scaleMin: 0, scaleMax: 5 } })
  await prisma.scoringCriterion.create({
    data: { categoryId: category.id, name: 'Réponse à un besoin social', rubric: 'Le besoin est-il documenté ?', weight: 2, position: 0 },
  })
  await prisma.scoringCriterion.create({
    data: { categoryId: category.id, name: 'Impact mesuré', rubric: 'Résultats chiffrés.', weight: 1, position: 1 },
  })
  const names = ['Atelier A', 'Boutique B', 'Coopérative C']
  for (const [i, structureName] of names.entries()) {
    await prisma.nomination.create({
      data: {
        editionId: edition.id,
        categoryId: category.id,
        status: 'shortlisted',
        structureName,
        projectTitle: `Projet ${structureName}`,
        projectDescription: `Le projet de ${structureName}.`,
        contactEmail: `contact-${id}-${i}@structure-${i}.example.org`,
        editTokenHash: `e2e-jury-${id}-${i}`,
        submittedAt: new Date(Date.now() - 70 * DAY),
      },
    })
  }
  return { edition, names }
}

function expectNoSeriousViolations(results: Awaited<ReturnType<AxeBuilder['analyze']>>) {
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([])
}

test('a juror invited by the organiser scores with autosave and the keyboard, and declares a conflict', async ({
  page,
  context,
  login,
}) => {
  // A long journey (two people, mailbox, axe) on a shared machine.
  test.slow()
  const { edition, names } = await createJuryEdition()
  const email = `jure-${randomBytes(4).toString('hex')}@example.org`

  // The organiser invites the juror.
  await login(`organiser@${ORG}.example`)
  await page.goto(`/o/${ORG}/prizes/${edition.id}/jury`)
  await page.locator('#juror-name').fill('Juliette Jurée')
  await page.locator('#juror-email').fill(email)
  await page.getByRole('group', { name: 'Catégories' }).getByLabel('Utilité sociale').check()
  await page.getByRole('button', { name: 'Envoyer l’invitation' }).click()
  await expect(page.getByRole('row', { name: /Juliette Jurée/ })).toContainText('pas encore venu')

  // The juror opens the link from the mailbox and joins (signed out first).
  const joinUrl = await readMailbox(page, email, { subject: 'Invitation au jury' })
  await context.clearCookies()
  await page.goto(joinUrl)
  await page.getByRole('button', { name: 'Rejoindre le jury' }).click()
  await expect(page).toHaveURL(/\/jury$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Mon jury' })).toBeVisible()
  const list = page.getByRole('list', { name: /Candidatures à évaluer/ })
  await expect(list.getByRole('link')).toHaveCount(3)

  // First nomination: score both criteria with autosave.
  await list.getByRole('link', { name: new RegExp(names[0]!) }).click()
  await expect(page.getByRole('heading', { level: 1, name: names[0] })).toBeVisible()
  const firstUrl = page.url()
  expectNoSeriousViolations(await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze())
  await page
    .getByRole('group', { name: /Réponse à un besoin social/ })
    .getByRole('radio', { name: '4' })
    .check()
  await page
    .getByRole('group', { name: /Impact mesuré/ })
    .getByRole('radio', { name: '3' })
    .check()
  await expect(page.getByTestId('autosave-status')).toContainText('Enregistré')
  await expect(page.getByTestId('completeness')).toHaveText('Évaluation complète')

  // The keyboard goes to the next nomination (j, focus on a radio, not in a text field).
  await page.keyboard.press('j')
  await expect(page.getByRole('heading', { level: 1, name: names[1] })).toBeVisible()
  // It starts from its own (empty) evaluation, not the previous one's values.
  await expect(page.getByRole('radio', { checked: true })).toHaveCount(0)
  await page
    .getByRole('group', { name: /Réponse à un besoin social/ })
    .getByRole('radio', { name: '2' })
    .check()
  await page
    .getByRole('group', { name: /Impact mesuré/ })
    .getByRole('radio', { name: '3' })
    .check()
  await page.getByLabel('Commentaire général').fill('Projet solide mais peu documenté.')
  await expect(page.getByTestId('autosave-status')).toContainText('Enregistré')
  // Reloading keeps the values.
  await page.reload()
  await expect(page.getByRole('group', { name: /Réponse à un besoin social/ }).getByRole('radio', { name: '2' })).toBeChecked()
  await expect(page.getByLabel('Commentaire général')).toHaveValue('Projet solide mais peu documenté.')

  // Alt+← back to the first one, whose values were kept too.
  await page.locator('body').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Alt+ArrowLeft')
  await expect(page).toHaveURL(firstUrl)
  await expect(page.getByRole('group', { name: /Réponse à un besoin social/ }).getByRole('radio', { name: '4' })).toBeChecked()
  await expect(page.getByRole('group', { name: /Impact mesuré/ }).getByRole('radio', { name: '3' })).toBeChecked()
  await expect(page.getByTestId('scoring-progress')).toContainText('2 / 3 évaluées')

  // Third nomination: a conflict of interest takes it off the list.
  await page.getByRole('link', { name: 'Mon jury' }).click()
  await page
    .getByRole('list', { name: /Candidatures à évaluer/ })
    .getByRole('link', { name: new RegExp(names[2]!) })
    .click()
  await page.getByText('Déclarer un conflit d’intérêts').click()
  await page.getByLabel('Nature du lien').selectOption('board_member')
  await page.getByRole('button', { name: 'Déclarer le conflit et retirer la candidature' }).click()
  await expect(page).toHaveURL(/\/jury$/)
  const after = page.getByRole('list', { name: /Candidatures à évaluer/ })
  await expect(after.getByRole('link')).toHaveCount(2)
  await expect(after).not.toContainText(names[2]!)
  await expect(page.getByTestId(/^progress-/)).toHaveText('2 / 2 évaluées')
})

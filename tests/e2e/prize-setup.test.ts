// An organiser prepares an edition's forms: extra questions on the nomination form (added,
// reordered, edited, deleted) and a scoring criterion (added, then deleted). Each run builds its
// own organisation and draft edition.
import { expect, organisationWithOrganiser, test } from './fixtures.ts'

const DAY = 24 * 3600_000

async function setUp() {
  const { prisma, id, org, organiser } = await organisationWithOrganiser('e2e-setup')
  const edition = await prisma.prizeEdition.create({
    data: {
      organisationId: org.id,
      slug: `e2e-setup-${id}`,
      title: `Prix de l’ESS en préparation ${id}`,
      year: 2027,
      status: 'draft',
      submissionsOpenAt: new Date(Date.now() + 30 * DAY),
      submissionsCloseAt: new Date(Date.now() + 90 * DAY),
      categories: { create: [{ name: 'Transition écologique', position: 0 }] },
    },
  })
  return { prisma, org, organiser, edition }
}

test('an organiser adds, reorders, edits and deletes nomination questions, and adds then deletes a criterion', async ({ page, login }) => {
  const { prisma, org, organiser, edition } = await setUp()
  await login(organiser.email)

  await page.goto(`/o/${org.slug}/prizes/${edition.id}/questions`)
  await expect(page.getByText('Aucune question complémentaire.')).toBeVisible()
  const newQuestion = page.getByRole('region', { name: 'Ajouter une question' })
  // A choice question with a single choice is refused: the summary links to the choices, which
  // show the same message, and what was typed stays.
  await newQuestion.getByLabel('Intitulé').fill('Votre région')
  await newQuestion.getByLabel('Type de réponse').selectOption({ label: 'Choix unique' })
  await newQuestion.getByLabel('Choix proposés').fill('Bretagne')
  await newQuestion.getByRole('button', { name: 'Ajouter une question' }).click()
  const summary = newQuestion.getByRole('alert')
  await expect(summary.getByRole('link', { name: 'Indiquez au moins deux choix, un par ligne.' })).toHaveAttribute(
    'href',
    '#question-new-options',
  )
  await expect(newQuestion.getByLabel('Choix proposés')).toHaveAccessibleDescription(/Indiquez au moins deux choix, un par ligne\./)
  await expect(newQuestion.getByLabel('Intitulé')).toHaveValue('Votre région')
  await expect(newQuestion.getByLabel('Choix proposés')).toHaveValue('Bretagne')
  await newQuestion.getByLabel('Type de réponse').selectOption({ label: 'Texte court' })
  await newQuestion.getByLabel('Choix proposés').fill('')
  for (const label of ['Combien de bénévoles ?', 'Votre territoire d’action']) {
    await newQuestion.getByLabel('Intitulé').fill(label)
    await newQuestion.getByRole('button', { name: 'Ajouter une question' }).click()
    await expect(page.getByText('Question ajoutée.')).toBeVisible()
    await expect(page.getByRole('heading', { name: label })).toBeVisible()
    // The form comes back empty for the next one.
    await expect(newQuestion.getByLabel('Intitulé')).toHaveValue('')
  }
  const headings = page.getByRole('main').getByRole('heading', { level: 2, name: /^Question \d/ })
  await expect(headings).toHaveText(['Question 1 : Combien de bénévoles ?', 'Question 2 : Votre territoire d’action'])

  // The second moves up.
  await page.getByRole('button', { name: 'Monter « Votre territoire d’action »' }).click()
  await expect(page.getByText('Ordre des questions modifié.')).toBeVisible()
  await expect(headings).toHaveText(['Question 1 : Votre territoire d’action', 'Question 2 : Combien de bénévoles ?'])

  // Edit one in place: a required short text.
  const second = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Combien de bénévoles ?' }) })
  await second.getByText('Modifier la question').click()
  await second.getByLabel('Intitulé').fill('Combien de bénévoles actifs ?')
  await second.getByLabel('Réponse obligatoire').check()
  await second.getByRole('button', { name: 'Enregistrer' }).click()
  await expect(page.getByText('Question enregistrée.')).toBeVisible()
  await expect(
    page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Combien de bénévoles actifs ?' }) }),
  ).toContainText('obligatoire')

  // Delete the first.
  await page.getByRole('button', { name: 'Supprimer la question « Votre territoire d’action »' }).click()
  await expect(page.getByText('Question supprimée.')).toBeVisible()
  await expect(headings).toHaveText(['Question 1 : Combien de bénévoles actifs ?'])
  const stored = await prisma.prizeQuestion.findMany({ where: { editionId: edition.id }, select: { label: true, required: true } })
  expect(stored).toEqual([{ label: 'Combien de bénévoles actifs ?', required: true }])

  // A criterion of the category, then its deletion.
  await page.goto(`/o/${org.slug}/prizes/${edition.id}/categories`)
  const category = page.getByRole('region', { name: 'Transition écologique' })
  await category.locator('summary', { hasText: 'Ajouter un critère' }).click()
  await category.getByLabel('Critère').fill('Ancrage territorial')
  await category.getByLabel('Poids').fill('2')
  await category.getByRole('button', { name: 'Ajouter un critère' }).click()
  await expect(page.getByText('Critère ajouté.')).toBeVisible()
  await page.getByRole('button', { name: 'Supprimer le critère Ancrage territorial' }).click()
  await expect(page.getByText('Critère supprimé.')).toBeVisible()
  expect(await prisma.scoringCriterion.count({ where: { category: { editionId: edition.id } } })).toBe(0)
})

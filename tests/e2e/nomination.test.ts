// What a structure does to apply for a Prix de l'ESS: ask for its private link, fill the five
// steps, attach a PDF, submit, come back to change an answer, withdraw. Each test creates its own
// edition (submissions open now) in the e2e database. Plus the accessibility of the public pages.
import AxeBuilder from '@axe-core/playwright'
import { randomBytes } from 'node:crypto'
import type { Page } from '@playwright/test'
import { e2eDb, expect, readMailbox, test } from './fixtures.ts'

const DAY = 24 * 3600_000
const QUESTION = 'Comment avez-vous connu le prix ?'
/** 732 829 320 00074: the valid SIRET of the form's own example. */
const SIRET = '732 829 320 00074'

type TestEdition = { id: string; slug: string; title: string; category: string }

/** A published edition of a test organisation, submissions open now, with one category and one question. */
async function createEdition(): Promise<TestEdition> {
  const prisma = await e2eDb()
  const upsert = () =>
    prisma.organisation.upsert({
      where: { slug: 'e2e-prix' },
      update: {},
      create: { slug: 'e2e-prix', name: 'CRESS de test (prix)', region: 'Occitanie' },
    })
  const org = await upsert().catch(upsert)
  const id = randomBytes(4).toString('hex')
  const title = `Prix de l’ESS de test ${id}`
  const category = 'Utilité sociale'
  const edition = await prisma.prizeEdition.create({
    data: {
      organisationId: org.id,
      slug: `e2e-prix-${id}`,
      title,
      year: 2026,
      description: 'Le prix met en lumière les structures de l’**économie sociale et solidaire**.',
      rules: '1. Une candidature par structure.\n2. Le jury est souverain.',
      status: 'published',
      submissionsOpenAt: new Date(Date.now() - DAY),
      submissionsCloseAt: new Date(Date.now() + 30 * DAY),
      juryStartsAt: new Date(Date.now() + 31 * DAY),
      juryEndsAt: new Date(Date.now() + 60 * DAY),
      eligibleLegalForms: JSON.stringify(['association', 'cooperative', 'mutuelle', 'fondation', 'societe_ess', 'esus']),
      minAgeYears: 2,
      eligibleDepartements: JSON.stringify(['09', '11', '12', '30', '31', '32', '34', '46', '48', '65', '66', '81', '82']),
      categories: {
        create: [
          { name: category, description: 'Une réponse à un besoin social du territoire.', position: 0 },
          { name: 'Transition écologique', description: 'Économie circulaire, alimentation, énergie.', position: 1 },
        ],
      },
      questions: { create: [{ label: QUESTION, type: 'short_text', required: true, position: 0 }] },
    },
  })
  return { id: edition.id, slug: edition.slug, title, category }
}

const newEmail = () => `candidat-${randomBytes(4).toString('hex')}@example.org`

async function next(page: Page, step: number) {
  await page.getByRole('button', { name: 'Enregistrer et continuer' }).click()
  await expect(page).toHaveURL(new RegExp(`\\?step=${step}$`))
}

/** Asks for the private link and returns it, read from the local mailbox. */
async function startNomination(page: Page, edition: TestEdition, email: string) {
  await page.goto(`/prix/${edition.slug}/candidater`)
  await page.getByRole('textbox', { name: /^Adresse e-mail/ }).fill(email)
  await page.getByRole('button', { name: 'Recevoir mon lien' }).click()
  await expect(page.getByRole('heading', { name: 'Consultez votre messagerie' })).toBeVisible()
  const link = await readMailbox(page, email, { subject: 'Votre dossier de candidature' })
  expect(link).toMatch(/\/n\/[^/?#]+$/)
  return link
}

test('a structure applies, changes its answer after submitting, and withdraws', async ({ page }) => {
  const edition = await createEdition()
  const email = newEmail()
  const link = await startNomination(page, edition, email)

  // Step 1: the structure; the eligibility is shown from the edition's rules.
  await page.goto(link)
  await expect(page.getByTestId('nomination-status')).toHaveText('Brouillon (pas encore envoyé)')
  await page.getByRole('textbox', { name: /^Nom de la structure/ }).fill('Recyclerie du Pays narbonnais')
  await page.getByRole('textbox', { name: /^SIRET/ }).fill(SIRET)
  await page.getByRole('combobox', { name: /^Forme juridique/ }).selectOption('association')
  await page.getByLabel(/^Date de création/).fill('2015-03-12')
  await page.getByRole('textbox', { name: /^Adresse/ }).fill('12 avenue de Bordeaux')
  await page.getByRole('textbox', { name: /^Code postal/ }).fill('11100')
  await page.getByRole('textbox', { name: /^Commune/ }).fill('Narbonne')
  await page.getByRole('textbox', { name: /^Département/ }).fill('11')
  await page.getByRole('textbox', { name: /^Salariés/ }).fill('8')
  await page.getByRole('textbox', { name: /^Bénévoles/ }).fill('25')
  await expect(page.getByTestId('eligibility')).toContainText('remplit les conditions')
  await next(page, 2)

  // Step 2: the contact (the email is the one of the link, read-only).
  await page.getByRole('textbox', { name: /^Prénom/ }).fill('Camille')
  await page.getByRole('textbox', { name: /^Nom\b/ }).fill('Roux')
  await page.getByRole('textbox', { name: /^Téléphone/ }).fill('06 12 34 56 78')
  await next(page, 3)

  // Step 3: the project.
  await page.getByRole('radio', { name: new RegExp(`^${edition.category}`) }).check()
  await page.getByRole('textbox', { name: /^Titre du projet/ }).fill('Zéro déchet en Narbonnais')
  await page.getByRole('textbox', { name: /^Description du projet/ }).fill('Collecte, réemploi et vente d’objets ; ateliers de réparation.')
  await page.getByRole('textbox', { name: /^Impact social/ }).fill('400 tonnes détournées de l’enfouissement, 10 emplois en insertion.')
  await page.getByRole('textbox', { name: /^Budget annuel/ }).fill('450 000')
  await next(page, 4)

  // Step 4: the edition's own question.
  await page.getByRole('textbox', { name: new RegExp(`^${QUESTION.replace('?', '\\?')}`) }).fill('Par le réseau de la CRESS')
  await next(page, 5)

  // Step 5: the summary, an attachment, then submit.
  await expect(page.getByText('Recyclerie du Pays narbonnais')).toBeVisible()
  await page.getByLabel(/^Fichier à ajouter/).setInputFiles({
    name: 'statuts.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'),
  })
  await page.getByRole('button', { name: 'Ajouter le fichier' }).click()
  await expect(page.getByTestId('attachments').getByRole('link', { name: 'statuts.pdf' })).toBeVisible()
  await page.getByRole('button', { name: 'Envoyer ma candidature' }).click()
  await expect(page.getByTestId('nomination-status')).toHaveText('Envoyé')
  await expect(page.getByText('Votre candidature a été envoyée.')).toBeVisible()
  const confirmation = await readMailbox(page, email, { subject: 'Candidature reçue' })
  expect(confirmation).toContain('/n/')

  // Back through the link: change the project's title; the nomination stays submitted.
  await page.goto(`${link}?step=3`)
  await page.getByRole('textbox', { name: /^Titre du projet/ }).fill('Zéro déchet en Narbonnais et Corbières')
  await next(page, 4)
  await page.goto(`${link}?step=5`)
  await expect(page.getByText('Zéro déchet en Narbonnais et Corbières')).toBeVisible()
  await expect(page.getByTestId('nomination-status')).toHaveText('Envoyé')
  const prisma = await e2eDb()
  const saved = await prisma.nomination.findFirstOrThrow({
    where: { editionId: edition.id, contactEmail: email },
    include: { attachments: true },
  })
  expect(saved.status).toBe('submitted')
  expect(saved.projectTitle).toBe('Zéro déchet en Narbonnais et Corbières')
  expect(saved.siret).toBe('73282932000074')
  expect(saved.attachments.map((a) => [a.filename, a.contentType])).toEqual([['statuts.pdf', 'application/pdf']])

  // Withdraw: two deliberate clicks.
  await page.getByRole('link', { name: 'Retirer la candidature…' }).click()
  await page.getByRole('button', { name: 'Oui, retirer la candidature' }).click()
  await expect(page.getByTestId('nomination-status')).toHaveText('Retiré')
  await expect(page.getByText('Vous avez retiré cette candidature.')).toBeVisible()
  expect((await prisma.nomination.findUniqueOrThrow({ where: { id: saved.id } })).status).toBe('withdrawn')
})

test('the edition page and the nomination form have no serious accessibility violation', async ({ page }) => {
  const edition = await createEdition()
  const check = async () => {
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    expect(
      serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      page.url(),
    ).toEqual([])
  }
  await page.goto(`/prix/${edition.slug}`)
  await expect(page.getByRole('heading', { level: 1 })).toContainText(edition.title)
  await check()

  await page.goto(`/prix/${edition.slug}/candidater`)
  await check()

  // The demo edition (prisma/seed/prizes.ts): submissions closed, public vote open.
  await page.goto('/prix/prix-ess-occitanie-2026')
  await expect(page.getByRole('heading', { level: 1 })).toContainText("Prix de l'ESS Occitanie 2026")
  await check()

  const link = await startNomination(page, edition, newEmail())
  await page.goto(link)
  await expect(page.getByRole('textbox', { name: /^Nom de la structure/ })).toBeVisible()
  await check()
})

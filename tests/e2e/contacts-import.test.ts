// An organiser imports a Windows-1252, semicolon-separated CSV (what French Excel saves) with
// bad rows, checks the mapping and the preview, imports, reads every rejected row and its
// reason in the report, and finds the new contacts in the list. Axe on the import pages.
import AxeBuilder from '@axe-core/playwright'
import { randomBytes } from 'node:crypto'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'

const ORG = 'cress-occitanie'

/** Windows-1252 bytes: every character here is below U+0100 and outside 0x80–0x9F, so one byte each. */
function cp1252(text: string): Buffer {
  return Buffer.from(
    [...text].map((c) => {
      const code = c.charCodeAt(0)
      if (code > 0xff || (code >= 0x80 && code <= 0x9f)) throw new Error(`not in this test's Windows-1252 subset: ${c}`)
      return code
    }),
  )
}

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([])
}

test('import a Windows-1252 CSV with bad rows and read the report', async ({ page, login }) => {
  // Three pages and three axe runs on a shared machine.
  test.slow()
  const s = randomBytes(3).toString('hex')
  const csv =
    [
      'Prénom;Nom;Courriel;Structure;Type;Département;Étiquettes',
      `Aurélie;Bénézech-${s};aurelie.${s}@example.org;Société Générale d'Occitanie;Association;31;adhérents`,
      'Guilhem;Estève;pas-une-adresse;SCOP du Test;SCOP;34;',
      `Aurélie;Doublon;AURELIE.${s}@example.org;Autre;Association;31;`,
      `Joan;Pagès-${s};joan.${s}@example.org;"Mairie de Céret; service ESS";Élu·e;66;élus`,
      `Léa;Guerre;lea.${s}@example.org;"Sans fin;Association;31;`,
      `Zoé;Martin-${s};zoe.${s}@example.org;Asso des Causses;Association;12;`,
    ].join('\r\n') + '\r\n'

  await login(`organiser@${ORG}.example`)
  await page.goto(`/o/${ORG}/contacts/import`)
  await expect(page.getByRole('heading', { level: 1, name: 'Importer des contacts' })).toBeVisible()
  await expectNoSeriousViolations(page)

  await page.getByLabel('Fichier CSV').setInputFiles({ name: 'contacts-occitanie.csv', mimeType: 'text/csv', buffer: cp1252(csv) })
  await page.getByRole('button', { name: 'Lire le fichier' }).click()

  // Step 2: the encoding and separator were recognised, the columns guessed, accents intact.
  await expect(page.getByRole('heading', { name: 'Étape 2 sur 3 : vérifier les colonnes' })).toBeVisible()
  await expect(page.getByTestId('import-detected')).toContainText('encodage Windows-1252, séparateur point-virgule, 7 colonnes')
  await expect(page.locator('#map-email')).toHaveValue('2')
  await expect(page.locator('#map-firstName')).toHaveValue('0')
  await expect(page.locator('#map-structure')).toHaveValue('3')
  await expect(page.locator('#map-locale')).toHaveValue('')
  const preview = page.getByTestId('import-preview')
  await expect(preview.getByRole('cell', { name: "Société Générale d'Occitanie" })).toBeVisible()
  await expect(preview.getByRole('cell', { name: 'Mairie de Céret; service ESS' })).toBeVisible()
  await expect(page.getByTestId('import-summary')).toContainText('6 lignes de données : 3 valides')
  await expectNoSeriousViolations(page)

  await page.getByLabel('Étiquettes à ajouter à chaque contact importé').fill(`e2e-${s}`)
  await page.getByRole('button', { name: 'Importer 3 contacts' }).click()

  // Step 3: the report accounts for every line, with each rejected row, its content and reason.
  const report = page.getByTestId('import-report')
  await expect(report.getByRole('heading', { name: 'Étape 3 sur 3 : compte rendu de l’import' })).toBeVisible()
  await expect(page.getByTestId('report-created')).toHaveText('3 créés')
  await expect(page.getByTestId('report-rejected')).toHaveText('3 rejetés')
  const rejected = report.getByTestId('rejected-rows')
  const row = (line: number) => rejected.getByRole('row').filter({ has: page.getByRole('rowheader', { name: String(line), exact: true }) })
  await expect(row(3)).toContainText('Guilhem;Estève;pas-une-adresse')
  await expect(row(3)).toContainText('Adresse e-mail : adresse e-mail invalide « pas-une-adresse »')
  await expect(row(4)).toContainText(`adresse aurelie.${s}@example.org en double\u202f: déjà à la ligne 2`)
  await expect(row(6)).toContainText('guillemet ouvert jamais fermé')
  await expect(rejected.getByRole('row')).toHaveCount(4)
  await expectNoSeriousViolations(page)

  // The list shows the new contacts, with their tags as chips.
  await page.getByRole('link', { name: 'Voir les contacts' }).click()
  await page.getByLabel('Nom, adresse ou structure').fill(s)
  await page.getByRole('button', { name: 'Filtrer' }).click()
  await expect(page.getByRole('heading', { name: /^3 contacts sur \d+$/ })).toBeVisible()
  const joan = page.getByRole('row').filter({ hasText: `joan.${s}@example.org` })
  await expect(joan).toContainText('Mairie de Céret; service ESS')
  await expect(joan).toContainText('Élu·e')
  await expect(joan.getByRole('listitem').filter({ hasText: 'élus' })).toBeVisible()
  await expect(joan.getByRole('listitem').filter({ hasText: `e2e-${s}` })).toBeVisible()
  await expect(page.getByRole('row').filter({ hasText: 'pas-une-adresse' })).toHaveCount(0)
})

test('add a contact by hand, edit it, and keep an address off the campaigns', async ({ page, login }) => {
  test.slow()
  const s = randomBytes(3).toString('hex')
  await login(`organiser@${ORG}.example`)
  await page.goto(`/o/${ORG}`)
  await page.getByRole('link', { name: 'Contacts', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible()
  // The demo contacts are there.
  await expect(page.getByRole('heading', { name: /^\d+ contacts?$/ })).toBeVisible()
  await expectNoSeriousViolations(page)

  const add = page.getByRole('region', { name: 'Ajouter un contact' })
  await add.getByLabel('Adresse e-mail').fill(`pas-valide-${s}`)
  await add.getByRole('button', { name: 'Ajouter le contact' }).click()
  await expect(page.getByRole('region', { name: 'Ajouter un contact' }).getByText('adresse e-mail invalide').first()).toBeVisible()

  await add.getByLabel('Adresse e-mail').fill(`marc.${s}@example.org`)
  await add.getByLabel('Prénom').fill('Marc')
  await add.getByLabel('Nom', { exact: true }).fill(`Fabre-${s}`)
  await add.getByLabel('Département').fill('9')
  await add.getByLabel('Étiquettes').fill('Partenaires, EPCI')
  await add.getByRole('button', { name: 'Ajouter le contact' }).click()
  await expect(page.getByText('Contact ajouté.')).toBeVisible()

  await page.getByLabel('Nom, adresse ou structure').fill(s)
  await page.getByRole('button', { name: 'Filtrer' }).click()
  const row = page.getByRole('row').filter({ hasText: `marc.${s}@example.org` })
  await expect(row).toContainText('09')
  await expect(row.getByRole('listitem').filter({ hasText: 'epci' })).toBeVisible()
  await row.getByRole('link', { name: /Modifier/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Modifier le contact' })).toBeVisible()
  await page.getByLabel('Structure').fill(`Crédit Coopératif ${s}`)
  await page.getByRole('button', { name: 'Enregistrer' }).click()
  await expect(page.getByText('Contact enregistré.')).toBeVisible()
  await page.getByLabel('Nom, adresse ou structure').fill(`Crédit Coopératif ${s}`)
  await page.getByRole('button', { name: 'Filtrer' }).click()
  await expect(page.getByRole('row').filter({ hasText: `marc.${s}@example.org` })).toBeVisible()

  await page.getByRole('link', { name: 'Liste d’exclusion' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Liste d’exclusion' })).toBeVisible()
  await page.getByLabel('Adresse e-mail').fill(`Marc.${s}@Example.org`)
  await page.getByRole('button', { name: 'Exclure cette adresse' }).click()
  await expect(page.getByText('Adresse ajoutée à la liste d’exclusion.')).toBeVisible()
  const suppressed = page.getByRole('row').filter({ hasText: `marc.${s}@example.org` })
  await expect(suppressed).toContainText('Ajout à la main')
  await expectNoSeriousViolations(page)
  await suppressed.getByRole('button', { name: /Retirer de la liste/ }).click()
  await expect(page.getByText('Adresse retirée de la liste d’exclusion.')).toBeVisible()
  await expect(page.getByRole('row').filter({ hasText: `marc.${s}@example.org` })).toHaveCount(0)
})

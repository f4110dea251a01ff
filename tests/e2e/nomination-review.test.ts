// What an organiser does with the nominations of an edition: filter the list, read a nomination
// with its attachment, declare one ineligible with a reason (the contact gets it by email),
// confirm another eligible and shortlist it. Each run builds its own organisation and edition.
import { expect, organisationWithOrganiser, test } from './fixtures.ts'

const DAY = 24 * 3600_000
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')

async function setUp() {
  const { prisma, id, org, organiser } = await organisationWithOrganiser('e2e-review')
  const edition = await prisma.prizeEdition.create({
    data: {
      organisationId: org.id,
      slug: `e2e-review-${id}`,
      title: `Prix de l’ESS à examiner ${id}`,
      year: 2026,
      status: 'published',
      submissionsOpenAt: new Date(Date.now() - 30 * DAY),
      submissionsCloseAt: new Date(Date.now() - DAY),
      eligibleLegalForms: JSON.stringify(['association', 'cooperative']),
      categories: { create: [{ name: 'Utilité sociale', position: 0 }] },
    },
    include: { categories: true },
  })
  const nominee = (structureName: string, email: string) =>
    prisma.nomination.create({
      data: {
        editionId: edition.id,
        categoryId: edition.categories[0]!.id,
        status: 'submitted',
        structureName,
        legalForm: 'association',
        projectTitle: `Projet de ${structureName}`,
        contactFirstName: 'Alex',
        contactLastName: 'Martin',
        contactEmail: email,
        editTokenHash: `review-${id}-${structureName}`,
        submittedAt: new Date(Date.now() - 2 * DAY),
      },
    })
  const keep = await nominee('Recyclerie des Corbières', `keep-${id}@example.org`)
  const drop = await nominee('Association Hors Région', `drop-${id}@example.org`)
  await prisma.nominationAttachment.create({
    data: {
      nominationId: keep.id,
      filename: 'statuts.pdf',
      contentType: 'application/pdf',
      size: PDF.length,
      sha256: 'x',
      data: new Uint8Array(PDF),
    },
  })
  return { org, organiser, edition, keep, drop }
}

test('an organiser reviews nominations: ineligible with an emailed reason, then eligible and shortlisted', async ({ page, login }) => {
  const { org, organiser, edition, keep, drop } = await setUp()
  await login(organiser.email)
  const list = `/o/${org.slug}/prizes/${edition.id}/nominations`

  // The list filtered on submitted nominations shows both.
  await page.goto(`${list}?status=submitted`)
  await expect(page.getByRole('link', { name: 'Recyclerie des Corbières' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Association Hors Région' })).toBeVisible()

  // Declare one ineligible: the reason is required, then emailed to the contact.
  await page.getByRole('link', { name: 'Association Hors Région' }).click()
  await page.getByRole('button', { name: 'Déclarer inéligible' }).click()
  // The error summary says so with a link to the field, and the field itself describes the error.
  const reasonRequired = 'Indiquez le motif d’inéligibilité\u202f: il sera envoyé au contact.'
  await expect(page.getByRole('alert').getByRole('link', { name: reasonRequired })).toHaveAttribute('href', '#ineligible-reason')
  await expect(page.getByRole('textbox', { name: /^Motif/ })).toHaveAccessibleDescription(reasonRequired)
  await page.getByRole('textbox', { name: /^Motif/ }).fill('Siège hors de la région : la structure relève d’une autre CRESS.')
  await page.getByRole('button', { name: 'Déclarer inéligible' }).click()
  await expect(page.getByText('Candidature déclarée inéligible ; le contact est prévenu par e-mail.')).toBeVisible()
  await expect(page.getByText('Siège hors de la région : la structure relève d’une autre CRESS.')).toBeVisible()
  await expect(async () => {
    await page.goto(`/dev/mailbox?to=${encodeURIComponent(drop.contactEmail)}`)
    await page.getByRole('link', { name: `Votre candidature au ${edition.title}` }).click({ timeout: 1000 })
  }).toPass({ timeout: 15_000 })
  await expect(page.getByText('Siège hors de la région : la structure relève d’une autre CRESS.')).toBeVisible()

  // The other one: its attachment downloads as the PDF it is, then eligible, then shortlisted.
  await page.goto(`${list}/${keep.id}`)
  await expect(page.getByRole('listitem').filter({ hasText: 'statuts.pdf' })).toContainText('(1 Ko)')
  const download = await page.request.get(
    await page
      .getByRole('link', { name: 'statuts.pdf' })
      .getAttribute('href')
      .then((h) => h!),
  )
  expect(download.status()).toBe(200)
  expect(download.headers()['content-type']).toContain('application/pdf')
  expect(
    Buffer.from(await download.body())
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-')
  await page.getByRole('button', { name: 'Confirmer l’éligibilité' }).click()
  await expect(page.getByText('Candidature confirmée éligible.')).toBeVisible()
  await page.getByRole('button', { name: 'Présélectionner' }).click()
  await expect(page.getByText('Candidature présélectionnée.')).toBeVisible()

  // The list's filters now find each one under its new status.
  await page.goto(`${list}?status=shortlisted`)
  await expect(page.getByRole('link', { name: 'Recyclerie des Corbières' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Association Hors Région' })).toHaveCount(0)
  await page.goto(`${list}?status=ineligible`)
  await expect(page.getByRole('link', { name: 'Association Hors Région' })).toBeVisible()
})

test('another organisation’s staff cannot open the nominations', async ({ page, login }) => {
  const { org, edition, keep } = await setUp()
  const other = await setUp()
  await login(other.organiser.email)
  const response = await page.goto(`/o/${org.slug}/prizes/${edition.id}/nominations/${keep.id}`)
  expect(response?.status()).toBe(403)
})

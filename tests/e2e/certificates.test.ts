// An organiser sends the certificates of a finished training in one click: the attendee who came
// gets the email with the PDF in the dev mailbox, the one who did not gets nothing, and a second
// visit says everyone has theirs.
import { randomBytes } from 'node:crypto'
import AxeBuilder from '@axe-core/playwright'
import { expect, test } from './fixtures.ts'

const ORG = 'cress-occitanie'

async function finishedTraining() {
  const { prisma } = await import('#app/db.server.ts')
  const org = await prisma.organisation.findUniqueOrThrow({ where: { slug: ORG } })
  const suffix = randomBytes(3).toString('hex')
  const startsAt = new Date(Date.now() - 3 * 24 * 3600_000)
  const event = await prisma.event.create({
    data: {
      organisationId: org.id,
      slug: `e2e-certificats-${suffix}`,
      kind: 'training',
      title: `Formation e2e ${suffix}`,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 7 * 3600_000),
      status: 'published',
      town: 'Toulouse',
    },
  })
  const person = (firstName: string, checkedIn: boolean) => ({
    eventId: event.id,
    firstName,
    lastName: `Martin${suffix}`,
    email: `${firstName.toLowerCase()}.${suffix}@example.org`,
    organisationName: 'SCOP Les Ateliers',
    organisationType: 'cooperative',
    locale: 'fr',
    consentAt: new Date(),
    status: 'confirmed',
    manageTokenHash: randomBytes(32).toString('hex'),
    ticketCode: randomBytes(5).toString('hex').toUpperCase(),
    checkedInAt: checkedIn ? startsAt : null,
  })
  // One statement each: the server's worker writes to the same SQLite file.
  const present = await prisma.registration.create({ data: person('Camille', true) })
  const absent = await prisma.registration.create({ data: person('Absente', false) })
  return { event, present, absent }
}

test('the organiser sends the certificates and the attendee who came receives theirs with the PDF', async ({ page, login }) => {
  const { event, present, absent } = await finishedTraining()
  await login(`organiser@${ORG}.example`)
  await page.goto(`/o/${ORG}/events/${event.id}/certificates`)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Certificats')
  await expect(page.getByTestId('certificate-row')).toHaveCount(1)
  await expect(page.getByTestId('certificate-row')).toContainText(`Camille ${present.lastName}`)
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(axe.violations).toEqual([])

  await page.getByRole('button', { name: 'Envoyer le certificat à 1 participant' }).click()
  await expect(page.getByText('1 certificat envoyé.')).toBeVisible()
  await expect(page.getByTestId('certificates-all-sent')).toBeVisible()

  await expect(async () => {
    await page.goto(`/dev/mailbox?to=${encodeURIComponent(present.email)}`)
    await expect(page.locator('table tbody tr').filter({ hasText: 'Certificat de réalisation' })).toHaveCount(1, { timeout: 1000 })
  }).toPass({ timeout: 20_000 })
  await page.locator('table tbody tr a[href^="/dev/mailbox/"]').first().click()
  await expect(page.getByText(/certificat-realisation-CERT-.*\.pdf/)).toBeVisible()

  await page.goto(`/dev/mailbox?to=${encodeURIComponent(absent.email)}`)
  await expect(page.locator('table tbody tr').filter({ hasText: 'Certificat' })).toHaveCount(0)
})

// A trainee signs the half-day sheet on a phone from their personal link (a drawn signature), the
// trainer signs on the tablet page, which closes the sheet, and the sheet's PDF names both.
import { randomBytes } from 'node:crypto'
import AxeBuilder from '@axe-core/playwright'
import { devices } from '@playwright/test'
import { pdfText } from '#tests/support/pdf-text.ts'
import { expect, organisationWithOrganiser, test } from './fixtures.ts'

test.use({ viewport: devices['Pixel 7'].viewport, hasTouch: true })

async function trainingWithTrainee() {
  const { prisma, id, org, organiser } = await organisationWithOrganiser('emargement')
  const { hashToken } = await import('#app/modules/auth/session.server.ts')
  const now = Date.now()
  const event = await prisma.event.create({
    data: {
      organisationId: org.id,
      slug: `e2e-formation-${id}`,
      kind: 'training',
      title: `Formation e2e ${id}`,
      startsAt: new Date(now - 3600_000),
      endsAt: new Date(now + 6 * 3600_000),
      status: 'published',
      capacity: 20,
    },
  })
  const token = randomBytes(16).toString('hex')
  const registration = await prisma.registration.create({
    data: {
      eventId: event.id,
      firstName: 'Inès',
      lastName: `Roussel${id}`,
      email: `ines-${id}@example.org`,
      organisationName: 'Coopérative du Lauragais',
      organisationType: 'cooperative',
      locale: 'fr',
      consentAt: new Date(),
      status: 'confirmed',
      source: 'manual',
      manageTokenHash: hashToken(token),
      ticketCode: randomBytes(5).toString('hex').toUpperCase(),
    },
  })
  const session = await prisma.attendanceSession.create({
    data: { eventId: event.id, label: 'Matin', startsAt: new Date(now - 30 * 60_000), endsAt: new Date(now + 3 * 3600_000) },
  })
  return { prisma, org, organiser, event, registration, session, token }
}

test('a trainee signs on a phone, the trainer signs and closes, the PDF names both', async ({ page, login }) => {
  test.setTimeout(90_000)
  const { prisma, org, organiser, event, registration, session, token } = await trainingWithTrainee()

  await page.goto(`/r/${token}/emargement`)
  await expect(page.getByRole('heading', { level: 1, name: 'Émargement' })).toBeVisible()
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([])

  await page.getByLabel('Dessiner ma signature').check()
  const canvas = page.getByTestId('signature-canvas')
  const box = (await canvas.boundingBox())!
  await page.mouse.move(box.x + 20, box.y + box.height / 2)
  await page.mouse.down()
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + 20 + i * 20, box.y + box.height / 2 + (i % 2 ? -20 : 20), { steps: 3 })
  await page.mouse.up()
  await page.getByRole('button', { name: 'Signer' }).click()
  await expect(page.getByTestId('self-signed')).toBeVisible()
  const line = await prisma.attendanceSignature.findUniqueOrThrow({
    where: { sessionId_registrationId: { sessionId: session.id, registrationId: registration.id } },
  })
  expect(line.method).toBe('drawn')
  expect(line.data?.startsWith('data:image/png;base64,')).toBe(true)
  expect(line.ip).toBeTruthy()

  await login(organiser.email)
  await page.goto(`/o/${org.slug}/events/${event.id}/attendance/${session.id}`)
  await expect(page.getByTestId('sheet-row')).toContainText('Signé à')
  await page.getByLabel('Nom du formateur ou de la formatrice').first().fill('Claire Formatrice')
  const trainer = page.locator('section', { has: page.getByRole('heading', { name: 'Signature du formateur ou de la formatrice' }) })
  await trainer.getByLabel('Nom et prénom').or(trainer.getByRole('textbox').nth(1)).first().fill('Claire Formatrice')
  await trainer.getByLabel('Je certifie être présent ou présente à cette session.').check()
  await trainer.getByRole('button', { name: 'Signer et clore la feuille' }).click()
  await expect(page.getByTestId('trainer-signed')).toContainText('Claire Formatrice')

  const response = await page.request.get(`/o/${org.slug}/events/${event.id}/attendance.pdf?session=${session.id}`)
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toContain('application/pdf')
  const { text } = await pdfText(await response.body())
  expect(text).toContain(registration.lastName.toUpperCase())
  expect(text).toContain('Claire Formatrice')
})

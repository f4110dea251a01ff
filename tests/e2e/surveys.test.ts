// The organiser sends the satisfaction survey of a finished training: only the trainee who came gets
// the email; she answers on her phone from its link (axe on the survey), and the organiser's page
// shows her rating and her free text.
import { randomBytes } from 'node:crypto'
import AxeBuilder from '@axe-core/playwright'
import { devices } from '@playwright/test'
import { expect, test } from './fixtures.ts'

const ORG = 'cress-occitanie'

test.use({ viewport: devices['Pixel 7'].viewport, hasTouch: true })

async function finishedTrainingWithSurvey() {
  const { prisma } = await import('#app/db.server.ts')
  const org = await prisma.organisation.findUniqueOrThrow({ where: { slug: ORG } })
  const suffix = randomBytes(3).toString('hex')
  const startsAt = new Date(Date.now() - 2 * 24 * 3600_000)
  const event = await prisma.event.create({
    data: {
      organisationId: org.id,
      slug: `e2e-questionnaire-${suffix}`,
      kind: 'training',
      title: `Formation questionnaire ${suffix}`,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 7 * 3600_000),
      status: 'published',
      town: 'Montpellier',
    },
  })
  const person = (firstName: string, checkedIn: boolean) => ({
    eventId: event.id,
    firstName,
    lastName: `Benali${suffix}`,
    email: `${firstName.toLowerCase()}.q${suffix}@example.org`,
    organisationName: 'Association Les Jardins partagés',
    organisationType: 'association',
    locale: 'fr',
    consentAt: new Date(),
    status: 'confirmed',
    manageTokenHash: randomBytes(32).toString('hex'),
    ticketCode: randomBytes(5).toString('hex').toUpperCase(),
    checkedInAt: checkedIn ? startsAt : null,
  })
  // One statement each: the server's worker writes to the same SQLite file.
  const present = await prisma.registration.create({ data: person('Yasmine', true) })
  const absent = await prisma.registration.create({ data: person('Absent', false) })
  const survey = await prisma.survey.create({
    data: {
      eventId: event.id,
      kind: 'hot',
      anonymous: true,
      opensAt: new Date(Date.now() - 3600_000),
      closesAt: new Date(Date.now() + 14 * 24 * 3600_000),
    },
  })
  await prisma.surveyQuestion.create({
    data: { surveyId: survey.id, position: 1, kind: 'rating', labelFr: 'Êtes-vous satisfaite de la formation ?', required: true },
  })
  await prisma.surveyQuestion.create({
    data: { surveyId: survey.id, position: 2, kind: 'text', labelFr: 'Qu’allez-vous mettre en pratique ?' },
  })
  return { event, survey, present, absent }
}

test('the survey reaches the attendee only; she answers on a phone and the organiser reads it', async ({ page, login }) => {
  test.setTimeout(90_000)
  const { event, survey, present, absent } = await finishedTrainingWithSurvey()
  await login(`organiser@${ORG}.example`)
  await page.goto(`/o/${ORG}/events/${event.id}/surveys/${survey.id}`)
  await expect(page.getByText('1 personne présente recevra le questionnaire.')).toBeVisible()
  await page.getByRole('button', { name: 'Envoyer aux présents' }).click()
  await expect(page.getByRole('button', { name: 'Envoyer aux présents pas encore invités' })).toBeVisible()

  let surveyUrl = ''
  await expect(async () => {
    await page.goto(`/dev/mailbox?to=${encodeURIComponent(present.email)}`)
    await expect(page.locator('table tbody tr').filter({ hasText: 'Votre avis sur' })).toHaveCount(1, { timeout: 1000 })
  }).toPass({ timeout: 20_000 })
  await page.locator('table tbody tr a[href^="/dev/mailbox/"]').first().click()
  surveyUrl = (await page.locator('a[href*="/s/"]').first().getAttribute('href'))!
  expect(surveyUrl).toMatch(/\/s\/[A-Za-z0-9_-]+$/)

  await page.goto(`/dev/mailbox?to=${encodeURIComponent(absent.email)}`)
  await expect(page.locator('table tbody tr').filter({ hasText: 'Votre avis sur' })).toHaveCount(0)

  await page.goto(new URL(surveyUrl).pathname)
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Votre avis sur ${event.title}`)
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(axe.violations.map((v) => v.id)).toEqual([])

  // The rating is required: sending without it says so next to the question and keeps the text.
  await page.getByLabel('2. Qu’allez-vous mettre en pratique ?').fill('Le tableau de bord de nos bénévoles.')
  await page.getByRole('button', { name: 'Envoyer mes réponses' }).click()
  await expect(page.getByLabel('2. Qu’allez-vous mettre en pratique ?')).toHaveValue('Le tableau de bord de nos bénévoles.')
  await page.getByLabel('4 – satisfait').check()
  await page.getByRole('button', { name: 'Envoyer mes réponses' }).click()
  await expect(page.getByText('Merci pour vos réponses !')).toBeVisible()

  await page.goto(`/o/${ORG}/events/${event.id}/surveys/${survey.id}`)
  await expect(page.getByTestId('response-rate')).toContainText('(1 sur 1)')
  await expect(page.getByText(/Moyenne\s*:\s*4\s*\/\s*5/)).toBeVisible()
  await expect(page.getByText('Le tableau de bord de nos bénévoles.')).toBeVisible()
})

// Door staff (the `checkin` role) check a person in from their phone by searching a name; a
// second check-in of the same ticket is refused and shows the time of the first.
import { randomBytes } from 'node:crypto'
import { devices } from '@playwright/test'
import { expect, test } from './fixtures.ts'

// A phone, as staff use the page at the door.
test.use({ viewport: devices['Pixel 7'].viewport, hasTouch: true })

const ORG = 'cress-occitanie'

/**
 * A confirmed registration written in one statement: the server and its email worker write to
 * the same SQLite file from another process, and single statements wait for the lock where an
 * interactive transaction (the registration service's) fails at once with "database is locked".
 */
function confirmedRegistration(
  eventId: string,
  person: { firstName: string; lastName: string; email: string; organisationName: string; organisationType: string },
  searchText: string,
) {
  return {
    ...person,
    eventId,
    locale: 'fr',
    consentAt: new Date(),
    status: 'confirmed',
    source: 'manual',
    manageTokenHash: randomBytes(32).toString('hex'),
    ticketCode: randomBytes(5).toString('hex').toUpperCase(),
    searchText,
  }
}

/** A published event of the demo organisation with one confirmed registrant. */
async function eventWithRegistrant() {
  const [{ prisma }, { searchTextOf }] = await Promise.all([import('#app/db.server.ts'), import('#app/modules/registrations/rules.ts')])
  const org = await prisma.organisation.findUniqueOrThrow({ where: { slug: ORG } })
  const suffix = randomBytes(3).toString('hex')
  const startsAt = new Date(Date.now() + 7 * 24 * 3600_000)
  const event = await prisma.event.create({
    data: {
      organisationId: org.id,
      slug: `e2e-emargement-${suffix}`,
      kind: 'conference',
      title: `Journée e2e de l’ESS ${suffix}`,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 8 * 3600_000),
      status: 'published',
      capacity: 100,
      seatsTaken: 1,
    },
  })
  const lastName = `Péllissier${suffix}`
  const person = {
    firstName: 'Bénédicte',
    lastName,
    email: `benedicte.${suffix}@example.org`,
    organisationName: 'Coopérative du Lauragais',
    organisationType: 'cooperative',
  }
  const registration = await prisma.registration.create({ data: confirmedRegistration(event.id, person, searchTextOf(person)) })
  return { event, registration, name: `Bénédicte ${lastName}`, prisma }
}

test('a check-in staff member finds a person by name, checks them in, and a second check-in shows the first time', async ({
  page,
  login,
}) => {
  const { event, registration, name, prisma } = await eventWithRegistrant()
  await login(`checkin@${ORG}.example`)

  await page.goto(`/o/${ORG}/events/${event.id}/checkin`)
  await expect(page.getByRole('heading', { level: 1, name: 'Émargement' })).toBeVisible()
  await expect(page.getByTestId('checkin-counter')).toContainText('0 / 1')

  // Typed without accents, as on a phone keyboard in a hurry.
  await page.getByLabel('Nom, structure ou e-mail').fill(`benedicte pellissier${registration.lastName.slice(-6)}`)
  await page.getByRole('button', { name: 'Rechercher' }).click()
  await page.getByRole('button', { name: `Émarger ${name}` }).click()

  await expect(page.getByRole('status').filter({ hasText: name })).toContainText('est émargé·e')
  await expect(page.getByTestId('checkin-counter')).toContainText('1 / 1')

  const stored = await prisma.registration.findUniqueOrThrow({ where: { id: registration.id } })
  expect(stored.checkedInAt).not.toBeNull()
  const firstTime = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' }).format(
    stored.checkedInAt!,
  )
  // The list now shows the person as checked in, with no button.
  await expect(page.getByText(`Émargé·e à ${firstTime}`)).toBeVisible()
  await expect(page.getByRole('button', { name: `Émarger ${name}` })).toHaveCount(0)

  // A second attempt with the ticket's code (another member of staff, or the same ticket twice).
  await page.getByLabel('Code du billet').fill(registration.ticketCode.toLowerCase())
  await page.getByRole('button', { name: 'Émarger ce billet' }).click()
  await expect(page.getByRole('alert').filter({ hasText: name })).toContainText(`déjà émargé·e, à ${firstTime}`)

  const after = await prisma.registration.findUniqueOrThrow({ where: { id: registration.id } })
  expect(after.checkedInAt).toEqual(stored.checkedInAt)
})

test('check-in staff cannot open the list of registrations', async ({ page, login }) => {
  const { event } = await eventWithRegistrant()
  await login(`checkin@${ORG}.example`)
  const response = await page.goto(`/o/${ORG}/events/${event.id}/registrations`)
  expect(response?.status()).toBe(403)
})

test('scanning a QR code with the camera checks the ticket in', async ({ page, login }) => {
  const { event, registration, name, prisma } = await eventWithRegistrant()
  // This Chromium has no camera and no BarcodeDetector: stand-ins that "see" the ticket's code.
  await page.addInitScript((code) => {
    class FakeBarcodeDetector {
      async detect() {
        return [{ rawValue: code, format: 'qr_code' }]
      }
    }
    Object.defineProperty(window, 'BarcodeDetector', { value: FakeBarcodeDetector })
    navigator.mediaDevices.getUserMedia = async () => {
      const canvas = document.createElement('canvas')
      canvas.width = 160
      canvas.height = 120
      const context = canvas.getContext('2d')!
      setInterval(() => {
        context.fillStyle = `hsl(${Date.now() % 360} 50% 50%)`
        context.fillRect(0, 0, canvas.width, canvas.height)
      }, 50)
      return canvas.captureStream(20)
    }
  }, registration.ticketCode)
  await login(`checkin@${ORG}.example`)

  await page.goto(`/o/${ORG}/events/${event.id}/checkin`)
  await page.getByRole('button', { name: 'Scanner un QR code' }).click()
  await expect(page.getByRole('status').filter({ hasText: name })).toContainText('est émargé·e')
  await expect(page.getByTestId('checkin-counter')).toContainText('1 / 1')
  await page.getByRole('button', { name: 'Arrêter la caméra' }).click()
  // The camera kept seeing the same ticket: it was sent once, so no "already checked in" alarm.
  await expect(page.getByRole('alert').filter({ hasText: name })).toHaveCount(0)
  expect((await prisma.registration.findUniqueOrThrow({ where: { id: registration.id } })).checkedInAt).not.toBeNull()
})

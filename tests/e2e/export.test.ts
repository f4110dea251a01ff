// An organiser downloads the registrations of an event as CSV, ready for French spreadsheet software.
import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { expect, test } from './fixtures.ts'

const ORG = 'cress-occitanie'

async function eventWithRegistrant() {
  const [{ prisma }, { searchTextOf }] = await Promise.all([import('#app/db.server.ts'), import('#app/modules/registrations/rules.ts')])
  const org = await prisma.organisation.findUniqueOrThrow({ where: { slug: ORG } })
  const suffix = randomBytes(3).toString('hex')
  const startsAt = new Date(Date.now() + 7 * 24 * 3600_000)
  const event = await prisma.event.create({
    data: {
      organisationId: org.id,
      slug: `e2e-export-${suffix}`,
      kind: 'conference',
      title: `Conférence e2e export ${suffix}`,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 8 * 3600_000),
      status: 'published',
      capacity: 100,
      seatsTaken: 1,
    },
  })
  const person = {
    firstName: 'Gaëlle',
    lastName: `Aubert-${suffix}`,
    email: `gaelle.${suffix}@example.org`,
    organisationName: 'Mutuelle « Les Tilleuls »; Albi',
  }
  // One statement, not the registration service's transaction: the server's process writes to
  // the same SQLite file, and only single statements wait for its lock.
  await prisma.registration.create({
    data: {
      ...person,
      organisationType: 'mutuelle',
      eventId: event.id,
      locale: 'fr',
      consentAt: new Date(),
      status: 'confirmed',
      source: 'manual',
      manageTokenHash: randomBytes(32).toString('hex'),
      ticketCode: randomBytes(5).toString('hex').toUpperCase(),
      searchText: searchTextOf(person),
    },
  })
  return { event, person }
}

test('an organiser downloads the CSV and it contains the registrant', async ({ page, login }) => {
  const { event, person } = await eventWithRegistrant()
  await login(`organiser@${ORG}.example`)

  await page.goto(`/o/${ORG}/events/${event.id}/registrations`)
  await expect(page.getByRole('heading', { level: 1, name: 'Inscriptions' })).toBeVisible()
  await expect(page.getByRole('cell', { name: person.organisationName })).toBeVisible()

  const downloading = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Exporter en CSV' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${event.slug}-inscriptions-\\d{4}-\\d{2}-\\d{2}\\.csv$`))

  const csv = await readFile((await download.path())!, 'utf8')
  expect(csv.startsWith('\uFEFFNom;Prénom;E-mail;Structure;Type de structure;')).toBe(true)
  const lines = csv.slice(1).trimEnd().split('\r\n')
  expect(lines).toHaveLength(2)
  // The organisation holds the separator: it is quoted.
  expect(lines[1]).toBe(
    `${person.lastName};${person.firstName};${person.email};"${person.organisationName}";Mutuelle;;;Confirmée;;;;${lines[1]!.split(';').slice(-2).join(';')}`,
  )
  expect(lines[1]).toMatch(/;\d{2}\/\d{2}\/\d{4} \d{2}:\d{2};$/)
})

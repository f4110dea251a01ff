// An organiser adds a person by hand: the same rules as the public form, checked in the browser,
// errors in a summary that takes focus and links to each field; then the person is added.
import { randomBytes } from 'node:crypto'
import { expect, test } from './fixtures.ts'

const ORG = 'cress-occitanie'
const LUNCH = 'Déjeuner sur place'

async function eventWithQuestion() {
  const { prisma } = await import('#app/db.server.ts')
  const org = await prisma.organisation.findUniqueOrThrow({ where: { slug: ORG } })
  const suffix = randomBytes(3).toString('hex')
  const startsAt = new Date(Date.now() + 7 * 24 * 3600_000)
  const event = await prisma.event.create({
    data: {
      organisationId: org.id,
      slug: `e2e-add-${suffix}`,
      kind: 'conference',
      title: `Conférence e2e ajout ${suffix}`,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 8 * 3600_000),
      status: 'published',
      capacity: 100,
    },
  })
  await prisma.eventQuestion.create({
    data: { eventId: event.id, label: LUNCH, type: 'single_choice', required: true, options: JSON.stringify(['Oui', 'Non']), position: 0 },
  })
  return { event, suffix }
}

test('adding a person: a failed submit shows the summary with focus, its links lead to the fields, then the person is added', async ({
  page,
  login,
}) => {
  const { event, suffix } = await eventWithQuestion()
  await login(`organiser@${ORG}.example`)
  await page.goto(`/o/${ORG}/events/${event.id}/registrations`)
  await page.getByText('Ajouter une personne').click()

  const section = page.getByRole('region', { name: 'Ajouter une personne' })
  await section.getByRole('textbox', { name: /^Prénom/ }).fill('Gaëlle')
  await section.getByRole('textbox', { name: /^Nom \*/ }).fill(`Aubert-${suffix}`)
  await section.getByRole('textbox', { name: /^Adresse e-mail/ }).fill('pas-une-adresse')
  await section.getByRole('textbox', { name: /^Structure/ }).fill('Mutuelle des Tilleuls')
  await section.getByRole('combobox', { name: /^Type de structure/ }).selectOption('mutuelle')
  await section.getByRole('checkbox', { name: /La personne a accepté/ }).check()
  await section.getByRole('button', { name: 'Ajouter la personne' }).click()

  const summary = section.getByRole('alert')
  await expect(summary).toBeFocused()
  await expect(summary.getByRole('link')).toHaveCount(2)
  await summary.getByRole('link', { name: /^Adresse e-mail : Saisissez une adresse e-mail valide/ }).click()
  await expect(section.getByRole('textbox', { name: /^Adresse e-mail/ })).toBeFocused()
  await summary.getByRole('link', { name: `${LUNCH} : Ce champ est obligatoire.` }).click()
  await expect(section.getByRole('group', { name: LUNCH }).getByRole('radio', { name: 'Oui' })).toBeFocused()
  await expect(section.getByRole('textbox', { name: /^Prénom/ })).toHaveValue('Gaëlle')

  await section.getByRole('textbox', { name: /^Adresse e-mail/ }).fill(`gaelle.${suffix}@example.org`)
  await section.getByRole('group', { name: LUNCH }).getByRole('radio', { name: 'Oui' }).check()
  await section.getByRole('button', { name: 'Ajouter la personne' }).click()
  await expect(page.getByRole('cell', { name: `Gaëlle Aubert-${suffix}` }).or(page.getByText(`Aubert-${suffix}`).first())).toBeVisible()
})

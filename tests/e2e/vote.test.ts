// The public "coup de cœur" vote as a person does it: choose a shortlisted nomination, give an
// email, read the confirmation link in the local mailbox, confirm; then the organiser sees the
// vote in the tally and voids it. Each test creates its own edition (vote open now).
import AxeBuilder from '@axe-core/playwright'
import { randomBytes } from 'node:crypto'
import { e2eDb, expect, readMailbox, test } from './fixtures.ts'

const DAY = 24 * 3600_000
const ORG = 'cress-occitanie'

/** A published edition of a demo organisation with its public vote open now and two shortlisted nominations. */
async function createVoteEdition(
  window: { opensAt: Date; closesAt: Date } = { opensAt: new Date(Date.now() - DAY), closesAt: new Date(Date.now() + 14 * DAY) },
) {
  const prisma = await e2eDb()
  const org = await prisma.organisation.findUniqueOrThrow({ where: { slug: ORG } })
  const id = randomBytes(4).toString('hex')
  const edition = await prisma.prizeEdition.create({
    data: {
      organisationId: org.id,
      slug: `e2e-vote-${id}`,
      title: `Prix de l’ESS (vote) ${id}`,
      year: 2026,
      status: 'published',
      submissionsOpenAt: new Date(Date.now() - 90 * DAY),
      submissionsCloseAt: new Date(Date.now() - 60 * DAY),
      publicVoteEnabled: true,
      voteOpensAt: window.opensAt,
      voteClosesAt: window.closesAt,
    },
  })
  const nominee = (structureName: string, projectTitle: string, status = 'shortlisted') =>
    prisma.nomination.create({
      data: {
        editionId: edition.id,
        status,
        structureName,
        projectTitle,
        projectDescription: `${projectTitle} : un projet de l’économie sociale et solidaire porté par ${structureName}.`,
        contactEmail: `contact-${id}-${structureName.length}@example.org`,
        editTokenHash: `e2e-${id}-${structureName}`,
      },
    })
  const a = await nominee('La Recyclerie du Lauragais', 'Réemploi solidaire')
  const b = await nominee('Épicerie Solidaire du Canal', 'Paniers pour tous')
  await nominee('Structure non retenue', 'Projet écarté', 'submitted')
  return Object.assign(edition, { nominees: [a, b] as const })
}

function expectNoSeriousViolations(results: Awaited<ReturnType<AxeBuilder['analyze']>>) {
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([])
}

test('a person votes, confirms through the emailed link, and the organiser sees and voids the vote', async ({ page, login }) => {
  const edition = await createVoteEdition()
  const email = `votant-${randomBytes(4).toString('hex')}@example.org`

  await page.goto(`/prix/${edition.slug}/vote`)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Vote du public')
  await expect(page.getByText('Les résultats seront publiés à la clôture du vote.')).toBeVisible()
  await expect(page.getByText('Structure non retenue')).toHaveCount(0)
  expectNoSeriousViolations(await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze())

  // A disposable address is refused next to the field.
  await page.getByLabel('La Recyclerie du Lauragais').check()
  await page.getByLabel('Adresse e-mail').fill('robot@yopmail.com')
  await page.getByRole('button', { name: 'Voter' }).click()
  await expect(page.getByLabel('Adresse e-mail')).toHaveAccessibleDescription(/Les adresses e-mail jetables ne sont pas acceptées\./)
  // …and the error summary links to it.
  await expect(page.getByRole('alert').getByRole('link', { name: /Les adresses e-mail jetables/ })).toHaveAttribute('href', /^#/)
  expectNoSeriousViolations(await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze())

  await page.getByLabel('La Recyclerie du Lauragais').check()
  await page.getByLabel('Adresse e-mail').fill(email)
  await page.getByRole('button', { name: 'Voter' }).click()
  await expect(page.getByRole('heading', { name: 'Confirmez votre vote' })).toBeVisible()

  const link = await readMailbox(page, email)
  expect(new URL(link).pathname).toMatch(/^\/vote\/[a-z0-9]+$/)
  // Opening the link (as a mail scanner would) does not confirm.
  await page.goto(link)
  await expect(page.getByRole('button', { name: 'Confirmer mon vote' })).toBeVisible()
  const prisma = await e2eDb()
  expect(await prisma.publicVote.count({ where: { editionId: edition.id, confirmedAt: { not: null } } })).toBe(0)
  await page.getByRole('button', { name: 'Confirmer mon vote' }).click()
  await expect(page.getByText('Votre vote pour « La Recyclerie du Lauragais » est confirmé.')).toBeVisible()
  expect(await prisma.publicVote.count({ where: { editionId: edition.id, confirmedAt: { not: null } } })).toBe(1)

  // Voting again with a variant of the same address is refused.
  await page.goto(`/prix/${edition.slug}/vote`)
  await page.getByLabel('Épicerie Solidaire du Canal').check()
  await page.getByLabel('Adresse e-mail').fill(email.replace('@', '+bis@').toUpperCase())
  await page.getByRole('button', { name: 'Voter' }).click()
  await expect(page.getByLabel('Adresse e-mail')).toHaveAccessibleDescription(/Vous avez déjà voté avec cette adresse e-mail\./)

  await login(`organiser@${ORG}.example`)
  await page.goto(`/o/${ORG}/prizes/${edition.id}/votes`)
  await expect(page.getByRole('heading', { level: 1, name: 'Vote du public' })).toBeVisible()
  await expect(page.getByText('Total : 1 voix')).toBeVisible()
  await expect(page.getByRole('cell', { name: 'confirmé' })).toBeVisible()
  await page.getByRole('button', { name: 'Annuler ce vote' }).click()
  // A reason is required: said in the error summary (a link to the field) and next to the field.
  await expect(page.getByRole('alert').getByRole('link', { name: 'Indiquez le motif de l’annulation.' })).toHaveAttribute(
    'href',
    /^#reason-/,
  )
  await expect(page.getByLabel('Motif de l’annulation')).toHaveAccessibleDescription('Indiquez le motif de l’annulation.')
  await page.getByLabel('Motif de l’annulation').fill('Adresses en série')
  await page.getByRole('button', { name: 'Annuler ce vote' }).click()
  await expect(page.getByText('Total : 0 voix')).toBeVisible()
  await expect(page.getByText('Adresses en série')).toBeVisible()
})

test('once the vote is closed, the page shows the results and no form', async ({ page }) => {
  const edition = await createVoteEdition({ opensAt: new Date(Date.now() - 20 * DAY), closesAt: new Date(Date.now() - DAY) })
  const prisma = await e2eDb()
  const [a, b] = edition.nominees
  const vote = (nominationId: string, i: number, confirmed: boolean) =>
    prisma.publicVote.create({
      data: {
        editionId: edition.id,
        nominationId,
        emailHash: `h-${edition.id}-${i}`,
        emailDomain: 'example.org',
        networkHash: 'n',
        confirmTokenHash: `t-${edition.id}-${i}`,
        confirmedAt: confirmed ? new Date(Date.now() - 2 * DAY) : null,
      },
    })
  await Promise.all([vote(a.id, 1, true), vote(a.id, 2, true), vote(b.id, 3, true), vote(b.id, 4, false), vote(b.id, 5, false)])

  await page.goto(`/prix/${edition.slug}/vote`)
  await expect(page.getByText('Le vote est clos.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Voter' })).toHaveCount(0)
  const results = page.getByRole('listitem')
  await expect(results.filter({ hasText: 'La Recyclerie du Lauragais' })).toContainText('2 voix')
  await expect(results.filter({ hasText: 'Épicerie Solidaire du Canal' })).toContainText('1 voix')
  expectNoSeriousViolations(await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze())
})

// Jury invitations tracked as a campaign, as people do it: the organiser of CRESS Occitanie invites
// two jurors from the edition's Jury page and follows the link to the invitations' tracking page;
// one juror opens the emailed link and joins, the other opens it and answers "je ne pourrai pas
// siéger". The tracking page then counts both emails sent, two clicks, one joined, one declined,
// and the jury page shows who declined.
import { randomBytes } from 'node:crypto'
import { e2eDb, expect, readMailbox, test } from './fixtures.ts'

const DAY = 24 * 3600_000
const ORG = 'cress-occitanie'

async function createEdition() {
  const prisma = await e2eDb()
  const org = await prisma.organisation.findUniqueOrThrow({ where: { slug: ORG } })
  const id = randomBytes(4).toString('hex')
  const edition = await prisma.prizeEdition.create({
    data: {
      organisationId: org.id,
      slug: `e2e-jury-inv-${id}`,
      title: `Prix de l’ESS (invitations) ${id}`,
      year: 2026,
      status: 'published',
      submissionsOpenAt: new Date(Date.now() - 90 * DAY),
      submissionsCloseAt: new Date(Date.now() - 60 * DAY),
      juryStartsAt: new Date(Date.now() - DAY),
      juryEndsAt: new Date(Date.now() + 20 * DAY),
    },
  })
  await prisma.prizeCategory.create({ data: { editionId: edition.id, name: 'Utilité sociale', scaleMin: 0, scaleMax: 5 } })
  return edition
}

test('jury invitations: the campaign page tracks sent, clicked, joined and declined', async ({ page, context, login }) => {
  test.slow()
  const edition = await createEdition()
  const id = randomBytes(4).toString('hex')
  const yes = `jure-oui-${id}@example.org`
  const no = `jure-non-${id}@example.org`

  await login(`organiser@${ORG}.example`)
  const juryPage = `/o/${ORG}/prizes/${edition.id}/jury`
  await page.goto(juryPage)
  for (const [name, email] of [
    ['Yasmine Oui', yes],
    ['Noé Non', no],
  ] as const) {
    const form = page.locator('form', { has: page.locator('#juror-name') })
    await form.locator('#juror-name').fill(name)
    await form.locator('#juror-email').fill(email)
    await form.getByRole('group', { name: 'Catégories' }).getByLabel('Utilité sociale').check()
    await form.getByRole('button', { name: 'Envoyer l’invitation', exact: true }).click()
    await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('pas encore venu')
  }
  await page.getByRole('link', { name: /Suivi des invitations/ }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Invitations du jury')
  await expect(page.getByTestId('count-total')).toContainText('2')
  const trackingUrl = page.url()

  // Both emails arrive; one juror joins, the other declines (signed out).
  const yesLink = await readMailbox(page, yes, { subject: 'Invitation au jury' })
  const noLink = await readMailbox(page, no, { subject: 'Invitation au jury' })
  await context.clearCookies()
  await page.goto(noLink)
  await page.getByRole('button', { name: 'Je ne pourrai pas siéger' }).click()
  await expect(page.getByRole('status')).toContainText('vous ne siégerez pas dans ce jury')
  await page.goto(yesLink)
  await page.getByRole('button', { name: 'Rejoindre le jury' }).click()
  await expect(page).toHaveURL(/\/jury$/)
  // The same email opened again (signed out) leads back to the jury space, not a 404.
  await context.clearCookies()
  await page.goto(yesLink)
  await expect(page.getByRole('status')).toContainText('Vous avez déjà rejoint ce jury')
  await page.getByRole('button', { name: 'Accéder à mon espace jury' }).click()
  await expect(page).toHaveURL(/\/jury$/)

  // The organiser's tracking page.
  await context.clearCookies()
  await login(`organiser@${ORG}.example`)
  await page.goto(trackingUrl)
  await expect(page.getByTestId('count-sent')).toContainText('2')
  await expect(page.getByTestId('count-clicked')).toContainText('2')
  await expect(page.getByTestId('count-registered')).toContainText('Ont rejoint le jury')
  await expect(page.getByTestId('count-registered')).toContainText('1')
  await expect(page.getByTestId('count-declined')).toContainText('1')
  await page.goto(juryPage)
  await expect(page.getByRole('row', { name: /Noé Non/ })).toContainText('A décliné l’invitation')
})

// The organiser's jury pages of the demo Prix de l'ESS Occitanie 2026 (CRESS Occitanie, see
// prisma/seed/prizes.ts and prisma/seed/jury.ts): the assignments, the scoring dashboard and the
// jury report each open for the demo organiser, show what the demo jury did, and axe finds no
// WCAG 2.1 A/AA violation on them.
import AxeBuilder from '@axe-core/playwright'
import { DEMO_CONFLICT, demoJurors, DEMO_LATE_JUROR } from '../../prisma/seed/jury.ts'
import { DEMO_PRIZE_SLUGS } from '../../prisma/seed/prizes.ts'
import { e2eDb, expect, test } from './fixtures.ts'

const ORG = 'cress-occitanie'

async function expectNoViolations(page: Parameters<Parameters<typeof test>[2]>[0]['page']) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
    [],
  )
}

test('the demo organiser opens the assignments, the scoring dashboard and the jury report, all accessible', async ({ page, login }) => {
  test.slow()
  const prisma = await e2eDb()
  const edition = await prisma.prizeEdition.findUniqueOrThrow({
    where: { slug: DEMO_PRIZE_SLUGS.current },
    select: { id: true, organisation: { select: { slug: true } } },
  })
  expect(edition.organisation.slug).toBe(ORG)
  await login(`organiser@${ORG}.example`)
  const base = `/o/${ORG}/prizes/${edition.id}`
  const conflicted = demoJurors.find((j) => j.email === DEMO_CONFLICT.juror)!
  const late = demoJurors.find((j) => j.email === DEMO_LATE_JUROR)!

  // Assignments: each category lists its jurors' loads and its nominations with their jurors.
  await page.goto(`${base}/assignments`)
  await expect(page.getByRole('heading', { level: 1, name: /Répartition des candidatures/ })).toBeVisible()
  const social = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Utilité sociale' }) })
  await expect(social.getByRole('row', { name: new RegExp(DEMO_CONFLICT.structureName) })).toBeVisible()
  await expect(social.getByText(new RegExp(`${late.name}\\s*:\\s*\\d+ candidature`))).toBeVisible()
  await expectNoViolations(page)

  // Scoring dashboard: the juror who has not started is flagged late.
  await page.goto(`${base}/scoring`)
  await expect(page.getByRole('heading', { level: 1, name: /Suivi du jury/ })).toBeVisible()
  await expect(page.getByRole('row', { name: new RegExp(late.name) })).toContainText('En retard')
  await expectNoViolations(page)

  // Jury report: the declared conflict is listed with the juror and the nomination.
  await page.goto(`${base}/report`)
  await expect(page.getByRole('heading', { level: 1, name: /Procès-verbal du jury/ })).toBeVisible()
  const conflicts = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Conflits d’intérêts déclarés' }) })
  await expect(conflicts.getByRole('listitem')).toHaveCount(1)
  await expect(conflicts.getByRole('listitem')).toContainText(`${conflicted.name} — ${DEMO_CONFLICT.structureName}`)
  await expectNoViolations(page)
})

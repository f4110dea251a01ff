// An administrator reads the audit log: an entry written here shows with its translated action,
// the action filter (a GET form) keeps only matching entries, and axe finds no violation.
// An organiser of the same organisation is refused the page.
import AxeBuilder from '@axe-core/playwright'
import { randomBytes } from 'node:crypto'
import { e2eDb, expect, test } from './fixtures.ts'

const ORG = 'cress-occitanie'

test('an administrator filters the audit log; an organiser may not see it', async ({ page, login }) => {
  const prisma = await e2eDb()
  const org = await prisma.organisation.findUniqueOrThrow({ where: { slug: ORG } })
  const marker = `e2e-audit-${randomBytes(3).toString('hex')}`
  await prisma.auditLog.create({
    data: { organisationId: org.id, action: 'contact.delete', entityType: 'contact', entityId: marker, details: '{"e2e":true}' },
  })

  await login(`organiser@${ORG}.example`)
  const refused = await page.goto(`/o/${ORG}/audit`)
  expect(refused?.status()).toBe(403)

  await login(`admin@${ORG}.example`)
  await page.goto(`/o/${ORG}/audit`)
  await expect(page.getByRole('heading', { level: 1, name: 'Journal d’audit' })).toBeVisible()
  await page.getByLabel('Action').selectOption({ label: 'Contact supprimé' })
  await page.getByRole('button', { name: 'Filtrer' }).click()
  await expect(page).toHaveURL(/action=contact\.delete/)
  const table = page.getByTestId('audit-table')
  await expect(table.getByRole('row', { name: new RegExp(marker) })).toContainText('Système')
  const actions = await table.locator('tbody tr td:nth-child(3)').allTextContents()
  expect(actions.length).toBeGreaterThan(0)
  expect(new Set(actions)).toEqual(new Set(['Contact supprimé']))

  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(results.violations.map((v) => `${v.impact}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual(
    [],
  )
})

// Deliberation against a real database: decisions, the chair's validation (then no change),
// publication only when validated, one email per nominee in their locale, never twice, audit.
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { makeJuryEdition } from '#tests/support/jury-fixtures.ts'
import { publicResults, publishResults, recordDecision, validateCategory } from './deliberation.server.ts'

const code = async (p: Promise<unknown>) => {
  try {
    await p
    return null
  } catch (error) {
    if (error instanceof AppError) return error.code
    throw error
  }
}

describe('deliberation', () => {
  test('decisions, validation by the chair, lock, publication once with emails in each locale', async () => {
    const f = await makeJuryEdition({ categories: 1, nominationsPerCategory: 3, jurors: 2 })
    const actor = { organisationId: f.org.id, userId: f.organiser.id }
    const [n1, n2, n3] = f.categories[0]!.nominations
    const categoryId = f.categories[0]!.category.id
    await prisma.nomination.update({ where: { id: n2!.id }, data: { locale: 'en' } })
    const chairUser = f.jurors[0]!.user!
    const otherUser = f.jurors[1]!.user!

    await recordDecision(f.edition.id, n1!.id, { decision: 'laureate', rationale: 'Impact remarquable', rank: 1 }, actor)
    await recordDecision(f.edition.id, n2!.id, { decision: 'mention', rationale: '', rank: 2 }, actor)
    expect(await code(recordDecision(f.edition.id, n3!.id, { decision: 'winner', rationale: '', rank: null }, actor))).toBe('invalid_input')
    // Not every nomination decided yet: validation refused; a non-chair juror is refused.
    expect(await code(validateCategory(f.edition.id, categoryId, chairUser.id))).toBe('undecided')
    await recordDecision(f.edition.id, n3!.id, { decision: 'not_selected', rationale: '', rank: 3 }, actor)
    expect(await code(validateCategory(f.edition.id, categoryId, otherUser.id))).toBe('not_chair')
    // Publication waits for validation.
    expect(await code(publishResults(f.edition.id, actor))).toBe('not_validated')
    expect(await publicResults(f.edition.slug)).toBeNull()

    await validateCategory(f.edition.id, categoryId, chairUser.id)
    const category = await prisma.prizeCategory.findUniqueOrThrow({ where: { id: categoryId } })
    expect(category.decisionsLockedAt).not.toBeNull()
    expect(category.decisionsLockedBy).toBe(chairUser.id)
    expect(await code(recordDecision(f.edition.id, n1!.id, { decision: 'mention', rationale: '', rank: 1 }, actor))).toBe(
      'decisions_locked',
    )
    expect((await prisma.juryDecision.findUniqueOrThrow({ where: { nominationId: n1!.id } })).decision).toBe('laureate')

    const first = await publishResults(f.edition.id, actor)
    expect(first).toEqual({ already: false, emails: 3 })
    const second = await publishResults(f.edition.id, actor)
    expect(second).toEqual({ already: true, emails: 0 })
    const emails = await prisma.emailMessage.findMany({ where: { template: 'prize-results', organisationId: f.org.id } })
    expect(emails).toHaveLength(3)
    const en = emails.find((e) => e.toAddress === n2!.contactEmail)!
    expect(en.locale).toBe('en')
    expect(JSON.parse(en.payload).decision).toBe('mention')
    expect(emails.find((e) => e.toAddress === n1!.contactEmail)!.locale).toBe('fr')

    const pub = await publicResults(f.edition.slug)
    expect(pub!.categories[0]!.awards.map((a) => [a.structureName, a.decision])).toEqual([
      [n1!.structureName, 'laureate'],
      [n2!.structureName, 'mention'],
    ])
    const actions = (await prisma.auditLog.findMany({ where: { organisationId: f.org.id }, select: { action: true } })).map((a) => a.action)
    expect(actions.filter((a) => a === 'juryDecision.create')).toHaveLength(3)
    expect(actions).toContain('juryDecision.validate')
    expect(actions.filter((a) => a === 'prizeEdition.publishResults')).toHaveLength(1)
  })
})

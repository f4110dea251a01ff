import { describe, expect, test } from 'vitest'
import { dbTarget, prisma } from '#app/db.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { createOrganisation, findOrganisationBySlug, getCampaignRate, setCampaignRate } from './service.server.ts'

describe('organisations', () => {
  test('a slug is unique across the installation', async () => {
    await createOrganisation({ slug: 'cress-test', name: 'CRESS Test' })
    expect((await findOrganisationBySlug('cress-test'))?.name).toBe('CRESS Test')
    await expect(createOrganisation({ slug: 'cress-test', name: 'Another' })).rejects.toThrow(/Unique constraint/)
    expect(dbTarget.provider).toBe(process.env.TEST_DB === 'postgres' ? 'postgresql' : 'sqlite')
  })

  test('the campaign sending rate: set, audited, back to the default; bad values refused and nothing changed', async () => {
    const org = await createOrganisation({ slug: 'cress-rate', name: 'CRESS Rate' })
    expect(await getCampaignRate(org.id)).toBeNull()
    await setCampaignRate(org.id, 30, { actorUserId: null })
    expect(await getCampaignRate(org.id)).toBe(30)
    for (const bad of [-1, 1.5, Number.NaN, 10_001]) {
      const error = await setCampaignRate(org.id, bad).then(
        () => null,
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(AppError)
      expect((error as AppError).fields).toEqual({ ratePerMinute: ['campaigns.rate.invalid'] })
    }
    expect(await getCampaignRate(org.id)).toBe(30)
    await setCampaignRate(org.id, null)
    expect(await getCampaignRate(org.id)).toBeNull()
    const audit = await prisma.auditLog.findMany({
      where: { organisationId: org.id, action: 'organisation.campaignRate' },
      orderBy: { createdAt: 'asc' },
    })
    const changes = audit.map((a) => JSON.parse(a.details ?? '{}') as unknown)
    expect(changes).toHaveLength(2)
    expect(changes).toEqual(
      expect.arrayContaining([
        { from: null, to: 30 },
        { from: 30, to: null },
      ]),
    )
  })
})

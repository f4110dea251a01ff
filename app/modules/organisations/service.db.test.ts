import { describe, expect, test } from 'vitest'
import { dbTarget } from '#app/db.server.ts'
import { createOrganisation, findOrganisationBySlug } from './service.server.ts'

describe('organisations', () => {
  test('a slug is unique across the installation', async () => {
    await createOrganisation({ slug: 'cress-test', name: 'CRESS Test' })
    expect((await findOrganisationBySlug('cress-test'))?.name).toBe('CRESS Test')
    await expect(createOrganisation({ slug: 'cress-test', name: 'Another' })).rejects.toThrow(/Unique constraint/)
    expect(dbTarget.provider).toBe(process.env.TEST_DB === 'postgres' ? 'postgresql' : 'sqlite')
  })
})

import { describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { makeMember, makeOrganisation } from '#tests/support/factories.ts'
import { getLegalDetails, updateLegalDetails } from './legal.server.ts'

describe('organisation legal and bank details', () => {
  test('saves normalised details and audits the change with the IBAN masked', async () => {
    const org = await makeOrganisation()
    const admin = await makeMember(org.id, 'admin')
    await updateLegalDetails(
      org.id,
      {
        legalName: 'CRESS Occitanie',
        address: '10 rue de l’ESS, 31000 Toulouse',
        siret: '732 829 320 00074',
        vatMention: 'TVA non applicable, art. 293 B du CGI',
        iban: 'fr76 3000 6000 0112 3456 7890 189',
        bic: 'agrifrpp',
        bankAccountHolder: 'CRESS Occitanie',
      },
      { actorUserId: admin.id },
    )
    const saved = await getLegalDetails(org.id)
    expect(saved).toMatchObject({
      siret: '73282932000074',
      iban: 'FR7630006000011234567890189',
      bic: 'AGRIFRPP',
      bankAccountHolder: 'CRESS Occitanie',
    })
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { organisationId: org.id, action: 'organisation.legalDetails' } })
    expect(entry.actorUserId).toBe(admin.id)
    expect(entry.details).toContain('…0189')
    expect(entry.details).not.toContain('30006000011234567890')
  })

  test('invalid details change nothing and name the fields', async () => {
    const org = await makeOrganisation()
    await updateLegalDetails(org.id, { siret: '73282932000074' })
    const error = await updateLegalDetails(org.id, {
      siret: '73282932000075',
      iban: 'FR7630006000011234567890188',
      bankAccountHolder: 'X',
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).fields).toEqual({ siret: ['paymentsAdmin.error.siretChecksum'], iban: ['paymentsAdmin.error.ibanInvalid'] })
    expect((await getLegalDetails(org.id)).siret).toBe('73282932000074')
  })
})

describe('the settings page', () => {
  test('refuses an IBAN without its holder with a field error, and saves nothing', async () => {
    const { createSession } = await import('#app/modules/auth/session.server.ts')
    const route = await import('#app/routes/organisers/o.$org.settings.tsx')
    const org = await makeOrganisation()
    const admin = await makeMember(org.id, 'admin')
    const { token } = await createSession(admin.id)
    const body = new URLSearchParams({ legalName: 'CRESS', iban: 'FR76 3000 6000 0112 3456 7890 189', bankAccountHolder: '' })
    const res = (await route.action({
      request: new Request(`http://localhost/o/${org.slug}/settings`, {
        method: 'POST',
        headers: { cookie: `essor_session=${token}` },
        body,
      }),
      params: { org: org.slug },
      context: {},
    })) as unknown as { data: { result: { error: Record<string, string[]> } }; init: ResponseInit }
    expect(res.init.status).toBe(400)
    expect(res.data.result.error.bankAccountHolder).toEqual(['paymentsAdmin.error.holderRequired'])
    expect((await getLegalDetails(org.id)).iban).toBeNull()
  })
})

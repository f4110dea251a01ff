// The nominee's page (/n/<token>) parses its forms with Zod (Conform's reply): an upload without a
// file, or a button the page does not have, is a 400 with the field's error; a step's fields that do
// not parse are refused field by field (422) and the rest of the draft is kept; the autosave parses
// the same step schema.
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import type { FormReply } from '#app/utils/submission.server.ts'
import { makeOrganisation } from '#tests/support/factories.ts'
import { startNomination } from './service.server.ts'

type Reply = { data: FormReply & { intent?: string; step?: number }; init: ResponseInit | null }
const DAY = 24 * 3600_000

async function openNomination() {
  const org = await makeOrganisation()
  const edition = await prisma.prizeEdition.create({
    data: {
      organisationId: org.id,
      slug: `prix-page-${Date.now()}`,
      title: 'Prix de l’ESS',
      year: 2026,
      status: 'published',
      submissionsOpenAt: new Date(Date.now() - DAY),
      submissionsCloseAt: new Date(Date.now() + 30 * DAY),
      eligibleLegalForms: JSON.stringify(['association']),
      minAgeYears: 0,
      eligibleDepartements: JSON.stringify([]),
    },
  })
  return startNomination(edition.slug, { email: 'page@recyclerie.example', locale: 'fr' })
}

describe('the nomination page refuses bad input', () => {
  test('an upload without a file and an unknown intent are 400s; a bad date is refused on its field', async () => {
    const { token, nominationId } = await openNomination()
    const route = await import('#app/routes/links/n.$token.tsx')
    const post = (body: FormData | URLSearchParams) =>
      route.action({
        request: new Request(`http://localhost/n/${token}?step=5`, { method: 'POST', body }),
        params: { token },
        context: {},
      }) as unknown as Promise<Reply>

    const empty = new FormData()
    empty.set('intent', 'upload')
    empty.set('file', new File([], ''))
    const upload = await post(empty)
    expect(upload.init?.status).toBe(400)
    expect(upload.data.result.error).toEqual({ file: ['nomination.attachment.error.missing'] })
    expect(await prisma.nominationAttachment.count({ where: { nominationId } })).toBe(0)
    // A real file goes through (the schema takes the uploaded File).
    const pdf = new FormData()
    pdf.set('intent', 'upload')
    pdf.set('file', new File([new TextEncoder().encode('%PDF-1.7\n%%EOF\n')], 'statuts.pdf', { type: 'application/pdf' }))
    const uploaded = (await post(pdf)) as unknown as Response
    expect(uploaded.status).toBe(302)
    expect(await prisma.nominationAttachment.count({ where: { nominationId } })).toBe(1)

    const unknown = await post(new URLSearchParams({ intent: 'publish', step: '2' }))
    expect(unknown.init?.status).toBe(400)
    expect(unknown.data.result.error).toEqual({ intent: ['nomination.error.type'] })

    const save = await post(new URLSearchParams({ intent: 'save', step: '1', structureName: 'La Recyclerie', creationDate: 'hier' }))
    expect(save.init?.status).toBe(422)
    expect(save.data).toMatchObject({ intent: 'save', step: 1 })
    expect(Object.keys(save.data.result.error ?? {})).toContain('creationDate')
    const row = await prisma.nomination.findUniqueOrThrow({ where: { id: nominationId } })
    expect(row.structureName).toBe('La Recyclerie')
    expect(row.status).toBe('draft')
  })
})

// Nominations against a real database (SQLite and PostgreSQL): the emailed link, autosave,
// attachments, submission at the deadline, eligibility, withdrawal.
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { hashToken } from '#app/modules/auth/session.server.ts'
import { renderStoredEmail } from '#app/modules/email/render.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { makeOrganisation } from '#tests/support/factories.ts'
import { ATTACHMENT_LIMITS } from './attachments.ts'
import {
  addAttachment,
  getAttachment,
  getNominationByToken,
  removeAttachment,
  saveDraft,
  startNomination,
  submitNomination,
  withdrawNomination,
} from './service.server.ts'

const OPENS = new Date('2026-05-10T08:00:00Z')
const CLOSES = new Date('2026-06-30T22:00:00Z') // midnight, Paris time
const DURING = new Date('2026-06-01T10:00:00Z')

let n = 0
async function makeEdition(overrides: { eligibleDepartements?: string[]; minAgeYears?: number } = {}) {
  const org = await makeOrganisation()
  const edition = await prisma.prizeEdition.create({
    data: {
      organisationId: org.id,
      slug: `prix-ess-${Date.now()}-${n++}`,
      title: 'Prix de l’ESS 2026',
      year: 2026,
      status: 'published',
      submissionsOpenAt: OPENS,
      submissionsCloseAt: CLOSES,
      eligibleLegalForms: JSON.stringify(['association', 'cooperative', 'mutuelle', 'fondation', 'societe_ess', 'esus']),
      minAgeYears: overrides.minAgeYears ?? 2,
      eligibleDepartements: JSON.stringify(overrides.eligibleDepartements ?? ['35', '22', '29', '56']),
    },
  })
  const category = await prisma.prizeCategory.create({ data: { editionId: edition.id, name: 'Utilité sociale' } })
  const question = await prisma.prizeQuestion.create({
    data: { editionId: edition.id, label: 'Partenaires', type: 'short_text', required: true },
  })
  return { org, edition, category, question }
}

function complete(categoryId: string, questionId: string) {
  return {
    step1: {
      structureName: 'La Recyclerie du Pays',
      siret: '732 829 320 00074',
      legalForm: 'association',
      creationDate: '2015-03-12',
      address: '3 rue des Lilas',
      postalCode: '35000',
      town: 'Rennes',
      departement: '35',
      employees: '12',
      volunteers: '40',
    },
    step2: { contactFirstName: 'Nadia', contactLastName: 'Benali', contactPhone: '02 99 00 00 00' },
    step3: {
      categoryId,
      projectTitle: 'Réparer plutôt que jeter',
      projectDescription: 'Un atelier de réparation.',
      impact: '12 tonnes évitées par an.',
      budget: '250 000',
    },
    step4: { answers: { [questionId]: 'La mairie de Rennes' } },
  }
}

async function startedNomination(overrides: Parameters<typeof makeEdition>[0] = {}) {
  const setup = await makeEdition(overrides)
  const started = await startNomination(setup.edition.slug, { email: `Contact-${n++}@Recyclerie.example`, locale: 'fr', now: DURING })
  return { ...setup, ...started }
}

async function filledNomination(overrides: Parameters<typeof makeEdition>[0] = {}) {
  const s = await startedNomination(overrides)
  const f = complete(s.category.id, s.question.id)
  await saveDraft(s.token, f.step1, 1, DURING)
  await saveDraft(s.token, f.step2, 2, DURING)
  await saveDraft(s.token, f.step3, 3, DURING)
  await saveDraft(s.token, f.step4, 4, DURING)
  return s
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  throw new Error('expected an AppError')
}

const pdf = (size = 64) => {
  const bytes = new Uint8Array(size)
  bytes.set(new TextEncoder().encode('%PDF-1.7\n'))
  return bytes
}

describe('starting a nomination', () => {
  test('creates a draft whose link is emailed in the outbox; only the token’s hash is stored', async () => {
    const { edition } = await makeEdition()
    const started = await startNomination(edition.slug, { email: ' Nadia@Example.org ', locale: 'fr', now: DURING })
    const row = await prisma.nomination.findUniqueOrThrow({ where: { id: started.nominationId } })
    expect(row).toMatchObject({ status: 'draft', contactEmail: 'nadia@example.org', editTokenHash: hashToken(started.token) })
    expect(JSON.stringify(row)).not.toContain(started.token)
    const email = await prisma.emailMessage.findFirstOrThrow({ where: { template: 'nomination-link', toAddress: 'nadia@example.org' } })
    expect(JSON.parse(email.payload)).toMatchObject({ editUrl: started.editUrl, editionTitle: 'Prix de l’ESS 2026' })
    expect(started.editUrl).toMatch(new RegExp(`/n/${started.token}$`))
  })

  test('asking again resumes the same nomination with one more link; every emailed link keeps working', async () => {
    const { edition } = await makeEdition()
    const email = 'resume@example.org'
    const first = await startNomination(edition.slug, { email, locale: 'fr', now: DURING })
    await saveDraft(first.token, { structureName: 'Recyclerie' }, 1, DURING)
    const again = await startNomination(edition.slug, { email: 'RESUME@example.org', locale: 'en', now: DURING })
    expect(again).toMatchObject({ nominationId: first.nominationId, resumed: true })
    expect(again.token).not.toBe(first.token)

    // The links as the person received them, oldest first.
    const sent = await prisma.emailMessage.findMany({
      where: { template: 'nomination-link', toAddress: email },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    })
    expect(sent).toHaveLength(2)
    const [firstLink, laterLink] = await Promise.all(
      sent.map(async (m) => /\/n\/([a-z0-9]+)/.exec((await renderStoredEmail(m)).text)?.[1] ?? ''),
    )
    expect(firstLink).toBe(first.token)
    expect(laterLink).toBe(again.token)
    for (const token of [firstLink!, laterLink!]) {
      const view = await getNominationByToken(token, DURING)
      expect(view?.nomination.id).toBe(first.nominationId)
      expect(view?.values.structureName).toBe('Recyclerie')
    }
    // Still one nomination, its first link's hash unchanged; the re-sent link is stored as a hash too.
    const row = await prisma.nomination.findUniqueOrThrow({ where: { id: first.nominationId }, include: { links: true } })
    expect(row).toMatchObject({ editTokenHash: hashToken(first.token), locale: 'en' })
    expect(row.links.map((l) => l.tokenHash)).toEqual([hashToken(again.token)])
    expect(await prisma.nomination.count({ where: { contactEmail: email } })).toBe(1)

    // Both edit it: a draft saved through the later link, a file added through the first and read through the later one.
    await saveDraft(laterLink!, { projectTitle: 'Réparer plutôt que jeter' }, 2, DURING)
    const file = await addAttachment(firstLink!, { filename: 'statuts.pdf', bytes: pdf() }, DURING)
    expect((await getNominationByToken(firstLink!, DURING))?.values.projectTitle).toBe('Réparer plutôt que jeter')
    expect((await getAttachment(laterLink!, file.id))?.filename).toBe('statuts.pdf')
    expect(await getNominationByToken('abcdefghijklmnopqrstuvwxyz234567', DURING)).toBeNull()
  })

  test('is refused outside the window, for an unknown edition and for a bad email', async () => {
    const { edition } = await makeEdition()
    expect((await rejection(startNomination(edition.slug, { email: 'a@example.org', locale: 'fr', now: CLOSES }))).code).toBe(
      'submissions_closed',
    )
    expect((await rejection(startNomination('nope', { email: 'a@example.org', locale: 'fr', now: DURING }))).status).toBe(404)
    expect((await rejection(startNomination(edition.slug, { email: 'pas une adresse', locale: 'fr', now: DURING }))).fields).toEqual({
      email: ['nomination.error.email'],
    })
  })
})

describe('autosave', () => {
  test('keeps every field across partial saves, and stores what parses when a field is invalid', async () => {
    const s = await startedNomination()
    await saveDraft(s.token, { structureName: 'Recyclerie', siret: '732 829 320 00074' }, 1, DURING)
    await saveDraft(s.token, { town: 'Rennes', departement: '35' }, 1, DURING)
    // Typing in progress: the SIRET is incomplete, the date invalid; the rest is kept.
    const result = await saveDraft(s.token, { siret: '7328', creationDate: '2015-02-30', employees: '12', postalCode: '35000' }, 1, DURING)
    expect(result.fieldErrors).toEqual({ siret: ['nomination.error.siret'], creationDate: ['nomination.error.date'] })
    await saveDraft(s.token, { contactFirstName: 'Nadia' }, 2, DURING)
    await saveDraft(s.token, { answers: { [s.question.id]: 'La mairie' } }, 4, DURING)
    await saveDraft(s.token, { projectTitle: 'Réparer' }, 3, DURING)
    const view = await getNominationByToken(s.token, DURING)
    expect(view?.values).toMatchObject({
      structureName: 'Recyclerie',
      siret: '73282932000074',
      town: 'Rennes',
      departement: '35',
      employees: 12,
      postalCode: '35000',
      creationDate: null,
      contactFirstName: 'Nadia',
      projectTitle: 'Réparer',
      answers: { [s.question.id]: 'La mairie' },
    })
    expect(view?.nomination).toMatchObject({ status: 'draft', draftStep: 4 })
  })

  test('reports the live eligibility with the reasons', async () => {
    const s = await startedNomination()
    const result = await saveDraft(s.token, { legalForm: 'other', creationDate: '2025-09-01', departement: '75' }, 1, DURING)
    expect(result.eligibility).toEqual({ eligible: false, reasons: ['legal_form', 'too_young', 'departement'] })
  })

  test('is refused after the deadline', async () => {
    const s = await startedNomination()
    const error = await rejection(saveDraft(s.token, { structureName: 'Trop tard' }, 1, CLOSES))
    expect([error.status, error.code]).toEqual([409, 'submissions_closed'])
    expect((await getNominationByToken(s.token))?.values.structureName).toBe('')
  })

  test('an unknown link is a 404', async () => {
    expect((await rejection(saveDraft('x'.repeat(32), { town: 'Rennes' }, 1, DURING))).status).toBe(404)
  })
})

describe('attachments', () => {
  test('stores the file with its sniffed type and hash; it can be downloaded and removed', async () => {
    const s = await startedNomination()
    const bytes = pdf()
    const added = await addAttachment(s.token, { filename: 'statuts.PDF', bytes }, DURING)
    expect(added).toMatchObject({ filename: 'statuts.pdf', contentType: 'application/pdf', size: 64 })
    expect(added.sha256).toMatch(/^[0-9a-f]{64}$/)
    const file = await getAttachment(s.token, added.id)
    expect(file?.contentType).toBe('application/pdf')
    expect(Array.from(file?.data ?? [])).toEqual(Array.from(bytes))
    expect(await getAttachment('x'.repeat(32), added.id)).toBeNull()
    await removeAttachment(s.token, added.id, DURING)
    expect(await getAttachment(s.token, added.id)).toBeNull()
  })

  test('a sixth file is refused', async () => {
    const s = await startedNomination()
    for (let i = 0; i < ATTACHMENT_LIMITS.maxFiles; i++) await addAttachment(s.token, { filename: `piece-${i}.pdf`, bytes: pdf() }, DURING)
    const error = await rejection(addAttachment(s.token, { filename: 'sixieme.pdf', bytes: pdf() }, DURING))
    expect([error.status, error.fields]).toEqual([409, { file: ['nomination.attachment.error.tooMany'] }])
    expect(await prisma.nominationAttachment.count({ where: { nominationId: s.nominationId } })).toBe(5)
  })

  test('eight uploads at once still leave five files: the others are refused as too many', async () => {
    const s = await startedNomination()
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => addAttachment(s.token, { filename: `piece-${i}.pdf`, bytes: pdf() }, DURING)),
    )
    const refused = results.filter((r) => r.status === 'rejected').map((r) => (r.reason as AppError).fields)
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(ATTACHMENT_LIMITS.maxFiles)
    expect(refused).toEqual(Array.from({ length: 3 }, () => ({ file: ['nomination.attachment.error.tooMany'] })))
    expect(await prisma.nominationAttachment.count({ where: { nominationId: s.nominationId } })).toBe(ATTACHMENT_LIMITS.maxFiles)
  })

  test('10 MB is accepted and 10 MB + 1 byte refused', async () => {
    const s = await startedNomination()
    await addAttachment(s.token, { filename: 'max.pdf', bytes: pdf(ATTACHMENT_LIMITS.maxBytes) }, DURING)
    const error = await rejection(addAttachment(s.token, { filename: 'trop.pdf', bytes: pdf(ATTACHMENT_LIMITS.maxBytes + 1) }, DURING))
    expect([error.status, error.fields]).toEqual([413, { file: ['nomination.attachment.error.tooLarge'] }])
  })

  test('a renamed executable is refused', async () => {
    const s = await startedNomination()
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00])
    const error = await rejection(addAttachment(s.token, { filename: 'dossier.pdf', bytes: exe }, DURING))
    expect([error.status, error.fields]).toEqual([400, { file: ['nomination.attachment.error.type'] }])
    expect(await prisma.nominationAttachment.count({ where: { nominationId: s.nominationId } })).toBe(0)
  })
})

describe('submission', () => {
  test('one second before the deadline is accepted, with the confirmation and its summary in the outbox', async () => {
    const s = await filledNomination()
    await addAttachment(s.token, { filename: 'statuts.pdf', bytes: pdf() }, DURING)
    const justBefore = new Date(CLOSES.getTime() - 1000)
    await submitNomination(s.token, justBefore)
    const row = await prisma.nomination.findUniqueOrThrow({ where: { id: s.nominationId } })
    expect(row).toMatchObject({ status: 'submitted', submittedAt: justBefore })
    const email = await prisma.emailMessage.findFirstOrThrow({ where: { template: 'nomination-submitted', toAddress: row.contactEmail } })
    expect(JSON.parse(email.payload)).toMatchObject({
      editUrl: s.editUrl,
      firstName: 'Nadia',
      resubmitted: false,
      summary: {
        structureName: 'La Recyclerie du Pays',
        siret: '73282932000074',
        legalForm: 'association',
        category: 'Utilité sociale',
        projectTitle: 'Réparer plutôt que jeter',
        budgetCents: 25_000_000,
        attachments: ['statuts.pdf'],
      },
    })
    const rendered = await renderStoredEmail(email)
    expect(rendered.subject).toBe('Candidature reçue — Prix de l’ESS 2026')
    for (const text of ['La Recyclerie du Pays', '73282932000074', 'Utilité sociale', 'Réparer plutôt que jeter', 'statuts.pdf', s.editUrl])
      expect(rendered.text).toContain(text)
    expect(await prisma.auditLog.count({ where: { entityId: s.nominationId, action: 'nomination.submit' } })).toBe(1)
  })

  test('one second after the deadline is refused with 409', async () => {
    const s = await filledNomination()
    const error = await rejection(submitNomination(s.token, new Date(CLOSES.getTime() + 1000)))
    expect([error.status, error.code]).toEqual([409, 'submissions_closed'])
    const row = await prisma.nomination.findUniqueOrThrow({ where: { id: s.nominationId } })
    expect(row.status).toBe('draft')
    expect(await prisma.emailMessage.count({ where: { template: 'nomination-submitted', toAddress: row.contactEmail } })).toBe(0)
  })

  test('a SIRET with a bad checksum is refused', async () => {
    const s = await filledNomination()
    // The bad SIRET cannot be saved through the form: it would have been left out. Planted directly.
    await prisma.nomination.update({ where: { id: s.nominationId }, data: { siret: '73282932000075' } })
    const error = await rejection(submitNomination(s.token, DURING))
    expect([error.status, error.code, error.fields]).toEqual([422, 'invalid_nomination', { siret: ['nomination.error.siret'] }])
  })

  test('a missing field or required answer is refused with every field named', async () => {
    const s = await filledNomination()
    await saveDraft(s.token, { projectTitle: '', answers: { [s.question.id]: '' } }, 3, DURING)
    const error = await rejection(submitNomination(s.token, DURING))
    expect(error.fields).toEqual({
      projectTitle: ['nomination.error.required'],
      [`answers.${s.question.id}`]: ['nomination.error.required'],
    })
  })

  test('a structure too young is refused with the reason', async () => {
    const s = await filledNomination()
    await saveDraft(s.token, { creationDate: '2025-01-15' }, 1, DURING)
    const error = await rejection(submitNomination(s.token, DURING))
    expect([error.status, error.code, error.fields]).toEqual([422, 'not_eligible', { creationDate: ['prize.ineligible.too_young'] }])
    expect((await prisma.nomination.findUniqueOrThrow({ where: { id: s.nominationId } })).status).toBe('draft')
  })

  test('a submitted nomination can be edited until the deadline and stays submitted', async () => {
    const s = await filledNomination()
    await submitNomination(s.token, DURING)
    const result = await saveDraft(
      s.token,
      { projectTitle: 'Réparer et transmettre', structureName: '', creationDate: '2025-01-15' },
      3,
      DURING,
    )
    // Emptying a required field or breaking eligibility is refused on a submitted nomination.
    expect(result.fieldErrors).toEqual({ structureName: ['nomination.error.required'], creationDate: ['prize.ineligible.too_young'] })
    const view = await getNominationByToken(s.token, DURING)
    expect(view?.nomination.status).toBe('submitted')
    expect(view?.values).toMatchObject({
      projectTitle: 'Réparer et transmettre',
      structureName: 'La Recyclerie du Pays',
      creationDate: new Date('2015-03-12T00:00:00Z'),
    })
    await submitNomination(s.token, DURING)
    expect(await prisma.emailMessage.count({ where: { template: 'nomination-submitted', toAddress: view?.nomination.contactEmail } })).toBe(
      2,
    )
    expect(view?.editable).toBe(true)
    expect((await getNominationByToken(s.token, CLOSES))?.editable).toBe(false)
  })
})

describe('withdrawal', () => {
  test('withdraws, is harmless to repeat, and locks the form', async () => {
    const s = await filledNomination()
    await submitNomination(s.token, DURING)
    await withdrawNomination(s.token, DURING)
    await withdrawNomination(s.token, DURING)
    const row = await prisma.nomination.findUniqueOrThrow({ where: { id: s.nominationId } })
    expect(row).toMatchObject({ status: 'withdrawn', withdrawnAt: DURING })
    expect((await rejection(saveDraft(s.token, { town: 'Brest' }, 1, DURING))).code).toBe('nomination_withdrawn')
    expect((await rejection(submitNomination(s.token, DURING))).code).toBe('nomination_withdrawn')
    expect(await prisma.auditLog.count({ where: { entityId: s.nominationId, action: 'nomination.withdraw' } })).toBe(1)
  })
})

// Certificates against a real database: only attendees get one, the email carries a PDF naming
// the person and their hours, a second send does not duplicate, the wording's merge fields are
// checked when saved, and the personal link serves the attendee's PDF (404 for anyone else).
import { randomBytes } from 'node:crypto'
import { beforeEach, describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { hashToken } from '#app/modules/auth/session.server.ts'
import { renderStoredEmail } from '#app/modules/email/render.server.ts'
import { loader as certificateLinkLoader } from '#app/routes/links/r.$token_.certificat.tsx'
import { isAppError } from '#app/utils/errors.ts'
import { makeEvent, makeOrganisation } from '#tests/support/factories.ts'
import { pdfText } from '#tests/support/pdf-text.ts'
import { attendeeCertificate, certificateOverview, saveCertificateTemplate, sendCertificates } from './certificates.server.ts'

const paris = (local: string) => new Date(`${local}+01:00`)

async function makeRegistration(
  eventId: string,
  p: { firstName: string; lastName: string; locale?: 'fr' | 'en'; status?: string; checkedIn?: boolean },
) {
  const token = randomBytes(16).toString('hex')
  const registration = await prisma.registration.create({
    data: {
      eventId,
      firstName: p.firstName,
      lastName: p.lastName,
      email: `${p.firstName.toLowerCase()}.${randomBytes(3).toString('hex')}@example.org`,
      organisationName: 'SCOP Les Ateliers',
      organisationType: 'cooperative',
      locale: p.locale ?? 'fr',
      consentAt: new Date(),
      status: p.status ?? 'confirmed',
      manageTokenHash: hashToken(token),
      ticketCode: randomBytes(6).toString('hex'),
      checkedInAt: p.checkedIn ? paris('2027-02-04T09:05:00') : null,
    },
  })
  return { registration, token }
}

let eventId: string
let people: Record<'helene' | 'sam' | 'absent' | 'cancelled', Awaited<ReturnType<typeof makeRegistration>>>

async function certificateEmails() {
  return prisma.emailMessage.findMany({ where: { category: `certificate:${eventId}` }, orderBy: { createdAt: 'asc' } })
}

async function attachedPdfText(message: { template: string; payload: string; locale: string }) {
  const rendered = await renderStoredEmail(message)
  expect(rendered.attachments).toHaveLength(1)
  const [file] = rendered.attachments
  expect(file!.contentType).toBe('application/pdf')
  return { rendered, text: (await pdfText(file!.content as Buffer)).text }
}

beforeEach(async () => {
  const org = await makeOrganisation({ name: 'CRESS Occitanie' })
  await prisma.organisation.update({
    where: { id: org.id },
    data: { legalName: 'Chambre régionale de l’ESS Occitanie', address: '5 rue Saint-Rome, 31000 Toulouse', siret: '73282932000074' },
  })
  // A training day 9:00–17:30, already over: 7 hours planned (one day, capped at 7 h).
  const event = await makeEvent(org.id, {
    kind: 'training',
    title: 'YESS Académie : piloter son projet',
    startsAt: paris('2025-02-04T09:00:00'),
    endsAt: paris('2025-02-04T17:30:00'),
  })
  eventId = event.id
  people = {
    helene: await makeRegistration(eventId, { firstName: 'Hélène', lastName: 'Castan', checkedIn: true }),
    sam: await makeRegistration(eventId, { firstName: 'Sam', lastName: 'Taylor', locale: 'en', checkedIn: true }),
    absent: await makeRegistration(eventId, { firstName: 'Absente', lastName: 'Durand' }),
    cancelled: await makeRegistration(eventId, { firstName: 'Annulé', lastName: 'Roux', status: 'cancelled', checkedIn: true }),
  }
})

describe('sending certificates', () => {
  test('only the attendees who came get one, each in their language, with a PDF naming them and their hours', async () => {
    const result = await sendCertificates(eventId)
    expect(result).toEqual({ sent: 2, alreadySent: 0 })
    const emails = await certificateEmails()
    expect(emails.map((e) => e.toAddress).sort()).toEqual([people.helene.registration.email, people.sam.registration.email].sort())

    const fr = emails.find((e) => e.toAddress === people.helene.registration.email)!
    expect(fr.locale).toBe('fr')
    const { rendered, text } = await attachedPdfText(fr)
    expect(rendered.subject).toContain('Certificat de réalisation')
    expect(text).toContain('Certificat de réalisation')
    expect(text).toContain('Hélène Castan')
    expect(text).toContain('7 h sur 7 h prévues')
    expect(text).toContain('Chambre régionale de l’ESS Occitanie')
    expect(text).toContain('SIRET : 73282932000074')
    expect(text).toContain('action de formation')
    expect(text).toContain('Fait à Toulouse')

    const en = emails.find((e) => e.toAddress === people.sam.registration.email)!
    expect(en.locale).toBe('en')
    const english = await attachedPdfText(en)
    expect(english.text).toContain('Certificate of completion')
    expect(english.text).toContain('Sam Taylor')
    expect(english.text).toContain('7 h out of 7 h planned')
    expect(english.text).not.toContain('Hélène')

    const issues = await prisma.certificateIssue.findMany({ where: { eventId }, orderBy: { number: 'asc' } })
    expect(issues.map((i) => i.number)).toEqual([1, 2])
    expect(issues.every((i) => i.minutes === 420 && i.sentEmailId && i.sentAt)).toBe(true)
    expect(new Set(issues.map((i) => i.sentEmailId))).toEqual(new Set(emails.map((e) => e.id)))
  })

  test('a second send goes to nobody already sent; a newcomer gets theirs; "re-send to everyone" keeps the numbers', async () => {
    await sendCertificates(eventId)
    expect(await sendCertificates(eventId)).toEqual({ sent: 0, alreadySent: 2 })
    expect(await certificateEmails()).toHaveLength(2)

    await prisma.registration.update({ where: { id: people.absent.registration.id }, data: { checkedInAt: new Date() } })
    expect((await certificateOverview(eventId)).notSent).toBe(1)
    expect(await sendCertificates(eventId)).toEqual({ sent: 1, alreadySent: 2 })
    const emails = await certificateEmails()
    expect(emails.filter((e) => e.toAddress === people.absent.registration.email)).toHaveLength(1)
    expect(emails).toHaveLength(3)

    const before = await prisma.certificateIssue.findMany({ where: { eventId }, orderBy: { number: 'asc' } })
    expect(await sendCertificates(eventId, { resendAll: true })).toEqual({ sent: 3, alreadySent: 0 })
    expect(await certificateEmails()).toHaveLength(6)
    const after = await prisma.certificateIssue.findMany({ where: { eventId }, orderBy: { number: 'asc' } })
    expect(after.map((i) => [i.registrationId, i.number])).toEqual(before.map((i) => [i.registrationId, i.number]))
    expect(after.every((i, n) => i.sentEmailId !== before[n]!.sentEmailId)).toBe(true)
  })
})

describe('the wording', () => {
  test('an unknown merge field is refused, naming it; the saved wording is what the certificate says', async () => {
    const input = {
      title: null,
      body: 'Bravo {{prenom}} de {{ville}}',
      titleEn: null,
      bodyEn: null,
      signatoryName: null,
      signatoryRole: null,
    }
    const error = await saveCertificateTemplate(eventId, input).catch((e: unknown) => e)
    expect(isAppError(error) && error.code).toBe('unknown_merge_field')
    expect(isAppError(error) && error.fields).toEqual({ body: ['certificates.error.unknownField'] })
    expect(isAppError(error) && error.params?.fields).toBe('{{ville}}')
    expect(await prisma.certificateTemplate.count({ where: { eventId } })).toBe(0)

    await saveCertificateTemplate(eventId, {
      ...input,
      title: 'Attestation de fin de formation',
      body: '{{prenom}} {{nom}} a suivi {{heures}} de « {{evenement}} ».',
      signatoryName: 'Marie Fabre',
      signatoryRole: 'Directrice',
    })
    await sendCertificates(eventId)
    const fr = (await certificateEmails()).find((e) => e.toAddress === people.helene.registration.email)!
    const { text } = await attachedPdfText(fr)
    expect(text).toContain('Attestation de fin de formation')
    expect(text).toContain('Hélène Castan a suivi 7 h de « YESS Académie : piloter son projet ».')
    expect(text).toContain('Marie Fabre')
    expect(text).toContain('Directrice')
    // The English attendee keeps the English default: the organiser wrote French only.
    const en = (await certificateEmails()).find((e) => e.toAddress === people.sam.registration.email)!
    expect((await attachedPdfText(en)).text).toContain('Certificate of completion')
  })
})

describe('the personal link', () => {
  const open = (token: string) =>
    certificateLinkLoader({ request: new Request(`http://localhost/r/${token}/certificat`), params: { token }, context: {} })
  const status = (p: Promise<unknown>) =>
    p.then(
      (r) => (r as Response).status,
      (thrown: unknown) => (thrown as Response).status,
    )

  test('serves the attendee their own PDF; 404 for the registered who did not come, and for the cancelled', async () => {
    const response = await open(people.helene.token)
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('application/pdf')
    const text = (await pdfText(Buffer.from(await response.arrayBuffer()))).text
    expect(text).toContain('Hélène Castan')
    expect(text).not.toContain('Sam Taylor')
    expect(await status(open(people.absent.token))).toBe(404)
    expect(await status(open(people.cancelled.token))).toBe(404)
  })

  test('before the event has ended, only once issued', async () => {
    await prisma.event.update({ where: { id: eventId }, data: { endsAt: new Date(Date.now() + 3600_000) } })
    expect(await attendeeCertificate(people.helene.registration.id)).toBeNull()
    expect(await status(open(people.helene.token))).toBe(404)
    await sendCertificates(eventId)
    expect((await attendeeCertificate(people.helene.registration.id))?.trainee.name).toBe('Hélène Castan')
  })
})

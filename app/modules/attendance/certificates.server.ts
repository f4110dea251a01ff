// Certificates of an event: the wording the organiser sets (CertificateTemplate), who gets one
// (the attendees of attendanceOf, never the merely registered), issuing and sending them through
// the outbox in one transaction with their CertificateIssue rows, and the document of each person
// for the organiser's downloads and the attendee's personal link.
import { prisma } from '#app/db.server.ts'
import { enqueueEmail } from '#app/modules/email/outbox.server.ts'
import { getLegalDetails } from '#app/modules/organisations/legal.server.ts'
import { formatDate, formatEventDates } from '#app/shared/time.ts'
import { AppError } from '#app/utils/errors.ts'
import { isLocale, type Locale } from '#app/utils/i18n.ts'
import { attendanceOf } from './attended.server.ts'
import type { CertificateDocument } from './certificate-pdf.server.ts'
import {
  certificateKindOf,
  certificateReference,
  formatHours,
  MERGE_FIELDS,
  plannedMinutes,
  recipientsOf,
  renderMergeFields,
  unknownMergeFields,
  wordingFor,
} from './certificate-rules.ts'

/** Outbox rows are written in transactions of this many certificates: a 500-person send holds no lock for long. */
const SEND_BATCH = 100

export type CertificateTemplateInput = {
  title: string | null
  body: string | null
  titleEn: string | null
  bodyEn: string | null
  signatoryName: string | null
  signatoryRole: string | null
}

export async function getCertificateTemplate(eventId: string) {
  return prisma.certificateTemplate.findUnique({ where: { eventId } })
}

/** Saves the wording; a field the certificate does not know ({{prénom}} for {{prenom}}) is refused, naming it. */
export async function saveCertificateTemplate(eventId: string, input: CertificateTemplateInput) {
  const fields: Record<string, string[]> = {}
  const unknown: string[] = []
  for (const name of ['title', 'body', 'titleEn', 'bodyEn'] as const) {
    const bad = unknownMergeFields(input[name] ?? '')
    if (bad.length) {
      fields[name] = ['certificates.error.unknownField']
      unknown.push(...bad)
    }
  }
  if (unknown.length)
    throw new AppError({
      status: 422,
      code: 'unknown_merge_field',
      messageKey: 'certificates.error.unknownField',
      params: { fields: [...new Set(unknown)].map((f) => `{{${f}}}`).join(', '), allowed: MERGE_FIELDS.map((f) => `{{${f}}}`).join(' ') },
      fields,
    })
  return prisma.certificateTemplate.upsert({ where: { eventId }, create: { eventId, ...input }, update: input })
}

async function eventForCertificates(eventId: string) {
  const event = await prisma.event.findUniqueOrThrow({
    where: { id: eventId },
    select: {
      id: true,
      slug: true,
      kind: true,
      title: true,
      startsAt: true,
      endsAt: true,
      timeZone: true,
      venueName: true,
      address: true,
      town: true,
      onlineUrl: true,
      organisationId: true,
      organisation: { select: { name: true } },
      certificateTemplate: true,
    },
  })
  const legal = await getLegalDetails(event.organisationId)
  return { ...event, legal }
}
type CertificateEvent = Awaited<ReturnType<typeof eventForCertificates>>

type Person = { firstName: string; lastName: string; organisationName: string | null; locale: Locale }

/** Everything printed on one person's certificate, in their language. */
export function certificateDocument(
  event: CertificateEvent,
  person: Person,
  minutes: number,
  reference: string,
  issuedAt: Date,
): CertificateDocument {
  const locale = person.locale
  const kind = certificateKindOf(event.kind)
  const organisation = event.legal.legalName || event.organisation.name
  const place = [event.venueName, event.town].filter(Boolean).join(', ') || null
  const dates = formatEventDates(locale, event.startsAt, event.endsAt, event.timeZone)
  const planned = plannedMinutes(event.startsAt, event.endsAt, event.timeZone)
  const values = {
    prenom: person.firstName,
    nom: person.lastName,
    evenement: event.title,
    dates,
    heures: formatHours(minutes, locale),
    heures_prevues: formatHours(planned, locale),
    organisation,
    lieu: place ?? event.onlineUrl ?? '',
  }
  const wording = wordingFor(kind, locale, event.certificateTemplate)
  const date = formatDate(locale, issuedAt, event.timeZone)
  return {
    locale,
    kind,
    reference,
    title: renderMergeFields(wording.title, values),
    body: renderMergeFields(wording.body, values),
    organisation: { name: organisation, address: event.legal.address, siret: event.legal.siret },
    trainee: { name: `${person.firstName} ${person.lastName}`, organisation: person.organisationName },
    action: { title: event.title, dates, place },
    hoursAttended: values.heures,
    hoursPlanned: values.heures_prevues,
    placeAndDate: event.town ? (locale === 'en' ? `${event.town}, ${date}` : `Fait à ${event.town}, le ${date}`) : date,
    signatory: { name: event.certificateTemplate?.signatoryName ?? null, role: event.certificateTemplate?.signatoryRole ?? null },
  }
}

const localeOf = (value: string): Locale => (isLocale(value) ? value : 'fr')

/** The organiser's view: each attendee with their minutes and whether their certificate was sent. */
export async function certificateOverview(eventId: string) {
  const event = await eventForCertificates(eventId)
  const attendance = await attendanceOf(eventId)
  const ids = [...attendance.keys()]
  const [people, issues] = await Promise.all([
    prisma.registration.findMany({
      where: { id: { in: ids } },
      select: { id: true, firstName: true, lastName: true, email: true, locale: true },
      orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }],
    }),
    prisma.certificateIssue.findMany({ where: { eventId } }),
  ])
  const issueOf = new Map(issues.map((i) => [i.registrationId, i]))
  const attendees = people.map((p) => {
    const issue = issueOf.get(p.id)
    return {
      registrationId: p.id,
      name: `${p.firstName} ${p.lastName}`,
      email: p.email,
      locale: localeOf(p.locale),
      minutes: attendance.get(p.id)!.minutes,
      source: attendance.get(p.id)!.source,
      reference: issue ? certificateReference(event.slug, issue.number) : null,
      sentAt: issue?.sentAt ?? null,
    }
  })
  return {
    kind: certificateKindOf(event.kind),
    plannedMinutes: plannedMinutes(event.startsAt, event.endsAt, event.timeZone),
    template: event.certificateTemplate,
    ended: event.endsAt.getTime() <= Date.now(),
    attendees,
    notSent: attendees.filter((a) => !a.sentAt).length,
  }
}

/**
 * Issues and emails the certificates: to every attendee not yet sent one, or to all of them again
 * with `resendAll`. Each issue row and its outbox row are written in the same transaction; the PDF
 * is drawn when the worker renders the message (emails/certificate.tsx), from the stored document.
 */
export async function sendCertificates(eventId: string, opts: { resendAll?: boolean; now?: Date } = {}) {
  const now = opts.now ?? new Date()
  const event = await eventForCertificates(eventId)
  const attendance = await attendanceOf(eventId)
  const issued = await prisma.certificateIssue.findMany({ where: { eventId }, select: { registrationId: true, sentAt: true } })
  const sent = new Set(issued.filter((i) => i.sentAt).map((i) => i.registrationId))
  const recipients = recipientsOf(
    [...attendance].map(([registrationId, a]) => ({ registrationId, minutes: a.minutes })),
    sent,
    opts.resendAll ?? false,
  )
  let count = 0
  for (let start = 0; start < recipients.length; start += SEND_BATCH) {
    const batch = recipients.slice(start, start + SEND_BATCH)
    const people = await prisma.registration.findMany({
      where: { id: { in: batch.map((b) => b.registrationId) } },
      select: { id: true, firstName: true, lastName: true, email: true, organisationName: true, locale: true },
    })
    const personOf = new Map(people.map((p) => [p.id, p]))
    await prisma.$transaction(
      async (tx) => {
        const existing = new Map(
          (await tx.certificateIssue.findMany({ where: { registrationId: { in: batch.map((b) => b.registrationId) } } })).map((i) => [
            i.registrationId,
            i,
          ]),
        )
        let last = (await tx.certificateIssue.aggregate({ where: { eventId }, _max: { number: true } }))._max.number ?? 0
        for (const { registrationId, minutes } of batch) {
          const p = personOf.get(registrationId)
          if (!p) continue
          const before = existing.get(registrationId)
          // A re-send keeps the certificate's number and first issue date; the hours may have changed.
          const number = before?.number ?? ++last
          const issuedAt = before?.issuedAt ?? now
          const locale = localeOf(p.locale)
          const document = certificateDocument(event, { ...p, locale }, minutes, certificateReference(event.slug, number), issuedAt)
          const email = await enqueueEmail(tx, {
            to: p.email,
            toName: `${p.firstName} ${p.lastName}`,
            locale,
            template: 'certificate',
            props: { firstName: p.firstName, eventTitle: event.title, document },
            organisationId: event.organisationId,
            category: `certificate:${eventId}`,
          })
          if (before) await tx.certificateIssue.update({ where: { id: before.id }, data: { minutes, sentAt: now, sentEmailId: email.id } })
          else
            await tx.certificateIssue.create({
              data: { eventId, registrationId, number, minutes, issuedAt, sentAt: now, sentEmailId: email.id },
            })
          count++
        }
      },
      { timeout: 60_000 },
    )
  }
  return { sent: count, alreadySent: opts.resendAll ? 0 : sent.size }
}

/** One attendee's certificate as it is (or would be) issued; null for someone who did not attend. */
export async function certificateOf(eventId: string, registrationId: string): Promise<CertificateDocument | null> {
  return (await certificatesOf(eventId, [registrationId]))[0] ?? null
}

/** The certificates of these attendees (all attendees when omitted), in name order; non-attendees are left out. */
export async function certificatesOf(eventId: string, registrationIds?: string[]): Promise<CertificateDocument[]> {
  const event = await eventForCertificates(eventId)
  const attendance = await attendanceOf(eventId)
  const issues = await prisma.certificateIssue.findMany({
    where: { eventId, ...(registrationIds ? { registrationId: { in: registrationIds } } : {}) },
  })
  const issueOf = new Map(issues.map((i) => [i.registrationId, i]))
  // An issued certificate stays available even if the attendance it stated was later corrected.
  const ids = (registrationIds ?? [...new Set([...attendance.keys(), ...issueOf.keys()])]).filter(
    (id) => attendance.has(id) || issueOf.has(id),
  )
  const people = await prisma.registration.findMany({
    where: { id: { in: ids }, eventId },
    select: { id: true, firstName: true, lastName: true, organisationName: true, locale: true },
    orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }],
  })
  return people.map((p) => {
    const issue = issueOf.get(p.id)
    // Not issued yet: the organiser's download shows what would be sent, numbered "0000".
    return certificateDocument(
      event,
      { ...p, locale: localeOf(p.locale) },
      issue?.minutes ?? attendance.get(p.id)!.minutes,
      certificateReference(event.slug, issue?.number ?? 0),
      issue?.issuedAt ?? new Date(),
    )
  })
}

/** The wording's preview: a made-up attendee, the event's planned hours, in `locale`. */
export async function certificatePreview(eventId: string, locale: Locale): Promise<CertificateDocument> {
  const event = await eventForCertificates(eventId)
  const sample = locale === 'en' ? { firstName: 'Alex', lastName: 'Sample' } : { firstName: 'Camille', lastName: 'Exemple' }
  return certificateDocument(
    event,
    { ...sample, organisationName: null, locale },
    plannedMinutes(event.startsAt, event.endsAt, event.timeZone),
    certificateReference(event.slug, 0),
    new Date(),
  )
}

/** Whether the attendee's personal link offers a certificate: once issued, or once the event has ended when they attended. */
export async function certificateAvailableFor(registrationId: string, now = new Date()): Promise<boolean> {
  const registration = await prisma.registration.findUnique({
    where: { id: registrationId },
    select: { eventId: true, certificate: { select: { id: true } }, event: { select: { endsAt: true } } },
  })
  if (!registration) return false
  if (registration.certificate) return true
  if (registration.event.endsAt.getTime() > now.getTime()) return false
  return (await attendanceOf(registration.eventId)).has(registrationId)
}

/** What the attendee's personal link serves (see certificateAvailableFor); null otherwise (the route answers 404). */
export async function attendeeCertificate(registrationId: string, now = new Date()): Promise<CertificateDocument | null> {
  if (!(await certificateAvailableFor(registrationId, now))) return null
  const registration = await prisma.registration.findUniqueOrThrow({ where: { id: registrationId }, select: { eventId: true } })
  return certificateOf(registration.eventId, registrationId)
}

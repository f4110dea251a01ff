// Contacts against a real database (SQLite and PostgreSQL): the import with its report (every
// line accounted for, duplicates, updates), one contact at a time, attendees and nominees added
// as contacts, the audience selection, the export, and organisation isolation.
import { randomBytes } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { suppress } from '#app/modules/email/suppression.server.ts'
import { attendeesOfEvents } from '#app/modules/registrations/attendees.server.ts'
import { nomineesOfEdition } from '#app/modules/nominations/contacts.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { addAttendeesAsContacts, addNomineesAsContacts } from '#app/composition/contacts.server.ts'
import { countAudience, selectAudience } from '#app/modules/campaigns/audience.server.ts'
import { makeEvent, makeOrganisation } from '#tests/support/factories.ts'
import { readCsv } from './csv.ts'
import { guessMapping, parseTags } from './schema.ts'
import { createContact, deleteContact, exportContactsCsv, listContacts, previewImport, runImport, updateContact } from './service.server.ts'

const uid = () => randomBytes(4).toString('hex')
const utf8 = (s: string) => new TextEncoder().encode(s)
const cp1252 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)))

const FILE = [
  'Prénom;Nom;E-mail;Structure;Type;Département;Langue;Étiquettes',
  'Hélène;Castan;helene.castan@example.org;Société Générale;Association;31;fr;adhérents',
  'Paul;Durand;pas-une-adresse;SCOP Atelier;SCOP;34;;',
  'Marie;Rey;marie.rey@example.org;"Mairie de Foix; service ESS";Élu·e;9;;élus, EPCI',
  'Marie;Rey-bis;MARIE.REY@example.org;Autre;Association;09;;',
  'Jean;Vidal;jean.vidal@example.org;Coop;Martien;31;;',
  '',
  'Luc;Petit;luc.petit@example.org;"Le ""Bon"" Coin";Association;81;en;',
  'Ana;Lopez;ana.lopez@example.org;"Sans fin;Association;31;fr;',
  'Zoé;Martin;zoe.martin@example.org;Asso;Association;12;fr;adhérents',
  'Trop;De;colonnes@example.org;A;Association;31;fr;x;y',
].join('\r\n')

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(AppError)
  return error as AppError
}

describe('import', () => {
  test('a Windows-1252 semicolon file: preview, then import with a report accounting for every line', async () => {
    const org = await makeOrganisation()
    const bytes = cp1252(FILE)
    const preview = await previewImport(org.id, bytes)
    expect(preview.encoding).toBe('windows-1252')
    expect(preview.separator).toBe(';')
    expect(preview.mapping).toEqual({ firstName: 0, lastName: 1, email: 2, structure: 3, profile: 4, departement: 5, locale: 6, tags: 7 })
    expect(preview.sample[0]!.values.structure).toBe('Société Générale')
    expect(preview.rows).toBe(9)
    expect(preview.valid).toBe(4)
    expect(preview.existing).toBe(0)
    expect(await prisma.contact.count({ where: { organisationId: org.id } })).toBe(0)

    const report = await runImport(org.id, bytes, preview.mapping, { tagsToAdd: ['Import 2026'] })
    expect(report).toMatchObject({ encoding: 'windows-1252', rows: 9, created: 4, updated: 0, unchanged: 0, blankLines: [7] })
    expect(report.rejected.map((r) => [r.line, r.reasons.map((x) => x.key)])).toEqual([
      [3, ['contacts.error.emailInvalid']],
      [5, ['contacts.import.reason.duplicate']],
      [6, ['contacts.error.profileUnknown']],
      [9, ['contacts.import.reason.unterminatedQuote']],
      [11, ['contacts.import.reason.columnCount']],
    ])
    expect(report.rejected[1]!.reasons[0]!.params).toEqual({ line: 4 })
    expect(report.rejected[0]!.raw).toBe('Paul;Durand;pas-une-adresse;SCOP Atelier;SCOP;34;;')
    // Every data line is created, updated, unchanged or rejected.
    expect(report.created + report.updated + report.unchanged + report.rejected.length).toBe(report.rows)

    const marie = await prisma.contact.findUniqueOrThrow({
      where: { organisationId_email: { organisationId: org.id, email: 'marie.rey@example.org' } },
    })
    expect(marie).toMatchObject({
      lastName: 'Rey',
      structure: 'Mairie de Foix; service ESS',
      profile: 'elu',
      departement: '09',
      locale: 'fr',
      source: 'import',
    })
    expect(parseTags(marie.tags)).toEqual(['élus', 'epci', 'import 2026'])
    const luc = await prisma.contact.findUniqueOrThrow({
      where: { organisationId_email: { organisationId: org.id, email: 'luc.petit@example.org' } },
    })
    expect(luc).toMatchObject({ structure: 'Le "Bon" Coin', locale: 'en' })
    expect(await prisma.auditLog.count({ where: { organisationId: org.id, action: 'contact.import' } })).toBe(1)
  })

  test('again: existing contacts are left alone, or updated (filled cells only, tags added) when asked', async () => {
    const org = await makeOrganisation()
    await runImport(
      org.id,
      utf8('email;prénom;nom;structure;étiquettes\nanne@example.org;Anne;Guérin;Asso A;adhérents\nbob@example.org;Bob;B;;\n'),
      guessMapping(['email', 'prénom', 'nom', 'structure', 'étiquettes']),
    )
    const second = utf8(
      'email;prénom;nom;structure;étiquettes\nanne@example.org;Anne-Marie;;;élus\nbob@example.org;Bob;B;;\ncarl@example.org;Carl;C;;\n',
    )
    const mapping = guessMapping(['email', 'prénom', 'nom', 'structure', 'étiquettes'])

    const skipped = await runImport(org.id, second, mapping)
    expect(skipped).toMatchObject({ created: 1, updated: 0, unchanged: 2 })
    const preview = await previewImport(org.id, second, mapping)
    expect(preview.existing).toBe(3)

    const updated = await runImport(org.id, second, mapping, { updateExisting: true })
    expect(updated).toMatchObject({ created: 0, updated: 1, unchanged: 2 })
    const anne = await prisma.contact.findUniqueOrThrow({
      where: { organisationId_email: { organisationId: org.id, email: 'anne@example.org' } },
    })
    expect(anne).toMatchObject({ firstName: 'Anne-Marie', lastName: 'Guérin', structure: 'Asso A' })
    expect(parseTags(anne.tags)).toEqual(['adhérents', 'élus'])
    expect(anne.searchText).toContain('anne marie')
  })

  test('10,000 rows in one go, every line accounted for', async () => {
    const org = await makeOrganisation()
    const lines = ['email,first name,last name,organisation,département,tags']
    for (let i = 0; i < 10_000; i++)
      lines.push(
        `person${i}@example.org,Prénom${i},Nom${i},Structure ${i % 50},${['31', '34', '09', '2A'][i % 4]},"adhérents,lot ${i % 3}"`,
      )
    lines.push('broken,,,,,')
    const bytes = utf8(lines.join('\n'))
    const report = await runImport(org.id, bytes, guessMapping(readCsv(bytes).headers))
    expect(report.created).toBe(10_000)
    expect(report.rejected.map((r) => r.line)).toEqual([10_002])
    expect(await prisma.contact.count({ where: { organisationId: org.id } })).toBe(10_000)
  }, 120_000)

  test('unreadable files are refused clearly', async () => {
    const org = await makeOrganisation()
    expect((await rejection(previewImport(org.id, new Uint8Array()))).code).toBe('import_empty')
    expect((await rejection(runImport(org.id, utf8('nom;prénom\nA;B\n'), guessMapping(['nom', 'prénom'])))).code).toBe('import_no_email')
  })
})

describe('one contact', () => {
  test('create, duplicate address refused, update, delete; each audited', async () => {
    const org = await makeOrganisation()
    const { id } = await createContact(
      org.id,
      { email: 'Lea@Example.org', firstName: 'Léa', lastName: 'Marchand', tags: 'Partenaires' },
      { actorUserId: null },
    )
    const taken = await rejection(createContact(org.id, { email: 'lea@example.org' }))
    expect(taken.status).toBe(409)
    expect(taken.fields).toEqual({ email: ['contacts.error.emailTaken'] })
    const invalid = await rejection(createContact(org.id, { email: 'x', departement: '99' }))
    expect(invalid.fields).toEqual({ email: ['contacts.error.emailInvalid'], departement: ['contacts.error.departementInvalid'] })

    await updateContact(org.id, id, {
      email: 'lea@example.org',
      firstName: 'Léa',
      lastName: 'Marchand',
      departement: '34',
      tags: 'partenaires, élus',
    })
    const row = await prisma.contact.findUniqueOrThrow({ where: { id } })
    expect(row.departement).toBe('34')
    expect(parseTags(row.tags)).toEqual(['partenaires', 'élus'])

    const found = await listContacts(org.id, { q: 'lea marchand' })
    expect(found.rows.map((r) => r.id)).toEqual([id])
    expect((await listContacts(org.id, { tag: 'élus' })).total).toBe(1)
    expect((await listContacts(org.id, { tag: 'epci' })).total).toBe(0)

    await deleteContact(org.id, id)
    expect(await prisma.contact.count({ where: { id } })).toBe(0)
    const actions = (await prisma.auditLog.findMany({ where: { entityType: 'contact', entityId: id }, orderBy: { createdAt: 'asc' } })).map(
      (a) => a.action,
    )
    expect(actions).toEqual(['contact.create', 'contact.update', 'contact.delete'])
  })
})

async function register(eventId: string, email: string, status = 'confirmed', extra: { checkedInAt?: Date; departement?: string } = {}) {
  return prisma.registration.create({
    data: {
      eventId,
      firstName: email.split('@')[0]!,
      lastName: 'Participant',
      email,
      organisationName: 'SCIC Terres',
      organisationType: 'cooperative',
      departement: extra.departement ?? '31',
      consentAt: new Date(),
      status,
      manageTokenHash: `m-${uid()}`,
      ticketCode: `T${uid()}`,
      checkedInAt: extra.checkedInAt ?? null,
    },
  })
}

async function makeEdition(organisationId: string) {
  const edition = await prisma.prizeEdition.create({
    data: {
      organisationId,
      slug: `prix-${uid()}`,
      title: 'Prix de l’ESS 2026',
      year: 2026,
      status: 'published',
      submissionsOpenAt: new Date('2026-05-10T08:00:00Z'),
      submissionsCloseAt: new Date('2026-06-30T22:00:00Z'),
    },
  })
  const nominate = (email: string, status: string, legalForm = 'association') =>
    prisma.nomination.create({
      data: {
        editionId: edition.id,
        status,
        structureName: `Structure ${email}`,
        contactEmail: email,
        contactFirstName: 'Nina',
        contactLastName: 'Nominee',
        legalForm,
        departement: '34',
        editTokenHash: `e-${uid()}`,
      },
    })
  await nominate('nominee.a@example.org', 'submitted', 'cooperative')
  await nominate('nominee.b@example.org', 'shortlisted', 'societe_ess')
  await nominate('draft@example.org', 'draft')
  await nominate('gone@example.org', 'withdrawn')
  return edition
}

describe('attendees and nominees', () => {
  test('attendeesOfEvents: confirmed (checked in or not) of this organisation’s events only', async () => {
    const org = await makeOrganisation()
    const other = await makeOrganisation()
    const event = await makeEvent(org.id)
    const foreign = await makeEvent(other.id)
    await register(event.id, 'came@example.org', 'confirmed', { checkedInAt: new Date() })
    await register(event.id, 'confirmed@example.org')
    await register(event.id, 'waiting@example.org', 'waitlisted')
    await register(event.id, 'cancelled@example.org', 'cancelled')
    await register(foreign.id, 'foreign@example.org')
    const attendees = await attendeesOfEvents(org.id, [event.id, foreign.id])
    expect(attendees.map((a) => [a.email, a.checkedIn]).sort()).toEqual([
      ['came@example.org', true],
      ['confirmed@example.org', false],
    ])
    expect(await attendeesOfEvents(other.id, [event.id])).toEqual([])
  })

  test('added as contacts with a tag; existing contacts only get the tag; nominees without drafts or withdrawals', async () => {
    const org = await makeOrganisation()
    const event = await makeEvent(org.id)
    await register(event.id, 'came@example.org', 'confirmed', { departement: '9' })
    await register(event.id, 'known@example.org')
    await register(event.id, 'waiting@example.org', 'waitlisted')
    await createContact(org.id, { email: 'known@example.org', firstName: 'Known', structure: 'Ma structure', tags: 'adhérents' })

    const added = await addAttendeesAsContacts(org.id, event.id, 'Participants 2026')
    expect(added).toEqual({ found: 2, created: 1, tagged: 1, unchanged: 0 })
    const came = await prisma.contact.findUniqueOrThrow({
      where: { organisationId_email: { organisationId: org.id, email: 'came@example.org' } },
    })
    expect(came).toMatchObject({ source: 'attendee', profile: 'cooperative', structure: 'SCIC Terres', departement: '09' })
    expect(parseTags(came.tags)).toEqual(['participants 2026'])
    const known = await prisma.contact.findUniqueOrThrow({
      where: { organisationId_email: { organisationId: org.id, email: 'known@example.org' } },
    })
    expect(known).toMatchObject({ firstName: 'Known', structure: 'Ma structure', source: 'manual' })
    expect(parseTags(known.tags)).toEqual(['adhérents', 'participants 2026'])
    // Twice changes nothing.
    expect(await addAttendeesAsContacts(org.id, event.id, 'participants 2026')).toEqual({ found: 2, created: 0, tagged: 0, unchanged: 2 })

    const edition = await makeEdition(org.id)
    expect((await nomineesOfEdition(org.id, edition.id)).map((n) => n.email).sort()).toEqual([
      'nominee.a@example.org',
      'nominee.b@example.org',
    ])
    const other = await makeOrganisation()
    expect(await nomineesOfEdition(other.id, edition.id)).toEqual([])
    expect(await addNomineesAsContacts(other.id, edition.id, 'candidats')).toEqual({ found: 0, created: 0, tagged: 0, unchanged: 0 })

    const nominees = await addNomineesAsContacts(org.id, edition.id, 'candidats')
    expect(nominees).toEqual({ found: 2, created: 2, tagged: 0, unchanged: 0 })
    const b = await prisma.contact.findUniqueOrThrow({
      where: { organisationId_email: { organisationId: org.id, email: 'nominee.b@example.org' } },
    })
    expect(b).toMatchObject({ source: 'nominee', profile: 'esus', departement: '34', structure: 'Structure nominee.b@example.org' })
    expect(await prisma.contact.count({ where: { organisationId: other.id } })).toBe(0)
  })
})

describe('audience', () => {
  test('selectAudience / countAudience: OR within, AND across, hand-picked, attendees, suppressed flagged, other organisations never', async () => {
    const org = await makeOrganisation()
    const other = await makeOrganisation()
    const mk = (email: string, departement: string, profile: string, tags: string) =>
      createContact(org.id, { email, departement, profile, tags })
    const epci31 = await mk('epci31@example.org', '31', 'collectivite', 'epci')
    await mk('elu34@example.org', '34', 'elu', 'élus')
    await mk('elu31@example.org', '31', 'elu', 'élus, epci')
    const asso = await mk('asso09@example.org', '09', 'association', 'adhérents')
    await createContact(other.id, { email: 'epci31@example.org', departement: '31', tags: 'epci' })
    await createContact(other.id, { email: 'foreign@example.org', departement: '31', tags: 'epci' })
    await prisma.$transaction((tx) => suppress(tx, org.id, 'elu31@example.org', 'unsubscribe'))

    const emails = async (a: Parameters<typeof selectAudience>[1]) => (await selectAudience(org.id, a)).map((r) => r.email)
    expect(await emails({})).toEqual([])
    expect(await emails({ tags: ['epci', 'élus'] })).toEqual(['elu31@example.org', 'elu34@example.org', 'epci31@example.org'])
    expect(await emails({ tags: ['EPCI'], departements: ['31'] })).toEqual(['elu31@example.org', 'epci31@example.org'])
    expect(await emails({ profiles: ['elu'], departements: ['31'] })).toEqual(['elu31@example.org'])
    expect(await emails({ tags: ['epci'], contactIds: [asso.id] })).toEqual([
      'asso09@example.org',
      'elu31@example.org',
      'epci31@example.org',
    ])
    expect(await emails({ contactIds: [asso.id, epci31.id] })).toEqual(['asso09@example.org', 'epci31@example.org'])

    const selected = await selectAudience(org.id, { tags: ['epci'] })
    expect(selected.find((r) => r.email === 'elu31@example.org')).toMatchObject({
      suppressed: true,
      profile: 'elu',
      departement: '31',
      locale: 'fr',
    })
    expect(selected.find((r) => r.email === 'epci31@example.org')).toMatchObject({ contactId: epci31.id, suppressed: false })
    expect(await countAudience(org.id, { tags: ['epci'] })).toEqual({ total: 2, suppressed: 1 })

    // Attendees of an event: contacts among them keep their contact data; the others come from the registration.
    const event = await makeEvent(org.id)
    await register(event.id, 'epci31@example.org')
    await register(event.id, 'newcomer@example.org', 'confirmed', { departement: '31' })
    await register(event.id, 'waiting@example.org', 'waitlisted')
    const attendees = await selectAudience(org.id, { attendeesOfEventIds: [event.id] })
    expect(attendees.map((r) => [r.email, r.contactId])).toEqual([
      ['epci31@example.org', epci31.id],
      ['newcomer@example.org', null],
    ])
    expect(await emails({ attendeesOfEventIds: [event.id], tags: ['epci'] })).toEqual(['epci31@example.org'])
    expect(await emails({ attendeesOfEventIds: [event.id], profiles: ['cooperative'] })).toEqual(['newcomer@example.org'])
    // Another organisation's event or contacts never leak in.
    const foreignEvent = await makeEvent(other.id)
    await register(foreignEvent.id, 'foreign.attendee@example.org')
    expect(await emails({ attendeesOfEventIds: [foreignEvent.id] })).toEqual([])
    const otherContact = await prisma.contact.findFirstOrThrow({ where: { organisationId: other.id, email: 'foreign@example.org' } })
    expect(await emails({ contactIds: [otherContact.id] })).toEqual([])
    expect(await countAudience(org.id, { departements: ['31'] })).toEqual({ total: 2, suppressed: 1 })
  })
})

describe('isolation and export', () => {
  test('lists, search, edits and exports never reach another organisation’s contacts', async () => {
    const org = await makeOrganisation()
    const other = await makeOrganisation()
    await createContact(org.id, { email: 'mine@example.org', firstName: 'Mine', profile: 'association', tags: 'adhérents' })
    const theirs = await createContact(other.id, { email: 'theirs@example.org', firstName: 'Theirs', tags: 'adhérents' })
    expect((await listContacts(org.id, {})).rows.map((r) => r.email)).toEqual(['mine@example.org'])
    expect((await listContacts(org.id, { q: 'theirs' })).total).toBe(0)
    expect((await rejection(updateContact(org.id, theirs.id, { email: 'stolen@example.org' }))).status).toBe(404)
    expect((await rejection(deleteContact(org.id, theirs.id))).status).toBe(404)
    expect(await prisma.contact.count({ where: { id: theirs.id, email: 'theirs@example.org' } })).toBe(1)

    const csv = await exportContactsCsv(org.id, { tag: 'adhérents' }, 'fr')
    expect(csv.body.startsWith('\uFEFF')).toBe(true)
    expect(csv.body).toContain('mine@example.org')
    expect(csv.body).not.toContain('theirs@example.org')
    // The export reads back through the import with the guessed mapping.
    const bytes = new TextEncoder().encode(csv.body)
    const preview = await previewImport(other.id, bytes)
    expect(preview.rejected).toEqual([])
    expect(preview.sample[0]!.values).toMatchObject({ email: 'mine@example.org', profile: 'Association', tags: 'adhérents' })
    expect(preview.valid).toBe(1)
  })
})

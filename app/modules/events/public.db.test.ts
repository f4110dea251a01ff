// The public listing and event pages against a real database (SQLite and PostgreSQL).
import { register } from '#app/composition/registrations.server.ts'
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { makeEvent, makeOrganisation, makeSlotWithWorkshops, person } from '#tests/support/factories.ts'
import { availabilityOf, clearPublicCache, getPublicEvent, listPublicEvents, parseDayEnd, parseDayStart } from './public.server.ts'

const DAY = 24 * 3600_000
const now = new Date()
const inDays = (n: number) => new Date(now.getTime() + n * DAY)

async function setup() {
  const occitanie = await prisma.organisation.create({ data: { slug: 'cress-occ-test', name: 'CRESS Occitanie', region: 'Occitanie' } })
  const idf = await prisma.organisation.create({ data: { slug: 'cress-idf-test', name: 'CRESS Île-de-France', region: 'Île-de-France' } })
  const conference = await makeEvent(occitanie.id, { title: 'Conférence régionale', startsAt: inDays(10), capacity: 100 })
  const yess = await makeEvent(occitanie.id, { title: 'YESS Académie Narbonne', kind: 'yess_academie', startsAt: inDays(40), capacity: 20 })
  await prisma.event.update({ where: { id: yess.id }, data: { departement: '11', town: 'Narbonne' } })
  // No département: it belongs to its organisation's region.
  const webinar = await makeEvent(idf.id, { title: 'Webinaire ESS', kind: 'training', startsAt: inDays(5), capacity: null })
  await prisma.event.update({
    where: { id: webinar.id },
    data: { departement: null, town: null, onlineUrl: 'https://visio.example.org/ess' },
  })
  const draft = await makeEvent(occitanie.id, { title: 'Brouillon', status: 'draft' })
  const unlisted = await makeEvent(occitanie.id, { title: 'Non listé', visibility: 'unlisted' })
  const invitation = await makeEvent(occitanie.id, { title: 'Sur invitation', visibility: 'invitation' })
  const past = await makeEvent(occitanie.id, { title: 'Passé', startsAt: inDays(-10) })
  const cancelled = await makeEvent(occitanie.id, { title: 'Annulé', status: 'cancelled' })
  const archived = await makeEvent(occitanie.id, { title: 'Archivé', status: 'archived' })
  return { occitanie, idf, conference, yess, webinar, draft, unlisted, invitation, past, cancelled, archived }
}

// Other describe blocks add events of their own organisations: only these two are looked at.
const titles = (list: { events: { title: string; organisation: { slug: string } }[] }) =>
  list.events.filter((e) => ['cress-occ-test', 'cress-idf-test'].includes(e.organisation.slug)).map((e) => e.title)

describe('public listing', async () => {
  const f = await setup()

  test('only published, public events that have not ended, soonest first', async () => {
    const list = await listPublicEvents({}, { now })
    expect(titles(list)).toEqual(['Webinaire ESS', 'Conférence régionale', 'YESS Académie Narbonne'])
    expect(list.hasMore).toBe(false)
    const withPast = await listPublicEvents({ includePast: true }, { now })
    expect(titles(withPast)).toEqual(['Passé', 'Webinaire ESS', 'Conférence régionale', 'YESS Académie Narbonne'])
  })

  test('filters by region (département, else the organisation’s region), kind and dates', async () => {
    expect(titles(await listPublicEvents({ region: 'occitanie' }, { now }))).toEqual(['Conférence régionale', 'YESS Académie Narbonne'])
    expect(titles(await listPublicEvents({ region: 'Île-de-France' }, { now }))).toEqual(['Webinaire ESS'])
    expect(titles(await listPublicEvents({ region: 'bretagne' }, { now }))).toEqual([])
    expect(titles(await listPublicEvents({ region: 'atlantide' }, { now }))).toEqual([])
    expect(titles(await listPublicEvents({ kind: 'yess_academie' }, { now }))).toEqual(['YESS Académie Narbonne'])
    expect(titles(await listPublicEvents({ kind: 'nope' }, { now }))).toEqual([])
    expect(titles(await listPublicEvents({ from: inDays(20) }, { now }))).toEqual(['YESS Académie Narbonne'])
    expect(titles(await listPublicEvents({ to: inDays(7) }, { now }))).toEqual(['Webinaire ESS'])
    expect(titles(await listPublicEvents({ from: inDays(7), to: inDays(20) }, { now }))).toEqual(['Conférence régionale'])
    expect(titles(await listPublicEvents({ organisationSlug: 'cress-idf-test' }, { now }))).toEqual(['Webinaire ESS'])
  })

  test('cards carry the organisation, the town, the region and the places left', async () => {
    const [webinar, conference, yess] = (await listPublicEvents({}, { now })).events.filter((e) => e.organisation.slug.startsWith('cress-'))
    expect(webinar).toMatchObject({
      organisation: { slug: 'cress-idf-test', name: 'CRESS Île-de-France' },
      online: true,
      region: 'Île-de-France',
      availability: { state: 'open', seatsLeft: null },
    })
    expect(conference).toMatchObject({ town: 'Toulouse', region: 'Occitanie', availability: { state: 'open', seatsLeft: 100 } })
    expect(yess).toMatchObject({ town: 'Narbonne', region: 'Occitanie' })
    await register(f.yess.id, person())
    await register(f.yess.id, person())
    const after = (await listPublicEvents({ kind: 'yess_academie', organisationSlug: 'cress-occ-test' }, { now })).events[0]
    expect(after?.availability).toEqual({ state: 'open', seatsLeft: 18 })
  })

  test('pages of results', async () => {
    const org = await makeOrganisation()
    for (let i = 0; i < 25; i++) await makeEvent(org.id, { title: `Série ${String(i).padStart(2, '0')}`, startsAt: inDays(100 + i) })
    const first = await listPublicEvents({ organisationSlug: org.slug }, { now })
    const second = await listPublicEvents({ organisationSlug: org.slug, page: 2 }, { now })
    expect(first.events).toHaveLength(24)
    expect(first.hasMore).toBe(true)
    expect(second.events.map((e) => e.title)).toEqual(['Série 24'])
    expect(second.hasMore).toBe(false)
  })
})

describe('event page', async () => {
  const f = await setup2()
  async function setup2() {
    const org = await makeOrganisation()
    const full = await makeEvent(org.id, { capacity: 2, title: 'Petit comité' })
    const noWaitlist = await makeEvent(org.id, { capacity: 1, waitlistEnabled: false })
    const notYet = await makeEvent(org.id, { registrationOpensAt: inDays(3) })
    const draft = await makeEvent(org.id, { status: 'draft' })
    const invitation = await makeEvent(org.id, { visibility: 'invitation' })
    const unlisted = await makeEvent(org.id, { visibility: 'unlisted' })
    const archived = await makeEvent(org.id, { status: 'archived' })
    const cancelled = await makeEvent(org.id, { status: 'cancelled' })
    return { org, full, noWaitlist, notYet, draft, invitation, unlisted, archived, cancelled }
  }

  test('published events of any visibility are found; drafts and archived ones are not', async () => {
    expect(await getPublicEvent(f.draft.slug, { fresh: true })).toBeNull()
    expect(await getPublicEvent(f.archived.slug, { fresh: true })).toBeNull()
    expect(await getPublicEvent('no-such-event', { fresh: true })).toBeNull()
    expect(await getPublicEvent('../etc/passwd', { fresh: true })).toBeNull()
    expect((await getPublicEvent(f.invitation.slug, { fresh: true }))?.visibility).toBe('invitation')
    expect((await getPublicEvent(f.unlisted.slug, { fresh: true }))?.visibility).toBe('unlisted')
    const cancelled = await getPublicEvent(f.cancelled.slug, { fresh: true })
    expect(cancelled && availabilityOf(cancelled)).toEqual({ state: 'closed', reason: 'cancelled' })
  })

  test('places left, then the waiting list; without one, full; before opening, closed', async () => {
    const open = await getPublicEvent(f.full.slug, { fresh: true })
    expect(open && availabilityOf(open)).toEqual({ state: 'open', seatsLeft: 2 })
    await register(f.full.id, person())
    await register(f.full.id, person())
    const full = await getPublicEvent(f.full.slug, { fresh: true })
    expect(full && availabilityOf(full)).toEqual({ state: 'waitlist' })
    await register(f.noWaitlist.id, person())
    const noWaitlist = await getPublicEvent(f.noWaitlist.slug, { fresh: true })
    expect(noWaitlist && availabilityOf(noWaitlist)).toEqual({ state: 'full' })
    const notYet = await getPublicEvent(f.notYet.slug, { fresh: true })
    expect(notYet && availabilityOf(notYet)).toEqual({ state: 'closed', reason: 'not_open_yet' })
  })

  test('programme by slot with workshop places, description rendered safely', async () => {
    const event = await makeEvent(f.org.id, { capacity: 50 })
    await prisma.event.update({
      where: { id: event.id },
      data: { description: '# Programme\n\n<script>alert(1)</script> [lien](javascript:alert(1))' },
    })
    const { workshops } = await makeSlotWithWorkshops(event.id, [3, null])
    await register(event.id, person({ workshopIds: [workshops[0]!.id] }))
    const page = await getPublicEvent(event.slug, { fresh: true })
    expect(page?.slots).toHaveLength(1)
    expect(page?.slots[0]?.workshops.map((w) => [w.title, w.capacity, w.seatsTaken])).toEqual([
      ['Atelier 1', 3, 1],
      ['Atelier 2', null, 0],
    ])
    expect(page?.descriptionHtml).toContain('<h3>Programme</h3>')
    expect(page?.descriptionHtml).not.toContain('<script>')
    expect(page?.descriptionHtml).not.toMatch(/href="javascript/i)
  })

  test('a rush is served from memory for a few seconds; fresh reads bypass it', async () => {
    clearPublicCache()
    const pages = await Promise.all(Array.from({ length: 50 }, () => getPublicEvent(f.unlisted.slug)))
    expect(new Set(pages).size).toBe(1)
    await prisma.event.update({ where: { id: f.unlisted.id }, data: { title: 'Nouveau titre' } })
    expect((await getPublicEvent(f.unlisted.slug))?.title).not.toBe('Nouveau titre')
    expect((await getPublicEvent(f.unlisted.slug, { fresh: true }))?.title).toBe('Nouveau titre')
    clearPublicCache()
    expect((await getPublicEvent(f.unlisted.slug))?.title).toBe('Nouveau titre')
  })
})

describe('helpers', () => {
  test('filter days are whole days in Paris', () => {
    expect(parseDayStart('2026-07-01')?.toISOString()).toBe('2026-06-30T22:00:00.000Z')
    expect(parseDayEnd('2026-07-01')?.toISOString()).toBe('2026-07-01T22:00:00.000Z')
    expect(parseDayEnd('2026-12-31')?.toISOString()).toBe('2026-12-31T23:00:00.000Z')
    expect(parseDayStart('2026-02-30')).toBeNull()
    expect(parseDayStart('hier')).toBeNull()
  })
})

// The audit viewer against a real database (SQLite and PostgreSQL): each filter returns exactly the
// matching entries of the organisation, pages follow each other without gaps or repeats, the CSV
// export holds the filtered set, and only administrators get the page.
import { describe, expect, test, beforeAll } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { createSession } from '#app/modules/auth/session.server.ts'
import { makeMember, makeOrganisation } from '#tests/support/factories.ts'
import { auditFiltersFrom } from './rules.ts'
import { auditCsvStream, listAuditEntries } from './viewer.server.ts'

let org: { id: string; slug: string }
let other: { id: string }
let admin: string
let organiser: string
const at = (iso: string) => new Date(iso)

beforeAll(async () => {
  org = await makeOrganisation()
  other = await makeOrganisation()
  admin = (await makeMember(org.id, 'admin')).id
  organiser = (await makeMember(org.id, 'organiser')).id
  const rows = [
    { actorUserId: admin, action: 'event.publish', entityType: 'Event', entityId: 'ev1', createdAt: at('2026-03-10T10:00:00Z') },
    { actorUserId: organiser, action: 'event.update', entityType: 'Event', entityId: 'ev1', createdAt: at('2026-03-11T23:30:00Z') },
    { actorUserId: organiser, action: 'contact.create', entityType: 'contact', entityId: 'c1', createdAt: at('2026-03-12T09:00:00Z') },
    { actorUserId: null, action: 'registration.erase', entityType: 'Registration', entityId: 'r1', createdAt: at('2026-03-13T09:00:00Z') },
  ]
  for (const r of rows) await prisma.auditLog.create({ data: { organisationId: org.id, ...r, details: '{"n":1}' } })
  // Same action in another organisation: never shown.
  await prisma.auditLog.create({
    data: { organisationId: other.id, action: 'event.publish', entityType: 'Event', entityId: 'x', createdAt: at('2026-03-10T10:00:00Z') },
  })
  // 120 more for paging.
  await prisma.auditLog.createMany({
    data: Array.from({ length: 120 }, (_, i) => ({
      organisationId: org.id,
      actorUserId: admin,
      action: 'apiToken.create',
      entityType: 'ApiToken',
      entityId: `t${i}`,
      createdAt: at(`2026-02-01T10:${String(i % 60).padStart(2, '0')}:00Z`),
    })),
  })
})

const ids = async (query: string) =>
  (await listAuditEntries(org.id, auditFiltersFrom(new URLSearchParams(query)), null, 500)).entries.map((e) => `${e.action}:${e.entityId}`)

describe('audit viewer', () => {
  test('each filter returns exactly the matching entries, newest first', async () => {
    expect(await ids(`actor=${organiser}`)).toEqual(['contact.create:c1', 'event.update:ev1'])
    expect(await ids('action=event.publish')).toEqual(['event.publish:ev1'])
    expect(await ids('type=Event')).toEqual(['event.update:ev1', 'event.publish:ev1'])
    // 11 March 23:30 UTC is 12 March in Paris.
    expect(await ids('from=2026-03-12&to=2026-03-12')).toEqual(['contact.create:c1', 'event.update:ev1'])
    expect(await ids(`actor=${admin}&type=Event&from=2026-03-01`)).toEqual(['event.publish:ev1'])
  })

  test('keyset pages cover the log once, without gaps or repeats', async () => {
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const page: Awaited<ReturnType<typeof listAuditEntries>> = await listAuditEntries(org.id, {}, cursor, 50)
      seen.push(...page.entries.map((e) => e.id))
      cursor = page.next
      pages++
    } while (cursor)
    expect(pages).toBe(3)
    expect(new Set(seen).size).toBe(124)
    expect(seen.length).toBe(124)
  })

  test('the CSV stream reads batch after batch and holds every filtered entry once', async () => {
    const stream = auditCsvStream(org.id, { actorUserId: admin }, { header: ['id'], row: (e) => [e.entityId ?? ''] }, 7)
    const lines = (await new Response(stream).text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toBe('id')
    expect(lines.slice(1).sort()).toEqual(['ev1', ...Array.from({ length: 120 }, (_, i) => `t${i}`)].sort())
  })

  test('the page: administrators see it and export the filtered set; organisers get 403', async () => {
    const { loader } = await import('#app/routes/organisers/o.$org.audit.tsx')
    const call = async (user: string, query: string) => {
      const headers = new Headers({ cookie: `essor_session=${(await createSession(user)).token}`, 'accept-language': 'fr' })
      try {
        return await loader({
          request: new Request(`http://localhost/o/${org.slug}/audit?${query}`, { headers }),
          params: { org: org.slug },
          context: {},
        })
      } catch (thrown) {
        if (thrown instanceof Response) return thrown
        throw thrown
      }
    }
    const forbidden = await call(organiser, '')
    expect(forbidden instanceof Response && forbidden.status).toBe(403)

    const page = await call(admin, 'type=Event')
    expect(page instanceof Response).toBe(false)
    const rows = (page as { rows: { actionCode: string; href: string | null }[] }).rows
    expect(rows.map((r) => r.actionCode)).toEqual(['event.update', 'event.publish'])
    expect(rows[0]!.href).toBe(`/o/${org.slug}/events/ev1`)

    const csv = await call(admin, 'format=csv&type=Event')
    expect(csv instanceof Response && csv.headers.get('content-type')).toContain('text/csv')
    const lines = (await (csv as Response).text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines).toHaveLength(3)
    expect(lines[1]).toContain('event.update')
    expect(lines[2]).toContain('event.publish')
    expect(lines[2]).toContain('10/03/2026 11:00')

    const all = await call(admin, 'format=csv')
    const allLines = (await (all as Response).text()).trim().split('\r\n')
    expect(allLines).toHaveLength(125)
    expect(allLines.some((l) => l.includes('registration.erase') && l.includes('Système'))).toBe(true)
  })
})

// The permission table at work through the real routes: for a sample of routes per permission,
// a member whose role lacks it gets 403 and one whose role has it gets the page (200), or, for a
// form's intent, gets past the check. The grid itself is in permissions.test.ts.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { beforeAll, describe, expect, test } from 'vitest'
import type { Role } from '#app/modules/organisations/service.server.ts'
import { makeEvent, makeMember, makeUser } from '#tests/support/factories.ts'
import { makeJuryEdition } from '#tests/support/jury-fixtures.ts'
import { ACTIONS, can, type Action } from './permissions.ts'
import { createSession } from './session.server.ts'

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>
type RouteModule = { loader: Loader; action?: (args: ActionFunctionArgs) => Promise<unknown> }

let orgSlug: string
let eventId: string
/** An event for the intents that change the event itself (publishing, cancelling). */
let spareEventId: string
let editionId: string
const members = {} as Record<Role | 'outsider', string>

beforeAll(async () => {
  const fx = await makeJuryEdition()
  orgSlug = fx.org.slug
  editionId = fx.edition.id
  eventId = (await makeEvent(fx.org.id)).id
  spareEventId = (await makeEvent(fx.org.id)).id
  members.organiser = fx.organiser.id
  members.admin = (await makeMember(fx.org.id, 'admin')).id
  members.checkin = (await makeMember(fx.org.id, 'checkin')).id
  members.outsider = (await makeUser()).id
})

/** The HTTP status a route answers: a thrown or returned Response's, `data()`'s, or 200. */
async function statusOf(module: RouteModule, path: string, who: keyof typeof members, form?: Record<string, string>) {
  const headers = new Headers({ cookie: `essor_session=${(await createSession(members[who])).token}` })
  const url = `http://localhost/o/${orgSlug}${path}`
  const params = { org: orgSlug, eventId: path.includes(spareEventId) ? spareEventId : eventId, editionId }
  try {
    const result = form
      ? await module.action!({
          request: new Request(url, { method: 'POST', headers, body: new URLSearchParams(form) }),
          params,
          context: {},
        })
      : await module.loader({ request: new Request(url, { headers }), params, context: {} })
    if (result instanceof Response) return result.status
    const init = (result as { init?: { status?: number } | null } | null)?.init
    return init?.status ?? 200
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status
    throw thrown
  }
}

const route = (file: string) => () => import(`../../routes/organisers/${file}`) as Promise<RouteModule>

// [permission, route file, path under /o/:org] — pages (loaders), then forms' intents (actions).
const PAGES: [Action, string, string][] = [
  ['organisation.view', 'o.$org._index.tsx', ''],
  ['settings.legal', 'o.$org.settings.tsx', '/settings'],
  ['apiToken.manage', 'o.$org.tokens.tsx', '/tokens'],
  ['event.view', 'o.$org.events._index.tsx', '/events'],
  ['event.view', 'o.$org.events.$eventId._index.tsx', '/events/:eventId'],
  ['event.create', 'o.$org.events.new.tsx', '/events/new'],
  ['event.edit', 'o.$org.events.$eventId.programme.tsx', '/events/:eventId/programme'],
  ['event.edit', 'o.$org.events.$eventId.questions.tsx', '/events/:eventId/questions'],
  ['ticket.manage', 'o.$org.events.$eventId.tickets.tsx', '/events/:eventId/tickets'],
  ['registration.view', 'o.$org.events.$eventId.registrations.tsx', '/events/:eventId/registrations'],
  ['registration.view', 'o.$org.events.$eventId.stats.tsx', '/events/:eventId/stats'],
  ['registration.export', 'o.$org.events.$eventId.registrations[.]csv.ts', '/events/:eventId/registrations.csv'],
  ['registration.checkin', 'o.$org.events.$eventId.checkin.tsx', '/events/:eventId/checkin'],
  ['registration.view', 'o.$org.events.$eventId.waiting-list.tsx', '/events/:eventId/waiting-list'],
  ['application.review', 'o.$org.events.$eventId.applications.tsx', '/events/:eventId/applications'],
  ['contact.view', 'o.$org.contacts._index.tsx', '/contacts'],
  ['contact.import', 'o.$org.contacts.import.tsx', '/contacts/import'],
  ['contact.export', 'o.$org.contacts[.]csv.ts', '/contacts.csv'],
  ['contact.suppression', 'o.$org.contacts.suppressions.tsx', '/contacts/suppressions'],
  ['campaign.view', 'o.$org.campaigns._index.tsx', '/campaigns'],
  ['campaign.edit', 'o.$org.campaigns.new.tsx', '/campaigns/new'],
  ['prize.view', 'o.$org.prizes._index.tsx', '/prizes'],
  ['prize.view', 'o.$org.prizes.$editionId._index.tsx', '/prizes/:editionId'],
  ['prize.manage', 'o.$org.prizes.new.tsx', '/prizes/new'],
  ['prize.manage', 'o.$org.prizes.$editionId.categories.tsx', '/prizes/:editionId/categories'],
  ['nomination.review', 'o.$org.prizes.$editionId.nominations.tsx', '/prizes/:editionId/nominations'],
  ['nomination.export', 'o.$org.prizes.$editionId.nominations[.]csv.ts', '/prizes/:editionId/nominations.csv'],
  ['jury.manage', 'o.$org.prizes.$editionId.jury.tsx', '/prizes/:editionId/jury'],
  ['jury.manage', 'o.$org.prizes.$editionId.scoring.tsx', '/prizes/:editionId/scoring'],
  ['vote.manage', 'o.$org.prizes.$editionId.votes.tsx', '/prizes/:editionId/votes'],
  ['prize.results', 'o.$org.prizes.$editionId.results.tsx', '/prizes/:editionId/results'],
  ['prize.results', 'o.$org.prizes.$editionId.report.tsx', '/prizes/:editionId/report'],
  ['attendance.view', 'o.$org.events.$eventId.attendance.tsx', '/events/:eventId/attendance'],
  ['certificate.manage', 'o.$org.events.$eventId.certificates.tsx', '/events/:eventId/certificates'],
  ['survey.manage', 'o.$org.surveys.questions.tsx', '/surveys/questions'],
  ['survey.manage', 'o.$org.events.$eventId.surveys._index.tsx', '/events/:eventId/surveys'],
  ['invoice.export', 'o.$org.invoices.tsx', '/invoices'],
  ['badge.print', 'o.$org.events.$eventId.badges.tsx', '/events/:eventId/badges'],
  ['audit.view', 'o.$org.audit.tsx', '/audit'],
  ['code.manage', 'o.$org.events.$eventId.codes.tsx', '/events/:eventId/codes'],
]

// Intents sent with ids that match nothing: past the check, the route answers anything but 403.
const INTENTS: [Action, string, string, Record<string, string>][] = [
  [
    'registration.cancel',
    'o.$org.events.$eventId.registrations.tsx',
    '/events/:eventId/registrations',
    { intent: 'cancel', registrationId: 'none' },
  ],
  [
    'payment.markPaid',
    'o.$org.events.$eventId.registrations.tsx',
    '/events/:eventId/registrations',
    { intent: 'payment.markPaid', paymentId: 'none' },
  ],
  [
    'payment.markRefunded',
    'o.$org.events.$eventId.registrations.tsx',
    '/events/:eventId/registrations',
    { intent: 'payment.markRefunded', paymentId: 'none' },
  ],
  [
    'payment.cancel',
    'o.$org.events.$eventId.registrations.tsx',
    '/events/:eventId/registrations',
    { intent: 'payment.cancel', paymentId: 'none' },
  ],
  ['contact.delete', 'o.$org.contacts._index.tsx', '/contacts', { intent: 'delete', contactId: 'none' }],
  ['contact.edit', 'o.$org.contacts._index.tsx', '/contacts', { intent: 'addAttendees', tag: '' }],
  ['application.decide', 'o.$org.events.$eventId.applications.tsx', '/events/:eventId/applications', {}],
  ['campaign.send', 'o.$org.campaigns._index.tsx', '/campaigns', { ratePerMinute: 'many' }],
  ['payment.configure', 'o.$org.events.$eventId.tickets.tsx', '/events/:eventId/tickets', { intent: 'settings.save', methods: 'nope' }],
  ['ticket.manage', 'o.$org.events.$eventId.tickets.tsx', '/events/:eventId/tickets', { intent: 'ticket.delete', ticketId: 'none' }],
  ['registration.add', 'o.$org.events.$eventId.registrations.tsx', '/events/:eventId/registrations', { intent: 'add' }],
  [
    'registration.move',
    'o.$org.events.$eventId.registrations.tsx',
    '/events/:eventId/registrations',
    { intent: 'move', registrationId: 'none' },
  ],
  ['waitlist.manage', 'o.$org.events.$eventId.waiting-list.tsx', '/events/:eventId/waiting-list', { intent: 'up', registrationId: 'none' }],
  ['event.publish', 'o.$org.events.$eventId._index.tsx', '/events/:spareEventId', { intent: 'publish' }],
  ['event.cancel', 'o.$org.events.$eventId._index.tsx', '/events/:spareEventId', { intent: 'cancel', message: 'Annulé' }],
  ['prize.publishResults', 'o.$org.prizes.$editionId.results.tsx', '/prizes/:editionId/results', { intent: 'publish' }],
  ['attendance.manage', 'o.$org.events.$eventId.attendance.tsx', '/events/:eventId/attendance', { intent: 'delete', sessionId: 'none' }],
  // No session id in the sample's params: past the check, the sheet answers 404.
  [
    'attendance.sign',
    'o.$org.events.$eventId.attendance_.$sessionId.tsx',
    '/events/:eventId/attendance/none',
    { intent: 'sign', registrationId: 'none' },
  ],
]

const ROLES: Role[] = ['admin', 'organiser', 'checkin']
const withIds = (path: string) => path.replace(':spareEventId', spareEventId).replace(':eventId', eventId).replace(':editionId', editionId)

describe('the routes ask the permission table', () => {
  test.each(PAGES)('%s: %s', async (action, file, path) => {
    const module = await route(file)()
    for (const role of ROLES) {
      const status = await statusOf(module, withIds(path), role)
      expect(status, `${role} on ${path}`).toBe(can(role, action) ? 200 : 403)
    }
    expect(await statusOf(module, withIds(path), 'outsider')).toBe(403)
  })

  test.each(INTENTS)('%s: %s, sent by each role', async (action, file, path, form) => {
    const module = await route(file)()
    for (const role of ROLES) {
      const status = await statusOf(module, withIds(path), role, form)
      if (can(role, action)) expect(status, `${role} on ${path}`).not.toBe(403)
      else expect(status, `${role} on ${path}`).toBe(403)
    }
  })

  test('every permission is sampled through a route, but the API’s own (api-token.db.test.ts)', () => {
    const sampled = new Set<Action>([...PAGES, ...INTENTS].map(([action]) => action))
    expect(ACTIONS.filter((action) => !sampled.has(action))).toEqual(['apiToken.use'])
  })
})

import { beforeAll, describe, expect, test } from 'vitest'
import { addMembership, ensureUser, registerOrganisation } from '#app/modules/organisations/service.server.ts'
import { createSession, requirePermission, SESSION_COOKIE } from './session.server.ts'

let cressToken: string
let checkinToken: string
let otherOrgToken: string
let visitorToken: string

async function signedIn(email: string) {
  const { user } = await ensureUser({ email })
  const { token } = await createSession(user.id)
  return { user, token }
}

function page(path: string, token?: string) {
  return new Request(`http://localhost${path}`, token ? { headers: { cookie: `lang=fr; ${SESSION_COOKIE}=${token}` } } : {})
}

/** What requirePermission threw (a Response), or null when it let the request through. */
async function refusal(promise: Promise<unknown>): Promise<Response | null> {
  try {
    await promise
    return null
  } catch (error) {
    if (error instanceof Response) return error
    throw error
  }
}

beforeAll(async () => {
  const cress = await registerOrganisation({ slug: 'cress-bretagne', name: 'CRESS Bretagne' })
  const other = await registerOrganisation({ slug: 'cress-corse', name: 'CRESS Corse' })
  const organiser = await signedIn('organiser@example.org')
  await addMembership({ userId: organiser.user.id, organisationId: cress.id, role: 'organiser' })
  cressToken = organiser.token
  const checkin = await signedIn('checkin@example.org')
  await addMembership({ userId: checkin.user.id, organisationId: cress.id, role: 'checkin' })
  checkinToken = checkin.token
  const outsider = await signedIn('outsider@example.org')
  await addMembership({ userId: outsider.user.id, organisationId: other.id, role: 'admin' })
  otherOrgToken = outsider.token
  visitorToken = (await signedIn('visitor@example.org')).token
})

describe('requirePermission', () => {
  test('signed out: redirected to the sign-in page, coming back afterwards', async () => {
    const response = await refusal(requirePermission(page('/o/cress-bretagne/events?page=2'), 'cress-bretagne', 'organisation.view'))
    expect(response?.status).toBe(302)
    expect(response?.headers.get('location')).toBe(`/login?redirectTo=${encodeURIComponent('/o/cress-bretagne/events?page=2')}`)
  })

  test('an unknown or revoked session counts as signed out', async () => {
    const response = await refusal(requirePermission(page('/o/cress-bretagne', 'a'.repeat(32)), 'cress-bretagne', 'organisation.view'))
    expect(response?.status).toBe(302)
  })

  test('a member of another organisation is refused with 403', async () => {
    const response = await refusal(requirePermission(page('/o/cress-bretagne', otherOrgToken), 'cress-bretagne', 'organisation.view'))
    expect(response?.status).toBe(403)
  })

  test('a signed-in person with no membership is refused with 403', async () => {
    const response = await refusal(requirePermission(page('/o/cress-bretagne', visitorToken), 'cress-bretagne', 'organisation.view'))
    expect(response?.status).toBe(403)
  })

  test('a role without the permission is refused with 403', async () => {
    const response = await refusal(requirePermission(page('/o/cress-bretagne/tokens', checkinToken), 'cress-bretagne', 'apiToken.manage'))
    expect(response?.status).toBe(403)
    const admin = await refusal(requirePermission(page('/o/cress-bretagne', cressToken), 'cress-bretagne', 'settings.legal'))
    expect(admin?.status).toBe(403)
  })

  test('an unknown organisation is a 404', async () => {
    const response = await refusal(requirePermission(page('/o/nowhere', cressToken), 'nowhere', 'organisation.view'))
    expect(response?.status).toBe(404)
  })

  test('a role with the permission gets through, with the organisation and role', async () => {
    const result = await requirePermission(page('/o/cress-bretagne', cressToken), 'cress-bretagne', 'apiToken.manage')
    expect(result.organisation.slug).toBe('cress-bretagne')
    expect(result.role).toBe('organiser')
    expect(result.user.email).toBe('organiser@example.org')
    const checkin = await requirePermission(page('/o/cress-bretagne', checkinToken), 'cress-bretagne', 'organisation.view')
    expect(checkin.role).toBe('checkin')
  })
})

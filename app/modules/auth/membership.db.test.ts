import { beforeAll, describe, expect, test } from 'vitest'
import { addMembership, ensureUser, registerOrganisation } from '#app/modules/organisations/service.server.ts'
import { ANY_STAFF_ROLE, createSession, requireMembership, SESSION_COOKIE } from './session.server.ts'

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

/** What requireMembership threw (a Response), or null when it let the request through. */
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

describe('requireMembership', () => {
  test('signed out: redirected to the sign-in page, coming back afterwards', async () => {
    const response = await refusal(requireMembership(page('/o/cress-bretagne/events?page=2'), 'cress-bretagne', ANY_STAFF_ROLE))
    expect(response?.status).toBe(302)
    expect(response?.headers.get('location')).toBe(`/login?redirectTo=${encodeURIComponent('/o/cress-bretagne/events?page=2')}`)
  })

  test('an unknown or revoked session counts as signed out', async () => {
    const response = await refusal(requireMembership(page('/o/cress-bretagne', 'a'.repeat(32)), 'cress-bretagne', ANY_STAFF_ROLE))
    expect(response?.status).toBe(302)
  })

  test('a member of another organisation is refused with 403', async () => {
    const response = await refusal(requireMembership(page('/o/cress-bretagne', otherOrgToken), 'cress-bretagne', ANY_STAFF_ROLE))
    expect(response?.status).toBe(403)
  })

  test('a signed-in person with no membership is refused with 403', async () => {
    const response = await refusal(requireMembership(page('/o/cress-bretagne', visitorToken), 'cress-bretagne', ANY_STAFF_ROLE))
    expect(response?.status).toBe(403)
  })

  test('the wrong role is refused with 403', async () => {
    const response = await refusal(requireMembership(page('/o/cress-bretagne/tokens', checkinToken), 'cress-bretagne', ['admin', 'organiser']))
    expect(response?.status).toBe(403)
    const admin = await refusal(requireMembership(page('/o/cress-bretagne', cressToken), 'cress-bretagne', ['admin']))
    expect(admin?.status).toBe(403)
  })

  test('an unknown organisation is a 404', async () => {
    const response = await refusal(requireMembership(page('/o/nowhere', cressToken), 'nowhere', ANY_STAFF_ROLE))
    expect(response?.status).toBe(404)
  })

  test('the right role gets through, with the organisation and role', async () => {
    const result = await requireMembership(page('/o/cress-bretagne', cressToken), 'cress-bretagne', ['admin', 'organiser'])
    expect(result.organisation.slug).toBe('cress-bretagne')
    expect(result.role).toBe('organiser')
    expect(result.user.email).toBe('organiser@example.org')
    const checkin = await requireMembership(page('/o/cress-bretagne', checkinToken), 'cress-bretagne', ANY_STAFF_ROLE)
    expect(checkin.role).toBe('checkin')
  })
})

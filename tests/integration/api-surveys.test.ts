// GET /api/v1/events/{slug}/surveys: the event's surveys with per-question results, for the
// organisation's API token only (SQLite and PostgreSQL).
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { createApiToken } from '#app/modules/auth/api-token.server.ts'
import { addMembership, ensureUser, registerOrganisation } from '#app/modules/organisations/service.server.ts'
import { addSurveyQuestion, createSurvey, sendSurvey, submitSurveyResponse } from '#app/modules/surveys/service.server.ts'
import * as surveysRoute from '#app/routes/api/api.v1.events.$slug.surveys.ts'
import { register } from '#app/composition/registrations.server.ts'
import { makeEvent, person } from '#tests/support/factories.ts'

const DAY = 86_400_000

async function organiser(slug: string) {
  const organisation = await registerOrganisation({ slug, name: `CRESS ${slug}` })
  const { user } = await ensureUser({ email: `organiser@${slug}.example`, name: 'Julien Sabatier' })
  await addMembership({ userId: user.id, organisationId: organisation.id, role: 'organiser' })
  const { token } = await createApiToken({ organisationId: organisation.id, userId: user.id, name: 'tests' })
  return { organisation, token }
}

async function get(slug: string, token?: string) {
  const headers = new Headers({ 'x-essor-remote-addr': '192.0.2.9' })
  if (token) headers.set('Authorization', `Bearer ${token}`)
  const response = await surveysRoute.loader({
    request: new Request(`http://localhost/api/v1/events/${slug}/surveys`, { headers }),
    params: { slug },
    context: {},
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

describe('GET /api/v1/events/{slug}/surveys', () => {
  test('lists the surveys with response rate and per-question results; another organisation gets 404, no token 401', async () => {
    const { organisation, token } = await organiser('api-surveys')
    const other = await organiser('api-surveys-other')
    const event = await makeEvent(organisation.id)
    const { registration } = await register(event.id, person())
    await prisma.registration.update({ where: { id: registration.id }, data: { checkedInAt: new Date() } })
    const survey = await createSurvey(event.id, {
      kind: 'cold',
      anonymous: true,
      opensAt: new Date(Date.now() - DAY),
      closesAt: new Date(Date.now() + DAY),
      reminderDays: [3],
    })
    const question = await addSurveyQuestion(organisation.id, event.id, survey.id, {
      kind: 'rating',
      labelFr: 'Utilité',
      labelEn: 'Usefulness',
      options: [],
      saveToBank: false,
    })
    await sendSurvey(event.id, survey.id)
    const email = await prisma.emailMessage.findFirstOrThrow({ where: { category: `survey:${survey.id}` } })
    const url = (JSON.parse(email.payload) as { url: string }).url
    await submitSurveyResponse(url.split('/s/')[1]!, [{ questionId: question.id, rating: 4 }])

    const ok = await get(event.slug, token)
    expect(ok.status).toBe(200)
    expect(ok.body).toMatchObject({
      event: { slug: event.slug },
      surveys: [
        {
          id: survey.id,
          kind: 'cold',
          anonymous: true,
          invited: 1,
          answered: 1,
          responseRate: 100,
          questions: [{ id: question.id, kind: 'rating', label: 'Utilité', answered: 1, mean: 4 }],
        },
      ],
    })
    const [q] = (ok.body.surveys as { questions: { distribution: { label: string; count: number }[] }[] }[])[0]!.questions
    expect(q!.distribution.find((d) => d.label === '4')!.count).toBe(1)

    expect((await get(event.slug, other.token)).status).toBe(404)
    expect((await get(event.slug)).status).toBe(401)
  })
})

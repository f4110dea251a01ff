// /api/v1/events
//   GET  public listing of published events (filters: region, kind, from, to, organisation, past, page),
//        or with ?scope=organisation and a token, every event of the token's organisation;
//   POST create an event (organiser API token) → 201 {slug, …}.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { organisationEventList, organiserEventJson, publicEventList } from '#app/api/events.server.ts'
import { errorOf, handleApi, json, methodNotAllowed, parseJsonBody } from '#app/api/http.server.ts'
import { requireApiToken } from '#app/modules/auth/api-token.server.ts'
import { invalidatePublicEvent, parseDayEnd, parseDayStart } from '#app/modules/events/public.server.ts'
import type { EventInput } from '#app/modules/events/schema.ts'
import { createEvent } from '#app/modules/events/service.server.ts'

export function loader({ request }: LoaderFunctionArgs) {
  return handleApi(request, async ({ locale }) => {
    const params = new URL(request.url).searchParams
    const scope = params.get('scope') ?? 'public'
    if (scope === 'organisation') return json(await organisationEventList(await requireApiToken(request)))
    if (scope !== 'public')
      throw errorOf(locale, 400, 'scope', 'api.error.invalidParameter', { name: 'scope' }, { code: 'invalid_parameter' })

    const page = Number(params.get('page') ?? '1')
    if (!Number.isInteger(page) || page < 1 || page > 10_000) {
      throw errorOf(locale, 400, 'page', 'api.error.invalidParameter', { name: 'page' }, { code: 'invalid_parameter' })
    }
    const day = (name: 'from' | 'to') => {
      const value = params.get(name)
      if (!value) return null
      const date = name === 'from' ? parseDayStart(value) : parseDayEnd(value)
      if (!date) throw errorOf(locale, 400, name, 'api.error.invalidParameter', { name }, { code: 'invalid_parameter' })
      return date
    }
    const past = params.get('past')
    return json(
      await publicEventList({
        region: params.get('region'),
        kind: params.get('kind'),
        from: day('from'),
        to: day('to'),
        organisationSlug: params.get('organisation'),
        includePast: past === 'true' || past === '1',
        page,
      }),
    )
  })
}

export function action({ request }: ActionFunctionArgs) {
  if (request.method !== 'POST') return methodNotAllowed(request, ['GET', 'POST'])
  return handleApi(request, async ({ locale }) => {
    const auth = await requireApiToken(request)
    const body = await parseJsonBody(request, locale)
    const event = await createEvent(auth.organisation.id, body as EventInput, { actorUserId: auth.user.id, request })
    invalidatePublicEvent(event.slug)
    return json(await organiserEventJson(auth, event.slug), {
      status: 201,
      headers: { Location: `/api/v1/events/${event.slug}` },
    })
  })
}

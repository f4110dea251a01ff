// /api/v1/events/{slug}/registrations
//   GET  the event's registrations (organiser API token; ?status=confirmed|waitlisted|offered|cancelled|checked_in, ?q=)
//   POST register someone (public; same validation, seat rules and rate limit as the web form)
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { handleApi, json, methodNotAllowed } from '#app/api/http.server.ts'
import { listRegistrationsForApi, registerThroughApi } from '#app/api/registrations.server.ts'
import { requireApiToken } from '#app/modules/auth/api-token.server.ts'

export function loader({ request, params }: LoaderFunctionArgs) {
  return handleApi(
    request,
    async ({ locale }) => {
      const auth = await requireApiToken(request)
      return json(await listRegistrationsForApi(auth, params.slug ?? '', new URL(request.url).searchParams, locale))
    },
    { wholeField: 'event' },
  )
}

export function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== 'POST') return methodNotAllowed(request, ['GET', 'POST'])
  return handleApi(request, ({ locale }) => registerThroughApi(request, params.slug ?? '', locale), { wholeField: 'registration' })
}

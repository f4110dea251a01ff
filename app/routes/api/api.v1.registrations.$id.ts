// /api/v1/registrations/{id} (organiser API token)
//   GET     one registration of the organisation's events
//   DELETE  cancels it: the seat is freed and offered to the first person on the waiting list
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { handleApi, json, methodNotAllowed } from '#app/api/http.server.ts'
import { cancelThroughApi, registrationForApi } from '#app/api/registrations.server.ts'
import { requireApiToken } from '#app/modules/auth/api-token.server.ts'

export function loader({ request, params }: LoaderFunctionArgs) {
  return handleApi(request, async () => json(await registrationForApi(await requireApiToken(request), params.id ?? '')), {
    wholeField: 'registration',
  })
}

export function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== 'DELETE') return methodNotAllowed(request, ['GET', 'DELETE'])
  return handleApi(request, async () => json(await cancelThroughApi(await requireApiToken(request), params.id ?? '', request)), {
    wholeField: 'registration',
  })
}

// GET /api/v1/events/{slug}: a published event with its programme, questions and live counts
// (capacity, confirmed, waitlisted, offered); with the owning organisation's token, any of its events.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { eventForApi } from '#app/api/events.server.ts'
import { handleApi, json, methodNotAllowed } from '#app/api/http.server.ts'

export function loader({ request, params }: LoaderFunctionArgs) {
  return handleApi(request, async () => json(await eventForApi(request, params.slug ?? '')), { wholeField: 'event' })
}

export function action({ request }: LoaderFunctionArgs) {
  return methodNotAllowed(request, ['GET'])
}

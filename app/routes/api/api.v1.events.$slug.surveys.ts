// /api/v1/events/{slug}/surveys
//   GET  the event's satisfaction surveys with per-question results (organiser API token; ?lang=fr|en for labels)
import type { LoaderFunctionArgs } from '@remix-run/node'
import { handleApi, json } from '#app/api/http.server.ts'
import { listSurveysForApi } from '#app/api/surveys.server.ts'
import { requireApiToken } from '#app/modules/auth/api-token.server.ts'

export function loader({ request, params }: LoaderFunctionArgs) {
  return handleApi(
    request,
    async ({ locale }) => {
      const auth = await requireApiToken(request)
      return json(await listSurveysForApi(auth, params.slug ?? '', locale))
    },
    { wholeField: 'event' },
  )
}

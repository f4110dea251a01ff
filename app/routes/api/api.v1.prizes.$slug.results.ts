// GET /api/v1/prizes/{slug}/results: the jury's results for the edition's organisation API token
// (per category, ranked nominations with mean, SD, normalised score, number of scores, decision).
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { handleApi, json, methodNotAllowed } from '#app/api/http.server.ts'
import { requireApiToken } from '#app/modules/auth/api-token.server.ts'
import { resultsForApi } from '#app/api/jury.server.ts'

export function loader({ request, params }: LoaderFunctionArgs) {
  return handleApi(
    request,
    async () => {
      const auth = await requireApiToken(request)
      return json(await resultsForApi(auth, params.slug ?? ''))
    },
    { wholeField: 'prize' },
  )
}

export function action({ request }: ActionFunctionArgs) {
  return methodNotAllowed(request, ['GET'])
}

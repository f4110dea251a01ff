// GET /api/v1/prizes/{slug}/nominations: the edition's nominations for its organisation's API
// token (?status=draft|submitted|eligible|ineligible|withdrawn|shortlisted, ?category=<id>, ?q=).
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { handleApi, json, methodNotAllowed } from '#app/api/http.server.ts'
import { nominationsForApi } from '#app/api/prizes.server.ts'
import { requireApiToken } from '#app/modules/auth/api-token.server.ts'

export function loader({ request, params }: LoaderFunctionArgs) {
  return handleApi(
    request,
    async ({ locale }) => {
      const auth = await requireApiToken(request)
      return json(await nominationsForApi(auth, params.slug ?? '', new URL(request.url).searchParams, locale))
    },
    { wholeField: 'prize' },
  )
}

export function action({ request }: ActionFunctionArgs) {
  return methodNotAllowed(request, ['GET'])
}

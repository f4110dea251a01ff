// GET /api/v1/prizes/{slug}: a published edition's categories, calendar and eligibility rules (public).
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { handleApi, json, methodNotAllowed } from '#app/api/http.server.ts'
import { publicPrizeDetail } from '#app/api/prizes.server.ts'

export function loader({ request, params }: LoaderFunctionArgs) {
  return handleApi(request, async () => json(await publicPrizeDetail(params.slug ?? '')), { wholeField: 'prize' })
}

export function action({ request }: ActionFunctionArgs) {
  return methodNotAllowed(request, ['GET'])
}

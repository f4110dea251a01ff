// GET /api/v1/prizes: the published Prix de l'ESS editions (public), with their slugs.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { handleApi, json, methodNotAllowed } from '#app/api/http.server.ts'
import { publicPrizeList } from '#app/api/prizes.server.ts'

export function loader({ request }: LoaderFunctionArgs) {
  return handleApi(request, async () => json(await publicPrizeList()))
}

export function action({ request }: ActionFunctionArgs) {
  return methodNotAllowed(request, ['GET'])
}

// Any other address under /api/v1: a JSON 404, not the HTML page of the site.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { routeNotFound } from '#app/api/http.server.ts'

export function loader({ request }: LoaderFunctionArgs) {
  return routeNotFound(request)
}

export function action({ request }: ActionFunctionArgs) {
  return routeNotFound(request)
}

// GET /api/v1/me: who a Bearer token acts for. The smallest proof that token auth works.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireApiToken } from '#app/modules/auth/api-token.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  const { organisation, user } = await requireApiToken(request)
  return Response.json(
    { organisation: { slug: organisation.slug, name: organisation.name }, user: { email: user.email } },
    { headers: { 'Cache-Control': 'no-store' } },
  )
}

export function action() {
  return Response.json({ errors: { method: ['Use GET'] } }, { status: 405, headers: { Allow: 'GET' } })
}

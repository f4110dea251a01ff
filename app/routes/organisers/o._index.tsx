// Target of the organisation switcher (a GET form, so it works without JavaScript).
import type { LoaderFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { SLUG_PATTERN } from '#app/modules/organisations/service.server.ts'

export function loader({ request }: LoaderFunctionArgs) {
  const slug = new URL(request.url).searchParams.get('slug') ?? ''
  return redirect(SLUG_PATTERN.test(slug) ? `/o/${slug}` : '/account')
}

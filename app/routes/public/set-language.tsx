import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { isLocale } from '#app/utils/i18n.ts'
import { safeRedirectPath } from '#app/utils/http.server.ts'

const YEAR = 365 * 24 * 60 * 60

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData()
  const lang = form.get('lang')
  const to = safeRedirectPath(form.get('redirectTo'))
  if (!isLocale(lang)) return redirect(to)
  return redirect(to, { headers: { 'Set-Cookie': `lang=${lang}; Path=/; Max-Age=${YEAR}; SameSite=Lax` } })
}

export function loader() {
  return redirect('/')
}

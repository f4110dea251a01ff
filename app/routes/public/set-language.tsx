import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { LanguageChoiceSchema } from '#app/shared/language-choice.ts'
import { safeRedirectPath } from '#app/utils/http.server.ts'

const YEAR = 365 * 24 * 60 * 60

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData()
  const to = safeRedirectPath(form.get('redirectTo'))
  const submission = parseWithZod(form, { schema: LanguageChoiceSchema })
  // An unknown language is no error worth a page: the visitor goes back where they were, unchanged.
  if (submission.status !== 'success') return redirect(to)
  return redirect(to, { headers: { 'Set-Cookie': `lang=${submission.value.lang}; Path=/; Max-Age=${YEAR}; SameSite=Lax` } })
}

export function loader() {
  return redirect('/')
}

// Sign out of this browser: the session row goes, the cookie is blanked.
import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { SignOutSchema } from '#app/modules/auth/schema.ts'
import { blankSessionCookie, getAuth, invalidateSession } from '#app/modules/auth/session.server.ts'
import { httpError } from '#app/utils/http.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'

export async function action({ request }: ActionFunctionArgs) {
  // The button posts no field; anything else is not our sign-out form.
  if (parseWithZod(await request.formData(), { schema: SignOutSchema }).status !== 'success') throw httpError(400, 'Unknown intent')
  const auth = await getAuth(request)
  if (auth) await invalidateSession(auth.sessionId)
  return redirectWithToast(
    request,
    '/',
    { type: 'success', key: 'auth.toast.signedOut' },
    { headers: { 'Set-Cookie': blankSessionCookie() } },
  )
}

/** A GET never signs out (a prefetched or embedded link must not log people out). */
export function loader() {
  return redirect('/')
}

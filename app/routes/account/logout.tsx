// Sign out of this browser: the session row goes, the cookie is blanked.
import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { blankSessionCookie, getAuth, invalidateSession } from '#app/modules/auth/session.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'

export async function action({ request }: ActionFunctionArgs) {
  const auth = await getAuth(request)
  if (auth) await invalidateSession(auth.sessionId)
  return redirectWithToast(
    request,
    '/',
    { type: 'success', key: 'auth.toast.signedOut' },
    { headers: { 'Set-Cookie': blankSessionCookie(request) } },
  )
}

/** A GET never signs out (a prefetched or embedded link must not log people out). */
export function loader() {
  return redirect('/')
}

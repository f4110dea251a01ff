// Where both sign-in routes (password, emailed link) send a person once the session is open.
import { landingPath } from '#app/modules/auth/rules.ts'
import { headerDataOf } from '#app/modules/jury/jurors.server.ts'
import { safeRedirectPath } from '#app/utils/http.server.ts'

/** The page the sign-in form was given, if it is a path of this site; else the person's landing page. */
export async function afterSignInPath(user: { id: string; email: string }, redirectTo: string | null | undefined): Promise<string> {
  const asked = safeRedirectPath(redirectTo, '')
  if (asked && asked !== '/') return asked
  return landingPath(await headerDataOf(user))
}

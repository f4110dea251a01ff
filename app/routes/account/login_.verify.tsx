// Target of the emailed sign-in link (/login/verify; the underscore keeps it out of login.tsx's layout). GET only shows a confirmation button: mail scanners that
// prefetch links must not spend the single-use token. The POST spends it and opens the session.
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import {
  checkSignInLink,
  consumeSignInLink,
  SIGN_IN_LINK_TTL_MINUTES,
  SignInLinkError,
  type SignInLinkState,
} from '#app/modules/auth/login.server.ts'
import { SignInLinkTokenSchema } from '#app/modules/auth/schema.ts'
import { getAuth, invalidateSession, sessionCookie } from '#app/modules/auth/session.server.ts'
import { afterSignInPath } from '#app/route-support/sign-in.server.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { localeFromRequest, translate } from '#app/utils/i18n.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'

const STATUS: Record<SignInLinkState, number> = { valid: 200, invalid: 400, expired: 410, used: 410 }

export const headers: HeadersFunction = () => ({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'same-origin' })

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: 'fr' | 'en' } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'auth.verify.title')} — Essor` }, { name: 'robots', content: 'noindex' }]
}

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get('token') ?? ''
  const state = await checkSignInLink(token)
  return data({ state, token: state === 'valid' ? token : '', minutes: SIGN_IN_LINK_TTL_MINUTES }, { status: STATUS[state] })
}

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: SignInLinkTokenSchema })
  const token = submission.status === 'success' ? submission.value.token : ''
  const previous = await getAuth(request)
  try {
    const signedIn = await consumeSignInLink(token, {
      userAgent: request.headers.get('user-agent'),
      locale: localeFromRequest(request),
    })
    // The browser's earlier session (perhaps another person's) is replaced, not left behind.
    if (previous) await invalidateSession(previous.sessionId)
    return redirectWithToast(
      request,
      await afterSignInPath({ id: signedIn.userId, email: signedIn.email }, signedIn.redirectTo),
      { type: 'success', key: 'auth.toast.signedIn' },
      { headers: { 'Set-Cookie': sessionCookie(signedIn.sessionToken, signedIn.expiresAt) } },
    )
  } catch (error) {
    if (error instanceof SignInLinkError) return data({ state: error.reason }, { status: STATUS[error.reason] })
    throw error
  }
}

export default function VerifySignInLink() {
  const t = useT()
  const loaderData = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const state = actionData?.state ?? loaderData.state

  if (state === 'valid') {
    return (
      <section aria-labelledby="verify-title" className="card mx-auto max-w-xl space-y-4">
        <h1 id="verify-title" className="text-2xl font-bold">
          {t('auth.verify.title')}
        </h1>
        <p>{t('auth.verify.body')}</p>
        <Form method="post">
          <input type="hidden" name="token" value={loaderData.token} />
          <button type="submit" className="btn-primary" disabled={navigation.state !== 'idle'}>
            {t('auth.signIn')}
          </button>
        </Form>
      </section>
    )
  }
  return (
    <section aria-labelledby="verify-title" className="card mx-auto max-w-xl space-y-4">
      <h1 id="verify-title" className="text-2xl font-bold">
        {t(`auth.verify.${state}.title`)}
      </h1>
      <p role="alert">{t(`auth.verify.${state}.body`, { minutes: loaderData.minutes })}</p>
      <p>
        <Link to="/login" className="btn-primary">
          {t('auth.verify.requestNew')}
        </Link>
      </p>
    </section>
  )
}

export const ErrorBoundary = GeneralErrorBoundary

// Sign-in: a link by email for everyone (same answer whether or not the address has an account),
// or a password for staff who chose one.
import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { requestSignInLink, SIGN_IN_LINK_TTL_MINUTES, signInWithPassword } from '#app/modules/auth/login.server.ts'
import { retryAfterHeaders } from '#app/modules/auth/rate-limit.server.ts'
import {
  PasswordSignInSchema as PasswordSchema,
  SignInLinkSchema as LinkSchema,
  translateError,
  translateErrors,
} from '#app/modules/auth/schema.ts'
import { getAuth, sessionCookie } from '#app/modules/auth/session.server.ts'
import { afterSignInPath } from '#app/route-support/sign-in.server.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { FormErrorSummary, TextField } from '#app/ui/forms.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { clientIp, safeRedirectPath } from '#app/utils/http.server.ts'
import { localeFromRequest, translate } from '#app/utils/i18n.ts'
import { submitForm, type FormReply } from '#app/utils/submission.server.ts'
import { summaryEntries, useZodForm } from '#app/ui/use-zod-form.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import { appOrigin } from '#app/utils/url.server.ts'
import { normaliseEmail } from '#app/shared/email-address.ts'

/** Conform's reply; `form` says which form it is for when the service answered (a refused submission is a bare FormReply). */
type ActionData = FormReply & { form?: 'link' | 'password'; sentTo?: string }

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: 'fr' | 'en' } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'auth.login.title')} — Essor` }]
}

/** Passes the action's Retry-After (429) on to the page response. */
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get('Retry-After')
  return retryAfter ? { 'Retry-After': retryAfter } : new Headers()
}

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get('redirectTo'), '')
  const auth = await getAuth(request)
  if (auth) throw redirect(await afterSignInPath(auth.user, redirectTo))
  return { redirectTo, minutes: SIGN_IN_LINK_TTL_MINUTES }
}

function toMinutes(seconds: number) {
  return Math.max(1, Math.ceil(seconds / 60))
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData()
  const locale = localeFromRequest(request)
  const ip = clientIp(request)

  if (formData.get('intent') === 'password') {
    return submitForm(
      request,
      formData,
      PasswordSchema,
      async (value, submission) => {
        const outcome = await signInWithPassword({ ...value, ip, userAgent: request.headers.get('user-agent') })
        if (!outcome.ok) {
          const rateLimited = outcome.reason === 'rateLimited'
          const message = rateLimited
            ? translate(locale, 'auth.error.rateLimited', { minutes: toMinutes(outcome.retryAfterSeconds) })
            : translate(locale, 'auth.error.invalidCredentials')
          return data<ActionData>(
            { form: 'password', result: submission.reply({ formErrors: [message], hideFields: ['password'] }) },
            { status: rateLimited ? 429 : 401, headers: rateLimited ? retryAfterHeaders(outcome) : undefined },
          )
        }
        return redirectWithToast(
          request,
          await afterSignInPath({ id: outcome.userId, email: outcome.email }, value.redirectTo),
          { type: 'success', key: 'auth.toast.signedIn' },
          { headers: { 'Set-Cookie': sessionCookie(outcome.sessionToken, outcome.expiresAt) } },
        )
      },
      { hideFields: ['password'] },
    )
  }

  return submitForm(request, formData, LinkSchema, async (value, submission) => {
    const outcome = await requestSignInLink({ email: value.email, redirectTo: value.redirectTo, locale, ip, appOrigin: appOrigin() })
    if (!outcome.ok) {
      if (outcome.reason === 'invalidEmail') {
        return data<ActionData>(
          { form: 'link', result: submission.reply({ fieldErrors: { email: ['auth.error.emailInvalid'] } }) },
          { status: 400 },
        )
      }
      const message = translate(locale, 'auth.error.rateLimited', { minutes: toMinutes(outcome.retryAfterSeconds) })
      return data<ActionData>(
        { form: 'link', result: submission.reply({ formErrors: [message] }) },
        { status: 429, headers: retryAfterHeaders(outcome) },
      )
    }
    return data<ActionData>({ form: 'link', result: submission.reply({ resetForm: true }), sentTo: normaliseEmail(value.email) })
  })
}

/** Which of the two forms the answer is for: named by the service's answers, else the refused submission's intent. */
function answeredForm(actionData: ActionData | undefined): 'link' | 'password' | undefined {
  if (!actionData) return undefined
  if (actionData.form) return actionData.form
  return actionData.result.initialValue?.intent === 'password' ? 'password' : 'link'
}

function LinkForm({ redirectTo, lastResult }: { redirectTo: string; lastResult?: SubmissionResult<string[]> }) {
  const t = useT()
  const navigation = useNavigation()
  const [form, fields] = useZodForm(LinkSchema, { id: 'login-link', lastResult })
  const busy = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'link'
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4">
      <input type="hidden" name="intent" value="link" />
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <FormErrorSummary links={summaryEntries(form, { email: fields.email.id }, (e) => translateError(t, e))} />
      <TextField
        label={t('auth.field.email')}
        id={fields.email.id}
        key={fields.email.key}
        name={fields.email.name}
        defaultValue={fields.email.initialValue}
        type="email"
        required
        autoComplete="email"
        errors={translateErrors(t, fields.email.errors)}
      />
      <button type="submit" className="btn-primary" disabled={busy}>
        {t('auth.login.link.submit')}
      </button>
    </Form>
  )
}

function PasswordForm({ redirectTo, lastResult }: { redirectTo: string; lastResult?: SubmissionResult<string[]> }) {
  const t = useT()
  const navigation = useNavigation()
  const [form, fields] = useZodForm(PasswordSchema, { id: 'login-password', lastResult })
  const busy = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'password'
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4">
      <input type="hidden" name="intent" value="password" />
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <FormErrorSummary
        links={summaryEntries(form, { email: fields.email.id, password: fields.password.id }, (e) => translateError(t, e))}
      />
      <TextField
        label={t('auth.field.email')}
        id={fields.email.id}
        key={fields.email.key}
        name={fields.email.name}
        defaultValue={fields.email.initialValue}
        type="email"
        required
        autoComplete="username"
        errors={translateErrors(t, fields.email.errors)}
      />
      <TextField
        label={t('auth.field.password')}
        id={fields.password.id}
        key={fields.password.key}
        name={fields.password.name}
        type="password"
        required
        autoComplete="current-password"
        errors={translateErrors(t, fields.password.errors)}
      />
      <button type="submit" className="btn-secondary" disabled={busy}>
        {t('auth.login.password.submit')}
      </button>
    </Form>
  )
}

export default function Login() {
  const t = useT()
  const { redirectTo, minutes } = useLoaderData<typeof loader>()
  const actionData = useActionData<ActionData>()
  const answered = answeredForm(actionData)
  const sentTo = answered === 'link' ? actionData?.sentTo : undefined
  const passwordResult = answered === 'password' ? actionData?.result : undefined
  const again = redirectTo ? `/login?redirectTo=${encodeURIComponent(redirectTo)}` : '/login'
  return (
    <div className="mx-auto max-w-xl space-y-8">
      <h1 className="text-3xl font-bold tracking-tight">{t('auth.login.title')}</h1>
      <section aria-labelledby="login-link-title" className="card space-y-4">
        <h2 id="login-link-title" className="text-xl font-semibold">
          {t('auth.login.link.heading')}
        </h2>
        {sentTo ? (
          <div role="status" className="space-y-3">
            <p className="text-lg font-semibold">{t('auth.login.sent.title')}</p>
            <p>{t('auth.login.sent.body', { email: sentTo, minutes })}</p>
            <p className="text-stone-700">{t('auth.login.sent.hint')}</p>
            <p>
              <Link to={again} className="link">
                {t('auth.login.sent.again')}
              </Link>
            </p>
          </div>
        ) : (
          <>
            <p className="text-stone-700">{t('auth.login.intro')}</p>
            <LinkForm redirectTo={redirectTo} lastResult={answered === 'link' ? actionData?.result : undefined} />
          </>
        )}
      </section>
      <section aria-labelledby="login-password-title" className="card">
        {/* A disclosure rather than tabs: it needs no JavaScript and stays open after a failed attempt. */}
        <details open={Boolean(passwordResult)}>
          <summary className="cursor-pointer">
            <h2 id="login-password-title" className="inline text-xl font-semibold">
              {t('auth.login.password.heading')}
            </h2>
          </summary>
          <div className="mt-4 space-y-4">
            <p className="text-stone-700">{t('auth.login.password.intro')}</p>
            <PasswordForm redirectTo={redirectTo} lastResult={passwordResult} />
          </div>
        </details>
      </section>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary

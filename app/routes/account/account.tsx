// The signed-in person's account: email, organisations and roles, sessions ("sign out
// everywhere") and, for staff, an optional password.
import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { setPassword } from '#app/modules/auth/login.server.ts'
import {
  PASSWORD_MIN_LENGTH,
  SetPasswordSchema,
  SignOutEverywhereSchema,
  translateError,
  translateErrors,
} from '#app/modules/auth/schema.ts'
import { blankSessionCookie, countActiveSessions, invalidateAllSessions, requireUser } from '#app/modules/auth/session.server.ts'
import { membershipsOf } from '#app/modules/organisations/service.server.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { FormErrorSummary, TextField } from '#app/ui/forms.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { translate, type MessageKey } from '#app/utils/i18n.ts'
import { httpError } from '#app/utils/http.server.ts'
import { submitForm, type FormReply } from '#app/utils/submission.server.ts'
import { summaryEntries, useZodForm } from '#app/ui/use-zod-form.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: 'fr' | 'en' } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'auth.account.title')} — Essor` }]
}

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireUser(request)
  const [memberships, sessions] = await Promise.all([membershipsOf(auth.user.id), countActiveSessions(auth.user.id)])
  return {
    email: auth.user.email,
    hasPassword: auth.user.hasPassword,
    sessions,
    organisations: memberships.map((m) => ({ slug: m.organisation.slug, name: m.organisation.name, role: m.role })),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requireUser(request)
  const formData = await request.formData()
  const intent = formData.get('intent')

  if (intent === 'signOutEverywhere') {
    return submitForm(request, formData, SignOutEverywhereSchema, async () => {
      await invalidateAllSessions(auth.user.id)
      return redirectWithToast(
        request,
        '/login',
        { type: 'success', key: 'auth.toast.signedOutEverywhere' },
        { headers: { 'Set-Cookie': blankSessionCookie() } },
      )
    })
  }

  if (intent === 'setPassword') {
    const hideFields = ['password', 'confirmPassword']
    return submitForm(
      request,
      formData,
      SetPasswordSchema,
      async ({ password }, submission) => {
        const outcome = await setPassword(auth.user.id, password, { keepSessionId: auth.sessionId })
        if (!outcome.ok) {
          const key: MessageKey =
            outcome.reason === 'notStaff'
              ? 'auth.error.notStaff'
              : outcome.reason === 'tooLong'
                ? 'auth.error.passwordTooLong'
                : 'auth.error.passwordTooShort'
          return data<FormReply>(
            { result: submission.reply({ formErrors: [key], hideFields }) },
            { status: outcome.reason === 'notStaff' ? 403 : 400 },
          )
        }
        return redirectWithToast(request, '/account', { type: 'success', key: 'auth.toast.passwordSaved' })
      },
      { hideFields },
    )
  }

  throw httpError(400, 'Unknown intent')
}

function PasswordForm({ lastResult }: { lastResult?: SubmissionResult<string[]> }) {
  const t = useT()
  const navigation = useNavigation()
  const [form, fields] = useZodForm(SetPasswordSchema, { id: 'set-password', lastResult })
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4">
      <input type="hidden" name="intent" value="setPassword" />
      <FormErrorSummary
        links={summaryEntries(form, { password: fields.password.id, confirmPassword: fields.confirmPassword.id }, (e) =>
          translateError(t, e),
        )}
      />
      <TextField
        label={t('auth.field.newPassword')}
        help={t('auth.field.passwordHint', { min: PASSWORD_MIN_LENGTH })}
        id={fields.password.id}
        key={fields.password.key}
        name={fields.password.name}
        type="password"
        required
        autoComplete="new-password"
        errors={translateErrors(t, fields.password.errors)}
      />
      <TextField
        label={t('auth.field.confirmPassword')}
        id={fields.confirmPassword.id}
        key={fields.confirmPassword.key}
        name={fields.confirmPassword.name}
        type="password"
        required
        autoComplete="new-password"
        errors={translateErrors(t, fields.confirmPassword.errors)}
      />
      <button type="submit" className="btn-primary" disabled={navigation.state !== 'idle'}>
        {t('auth.account.password.submit')}
      </button>
    </Form>
  )
}

export default function Account() {
  const t = useT()
  const { email, hasPassword, sessions, organisations } = useLoaderData<typeof loader>()
  const actionData = useActionData<FormReply>()
  const isStaff = organisations.length > 0
  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <h1 className="text-3xl font-bold tracking-tight">{t('auth.account.title')}</h1>

      <section aria-labelledby="account-identity" className="card space-y-2">
        <h2 id="account-identity" className="text-xl font-semibold">
          {t('auth.account.email')}
        </h2>
        <p className="break-all">{email}</p>
      </section>

      <section aria-labelledby="account-organisations" className="card space-y-3">
        <h2 id="account-organisations" className="text-xl font-semibold">
          {t('auth.account.organisations')}
        </h2>
        {organisations.length === 0 ? (
          <p className="text-stone-700">{t('auth.account.noOrganisations')}</p>
        ) : (
          <table className="w-full text-left">
            <thead>
              <tr className="border-b border-stone-200">
                <th scope="col" className="py-2 pr-4">
                  {t('auth.account.organisation')}
                </th>
                <th scope="col" className="py-2">
                  {t('auth.account.role')}
                </th>
              </tr>
            </thead>
            <tbody>
              {organisations.map((o) => (
                <tr key={o.slug} className="border-b border-stone-100">
                  <td className="py-2 pr-4">
                    <Link to={`/o/${o.slug}`} className="link">
                      {o.name}
                    </Link>
                  </td>
                  <td className="py-2">{t(`auth.role.${o.role}` as MessageKey)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="account-sessions" className="card space-y-3">
        <h2 id="account-sessions" className="text-xl font-semibold">
          {t('auth.account.sessions.heading')}
        </h2>
        <p>{t('auth.account.sessions.count', { count: sessions })}</p>
        <p id="sign-out-everywhere-help" className="text-sm text-stone-700">
          {t('auth.account.signOutEverywhere.help')}
        </p>
        <Form method="post">
          <input type="hidden" name="intent" value="signOutEverywhere" />
          <button type="submit" className="btn-danger" aria-describedby="sign-out-everywhere-help">
            {t('auth.account.signOutEverywhere')}
          </button>
        </Form>
      </section>

      {isStaff && (
        <section aria-labelledby="account-password" className="card space-y-3">
          <h2 id="account-password" className="text-xl font-semibold">
            {t('auth.account.password.heading')}
          </h2>
          <p>{t(hasPassword ? 'auth.account.password.isSet' : 'auth.account.password.notSet')}</p>
          <p className="text-sm text-stone-700">{t('auth.account.password.help')}</p>
          <PasswordForm lastResult={actionData?.result} />
        </section>
      )}
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary

// Starting a nomination: the person gives an email and receives the private link to the form
// (no account). Works without JavaScript; rate-limited per connection; 409 outside the window.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { limitPublicForm, retryAfterHeaders } from '#app/modules/auth/rate-limit.server.ts'
import { formErrorMessage } from '#app/shared/form-message.ts'
import { startNomination } from '#app/modules/nominations/service.server.ts'
import { submissionWindow } from '#app/modules/prizes/rules.ts'
import { getPublicEdition } from '#app/modules/prizes/service.server.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { FormErrorSummary, TextField } from '#app/ui/forms.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { isAppError } from '#app/utils/errors.ts'
import { notFound } from '#app/utils/http.server.ts'
import { formatDateTime } from '#app/shared/time.ts'
import { localeFromRequest, translate, type Locale } from '#app/utils/i18n.ts'
import { normaliseEmail } from '#app/shared/email-address.ts'

type ActionData = { status: 'sent'; email: string; nominationId: string } | { status: 'invalid'; email: string; fieldErrors: Record<string, string[]>; formErrors: string[] }

const NO_STORE = { 'Cache-Control': 'private, no-store' }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  if (!data) return []
  return [{ title: translate(root?.locale ?? 'fr', 'nominations.start.title', { title: data.edition.title }) }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const edition = await getPublicEdition(params.slug ?? '')
  if (!edition) throw notFound()
  const locale = localeFromRequest(request)
  return data({
    edition: {
      slug: edition.slug,
      title: edition.title,
      deadline: formatDateTime(locale, edition.submissionsCloseAt),
      opensAt: formatDateTime(locale, edition.submissionsOpenAt),
    },
    window: submissionWindow(edition, new Date()),
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = localeFromRequest(request)
  const formData = await request.formData()
  const email = String(formData.get('email') ?? '').slice(0, 300)
  const fail = (status: number, errors: { fieldErrors?: Record<string, string[]>; formErrors?: string[] }, headers: HeadersInit = {}) =>
    data<ActionData>({ status: 'invalid', email, fieldErrors: errors.fieldErrors ?? {}, formErrors: errors.formErrors ?? [] }, { status, headers: { ...NO_STORE, ...headers } })

  const limit = await limitPublicForm(request, 'nomination-start')
  if (!limit.allowed) {
    const minutes = Math.max(1, Math.ceil(limit.retryAfterSeconds / 60))
    return fail(429, { formErrors: [translate(locale, 'nomination.error.rateLimited', { minutes })] }, retryAfterHeaders(limit))
  }
  try {
    const started = await startNomination(params.slug ?? '', { email, locale, request })
    return data<ActionData>({ status: 'sent', email: normaliseEmail(email), nominationId: started.nominationId }, { headers: NO_STORE })
  } catch (error) {
    if (!isAppError(error) || error.status >= 500) throw error
    if (error.status === 404) throw notFound()
    if (error.fields) return fail(error.status, { fieldErrors: error.fields })
    return fail(error.status, { formErrors: [error.messageKey ? translate(locale, error.messageKey, error.params) : error.code] })
  }
}

export default function StartNomination() {
  const t = useT()
  const { edition, window } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const invalid = actionData?.status === 'invalid' ? actionData : undefined
  const emailErrors = invalid?.fieldErrors.email?.map((e) => formErrorMessage(t, e))

  return (
    <div className="mx-auto max-w-xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">{t('nominations.start.title', { title: edition.title })}</h1>
        <p className="text-lg text-stone-800">{t('nominations.start.deadline', { deadline: edition.deadline })}</p>
      </header>

      {actionData?.status === 'sent' ? (
        <section aria-labelledby="sent-title" className="card space-y-3" role="status">
          <h2 id="sent-title" className="text-xl font-semibold">
            {t('nominations.start.sentTitle')}
          </h2>
          <p>{t('nominations.start.sentBody', { email: actionData.email })}</p>
          <p className="text-stone-700">{t('nominations.start.sentSpam')}</p>
        </section>
      ) : window === 'open' ? (
        <section className="card space-y-4">
          <p>{t('nominations.start.intro')}</p>
          <Form method="post" noValidate className="space-y-4">
            <FormErrorSummary errors={invalid?.formErrors.map((e) => formErrorMessage(t, e))} />
            <TextField
              label={t('nominations.start.email')}
              help={t('nominations.start.emailHelp')}
              name="email"
              type="email"
              autoComplete="email"
              required
              defaultValue={invalid?.email ?? ''}
              errors={emailErrors}
            />
            <button type="submit" className="btn-primary px-6 py-3 text-base" disabled={busy}>
              {t('nominations.start.submit')}
            </button>
          </Form>
        </section>
      ) : (
        <p className="card" role="status">
          {window === 'closed' ? t('nominations.start.closed') : t('nominations.start.notOpen', { date: edition.opensAt })}
        </p>
      )}

      <p>
        <Link to={`/prix/${edition.slug}`} className="link">
          {t('nominations.start.back')}
        </Link>
      </p>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary

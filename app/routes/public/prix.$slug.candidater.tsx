// Starting a nomination: the person gives an email and receives the private link to the form
// (no account). Works without JavaScript; rate-limited per connection; 409 outside the window.
import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { limitPublicForm, retryAfterHeaders } from '#app/modules/auth/rate-limit.server.ts'
import { formErrorMessage } from '#app/shared/form-message.ts'
import { startNominationFormSchema } from '#app/modules/nominations/schema.ts'
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
import { summaryEntries, useZodForm } from '#app/ui/use-zod-form.ts'
import { submitForm, type FormReply } from '#app/utils/submission.server.ts'
import { normaliseEmail } from '#app/shared/email-address.ts'

type ActionData = FormReply & { sent?: { email: string; nominationId: string } }

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
  // The limit counts every attempt, refused ones too.
  const limit = await limitPublicForm(request, 'nomination-start')
  if (!limit.allowed) {
    const minutes = Math.max(1, Math.ceil(limit.retryAfterSeconds / 60))
    const submission = parseWithZod(formData, { schema: startNominationFormSchema })
    return data<ActionData>(
      { result: submission.reply({ formErrors: [translate(locale, 'nomination.error.rateLimited', { minutes })] }) },
      { status: 429, headers: { ...NO_STORE, ...retryAfterHeaders(limit) } },
    )
  }
  const answer = await submitForm(request, formData, startNominationFormSchema, async ({ email }, submission) => {
    const started = await startNomination(params.slug ?? '', { email, locale, request }).catch((error: unknown) => {
      if (isAppError(error) && error.status === 404) throw notFound()
      throw error
    })
    return data<ActionData>({ result: submission.reply({ resetForm: true }), sent: { email: normaliseEmail(email), nominationId: started.nominationId } })
  })
  // The answer shows the address typed: for this browser only.
  return data<ActionData>(answer.data, { status: answer.init?.status, headers: NO_STORE })
}

export default function StartNomination() {
  const t = useT()
  const { edition, window } = useLoaderData<typeof loader>()
  const actionData = useActionData<ActionData>()
  const busy = useNavigation().state === 'submitting'
  const [form, fields] = useZodForm(startNominationFormSchema, { id: 'start-nomination', lastResult: actionData?.result })
  const message = (e: string) => formErrorMessage(t, e)

  return (
    <div className="mx-auto max-w-xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">{t('nominations.start.title', { title: edition.title })}</h1>
        <p className="text-lg text-stone-800">{t('nominations.start.deadline', { deadline: edition.deadline })}</p>
      </header>

      {actionData?.sent ? (
        <section aria-labelledby="sent-title" className="card space-y-3" role="status">
          <h2 id="sent-title" className="text-xl font-semibold">
            {t('nominations.start.sentTitle')}
          </h2>
          <p>{t('nominations.start.sentBody', { email: actionData.sent.email })}</p>
          <p className="text-stone-700">{t('nominations.start.sentSpam')}</p>
        </section>
      ) : window === 'open' ? (
        <section className="card space-y-4">
          <p>{t('nominations.start.intro')}</p>
          <Form method="post" {...getFormProps(form)} className="space-y-4">
            <FormErrorSummary links={summaryEntries(form, { email: fields.email.id }, message)} />
            <TextField
              label={t('nominations.start.email')}
              help={t('nominations.start.emailHelp')}
              id={fields.email.id}
              key={fields.email.key}
              name={fields.email.name}
              type="email"
              autoComplete="email"
              required
              defaultValue={fields.email.initialValue}
              errors={fields.email.errors?.map(message)}
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

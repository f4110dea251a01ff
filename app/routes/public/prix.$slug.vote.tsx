// The public "coup de cœur" vote: the shortlisted nominations, an email and one choice. The vote
// counts once confirmed through the emailed link; results appear only after the vote closes.
// Works without JavaScript; rate-limited per connection (the service also limits per network).
import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { limitPublicForm, retryAfterHeaders } from '#app/modules/auth/rate-limit.server.ts'
import { voteWindow } from '#app/modules/prizes/rules.ts'
import { getPublicEdition } from '#app/modules/prizes/service.server.ts'
import { voteFormSchema } from '#app/modules/votes/schema.ts'
import { castVote, listShortlisted, tally } from '#app/modules/votes/service.server.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { ChoiceGroup, FormErrorSummary, TextField } from '#app/ui/forms.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { isAppError } from '#app/utils/errors.ts'
import { clientIp, notFound } from '#app/utils/http.server.ts'
import { formatDateTime } from '#app/shared/time.ts'
import { localeFromRequest, translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'
import { summaryEntries, useZodForm } from '#app/ui/use-zod-form.ts'
import { submitForm, type FormReply } from '#app/utils/submission.server.ts'
import { normaliseEmail } from '#app/shared/email-address.ts'

type ActionData = FormReply & { sentTo?: string }

const NO_STORE = { 'Cache-Control': 'private, no-store' }
const EXCERPT_LENGTH = 280

function excerpt(text: string) {
  const plain = text.replace(/\s+/g, ' ').trim()
  return plain.length <= EXCERPT_LENGTH ? plain : `${plain.slice(0, EXCERPT_LENGTH).replace(/\s+\S*$/, '')}…`
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  if (!data) return []
  return [{ title: `${translate(root?.locale ?? 'fr', 'votes.page.title', { title: data.edition.title })} — Essor` }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const edition = await getPublicEdition(params.slug ?? '')
  if (!edition) throw notFound()
  const now = new Date()
  const window = voteWindow(edition, now)
  if (!window) throw notFound()
  const locale = localeFromRequest(request)
  const [nominations, results] = await Promise.all([listShortlisted(edition.id), tally(edition.id, { now })])
  return data({
    edition: {
      slug: edition.slug,
      title: edition.title,
      opensAt: formatDateTime(locale, edition.voteOpensAt!),
      closesAt: formatDateTime(locale, edition.voteClosesAt!),
    },
    window,
    nominations: nominations.map((n) => ({ id: n.id, structureName: n.structureName, projectTitle: n.projectTitle, excerpt: excerpt(n.projectDescription) })),
    results,
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = localeFromRequest(request)
  const formData = await request.formData()
  // The limit counts every attempt, refused ones too.
  const limit = await limitPublicForm(request, 'vote')
  if (!limit.allowed) {
    const minutes = Math.max(1, Math.ceil(limit.retryAfterSeconds / 60))
    const submission = parseWithZod(formData, { schema: voteFormSchema })
    return data<ActionData>(
      { result: submission.reply({ formErrors: [translate(locale, 'votes.error.rateLimited', { minutes })] }) },
      { status: 429, headers: { ...NO_STORE, ...retryAfterHeaders(limit) } },
    )
  }
  const answer = await submitForm(request, formData, voteFormSchema, async ({ nominationId, email }, submission) => {
    await castVote(params.slug ?? '', nominationId, email, { ip: clientIp(request), locale, request }).catch((error: unknown) => {
      if (isAppError(error) && error.status === 404) throw notFound()
      throw error
    })
    return data<ActionData>({ result: submission.reply({ resetForm: true }), sentTo: normaliseEmail(email) })
  })
  // The answer shows the address typed: for this browser only.
  return data<ActionData>(answer.data, { status: answer.init?.status, headers: NO_STORE })
}

export default function PublicVote() {
  const t = useT()
  const { edition, window, nominations, results } = useLoaderData<typeof loader>()
  const actionData = useActionData<ActionData>()
  const busy = useNavigation().state === 'submitting'
  const [form, fields] = useZodForm(voteFormSchema, { id: 'vote', lastResult: actionData?.result })
  const message = (e: string) => t(e as MessageKey)
  const firstChoiceId = `${fields.nominationId.id}-0`

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">{t('votes.page.title', { title: edition.title })}</h1>
        <p className="text-lg text-stone-800">
          {window === 'open'
            ? t('votes.page.window', { opens: edition.opensAt, closes: edition.closesAt })
            : window === 'not_open'
              ? t('votes.page.notOpen', { date: edition.opensAt })
              : t('votes.page.closed')}
        </p>
      </header>

      {actionData?.sentTo ? (
        <section aria-labelledby="sent-title" className="card space-y-3" role="status">
          <h2 id="sent-title" className="text-xl font-semibold">
            {t('votes.page.sentTitle')}
          </h2>
          <p>{t('votes.page.sentBody', { email: actionData.sentTo })}</p>
        </section>
      ) : window === 'open' && nominations.length > 0 ? (
        <section className="card space-y-4">
          <p>{t('votes.page.intro')}</p>
          <Form method="post" {...getFormProps(form)} className="space-y-5">
            <FormErrorSummary links={summaryEntries(form, { nominationId: firstChoiceId, email: fields.email.id }, message)} />
            <ChoiceGroup
              id={fields.nominationId.id}
              key={fields.nominationId.key}
              legend={t('votes.page.nominations')}
              name={fields.nominationId.name}
              type="radio"
              required
              defaultValue={fields.nominationId.initialValue}
              errors={fields.nominationId.errors?.map(message)}
              options={nominations.map((n) => ({
                value: n.id,
                label: (
                  <span className="font-semibold">
                    {n.structureName}
                    {n.projectTitle ? ` — ${n.projectTitle}` : ''}
                  </span>
                ),
                hint: n.excerpt || undefined,
              }))}
            />
            <TextField
              label={t('votes.page.email')}
              help={t('votes.page.emailHelp')}
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
              {t('votes.page.submit')}
            </button>
          </Form>
        </section>
      ) : window === 'open' ? (
        <p className="card">{t('votes.page.none')}</p>
      ) : null}

      <section aria-labelledby="results-title" className="space-y-3">
        <h2 id="results-title" className="text-xl font-semibold">
          {t('votes.page.results')}
        </h2>
        {results.visible ? (
          <ol className="card space-y-2">
            {results.rows.map((r) => (
              <li key={r.nominationId} className="flex justify-between gap-4">
                <span>{r.structureName}</span>
                <span className="font-semibold">{t('votes.page.votes', { count: r.votes })}</span>
              </li>
            ))}
          </ol>
        ) : (
          <p>{t('votes.page.resultsHidden')}</p>
        )}
      </section>

      <p>
        <Link to={`/prix/${edition.slug}`} className="link">
          {t('votes.page.back')}
        </Link>
      </p>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary

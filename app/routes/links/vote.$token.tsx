// Confirming a public vote from its emailed link. GET only shows a button and POST confirms, so
// a mail scanner that opens the link does not cast the vote.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { getFormProps } from '@conform-to/react'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { ConfirmVoteSchema } from '#app/modules/votes/schema.ts'
import { confirmVote, getVoteByToken } from '#app/modules/votes/service.server.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { FormErrorSummary } from '#app/ui/forms.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { useZodForm } from '#app/ui/use-zod-form.ts'
import { isAppError } from '#app/utils/errors.ts'
import { notFound } from '#app/utils/http.server.ts'
import { translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'
import { submitForm, type FormReply } from '#app/utils/submission.server.ts'

const PRIVATE = { 'Cache-Control': 'private, no-store', 'Referrer-Policy': 'same-origin', 'X-Robots-Tag': 'noindex' }

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'votes.confirm.title')} — Essor` }, { name: 'robots', content: 'noindex' }]
}

export async function loader({ params }: LoaderFunctionArgs) {
  const vote = await getVoteByToken(params.token ?? '')
  if (!vote) throw notFound()
  return data({ vote }, { headers: PRIVATE })
}

export async function action({ request, params }: ActionFunctionArgs) {
  // The button sends nothing but the POST itself.
  const formData = await request.formData().catch(() => new FormData())
  return submitForm(request, formData, ConfirmVoteSchema, async () => {
    // An unknown link is the page's "not found"; a voided vote or a closed vote is the form's error.
    await confirmVote(params.token ?? '').catch((error: unknown) => {
      throw isAppError(error) && error.status === 404 ? notFound() : error
    })
    return data({ ok: true as const }, { headers: PRIVATE })
  })
}

export default function ConfirmVote() {
  const t = useT()
  const { vote } = useLoaderData<typeof loader>()
  const actionData = useActionData<{ ok: true } | FormReply>()
  const busy = useNavigation().state === 'submitting'
  const confirmed = (actionData && 'ok' in actionData) || vote.status === 'confirmed'
  const [form] = useZodForm(ConfirmVoteSchema, {
    id: 'confirm-vote',
    lastResult: actionData && 'result' in actionData ? actionData.result : null,
  })

  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">{t('votes.confirm.title')}</h1>
      {confirmed ? (
        <p className="card" role="status">
          {t('votes.confirm.done', { name: vote.nominationName })}
        </p>
      ) : vote.status === 'voided' ? (
        <p className="card" role="status">
          {t('votes.confirm.voided')}
        </p>
      ) : vote.window !== 'open' ? (
        <p className="card" role="status">
          {t('votes.confirm.closed')}
        </p>
      ) : (
        <section className="card space-y-4">
          <FormErrorSummary errors={Object.values(form.allErrors).flatMap((errors) => errors.map((e) => t(e as MessageKey)))} />
          <p>{t('votes.confirm.body', { name: vote.nominationName, title: vote.editionTitle })}</p>
          <Form method="post" {...getFormProps(form)}>
            <button type="submit" className="btn-primary px-6 py-3 text-base" disabled={busy}>
              {t('votes.confirm.submit')}
            </button>
          </Form>
        </section>
      )}
      <p>
        <Link to={`/prix/${vote.editionSlug}`} className="link">
          {t('votes.page.back')}
        </Link>
      </p>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary

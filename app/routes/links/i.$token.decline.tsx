// "Je ne pourrai pas venir" in one click. GET only shows the button (mail scanners open links);
// POST records the answer, once; the person can take it back.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { getFormProps } from '@conform-to/react'
import { Form, Link, useActionData, useLoaderData, useNavigation, useParams } from '@remix-run/react'
import { limitPublicForm, retryAfterHeaders } from '#app/modules/auth/rate-limit.server.ts'
import { DeclineAnswerSchema } from '#app/modules/campaigns/link-schema.ts'
import { declineInvitation, getInvitation } from '#app/modules/campaigns/service.server.ts'
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
  return [{ title: `${translate(root?.locale ?? 'fr', 'campaigns.decline.title')} — Essor` }, { name: 'robots', content: 'noindex' }]
}

export async function loader({ params }: LoaderFunctionArgs) {
  const invitation = await getInvitation(params.token ?? '')
  if (!invitation) throw notFound()
  // A jury invitation is declined on the join page, which also steps the juror down.
  if (invitation.kind === 'jury_invitation') throw redirect(`/jury/join/${params.token ?? ''}#decline`, { headers: PRIVATE })
  return data(
    {
      title: invitation.targetTitle,
      organisation: invitation.organisationName,
      declined: invitation.declined,
      registered: invitation.registered,
      canRegister: invitation.eventId !== null,
    },
    { headers: PRIVATE },
  )
}

export async function action({ request, params }: ActionFunctionArgs) {
  const limit = await limitPublicForm(request, 'campaign-answer')
  if (!limit.allowed) throw new Response('Too many requests', { status: 429, headers: retryAfterHeaders(limit) })
  const formData = await request.formData()
  return submitForm(request, formData, DeclineAnswerSchema, async ({ intent }) => {
    const undo = intent === 'undo'
    // The service refuses an unknown token, or a jury invitation's (declined on the join page): 404.
    const result = await declineInvitation(params.token ?? '', { undo }).catch((error: unknown) => {
      throw isAppError(error) && error.status === 404 ? notFound() : error
    })
    return data({ declined: result.declined, undone: undo }, { headers: PRIVATE })
  })
}

type ActionData = { declined: boolean; undone: boolean } | FormReply

export default function DeclineInvitation() {
  const t = useT()
  const { title, organisation, declined: declinedBefore, canRegister } = useLoaderData<typeof loader>()
  const actionData = useActionData<ActionData>()
  const answer = actionData && 'declined' in actionData ? actionData : null
  const busy = useNavigation().state === 'submitting'
  const declined = answer ? answer.declined : declinedBefore
  const { token } = useParams()
  const [form] = useZodForm(DeclineAnswerSchema, {
    id: 'decline-answer',
    lastResult: actionData && 'result' in actionData ? actionData.result : null,
  })

  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">{t('campaigns.decline.title')}</h1>
      <section className="card space-y-4">
        <FormErrorSummary errors={Object.values(form.allErrors).flatMap((errors) => errors.map((e) => t(e as MessageKey)))} />
        <p>{t('campaigns.decline.body', { title, organisation })}</p>
        {declined ? (
          <>
            <p role="status" className="font-semibold">
              {t('campaigns.decline.done')}
            </p>
            <Form method="post" {...getFormProps(form)}>
              <input type="hidden" name="intent" value="undo" />
              <button type="submit" className="btn-secondary" disabled={busy}>
                {t('campaigns.decline.undo')}
              </button>
            </Form>
          </>
        ) : (
          <>
            {answer?.undone && <p role="status">{t('campaigns.decline.undone')}</p>}
            <Form method="post" {...getFormProps(form)}>
              <input type="hidden" name="intent" value="decline" />
              <button type="submit" className="btn-primary px-6 py-3 text-base" disabled={busy}>
                {t('campaigns.decline.submit')}
              </button>
            </Form>
          </>
        )}
      </section>
      {canRegister && token && (
        <p>
          <Link to={`/i/${token}`} className="link">
            {t('campaigns.decline.register')}
          </Link>
        </p>
      )}
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary

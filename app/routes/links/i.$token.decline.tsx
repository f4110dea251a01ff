// "Je ne pourrai pas venir" in one click. GET only shows the button (mail scanners open links);
// POST records the answer, once; the person can take it back.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, useParams } from '@remix-run/react'
import { limitPublicForm, retryAfterHeaders } from '#app/modules/auth/rate-limit.server.ts'
import { declineInvitation, getInvitation } from '#app/modules/campaigns/service.server.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { notFound } from '#app/utils/http.server.ts'
import { translate, type Locale } from '#app/utils/i18n.ts'

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
  const undo = formData.get('intent') === 'undo'
  const invitation = await getInvitation(params.token ?? '')
  if (!invitation) throw notFound()
  const result = await declineInvitation(params.token ?? '', { undo })
  return data({ declined: result.declined, undone: undo }, { headers: PRIVATE })
}

export default function DeclineInvitation() {
  const t = useT()
  const { title, organisation, declined: declinedBefore, canRegister } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const declined = actionData ? actionData.declined : declinedBefore
  const { token } = useParams()

  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">{t('campaigns.decline.title')}</h1>
      <section className="card space-y-4">
        <p>{t('campaigns.decline.body', { title, organisation })}</p>
        {declined ? (
          <>
            <p role="status" className="font-semibold">
              {t('campaigns.decline.done')}
            </p>
            <Form method="post">
              <input type="hidden" name="intent" value="undo" />
              <button type="submit" className="btn-secondary" disabled={busy}>
                {t('campaigns.decline.undo')}
              </button>
            </Form>
          </>
        ) : (
          <>
            {actionData?.undone && <p role="status">{t('campaigns.decline.undone')}</p>}
            <Form method="post">
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

// One-click unsubscribe from an organisation's campaigns. GET shows one button; POST suppresses
// the address. Mail providers POST here directly with "List-Unsubscribe=One-Click" (RFC 8058),
// without a browser: the Origin check lets /u/* through (app/server/origin-check.ts).
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { getFormProps } from '@conform-to/react'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { limitPublicForm, retryAfterHeaders } from '#app/modules/auth/rate-limit.server.ts'
import { UnsubscribeSchema } from '#app/modules/campaigns/link-schema.ts'
import { getInvitation, unsubscribe } from '#app/modules/campaigns/service.server.ts'
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
  return [{ title: `${translate(root?.locale ?? 'fr', 'campaigns.unsubscribe.title')} — Essor` }, { name: 'robots', content: 'noindex' }]
}

export async function loader({ params }: LoaderFunctionArgs) {
  const invitation = await getInvitation(params.token ?? '')
  if (!invitation) throw notFound()
  return data(
    { organisation: invitation.organisationName, email: invitation.email, unsubscribed: invitation.unsubscribed },
    { headers: PRIVATE },
  )
}

export async function action({ request, params }: ActionFunctionArgs) {
  const limit = await limitPublicForm(request, 'campaign-unsubscribe')
  if (!limit.allowed) throw new Response('Too many requests', { status: 429, headers: retryAfterHeaders(limit) })
  // A mail provider may POST without a form body.
  const formData = await request.formData().catch(() => new FormData())
  return submitForm(request, formData, UnsubscribeSchema, async () => {
    // The service refuses an unknown token (404): the page's "not found", as on GET.
    await unsubscribe(params.token ?? '').catch((error: unknown) => {
      throw isAppError(error) && error.status === 404 ? notFound() : error
    })
    return data({ done: true }, { headers: PRIVATE })
  })
}

export default function Unsubscribe() {
  const t = useT()
  const { organisation, email, unsubscribed } = useLoaderData<typeof loader>()
  const actionData = useActionData<{ done: true } | FormReply>()
  const done = (actionData && 'done' in actionData) || unsubscribed
  const busy = useNavigation().state === 'submitting'
  const [form] = useZodForm(UnsubscribeSchema, {
    id: 'unsubscribe',
    lastResult: actionData && 'result' in actionData ? actionData.result : null,
  })
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">{t('campaigns.unsubscribe.title')}</h1>
      <section className="card space-y-4">
        {done ? (
          <p role="status" className="font-semibold">
            {t('campaigns.unsubscribe.done', { organisation })}
          </p>
        ) : (
          <>
            <FormErrorSummary errors={Object.values(form.allErrors).flatMap((errors) => errors.map((e) => t(e as MessageKey)))} />
            <p>{t('campaigns.unsubscribe.body', { organisation, email })}</p>
            <Form method="post" {...getFormProps(form)}>
              <button type="submit" className="btn-primary px-6 py-3 text-base" disabled={busy}>
                {t('campaigns.unsubscribe.submit')}
              </button>
            </Form>
          </>
        )}
      </section>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary

// Where an old personal link lands once the person asked for a new one (every earlier link is then
// revoked): it says so, shows where the current link went (masked) and offers to send it again,
// to the registration's own address only, at most every few minutes.
import { getFormProps } from '@conform-to/react'
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { manageLinkState, replacedLinkView, resendCurrentLink } from '#app/modules/registrations/links.server.ts'
import { ResendLinkSchema } from '#app/modules/registrations/manage-schema.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { FormErrorSummary } from '#app/ui/forms.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { useZodForm } from '#app/ui/use-zod-form.ts'
import { notFound, orHttpError } from '#app/utils/http.server.ts'
import { translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'
import { submitForm, type FormReply } from '#app/utils/submission.server.ts'

const PRIVATE_HEADERS = { 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex, nofollow', 'Referrer-Policy': 'same-origin' }

type ActionData = FormReply & { resent?: { sent: boolean; sentTo: string } }

export const meta: MetaFunction<typeof loader> = ({ matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  return [{ title: translate(root?.locale ?? 'fr', 'links.replaced.pageTitle') }, { name: 'robots', content: 'noindex, nofollow' }]
}

export async function loader({ params }: LoaderFunctionArgs) {
  const token = params.token ?? ''
  const view = await replacedLinkView(token)
  if (view) return data(view, { headers: PRIVATE_HEADERS })
  // A link that still works has nothing to do here; any other is unknown.
  if ((await manageLinkState(token)).state === 'valid') throw redirect(`/r/${token}`, { headers: PRIVATE_HEADERS })
  throw notFound()
}

export const headers: HeadersFunction = () => PRIVATE_HEADERS

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? ''
  return submitForm(request, await request.formData(), ResendLinkSchema, async (_value, submission) => {
    const resent = await orHttpError(resendCurrentLink(token))
    // Too soon after the last link: nothing was sent, and the page says why.
    return data<ActionData>(
      { result: submission.reply({ resetForm: true }), resent },
      { status: resent.sent ? 200 : 429, headers: PRIVATE_HEADERS },
    )
  })
}

export default function ReplacedLink() {
  const t = useT()
  const d = useLoaderData<typeof loader>()
  const actionData = useActionData<ActionData>()
  const busy = useNavigation().state === 'submitting'
  const [form] = useZodForm(ResendLinkSchema, { id: 'resend-link', lastResult: actionData?.result })
  const resent = actionData?.resent
  const outcome = useRef<HTMLParagraphElement>(null)
  // The answer to the button takes focus, so it is read out and seen on a phone.
  useEffect(() => {
    if (resent) outcome.current?.focus()
  }, [resent])

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">{t('links.replaced.title')}</h1>
        <p className="text-lg text-stone-800">{t('links.replaced.body', { event: d.eventTitle })}</p>
      </header>

      <section aria-labelledby="resend-title" className="card space-y-4">
        <h2 id="resend-title" className="sr-only">
          {t('links.replaced.resend')}
        </h2>
        <div role="status">
          {resent && (
            <p
              ref={outcome}
              tabIndex={-1}
              data-testid="resend-outcome"
              className={`rounded-md border-l-4 px-4 py-3 font-semibold focus:outline focus:outline-2 ${
                resent.sent
                  ? 'border-brand-700 bg-brand-50 text-brand-800 focus:outline-brand-700'
                  : 'border-amber-700 bg-amber-50 text-amber-950 focus:outline-amber-700'
              }`}
            >
              {resent.sent ? t('links.replaced.sent', { sentTo: resent.sentTo }) : t('links.replaced.tooSoon', { sentTo: resent.sentTo })}
            </p>
          )}
        </div>
        <p>{t('links.replaced.where', { sentTo: d.sentTo })}</p>
        <Form method="post" {...getFormProps(form)}>
          <FormErrorSummary errors={[...(form.errors ?? []), ...(form.allErrors.intent ?? [])].map((e) => t(e as MessageKey))} />
          <input type="hidden" name="intent" value="resend" />
          <button type="submit" className="btn-primary px-6 py-3 text-base" disabled={busy}>
            {t('links.replaced.resend')}
          </button>
        </Form>
      </section>

      <p>
        <Link to="/" className="link">
          {t('links.replaced.home')}
        </Link>
      </p>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary

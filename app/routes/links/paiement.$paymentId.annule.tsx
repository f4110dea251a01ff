// Where Stripe Checkout sends the attendee who went back without paying: the seat stays held
// until the hold ends; they can resume the card payment, pay by transfer when the event accepts
// it, or give the seat back. The session id in the address is the proof of access.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { getFormProps } from '@conform-to/react'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { limitPublicForm, retryAfterHeaders } from '#app/modules/auth/rate-limit.server.ts'
import { CheckoutCancelledSchema } from '#app/modules/payments/checkout-schema.ts'
import { formatEuros } from '#app/modules/payments/rules.ts'
import { checkoutView, closeCheckout, startCheckout, switchToTransfer } from '#app/modules/payments/stripe.server.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { FormErrorSummary } from '#app/ui/forms.tsx'
import { useLocale, useT } from '#app/ui/i18n.tsx'
import { useZodForm } from '#app/ui/use-zod-form.ts'
import { AppError, isAppError } from '#app/utils/errors.ts'
import { notFound } from '#app/utils/http.server.ts'
import { cachedDateTimeFormat } from '#app/shared/time.ts'
import { translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'
import { logger } from '#app/utils/logger.server.ts'
import { replyWithAppError, submitForm, type FormReply } from '#app/utils/submission.server.ts'

const PRIVATE = { 'Cache-Control': 'private, no-store', 'Referrer-Policy': 'same-origin', 'X-Robots-Tag': 'noindex' }

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'paymentsCard.title')} — Essor` }, { name: 'robots', content: 'noindex' }]
}

async function viewFor(request: Request, paymentId: string | undefined) {
  const sessionId = new URL(request.url).searchParams.get('session_id')
  const view = await checkoutView(paymentId ?? '', sessionId)
  if (!view) throw notFound()
  return view
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const view = await viewFor(request, params.paymentId)
  const url = new URL(request.url)
  const hold = view.registration.holdExpiresAt
  return data(
    {
      state: view.state,
      payment: view.payment,
      event: { slug: view.event.slug, title: view.event.title },
      holdUntil: hold
        ? cachedDateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: view.event.timeZone }).format(hold)
        : null,
      canRetry: view.cardAvailable,
      canTransfer: view.event.acceptsTransfer,
      self: `${url.pathname}${url.search}`,
    },
    { headers: PRIVATE },
  )
}

export async function action({ request, params }: ActionFunctionArgs) {
  const limit = await limitPublicForm(request, 'card-payment')
  if (!limit.allowed) throw new Response('Too many requests', { status: 429, headers: retryAfterHeaders(limit) })
  const view = await viewFor(request, params.paymentId)
  const formData = await request.formData()
  const self = new URL(request.url)
  const back = () => redirect(`${self.pathname}${self.search}`)
  return submitForm(request, formData, CheckoutCancelledSchema, async ({ intent }, submission) => {
    // The buttons are offered while the seat is held; a late click (paid, released) just shows the page again.
    if (view.state !== 'held') return back()
    try {
      if (intent === 'retry') return redirect(await startCheckout(view.payment.id, request))
      // The service refuses a transfer the event does not accept.
      if (intent === 'transfer') await switchToTransfer(view.payment.id, request)
      else await closeCheckout(view.payment.id, { reason: 'cancelled' })
      return back()
    } catch (error) {
      if (isAppError(error)) throw error
      logger.error({ err: error, paymentId: view.payment.id }, 'card payment action failed')
      const stripeDown = new AppError({ status: 502, code: 'stripe_unavailable', messageKey: 'paymentsCard.error.stripe' })
      return data<FormReply>({ result: replyWithAppError(submission, request, stripeDown) }, { status: 502, headers: PRIVATE })
    }
  })
}

export default function CheckoutCancelled() {
  const t = useT()
  const locale = useLocale()
  const { state, payment, event, holdUntil, canRetry, canTransfer, self } = useLoaderData<typeof loader>()
  const actionData = useActionData<FormReply>()
  const busy = useNavigation().state === 'submitting'
  const [form] = useZodForm(CheckoutCancelledSchema, { id: 'checkout-cancelled', lastResult: actionData?.result })
  const [transferForm] = useZodForm(CheckoutCancelledSchema, { id: 'checkout-transfer' })
  const [releaseForm] = useZodForm(CheckoutCancelledSchema, { id: 'checkout-release' })
  const amount = formatEuros(payment.amountCents, locale)
  const heading: MessageKey =
    state === 'held'
      ? 'paymentsCard.cancel.heading'
      : state === 'paid'
        ? 'paymentsCard.cancel.paid.heading'
        : state === 'released'
          ? 'paymentsCard.cancel.released.heading'
          : state === 'transfer'
            ? 'paymentsCard.cancel.transfer'
            : state === 'seat_lost'
              ? 'paymentsCard.return.seatLost.heading'
              : 'paymentsCard.return.closed.heading'
  const body: MessageKey =
    state === 'paid'
      ? 'paymentsCard.cancel.paid.body'
      : state === 'released'
        ? 'paymentsCard.cancel.released.body'
        : state === 'transfer'
          ? 'paymentsCard.cancel.transferChosen'
          : state === 'seat_lost'
            ? 'paymentsCard.return.seatLost.body'
            : state === 'processing'
              ? 'paymentsCard.return.processing.body'
              : 'paymentsCard.return.closed.body'
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">{t(heading)}</h1>
      <section className="card space-y-3">
        <p className="font-semibold">{event.title}</p>
        <FormErrorSummary errors={Object.values(form.allErrors).flatMap((errors) => errors.map((e) => t(e as MessageKey)))} />
        <p role="status" data-testid="payment-state" data-state={state}>
          {state === 'held' && holdUntil ? t('paymentsCard.cancel.held', { time: holdUntil }) : t(body, { amount })}
        </p>
        <p>{t('paymentsCard.amount', { amount })}</p>
        <p>{t('paymentsCard.reference', { reference: payment.reference })}</p>
      </section>
      {state === 'held' && (
        <section className="card space-y-4">
          {canRetry && (
            <Form method="post" action={self} {...getFormProps(form)}>
              <input type="hidden" name="intent" value="retry" />
              <button type="submit" className="btn-primary px-6 py-3 text-base" disabled={busy}>
                {t('paymentsCard.cancel.retry')}
              </button>
            </Form>
          )}
          {canTransfer && (
            <Form method="post" action={self} className="space-y-2" {...getFormProps(transferForm)}>
              <input type="hidden" name="intent" value="transfer" />
              <p id="transfer-help">{t('paymentsCard.cancel.transferHelp')}</p>
              <button type="submit" className="btn-secondary px-6 py-3 text-base" aria-describedby="transfer-help" disabled={busy}>
                {t('paymentsCard.cancel.transfer')}
              </button>
            </Form>
          )}
          <Form method="post" action={self} className="space-y-2" {...getFormProps(releaseForm)}>
            <input type="hidden" name="intent" value="release" />
            <p id="release-help">{t('paymentsCard.cancel.releaseHelp')}</p>
            <button type="submit" className="btn-secondary px-6 py-3 text-base" aria-describedby="release-help" disabled={busy}>
              {t('paymentsCard.cancel.release')}
            </button>
          </Form>
        </section>
      )}
      <p>
        <Link to={`/e/${event.slug}`} className="underline">
          {t('paymentsCard.event.link')}
        </Link>
      </p>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary

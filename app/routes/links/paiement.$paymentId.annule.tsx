// Where Stripe Checkout sends the attendee who went back without paying: the seat stays held
// until the hold ends; they can resume the card payment, pay by transfer when the event accepts
// it, or give the seat back. The session id in the address is the proof of access.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { limitPublicForm, retryAfterHeaders } from '#app/modules/auth/rate-limit.server.ts'
import { formatEuros } from '#app/modules/payments/rules.ts'
import { checkoutView, closeCheckout, startCheckout, switchToTransfer } from '#app/modules/payments/stripe.server.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { useLocale, useT } from '#app/ui/i18n.tsx'
import { isAppError } from '#app/utils/errors.ts'
import { notFound } from '#app/utils/http.server.ts'
import { cachedDateTimeFormat } from '#app/shared/time.ts'
import { translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'
import { logger } from '#app/utils/logger.server.ts'

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
  const intent = (await request.formData()).get('intent')
  const self = new URL(request.url)
  try {
    if (intent === 'retry' && view.state === 'held') return redirect(await startCheckout(view.payment.id, request))
    if (intent === 'transfer' && view.state === 'held' && view.event.acceptsTransfer) {
      await switchToTransfer(view.payment.id, request)
      return redirect(`${self.pathname}${self.search}`)
    }
    if (intent === 'release' && view.state === 'held') {
      await closeCheckout(view.payment.id, { reason: 'cancelled' })
      return redirect(`${self.pathname}${self.search}`)
    }
  } catch (error) {
    if (isAppError(error))
      return data({ error: error.messageKey ?? 'paymentsCard.error.notOpen' }, { status: error.status, headers: PRIVATE })
    logger.error({ err: error, paymentId: view.payment.id }, 'card payment action failed')
    return data({ error: 'paymentsCard.error.stripe' as MessageKey }, { status: 502, headers: PRIVATE })
  }
  return redirect(`${self.pathname}${self.search}`)
}

export default function CheckoutCancelled() {
  const t = useT()
  const locale = useLocale()
  const { state, payment, event, holdUntil, canRetry, canTransfer, self } = useLoaderData<typeof loader>()
  const failed = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
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
        {failed && 'error' in failed && (
          <p role="alert" className="font-semibold text-red-800">
            {t(failed.error as MessageKey)}
          </p>
        )}
        <p role="status" data-testid="payment-state" data-state={state}>
          {state === 'held' && holdUntil ? t('paymentsCard.cancel.held', { time: holdUntil }) : t(body, { amount })}
        </p>
        <p>{t('paymentsCard.amount', { amount })}</p>
        <p>{t('paymentsCard.reference', { reference: payment.reference })}</p>
      </section>
      {state === 'held' && (
        <section className="card space-y-4">
          {canRetry && (
            <Form method="post" action={self}>
              <input type="hidden" name="intent" value="retry" />
              <button type="submit" className="btn-primary px-6 py-3 text-base" disabled={busy}>
                {t('paymentsCard.cancel.retry')}
              </button>
            </Form>
          )}
          {canTransfer && (
            <Form method="post" action={self} className="space-y-2">
              <input type="hidden" name="intent" value="transfer" />
              <p id="transfer-help">{t('paymentsCard.cancel.transferHelp')}</p>
              <button type="submit" className="btn-secondary px-6 py-3 text-base" aria-describedby="transfer-help" disabled={busy}>
                {t('paymentsCard.cancel.transfer')}
              </button>
            </Form>
          )}
          <Form method="post" action={self} className="space-y-2">
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

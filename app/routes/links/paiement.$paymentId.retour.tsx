// Where Stripe Checkout sends the attendee after paying. The webhook may not have arrived yet:
// the page asks Stripe about the session and confirms a paid one at once (the same idempotent
// confirmation the webhook makes). The session id in the address is the proof of access.
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { checkoutView } from '#app/modules/payments/stripe.server.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { useLocale, useT } from '#app/ui/i18n.tsx'
import { notFound } from '#app/utils/http.server.ts'
import { translate, type Locale } from '#app/utils/i18n.ts'
import { formatEuros } from '#app/modules/payments/rules.ts'

const PRIVATE = { 'Cache-Control': 'private, no-store', 'Referrer-Policy': 'same-origin', 'X-Robots-Tag': 'noindex' }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  const tags = [{ title: `${translate(root?.locale ?? 'fr', 'paymentsCard.title')} — Essor` }, { name: 'robots', content: 'noindex' }]
  // Works without JavaScript: the browser reloads until the payment is settled.
  return data?.state === 'processing' ? [...tags, { httpEquiv: 'refresh', content: '4' }] : tags
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const sessionId = new URL(request.url).searchParams.get('session_id')
  const view = await checkoutView(params.paymentId ?? '', sessionId, { settle: true })
  if (!view) throw notFound()
  const url = new URL(request.url)
  return data(
    {
      state: view.state,
      payment: view.payment,
      event: { slug: view.event.slug, title: view.event.title },
      self: `${url.pathname}${url.search}`,
    },
    { headers: PRIVATE },
  )
}

export default function CheckoutReturn() {
  const t = useT()
  const locale = useLocale()
  const { state, payment, event, self } = useLoaderData<typeof loader>()
  const amount = formatEuros(payment.amountCents, locale)
  const [heading, body] =
    state === 'paid'
      ? (['paymentsCard.return.paid.heading', 'paymentsCard.return.paid.body'] as const)
      : state === 'processing'
        ? (['paymentsCard.return.processing.heading', 'paymentsCard.return.processing.body'] as const)
        : state === 'seat_lost'
          ? (['paymentsCard.return.seatLost.heading', 'paymentsCard.return.seatLost.body'] as const)
          : (['paymentsCard.return.closed.heading', 'paymentsCard.return.closed.body'] as const)
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">{t(heading)}</h1>
      <section className="card space-y-3" aria-live="polite">
        <p className="font-semibold">{event.title}</p>
        <p role="status" data-testid="payment-state" data-state={state}>
          {t(body, { amount })}
        </p>
        <p>{t('paymentsCard.amount', { amount })}</p>
        <p>{t('paymentsCard.reference', { reference: payment.reference })}</p>
        {state === 'processing' && (
          <p>
            <Link to={self} reloadDocument className="underline">
              {t('paymentsCard.return.refresh')}
            </Link>
          </p>
        )}
        <p>
          <Link to={`/e/${event.slug}`} className="underline">
            {t('paymentsCard.event.link')}
          </Link>
        </p>
      </section>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary

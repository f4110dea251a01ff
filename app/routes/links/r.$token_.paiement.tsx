// The registrant's payment page, behind the personal manage link (no account): the amount and
// where the payment stands (seat held until HH:MM, paid, expired), the card button when Stripe is
// configured and the hold is running, the bank-transfer or purchase-order instructions, and the
// switch between methods the event accepts. Works without JavaScript (plain POST forms).
import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { formatInstant } from '#app/modules/events/public.server.ts'
import { PaymentPageSchema } from '#app/modules/payments/checkout-schema.ts'
import { availableMethods, formatEuros, formatReceiptNumber, type PaymentMethod } from '#app/modules/payments/rules.ts'
import {
  bankDetailsOf,
  currentPaymentOf,
  DEFAULT_VAT_MENTION,
  getPaymentView,
  switchPaymentMethod,
} from '#app/modules/payments/service.server.ts'
import { cardPaymentsAvailable, startCheckout } from '#app/modules/payments/stripe.server.ts'
import { manageLinkState } from '#app/modules/registrations/links.server.ts'
import { findRegistrationByManageToken, manageUrlFor } from '#app/modules/registrations/service.server.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { FormErrorSummary, TextField } from '#app/ui/forms.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { useZodForm } from '#app/ui/use-zod-form.ts'
import { AppError, isAppError } from '#app/utils/errors.ts'
import { notFound } from '#app/utils/http.server.ts'
import { localeFromRequest, translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'
import { logger } from '#app/utils/logger.server.ts'
import { replyWithAppError, submitForm, type FormReply } from '#app/utils/submission.server.ts'

const PRIVATE_HEADERS = { 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex, nofollow', 'Referrer-Policy': 'same-origin' }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  const title = translate(root?.locale ?? 'fr', 'payments.page.title')
  return [{ title: data ? `${title} — ${data.event.title}` : title }, { name: 'robots', content: 'noindex, nofollow' }]
}

export type PaymentState = 'held' | 'awaiting' | 'hold_over' | 'paid' | 'released' | 'none'

async function load(token: string) {
  const registration = await findRegistrationByManageToken(token)
  // A link revoked by a newer one: the replaced-link page says so.
  if (!registration) throw (await manageLinkState(token)).state === 'replaced' ? redirect(`/r/${token}/remplace`) : notFound()
  const current = await currentPaymentOf(registration.id)
  const view = current ? await getPaymentView(current.id) : null
  return { registration, view }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token ?? ''
  const { registration, view } = await load(token)
  // A registration without a payment (free ticket, waiting list): the manage page says it all.
  if (!view) throw redirect(`/r/${token}`)
  const locale = localeFromRequest(request)
  const now = new Date()
  const tz = registration.event.timeZone
  const hold = view.registration.holdExpiresAt
  const pending = view.status === 'pending' && view.registration.status === 'pending_payment'
  const state: PaymentState = pending
    ? view.method !== 'card'
      ? 'awaiting'
      : hold && hold > now
        ? 'held'
        : 'hold_over'
    : view.status === 'paid' || view.status === 'refunded'
      ? 'paid'
      : view.status === 'expired' || view.status === 'cancelled'
        ? 'released'
        : 'none'
  const cardAvailable = cardPaymentsAvailable()
  const methods = pending ? availableMethods(view.registration.event, cardAvailable) : []
  return data(
    {
      token,
      welcome: new URL(request.url).searchParams.get('welcome') === '1',
      state,
      event: { slug: view.registration.event.slug, title: view.registration.event.title },
      payment: {
        method: view.method as PaymentMethod,
        amount: formatEuros(view.amountCents, locale),
        reference: view.reference,
        purchaseOrderNumber: view.purchaseOrderNumber,
        ticket: view.registration.ticketType
          ? (locale === 'en' && view.registration.ticketType.nameEn) || view.registration.ticketType.name
          : null,
        holdUntil: hold && state === 'held' ? formatInstant(locale, hold, tz) : null,
        paidAt: view.paidAt ? formatInstant(locale, view.paidAt, tz) : null,
        receiptNumber: view.receiptNumber ? formatReceiptNumber(view.receiptNumber) : null,
        refundStatus: view.refundStatus,
        refund: view.refundCents ? formatEuros(view.refundCents, locale) : null,
      },
      bank: view.method === 'transfer' || view.method === 'purchase_order' ? bankDetailsOf({ ...view.organisation }) : null,
      organisation: view.organisation.legalName || view.organisation.name,
      vatMention: view.organisation.vatMention || DEFAULT_VAT_MENTION,
      // Card only while the seat is held (or awaiting a transfer: the attendee may pay by card instead).
      canPayByCard: cardAvailable && (state === 'held' || (state === 'awaiting' && methods.includes('card'))),
      switchTo: methods.filter((m) => m !== 'card' && (m !== view.method || m === 'purchase_order')),
      registrationStatus: view.registration.status,
    },
    { headers: PRIVATE_HEADERS },
  )
}

export const headers: HeadersFunction = () => PRIVATE_HEADERS

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? ''
  const { registration, view } = await load(token)
  if (!view) throw redirect(`/r/${token}`)
  const formData = await request.formData()
  const cardAvailable = cardPaymentsAvailable()
  return submitForm(request, formData, PaymentPageSchema, async (value, submission) => {
    if (value.intent === 'switch') {
      await switchPaymentMethod(registration.id, {
        method: value.paymentMethod,
        purchaseOrderNumber: value.purchaseOrderNumber ?? '',
        cardAvailable,
        manageUrl: manageUrlFor(token),
      })
      return redirect(`/r/${token}/paiement`, 303)
    }
    let paymentId = view.id
    if (view.method !== 'card') {
      paymentId = (await switchPaymentMethod(registration.id, { method: 'card', cardAvailable, manageUrl: manageUrlFor(token) })).id
    }
    try {
      // The service refuses a payment no longer pending, or whose hold is over (the form's error).
      return redirect(await startCheckout(paymentId, request), 303)
    } catch (error) {
      if (isAppError(error) && error.status < 500) throw error
      logger.warn({ err: error, paymentId }, 'checkout could not start')
      const failed = new AppError({ status: 503, code: 'checkout_failed', messageKey: 'payments.page.cardFailed' })
      return data<FormReply>({ result: replyWithAppError(submission, request, failed) }, { status: 503, headers: PRIVATE_HEADERS })
    }
  })
}

/** Pay by card: one button. */
function CardForm({ amount, busy }: { amount: string; busy: boolean }) {
  const t = useT()
  const [form] = useZodForm(PaymentPageSchema, { id: 'pay-card' })
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="card" />
      <button type="submit" className="btn-primary px-6 py-3 text-base" disabled={busy}>
        {t('payments.page.payByCard', { amount })}
      </button>
    </Form>
  )
}

/** Switch to one method; a purchase order asks for its number. */
function SwitchForm({ method, lastResult, busy }: { method: PaymentMethod; lastResult: SubmissionResult<string[]> | null; busy: boolean }) {
  const t = useT()
  const [form, fields] = useZodForm(PaymentPageSchema, { id: `pay-switch-${method}`, lastResult })
  return (
    <Form method="post" className="space-y-3" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="switch" />
      <input type="hidden" name="paymentMethod" value={method} />
      {method === 'purchase_order' && (
        <TextField
          id="pay-purchaseOrderNumber"
          name="purchaseOrderNumber"
          key={fields.purchaseOrderNumber.key}
          label={t('payments.form.purchaseOrderNumber')}
          help={t('payments.form.purchaseOrderHelp')}
          maxLength={60}
          required
          defaultValue={fields.purchaseOrderNumber.initialValue ?? ''}
          errors={fields.purchaseOrderNumber.errors?.map((e) => t(e as MessageKey))}
        />
      )}
      <button type="submit" className="btn-secondary" disabled={busy}>
        {t(`payments.page.switchTo.${method}` as MessageKey)}
      </button>
    </Form>
  )
}

export default function PaymentPage() {
  const t = useT()
  const d = useLoaderData<typeof loader>()
  const actionData = useActionData<FormReply>()
  const busy = useNavigation().state === 'submitting'
  const p = d.payment
  // Every form's errors in one summary at the top; the purchase order number's links to its field.
  const summary = Object.entries(actionData?.result.error ?? {}).flatMap(([name, errors]) =>
    (errors ?? []).map((e) => ({
      text: t(e as MessageKey),
      href: name === 'purchaseOrderNumber' ? '#pay-purchaseOrderNumber' : undefined,
    })),
  )
  const sentMethod = actionData?.result.initialValue?.paymentMethod
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header className="space-y-2">
        <p className="text-sm font-medium uppercase tracking-wide text-stone-700">{t('payments.page.title')}</p>
        <h1 className="text-3xl font-bold tracking-tight">{d.event.title}</h1>
      </header>

      {d.welcome && d.state !== 'paid' && d.state !== 'released' && (
        <p role="status" className="rounded-md border-l-4 border-brand-700 bg-brand-50 px-4 py-3 font-semibold text-brand-800">
          {t('payments.page.welcome')}
        </p>
      )}
      <FormErrorSummary links={summary} />

      <section aria-labelledby="amount-title" className="card space-y-3">
        <h2 id="amount-title" className="text-xl font-semibold">
          {t('payments.page.amountTitle')}
        </h2>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[minmax(0,12rem)_1fr]">
          {p.ticket && (
            <>
              <dt className="font-semibold text-stone-700">{t('payments.form.ticket')}</dt>
              <dd>{p.ticket}</dd>
            </>
          )}
          <dt className="font-semibold text-stone-700">{t('payments.page.amount')}</dt>
          <dd className="text-lg font-bold" data-testid="payment-amount">
            {p.amount}
          </dd>
          <dt className="font-semibold text-stone-700">{t('payments.page.method')}</dt>
          <dd>{t(`payments.method.${p.method}` as MessageKey)}</dd>
          <dt className="font-semibold text-stone-700">{t('payments.page.reference')}</dt>
          <dd className="font-mono" data-testid="payment-reference">
            {p.reference}
          </dd>
        </dl>
        <p className="text-sm text-stone-700">{d.vatMention}</p>
        <p data-testid="payment-state" className="rounded-md border-l-4 border-amber-700 bg-amber-50 px-4 py-3 text-amber-950">
          {d.state === 'held' && t('payments.page.held', { time: p.holdUntil ?? '' })}
          {d.state === 'awaiting' && t('payments.page.awaiting')}
          {d.state === 'hold_over' && t('payments.page.holdOver')}
          {d.state === 'paid' && t('payments.page.paid', { date: p.paidAt ?? '', number: p.receiptNumber ?? '' })}
          {d.state === 'released' && t('payments.page.released')}
          {d.state === 'none' && t('payments.page.none')}
        </p>
        {d.state === 'paid' && (
          <>
            {p.refundStatus !== 'none' && <p>{t(`payments.refund.${p.refundStatus}` as MessageKey, { amount: p.refund ?? '' })}</p>}
            <p>
              <Link to={`/r/${d.token}/recu`} className="link">
                {t('payments.page.receiptLink')}
              </Link>
            </p>
          </>
        )}
        {d.state === 'released' && (
          <p>
            <Link to={`/e/${d.event.slug}`} className="link">
              {t('manage.cancelled.registerAgain')}
            </Link>
          </p>
        )}
      </section>

      {d.canPayByCard && (
        <section aria-labelledby="card-title" className="card space-y-3">
          <h2 id="card-title" className="text-xl font-semibold">
            {t('payments.page.cardTitle')}
          </h2>
          <p>{t('payments.page.cardHelp')}</p>
          <CardForm amount={p.amount} busy={busy} />
        </section>
      )}

      {d.state === 'awaiting' && (
        <section aria-labelledby="instructions-title" className="card space-y-3">
          <h2 id="instructions-title" className="text-xl font-semibold">
            {t(p.method === 'purchase_order' ? 'payments.page.poTitle' : 'payments.page.transferTitle')}
          </h2>
          {p.method === 'purchase_order' && (
            <p>
              {t('payments.page.poBody', { number: p.purchaseOrderNumber ?? '', reference: p.reference, organisation: d.organisation })}
            </p>
          )}
          {d.bank ? (
            <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[minmax(0,12rem)_1fr]" data-testid="bank-details">
              <dt className="font-semibold text-stone-700">{t('payments.page.holder')}</dt>
              <dd>{d.bank.holder}</dd>
              <dt className="font-semibold text-stone-700">IBAN</dt>
              <dd className="font-mono">{d.bank.iban}</dd>
              <dt className="font-semibold text-stone-700">BIC</dt>
              <dd className="font-mono">{d.bank.bic}</dd>
              <dt className="font-semibold text-stone-700">{t('payments.page.label')}</dt>
              <dd className="font-mono">{p.reference}</dd>
            </dl>
          ) : (
            <p>{t('payments.page.bankMissing')}</p>
          )}
          <p>{t('payments.page.confirmLater')}</p>
        </section>
      )}

      {d.switchTo.length > 0 && (
        <section aria-labelledby="switch-title" className="card space-y-3">
          <h2 id="switch-title" className="text-xl font-semibold">
            {t('payments.page.switchTitle')}
          </h2>
          {d.switchTo.map((m) => (
            <SwitchForm key={m} method={m} lastResult={actionData && sentMethod === m ? actionData.result : null} busy={busy} />
          ))}
        </section>
      )}

      <p>
        <Link to={`/r/${d.token}`} className="link">
          {t('payments.page.back')}
        </Link>
      </p>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary

// The receipt of a paid registration, behind the personal manage link: the organiser's legal
// details (name, address, SIRET, VAT mention), the receipt number (gapless per organisation),
// date, payer, event, ticket, amount, method, reference, and refunds. Printable: the print
// style leaves only the receipt, and "Enregistrer en PDF" is the browser's print to PDF.
import { data, redirect, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { formatEventWhen } from '#app/modules/events/public.server.ts'
import { formatEuros, formatReceiptNumber } from '#app/modules/payments/rules.ts'
import { DEFAULT_VAT_MENTION, receiptOf } from '#app/modules/payments/service.server.ts'
import { manageLinkState } from '#app/modules/registrations/links.server.ts'
import { findRegistrationByManageToken } from '#app/modules/registrations/service.server.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { notFound } from '#app/utils/http.server.ts'
import { formatDate } from '#app/shared/time.ts'
import { localeFromRequest, translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'

const PRIVATE_HEADERS = { 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex, nofollow', 'Referrer-Policy': 'same-origin' }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  const title = translate(root?.locale ?? 'fr', 'payments.receipt.title')
  return [{ title: data ? `${title} ${data.number} — ${data.organisation.name}` : title }, { name: 'robots', content: 'noindex, nofollow' }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token ?? ''
  const registration = await findRegistrationByManageToken(token)
  // A link revoked by a newer one: the replaced-link page says so.
  if (!registration) throw (await manageLinkState(token)).state === 'replaced' ? redirect(`/r/${token}/remplace`) : notFound()
  // The latest paid payment of this registration (a receipt exists only once paid).
  const view = await receiptOf(registration.id)
  if (!view || view.receiptNumber === null || !view.paidAt) throw notFound()
  const locale = localeFromRequest(request)
  const ev = view.registration.event
  const ticket = view.registration.ticketType
  return data(
    {
      token,
      number: formatReceiptNumber(view.receiptNumber),
      date: formatDate(locale, view.paidAt, ev.timeZone),
      organisation: {
        name: view.organisation.legalName || view.organisation.name,
        address: view.organisation.address,
        siret: view.organisation.siret,
        vatMention: view.organisation.vatMention || DEFAULT_VAT_MENTION,
      },
      payer: {
        name: `${view.registration.firstName} ${view.registration.lastName}`,
        organisation: view.registration.organisationName,
        email: view.registration.email,
      },
      event: {
        title: ev.title,
        when: formatEventWhen(locale, ev.startsAt, ev.endsAt, ev.timeZone),
        place: [ev.venueName, ev.town].filter(Boolean).join(', '),
      },
      ticket: ticket ? (locale === 'en' && ticket.nameEn) || ticket.name : null,
      amount: formatEuros(view.amountCents, locale),
      method: view.method,
      reference: view.reference,
      purchaseOrderNumber: view.purchaseOrderNumber,
      refund:
        view.refundStatus === 'succeeded' || view.refundStatus === 'pending'
          ? {
              status: view.refundStatus,
              amount: formatEuros(view.refundCents ?? 0, locale),
              fee: view.refundFeeCents ? formatEuros(view.refundFeeCents, locale) : null,
              date: view.refundedAt ? formatDate(locale, view.refundedAt, ev.timeZone) : null,
            }
          : null,
    },
    { headers: PRIVATE_HEADERS },
  )
}

export const headers: HeadersFunction = () => PRIVATE_HEADERS

// Printing keeps only the receipt: the site's header, footer and the links are hidden.
const PRINT_CSS = `@media print { body * { visibility: hidden; } #receipt, #receipt * { visibility: visible; } #receipt { position: absolute; inset: 0; border: 0; box-shadow: none; } .no-print { display: none !important; } }`

export default function ReceiptPage() {
  const t = useT()
  const d = useLoaderData<typeof loader>()
  const row = (label: string, value: string | null | undefined, testId?: string) =>
    value ? (
      <>
        <dt className="font-semibold text-stone-700">{label}</dt>
        <dd data-testid={testId}>{value}</dd>
      </>
    ) : null
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <style>{PRINT_CSS}</style>
      <article id="receipt" className="card space-y-6" aria-labelledby="receipt-title">
        <header className="flex flex-wrap items-start justify-between gap-4">
          <div>
            <p className="text-lg font-bold">{d.organisation.name}</p>
            {d.organisation.address && <p className="whitespace-pre-line">{d.organisation.address}</p>}
            {d.organisation.siret && <p>{t('payments.receipt.siret', { siret: d.organisation.siret })}</p>}
          </div>
          <div className="text-right">
            <h1 id="receipt-title" className="text-2xl font-bold">
              {t('payments.receipt.heading', { number: d.number })}
            </h1>
            <p>{t('payments.receipt.date', { date: d.date })}</p>
          </div>
        </header>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[minmax(0,12rem)_1fr]">
          {row(t('payments.receipt.payer'), d.payer.name, 'receipt-payer')}
          {row(t('register.field.organisation'), d.payer.organisation)}
          {row(t('register.field.email'), d.payer.email)}
          {row(t('payments.receipt.event'), `${d.event.title} — ${d.event.when}${d.event.place ? ` — ${d.event.place}` : ''}`)}
          {row(t('payments.form.ticket'), d.ticket)}
          {row(t('payments.page.method'), t(`payments.method.${d.method}` as MessageKey))}
          {row(t('payments.page.reference'), d.reference)}
          {row(t('payments.form.purchaseOrderNumber'), d.purchaseOrderNumber)}
        </dl>
        <p className="border-t border-stone-300 pt-4 text-xl font-bold" data-testid="receipt-amount">
          {t('payments.receipt.total', { amount: d.amount })}
        </p>
        {d.refund && (
          <p data-testid="receipt-refund">
            {t(d.refund.status === 'succeeded' ? 'payments.receipt.refunded' : 'payments.receipt.refundPending', {
              amount: d.refund.amount,
              date: d.refund.date ?? '',
            })}
            {d.refund.fee && <> {t('payments.receipt.refundFee', { fee: d.refund.fee })}</>}
          </p>
        )}
        <p className="text-sm text-stone-700">{d.organisation.vatMention}</p>
      </article>
      <div className="no-print space-y-2">
        <p className="text-stone-700">{t('payments.receipt.printHelp')}</p>
        <p>
          <Link to={`/r/${d.token}`} className="link">
            {t('payments.page.back')}
          </Link>
        </p>
      </div>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary

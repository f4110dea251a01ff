// Invoices and credit notes of a period (organisers and admins): the list, each Factur-X PDF,
// the zip export (PDF + CII XML per document, journal.csv) and the CSV journal for Chorus Pro
// and the accountant. A GET form: works without JavaScript, and the period stays in the URL.
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { invoiceExport } from '#app/modules/payments/invoice-export.server.ts'
import { formatInvoiceNumber, invoicePeriod, type InvoiceKind } from '#app/modules/payments/invoice-rules.ts'
import { invoicesOfPeriod } from '#app/modules/payments/invoices.server.ts'
import { formatEuros } from '#app/modules/payments/rules.ts'
import { formatDate } from '#app/shared/time.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { localeFromRequest, translate, type Locale } from '#app/utils/i18n.ts'

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'invoices.title')} — Essor` }]
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10)

type Row = {
  id: string
  kind: InvoiceKind
  number: string
  date: string
  buyer: string
  total: string
  paidAt: string | null
  dueAt: string | null
  credited: string | null
}

type PageData = { error: boolean; org: string; from: string; to: string; rows: Row[] }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'invoice.export')
  const url = new URL(request.url)
  const locale = localeFromRequest(request)
  const period = invoicePeriod(url.searchParams.get('from') || null, url.searchParams.get('to') || null, new Date())
  if (!period) return data({ error: true, rows: [] as Row[], from: '', to: '', org: organisation.slug }, { status: 400 })
  const format = url.searchParams.get('format')
  const lastDay = isoDay(new Date(period.to.getTime() - 86_400_000))
  const base = `${organisation.slug}-factures-${isoDay(period.from)}_${lastDay}`
  if (format === 'zip' || format === 'csv') {
    const exported = await invoiceExport(organisation.id, period.from, period.to)
    const body = format === 'zip' ? exported.zip : exported.csv
    return new Response(body, {
      headers: {
        'Content-Type': format === 'zip' ? 'application/zip' : 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${base}.${format}"`,
        'Cache-Control': 'private, no-store',
      },
    })
  }
  const rows = await invoicesOfPeriod(organisation.id, period.from, period.to)
  return data({
    error: false,
    org: organisation.slug,
    from: isoDay(period.from),
    to: lastDay,
    rows: rows.map((r): Row => ({
      id: r.id,
      kind: r.kind as InvoiceKind,
      number: formatInvoiceNumber(r.kind as InvoiceKind, r.number),
      date: formatDate(locale, r.issuedAt),
      buyer: r.buyerName,
      total: formatEuros(r.totalInclTaxCents, locale),
      paidAt: r.paidAt ? formatDate(locale, r.paidAt) : null,
      dueAt: r.dueAt ? formatDate(locale, r.dueAt) : null,
      credited: r.credited ? formatInvoiceNumber('invoice', r.credited.number) : null,
    })),
  })
}

export default function InvoicesPage() {
  const t = useT()
  // The loader also answers the exports with a raw Response: the page itself gets this.
  const d = useLoaderData<typeof loader>() as unknown as PageData
  const query = `from=${d.from}&to=${d.to}`
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t('invoices.title')}</h1>
      <p className="text-stone-700">{t('invoices.intro')}</p>
      <Form method="get" className="flex flex-wrap items-end gap-4" aria-label={t('invoices.period')}>
        <label className="flex flex-col">
          {t('invoices.from')}
          <input type="date" name="from" defaultValue={d.from} className="input" required />
        </label>
        <label className="flex flex-col">
          {t('invoices.to')}
          <input type="date" name="to" defaultValue={d.to} className="input" required />
        </label>
        <button type="submit" className="btn">
          {t('invoices.show')}
        </button>
      </Form>
      {d.error ? (
        <p role="alert" className="text-red-800">
          {t('invoices.error.period')}
        </p>
      ) : (
        <>
          <p className="flex flex-wrap gap-4">
            <a className="btn" href={`/o/${d.org}/invoices?${query}&format=zip`} download>
              {t('invoices.exportZip')}
            </a>
            <a className="btn" href={`/o/${d.org}/invoices?${query}&format=csv`} download>
              {t('invoices.exportCsv')}
            </a>
          </p>
          <p data-testid="invoice-count">{t('invoices.count', { count: d.rows.length })}</p>
          {d.rows.length > 0 && (
            <div className="overflow-x-auto">
              <table className="w-full text-left">
                <thead>
                  <tr>
                    <th scope="col">{t('invoices.col.number')}</th>
                    <th scope="col">{t('invoices.col.date')}</th>
                    <th scope="col">{t('invoices.col.buyer')}</th>
                    <th scope="col">{t('invoices.col.total')}</th>
                    <th scope="col">{t('invoices.col.status')}</th>
                    <th scope="col">{t('invoices.col.pdf')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.rows.map((r) => (
                    <tr key={r.id}>
                      <td>
                        {t(`invoices.kind.${r.kind}`)} {r.number}
                      </td>
                      <td>{r.date}</td>
                      <td>{r.buyer}</td>
                      <td>{r.total}</td>
                      <td>
                        {r.kind === 'credit_note'
                          ? t('invoices.status.credit', { number: r.credited ?? '' })
                          : r.paidAt
                            ? t('invoices.status.paid', { date: r.paidAt })
                            : t('invoices.status.due', { date: r.dueAt ?? '' })}
                      </td>
                      <td>
                        <Link to={`/o/${d.org}/invoices/${r.id}.pdf`} reloadDocument className="link">
                          {t('invoices.download', { number: r.number })}
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary

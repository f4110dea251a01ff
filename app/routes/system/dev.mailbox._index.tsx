// The local mailbox: what the worker delivered while no SMTP server is configured (404 otherwise).
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { isLocalMailboxEnabled, listMailboxMessages } from '#app/modules/email/mailbox.server.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { useLocale, useT } from '#app/ui/i18n.tsx'
import { notFound } from '#app/utils/http.server.ts'
import { formatDateTime } from '#app/shared/time.ts'
import { translate, type Locale } from '#app/utils/i18n.ts'

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'mailbox.title')} — Essor` }, { name: 'robots', content: 'noindex' }]
}

export async function loader({ request }: LoaderFunctionArgs) {
  if (!isLocalMailboxEnabled()) throw notFound()
  const to = new URL(request.url).searchParams.get('to')?.trim() ?? ''
  return { to, messages: await listMailboxMessages({ to }) }
}

export default function Mailbox() {
  const { to, messages } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  return (
    <section aria-labelledby="mailbox-title" className="space-y-6">
      <div>
        <h1 id="mailbox-title" className="text-3xl font-bold tracking-tight">
          {t('mailbox.title')}
        </h1>
        <p className="mt-2 max-w-3xl text-stone-700">{t('mailbox.intro')}</p>
      </div>

      <Form method="get" role="search" className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1 sm:flex-none">
          <label htmlFor="mailbox-to" className="label">
            {t('mailbox.filter.label')}
          </label>
          <input id="mailbox-to" name="to" type="email" defaultValue={to} autoComplete="off" className="input" />
        </div>
        <button type="submit" className="btn-primary">
          {t('mailbox.filter.submit')}
        </button>
        {to && (
          <Link to="/dev/mailbox" className="link self-center">
            {t('mailbox.filter.clear')}
          </Link>
        )}
      </Form>

      {messages.length === 0 ? (
        <p className="card text-stone-700">{t('mailbox.empty')}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white shadow-sm">
          <table className="w-full text-left text-sm">
            <caption className="px-4 py-3 text-left text-stone-700">{t('mailbox.caption', { count: messages.length })}</caption>
            <thead className="border-b border-stone-200 bg-stone-100 text-stone-800">
              <tr>
                <th scope="col" className="px-4 py-2 font-semibold">
                  {t('mailbox.column.subject')}
                </th>
                <th scope="col" className="px-4 py-2 font-semibold">
                  {t('mailbox.column.to')}
                </th>
                <th scope="col" className="px-4 py-2 font-semibold">
                  {t('mailbox.column.receivedAt')}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200">
              {messages.map((message) => (
                <tr key={message.id}>
                  <th scope="row" className="px-4 py-2 font-normal">
                    <Link to={`/dev/mailbox/${message.id}`} className="link">
                      {message.subject}
                    </Link>
                  </th>
                  <td className="px-4 py-2 break-all">{message.toAddress}</td>
                  <td className="px-4 py-2 whitespace-nowrap">
                    <time dateTime={new Date(message.createdAt).toISOString()}>{formatDateTime(locale, message.createdAt)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

export const ErrorBoundary = GeneralErrorBoundary

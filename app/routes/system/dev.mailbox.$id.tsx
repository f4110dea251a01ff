// One message of the local mailbox: its HTML in a sandboxed frame, its text version and links.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getMailboxMessage, isLocalMailboxEnabled } from '#app/modules/email/mailbox.server.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { useLocale, useT } from '#app/ui/i18n.tsx'
import { notFound } from '#app/utils/http.server.ts'
import { formatDateTime } from '#app/shared/time.ts'
import { translate, type Locale } from '#app/utils/i18n.ts'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  const title = data?.message.subject ?? translate(root?.locale ?? 'fr', 'mailbox.title')
  return [{ title: `${title} — Essor` }, { name: 'robots', content: 'noindex' }]
}

export async function loader({ params }: LoaderFunctionArgs) {
  if (!isLocalMailboxEnabled()) throw notFound()
  const message = await getMailboxMessage(params.id ?? '')
  if (!message) throw notFound()
  return { message }
}

export default function MailboxMessage() {
  const { message } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  return (
    <article aria-labelledby="message-subject" className="space-y-6">
      <p>
        <Link to="/dev/mailbox" className="link">
          {t('mailbox.back')}
        </Link>
      </p>
      <header className="space-y-3">
        <h1 id="message-subject" lang={message.lang ?? undefined} className="text-2xl font-bold tracking-tight">
          {message.subject}
        </h1>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="font-semibold">{t('mailbox.message.to')}</dt>
          <dd className="break-all">{message.toAddress}</dd>
          <dt className="font-semibold">{t('mailbox.message.receivedAt')}</dt>
          <dd>
            <time dateTime={new Date(message.createdAt).toISOString()}>{formatDateTime(locale, message.createdAt)}</time>
          </dd>
          <dt className="font-semibold">{t('mailbox.message.messageId')}</dt>
          <dd className="break-all font-mono text-xs leading-5">{message.messageId}</dd>
        </dl>
      </header>

      {message.links.length > 0 && (
        <section aria-labelledby="message-links">
          <h2 id="message-links" className="text-lg font-semibold">
            {t('mailbox.message.links')}
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {message.links.map((href) => (
              <li key={href} className="break-all">
                <a href={href} className="link">
                  {href}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}

      {message.attachments.length > 0 && (
        <section aria-labelledby="message-attachments">
          <h2 id="message-attachments" className="text-lg font-semibold">
            {t('mailbox.message.attachments')}
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {message.attachments.map((file) => (
              <li key={file.id} className="break-all">
                <a href={`/dev/mailbox/${message.id}/attachments/${file.id}`} className="link" download={file.filename}>
                  {file.filename}
                </a>{' '}
                <span className="text-sm text-stone-600">({file.contentType})</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="message-html">
        <h2 id="message-html" className="text-lg font-semibold">
          {t('mailbox.message.html')}
        </h2>
        {/* No scripts and a unique origin; its links may open in a new, unsandboxed tab. */}
        <iframe
          title={t('mailbox.message.frameTitle', { subject: message.subject })}
          srcDoc={message.html}
          sandbox="allow-popups allow-popups-to-escape-sandbox"
          className="mt-2 h-[36rem] w-full rounded-lg border border-stone-300 bg-white"
        />
      </section>

      <section aria-labelledby="message-text">
        <h2 id="message-text" className="text-lg font-semibold">
          {t('mailbox.message.text')}
        </h2>
        <pre
          lang={message.lang ?? undefined}
          className="mt-2 overflow-x-auto rounded-lg border border-stone-300 bg-white p-4 text-sm whitespace-pre-wrap"
        >
          {message.text}
        </pre>
      </section>
    </article>
  )
}

export const ErrorBoundary = GeneralErrorBoundary

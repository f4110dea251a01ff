// The published prize editions of every organisation, the latest first.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { submissionWindow } from '#app/modules/prizes/rules.ts'
import { listPublicEditions } from '#app/modules/prizes/service.server.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { formatDateTime } from '#app/shared/time.ts'
import { localeFromRequest, translate, type MessageKey } from '#app/utils/i18n.ts'

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: 'fr' | 'en' } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'prizes.public.listTitle')} — Essor` }]
}

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = localeFromRequest(request)
  const now = new Date()
  const editions = await listPublicEditions()
  return {
    editions: editions.map((e) => ({
      slug: e.slug,
      title: e.title,
      organisation: e.organisation.name,
      window: submissionWindow(e, now),
      opens: formatDateTime(locale, e.submissionsOpenAt),
      closes: formatDateTime(locale, e.submissionsCloseAt),
    })),
  }
}

export default function PublicPrizes() {
  const t = useT()
  const { editions } = useLoaderData<typeof loader>()
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{t('prizes.public.listTitle')}</h1>
        <p className="max-w-3xl text-stone-700">{t('prizes.public.listIntro')}</p>
      </header>
      {editions.length === 0 ? (
        <p className="card">{t('prizes.public.listEmpty')}</p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {editions.map((e) => (
            <li key={e.slug} className="card">
              <article aria-labelledby={`prize-${e.slug}`} className="space-y-2">
                <p className="text-sm text-stone-700">{e.organisation}</p>
                <h2 id={`prize-${e.slug}`} className="text-lg font-semibold">
                  <Link to={`/prix/${e.slug}`} className="link">
                    {e.title}
                  </Link>
                </h2>
                <p className="text-sm">{t(`prizes.public.window.${e.window}` as MessageKey, { opens: e.opens, closes: e.closes })}</p>
              </article>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary

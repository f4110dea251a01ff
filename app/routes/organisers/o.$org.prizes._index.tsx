// The organisation's prize editions (latest year first) and the way to create one.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { listEditions } from '#app/modules/prizes/service.server.ts'
import { EditionStatusBadge, editionPath } from '#app/modules/prizes/ui.tsx'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { formatDate } from '#app/shared/time.ts'
import { localeFromRequest, translate } from '#app/utils/i18n.ts'
import { requirePermission } from '#app/modules/auth/session.server.ts'

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: 'fr' | 'en' } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'prizes.list.title')} — Essor` }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'prize.view')
  const locale = localeFromRequest(request)
  const editions = await listEditions(organisation.id)
  return {
    organisation: { slug: organisation.slug, name: organisation.name },
    editions: editions.map((e) => ({
      id: e.id,
      title: e.title,
      year: e.year,
      status: e.status,
      opens: formatDate(locale, e.submissionsOpenAt),
      closes: formatDate(locale, e.submissionsCloseAt),
      categoryCount: e.categoryCount,
      nominationCount: e.nominationCount,
    })),
  }
}

export default function OrganisationPrizes() {
  const t = useT()
  const { organisation, editions } = useLoaderData<typeof loader>()
  const base = `/o/${organisation.slug}/prizes`
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-sm text-stone-700">
            <Link to={`/o/${organisation.slug}`} className="link">
              {organisation.name}
            </Link>
          </p>
          <h1 className="text-3xl font-bold tracking-tight">{t('prizes.list.title')}</h1>
        </div>
        <Link to={`${base}/new`} className="btn-primary">
          {t('prizes.list.create')}
        </Link>
      </div>

      {editions.length === 0 ? (
        <div className="card space-y-3">
          <p>{t('prizes.list.empty')}</p>
          <p>
            <Link to={`${base}/new`} className="link">
              {t('prizes.list.createFirst')}
            </Link>
          </p>
        </div>
      ) : (
        <ul className="space-y-3">
          {editions.map((e) => (
            <li key={e.id} className="card">
              <article aria-labelledby={`edition-${e.id}`} className="space-y-2">
                <div className="flex flex-wrap items-center gap-2">
                  <h2 id={`edition-${e.id}`} className="text-lg font-semibold">
                    <Link to={editionPath(organisation.slug, e.id)} className="link">
                      {e.title}
                    </Link>
                  </h2>
                  <EditionStatusBadge status={e.status} />
                </div>
                <p className="text-sm text-stone-700">{t('prizes.list.window', { opens: e.opens, closes: e.closes })}</p>
                <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
                  <div className="flex gap-1">
                    <dt>{t('prizes.count.categories')}</dt>
                    <dd className="font-semibold">{e.categoryCount}</dd>
                  </div>
                  <div className="flex gap-1">
                    <dt>{t('prizes.count.nominations')}</dt>
                    <dd className="font-semibold">{e.nominationCount}</dd>
                  </div>
                </dl>
              </article>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary

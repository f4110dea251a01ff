// An organisation's public page: its name and its upcoming public events.
import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getPublicOrganisation, listPublicEvents, publicCacheHeaders, toEventCardView } from '#app/modules/events/public.server.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { EventCard } from '#app/route-support/public-events.tsx'
import { notFound } from '#app/utils/http.server.ts'
import { localeFromRequest } from '#app/utils/i18n.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: `${data.organisation.name} — Essor` }] : [])

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = localeFromRequest(request)
  const organisation = await getPublicOrganisation(params.org ?? '')
  if (!organisation) throw notFound()
  const page = Math.min(1000, Math.max(1, Number.parseInt(new URL(request.url).searchParams.get('page') ?? '1', 10) || 1))
  const list = await listPublicEvents({ organisationSlug: organisation.slug, page })
  const website = organisation.website && /^https?:\/\//i.test(organisation.website) ? organisation.website : null
  return data(
    {
      organisation: { slug: organisation.slug, name: organisation.name, region: organisation.region, website },
      events: list.events.map((e) => toEventCardView(e, locale)),
      page: list.page,
      hasMore: list.hasMore,
    },
    { headers: publicCacheHeaders(request) },
  )
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders

export default function OrganisationPublicPage() {
  const t = useT()
  const { organisation, events, page, hasMore } = useLoaderData<typeof loader>()
  const base = `/org/${organisation.slug}`
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">{organisation.name}</h1>
        {organisation.region && <p className="mt-2 text-lg text-stone-700">{organisation.region}</p>}
        {organisation.website && (
          <p className="mt-2">
            <a href={organisation.website} className="link" rel="noopener noreferrer">
              {t('public.org.website', { name: organisation.name })}
            </a>
          </p>
        )}
      </header>
      <section aria-labelledby="org-events-title">
        <h2 id="org-events-title" className="text-xl font-semibold">
          {t('public.org.events')}
        </h2>
        {events.length === 0 ? (
          <p className="mt-3 text-stone-700">{t('public.org.empty')}</p>
        ) : (
          <ul className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {events.map((e) => (
              <li key={e.slug}>
                <EventCard event={e} showOrganisation={false} />
              </li>
            ))}
          </ul>
        )}
        {(page > 1 || hasMore) && (
          <nav aria-label={t('public.list.pagination')} className="mt-6 flex justify-between gap-4">
            {page > 1 ? (
              <Link to={page === 2 ? base : `${base}?page=${page - 1}`} className="btn-secondary" rel="prev">
                {t('public.list.previous')}
              </Link>
            ) : (
              <span />
            )}
            {hasMore && (
              <Link to={`${base}?page=${page + 1}`} className="btn-secondary" rel="next">
                {t('public.list.next')}
              </Link>
            )}
          </nav>
        )}
      </section>
      <p>
        <Link to="/e" className="link">
          {t('public.org.allEvents')}
        </Link>
      </p>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary

// The home page: what Essor is, then where to go — the next events, the prizes open for
// nominations, the signed-in person's organiser spaces and the organisations on the platform.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { listPublicEvents, toEventCardView } from '#app/modules/events/public.server.ts'
import { listOrganisations } from '#app/modules/organisations/service.server.ts'
import { submissionWindow } from '#app/modules/prizes/rules.ts'
import { listOpenEditions } from '#app/modules/prizes/service.server.ts'
import { EventCard } from '#app/route-support/public-events.tsx'
import { useRootData } from '#app/root.tsx'
import { formatDateTime } from '#app/shared/time.ts'
import { useT } from '#app/ui/i18n.tsx'
import { OrganisationCards } from '#app/ui/organisation-cards.tsx'
import { localeFromRequest } from '#app/utils/i18n.ts'

/** How many events and prizes the home page shows before its "all" links. */
const FEATURED = 3

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = localeFromRequest(request)
  const now = new Date()
  const [organisations, events, prizes] = await Promise.all([
    listOrganisations(),
    listPublicEvents({ page: 1 }),
    listOpenEditions({ limit: FEATURED, now }),
  ])
  return {
    organisations: organisations.map((o) => ({ slug: o.slug, name: o.name, region: o.region })),
    events: events.events.slice(0, FEATURED).map((e) => toEventCardView(e, locale)),
    prizes: prizes.map((p) => ({
      slug: p.slug,
      title: p.title,
      organisation: p.organisation.name,
      open: submissionWindow(p, now) === 'open',
      opens: formatDateTime(locale, p.submissionsOpenAt),
      closes: formatDateTime(locale, p.submissionsCloseAt),
    })),
  }
}

export default function Home() {
  const { organisations, events, prizes } = useLoaderData<typeof loader>()
  const root = useRootData()
  const t = useT()
  const mine = root?.organisations ?? []
  return (
    <div className="space-y-10">
      <section aria-labelledby="home-title">
        <h1 id="home-title" className="text-3xl font-bold tracking-tight sm:text-4xl">
          {t('home.title')}
        </h1>
        <p className="mt-4 max-w-3xl text-lg text-stone-700">{t('home.intro')}</p>
      </section>
      {mine.length > 0 && (
        <section aria-labelledby="mine-title">
          <h2 id="mine-title" className="text-xl font-semibold">
            {t('home.yourOrganisations')}
          </h2>
          <OrganisationCards organisations={mine} className="mt-3 grid gap-3 sm:grid-cols-2" />
        </section>
      )}
      <section aria-labelledby="upcoming-title">
        <h2 id="upcoming-title" className="text-xl font-semibold">
          {t('home.upcoming.title')}
        </h2>
        {events.length === 0 ? (
          <p className="mt-3 text-stone-700">{t('home.upcoming.empty')}</p>
        ) : (
          <ul className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {events.map((e) => (
              <li key={e.slug}>
                <EventCard event={e} />
              </li>
            ))}
          </ul>
        )}
        <p className="mt-4">
          <Link to="/e" className="btn-secondary">
            {t('home.upcoming.all')}
          </Link>
        </p>
      </section>
      <section aria-labelledby="open-prizes-title">
        <h2 id="open-prizes-title" className="text-xl font-semibold">
          {t('home.prizes.title')}
        </h2>
        {prizes.length === 0 ? (
          <p className="mt-3 text-stone-700">{t('home.prizes.empty')}</p>
        ) : (
          <ul className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {prizes.map((p) => (
              <li key={p.slug} className="card space-y-2">
                <p className="text-sm text-stone-700">{p.organisation}</p>
                <h3 className="text-lg font-semibold leading-snug">
                  <Link to={`/prix/${p.slug}`} className="link">
                    {p.title}
                  </Link>
                </h3>
                <p className="text-sm">
                  {p.open ? t('home.prizes.open', { closes: p.closes }) : t('home.prizes.soon', { opens: p.opens })}
                </p>
              </li>
            ))}
          </ul>
        )}
        <p className="mt-4">
          <Link to="/prix" className="btn-secondary">
            {t('home.prizes.all')}
          </Link>
        </p>
      </section>
      <section aria-labelledby="orgs-title">
        <h2 id="orgs-title" className="text-xl font-semibold">
          {t('home.organisations')}
        </h2>
        {organisations.length === 0 ? (
          <p className="mt-3 text-stone-700">{t('home.empty')}</p>
        ) : (
          <ul className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {organisations.map((o) => (
              <li key={o.slug} className="card">
                <p className="font-semibold">{o.name}</p>
                {o.region && <p className="text-sm text-stone-700">{o.region}</p>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}

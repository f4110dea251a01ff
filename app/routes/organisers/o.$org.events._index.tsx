// The organisation's events: status, dates, registration counts, and the way to create one.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { formatEventDates } from '#app/shared/time.ts'
import { listOrganisationEvents } from '#app/modules/events/service.server.ts'
import { eventPath, kindLabelKey, StatusBadge } from '#app/modules/events/ui.tsx'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { localeFromRequest, translate } from '#app/utils/i18n.ts'
import { requirePermission } from '#app/modules/auth/session.server.ts'

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: 'fr' | 'en' } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'events.list.title')} — Essor` }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'event.view')
  const locale = localeFromRequest(request)
  const archived = new URL(request.url).searchParams.get('archived') === '1'
  const events = await listOrganisationEvents(organisation.id, { archived: archived ? 'only' : 'exclude' })
  return {
    organisation: { slug: organisation.slug, name: organisation.name },
    archived,
    events: events.map((e) => ({
      id: e.id,
      title: e.title,
      kind: e.kind,
      status: e.status,
      past: e.past,
      dates: formatEventDates(locale, e.startsAt, e.endsAt, e.timeZone),
      place: e.town ?? (e.onlineUrl ? translate(locale, 'events.list.online') : null),
      counts: e.counts,
      capacity: e.capacity,
      seatsLeft: e.seatsLeft,
    })),
  }
}

export default function OrganisationEvents() {
  const t = useT()
  const { organisation, archived, events } = useLoaderData<typeof loader>()
  const base = `/o/${organisation.slug}/events`
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-sm text-stone-700">
            <Link to={`/o/${organisation.slug}`} className="link">
              {organisation.name}
            </Link>
          </p>
          <h1 className="text-3xl font-bold tracking-tight">{archived ? t('events.list.archivedTitle') : t('events.list.title')}</h1>
        </div>
        <Link to={`${base}/new`} className="btn-primary">
          {t('events.list.create')}
        </Link>
      </div>

      <nav aria-label={t('events.list.filterLabel')}>
        <ul className="flex gap-4 text-sm">
          <li>
            {archived ? (
              <Link to={base} className="link">
                {t('events.list.current')}
              </Link>
            ) : (
              <span aria-current="page" className="font-semibold">
                {t('events.list.current')}
              </span>
            )}
          </li>
          <li>
            {archived ? (
              <span aria-current="page" className="font-semibold">
                {t('events.list.archived')}
              </span>
            ) : (
              <Link to={`${base}?archived=1`} className="link">
                {t('events.list.archived')}
              </Link>
            )}
          </li>
        </ul>
      </nav>

      {events.length === 0 ? (
        <div className="card space-y-3">
          <p>{archived ? t('events.list.emptyArchived') : t('events.list.empty')}</p>
          {!archived && (
            <p>
              <Link to={`${base}/new`} className="link">
                {t('events.list.createFirst')}
              </Link>
            </p>
          )}
        </div>
      ) : (
        <ul className="space-y-3">
          {events.map((e) => (
            <li key={e.id} className="card">
              <article aria-labelledby={`event-${e.id}`} className="space-y-2">
                <div className="flex flex-wrap items-center gap-2">
                  <h2 id={`event-${e.id}`} className="text-lg font-semibold">
                    <Link to={eventPath(organisation.slug, e.id)} className="link">
                      {e.title}
                    </Link>
                  </h2>
                  <StatusBadge status={e.status} />
                  {e.past && e.status !== 'archived' && <span className="text-xs text-stone-700">({t('events.list.past')})</span>}
                </div>
                <p className="text-sm text-stone-700">
                  {t(kindLabelKey(e.kind))} · {e.dates}
                  {e.place && <> · {e.place}</>}
                </p>
                <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
                  <div className="flex gap-1">
                    <dt>{t('events.count.confirmed')}</dt>
                    <dd className="font-semibold">{e.counts.confirmed}</dd>
                  </div>
                  <div className="flex gap-1">
                    <dt>{t('events.count.waitlisted')}</dt>
                    <dd className="font-semibold">{e.counts.waitlisted}</dd>
                  </div>
                  <div className="flex gap-1">
                    <dt>{t('events.count.offered')}</dt>
                    <dd className="font-semibold">{e.counts.offered}</dd>
                  </div>
                  <div className="flex gap-1">
                    <dt>{t('events.count.capacity')}</dt>
                    <dd className="font-semibold">{e.capacity ?? t('events.count.unlimited')}</dd>
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

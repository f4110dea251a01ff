// Staff dashboard of one organisation: upcoming events, with the links each role needs.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { can } from '#app/modules/auth/permissions.ts'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { listOrganisationEvents } from '#app/modules/events/service.server.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { useLocale, useT } from '#app/ui/i18n.tsx'
import { formatDateTime } from '#app/shared/time.ts'
import { type MessageKey } from '#app/utils/i18n.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.organisation.name} — Essor` : 'Essor' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation, role } = await requirePermission(request, params.org, 'organisation.view')
  const events = (await listOrganisationEvents(organisation.id))
    .filter((e) => !e.past && (can(role, 'event.view') || e.status === 'published'))
    .slice(0, 8)
  return {
    organisation: { slug: organisation.slug, name: organisation.name },
    role,
    canManage: can(role, 'event.view'),
    canManageTokens: can(role, 'apiToken.manage'),
    canManageSettings: can(role, 'settings.legal'),
    canViewAudit: can(role, 'audit.view'),
    events: events.map((e) => ({
      id: e.id,
      title: e.title,
      status: e.status,
      startsAt: e.startsAt.toISOString(),
      timeZone: e.timeZone,
      confirmed: e.counts.confirmed,
      capacity: e.capacity,
    })),
  }
}

export default function OrganisationDashboard() {
  const t = useT()
  const locale = useLocale()
  const { organisation, role, canManage, canManageTokens, canManageSettings, canViewAudit, events } = useLoaderData<typeof loader>()
  const base = `/o/${organisation.slug}`
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">{organisation.name}</h1>
        <p className="mt-2 text-stone-700">{t('auth.org.yourRole', { role: t(`auth.role.${role}` as MessageKey) })}</p>
      </header>
      {canManage && (
        <nav aria-label={organisation.name}>
          <ul className="flex flex-wrap gap-3">
            <li>
              <Link to={`${base}/events`} className="btn-primary">
                {t('events.list.title')}
              </Link>
            </li>
            <li>
              <Link to={`${base}/prizes`} className="btn-secondary">
                {t('prizes.list.title')}
              </Link>
            </li>
            <li>
              <Link to={`${base}/contacts`} className="btn-secondary">
                {t('dashboard.contacts')}
              </Link>
            </li>
            <li>
              <Link to={`${base}/campaigns`} className="btn-secondary">
                {t('campaigns.title')}
              </Link>
            </li>
            {canManageTokens && (
              <li>
                <Link to={`${base}/tokens`} className="btn-secondary">
                  {t('auth.org.apiTokens')}
                </Link>
              </li>
            )}
            {canManageSettings && (
              <li>
                <Link to={`${base}/settings`} className="btn-secondary">
                  {t('paymentsAdmin.legal.link')}
                </Link>
              </li>
            )}
            {canViewAudit && (
              <li>
                <Link to={`${base}/audit`} className="btn-secondary">
                  {t('audit.title')}
                </Link>
              </li>
            )}
          </ul>
        </nav>
      )}
      <section aria-labelledby="upcoming-title">
        <h2 id="upcoming-title" className="text-xl font-semibold">
          {t('dashboard.upcoming')}
        </h2>
        {events.length === 0 ? (
          <p className="mt-3 text-stone-700">{t('dashboard.noEvents')}</p>
        ) : (
          <ul className="mt-3 grid gap-3 sm:grid-cols-2">
            {events.map((e) => (
              <li key={e.id} className="card space-y-2">
                <p className="font-semibold">{e.title}</p>
                <p className="text-sm text-stone-700">{formatDateTime(locale, e.startsAt, e.timeZone)}</p>
                <p className="text-sm text-stone-700">
                  {t('dashboard.confirmed', { confirmed: e.confirmed, capacity: e.capacity ?? '∞' })} ·{' '}
                  {t(`event.status.${e.status}` as MessageKey)}
                </p>
                <p className="flex flex-wrap gap-3 text-sm">
                  {canManage && (
                    <Link to={`${base}/events/${e.id}`} className="link">
                      {t('dashboard.manage')}
                      <span className="sr-only"> — {e.title}</span>
                    </Link>
                  )}
                  {e.status === 'published' && (
                    <Link to={`${base}/events/${e.id}/checkin`} className="link">
                      {t('dashboard.checkin')}
                      <span className="sr-only"> — {e.title}</span>
                    </Link>
                  )}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary

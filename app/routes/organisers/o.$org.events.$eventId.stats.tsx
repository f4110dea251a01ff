// Attendance statistics of an event: registrations and check-ins overall, per audience profile
// and per workshop.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { isEditable } from '#app/modules/events/service.server.ts'
import { EventPageHeader } from '#app/modules/events/ui.tsx'
import { requireOrganisationEvent, stats } from '#app/modules/registrations/admin.server.ts'
import { isProfile } from '#app/shared/profiles.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { useLocale, useT } from '#app/ui/i18n.tsx'
import { translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'
import { orHttpError } from '#app/utils/http.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  const title = translate(root?.locale ?? 'fr', 'stats.title')
  return [{ title: data ? `${title} — ${data.event.title} — Essor` : `${title} — Essor` }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'registration.view')
  const event = await orHttpError(requireOrganisationEvent(organisation.id, params.eventId))
  return {
    org: organisation.slug,
    event: { id: event.id, title: event.title, status: event.status, editable: isEditable(event.status) },
    stats: await stats(event.id),
  }
}

function usePercent() {
  const locale = useLocale()
  const format = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 })
  return (value: number | null) => (value === null ? '—' : format.format(value))
}

function Meter({ value, label }: { value: number | null; label: string }) {
  // Decorative: the figure beside it is the accessible value.
  return (
    <span aria-hidden="true" title={label} className="ml-2 inline-block h-2 w-20 overflow-hidden rounded bg-stone-200 align-middle">
      <span className="block h-full bg-brand-600" style={{ width: `${Math.round((value ?? 0) * 100)}%` }} />
    </span>
  )
}

type AttendanceRow = { key: string; label: string; confirmed: number; checkedIn: number; rate: number | null }

/** Confirmed, checked in and attendance rate per group (profile, département). */
function AttendanceTable({ id, title, firstColumn, rows }: { id: string; title: string; firstColumn: string; rows: AttendanceRow[] }) {
  const t = useT()
  const percent = usePercent()
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      {rows.length === 0 ? (
        <p className="text-stone-700">{t('stats.none')}</p>
      ) : (
        // Focusable, so keyboard users can scroll a table wider than a phone.
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby={id}>
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">{title}</caption>
            <thead className="border-b border-stone-300 bg-stone-100">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {firstColumn}
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  {t('stats.col.confirmed')}
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  {t('stats.col.checkedIn')}
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  {t('stats.col.rate')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key} className="border-b border-stone-200">
                  <th scope="row" className="px-3 py-2 font-medium">
                    {r.label}
                  </th>
                  <td className="px-3 py-2 text-right tabular-nums">{r.confirmed}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{r.checkedIn}</td>
                  <td className="px-3 py-2 text-right tabular-nums whitespace-nowrap">
                    {percent(r.rate)}
                    <Meter value={r.rate} label={percent(r.rate)} />
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

export default function EventStats() {
  const t = useT()
  const percent = usePercent()
  const { org, event, stats: s } = useLoaderData<typeof loader>()
  const base = `/o/${org}/events/${event.id}`
  const totals: [MessageKey, string | number][] = [
    ['stats.total.confirmed', s.totals.confirmed],
    ['stats.total.checkedIn', s.totals.checkedIn],
    ['stats.total.rate', percent(s.totals.checkInRate)],
    ['stats.total.waitlisted', s.totals.waitlisted],
    ['stats.total.offered', s.totals.offered],
    ['stats.total.cancelled', s.totals.cancelled],
    ['stats.total.capacity', s.totals.capacity ?? t('stats.unlimited')],
  ]
  return (
    <div className="space-y-8">
      <EventPageHeader orgSlug={org} event={event} heading={t('stats.title')} />
      <p className="flex flex-wrap gap-2">
        <Link to={`${base}/registrations`} className="btn-secondary">
          {t('attendees.nav.registrations')}
        </Link>
        <Link to={`${base}/checkin`} className="btn-secondary">
          {t('attendees.nav.checkin')}
        </Link>
      </p>

      <section aria-labelledby="stats-totals">
        <h2 id="stats-totals" className="mb-3 text-xl font-semibold">
          {t('stats.totals')}
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7">
          {totals.map(([key, value]) => (
            <div key={key} className="rounded-md border border-stone-200 bg-white px-3 py-2">
              <dt className="text-xs text-stone-700">{t(key)}</dt>
              <dd className="text-lg font-semibold">{value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <AttendanceTable
        id="stats-profiles"
        title={t('stats.byProfile')}
        firstColumn={t('stats.col.profile')}
        rows={s.byProfile.map((p) => ({
          key: p.profile,
          label: isProfile(p.profile) ? t(`profile.${p.profile}`) : p.profile,
          confirmed: p.confirmed,
          checkedIn: p.checkedIn,
          rate: p.checkInRate,
        }))}
      />

      {s.byWorkshop.length > 0 && (
        <section aria-labelledby="stats-workshops" className="space-y-3">
          <h2 id="stats-workshops" className="text-xl font-semibold">
            {t('stats.byWorkshop')}
          </h2>
          <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby="stats-workshops">
            <table className="w-full border-collapse text-left text-sm">
              <caption className="sr-only">{t('stats.byWorkshop')}</caption>
              <thead className="border-b border-stone-300 bg-stone-100">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    {t('stats.col.workshop')}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t('stats.col.slot')}
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    {t('stats.col.capacity')}
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    {t('stats.col.confirmed')}
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    {t('stats.col.checkedIn')}
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    {t('stats.col.rate')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {s.byWorkshop.map((w) => (
                  <tr key={w.workshopId} className="border-b border-stone-200">
                    <th scope="row" className="px-3 py-2 font-medium">
                      {w.title}
                    </th>
                    <td className="px-3 py-2">{w.slotLabel}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{w.capacity ?? t('stats.unlimited')}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{w.confirmed}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{w.checkedIn}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{percent(w.checkInRate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      <AttendanceTable
        id="stats-departement"
        title={t('stats.byDepartement')}
        firstColumn={t('stats.col.departement')}
        rows={s.byDepartement.map((d) => ({
          key: d.departement ?? 'none',
          label: d.departement ?? t('stats.departementUnknown'),
          confirmed: d.confirmed,
          checkedIn: d.checkedIn,
          rate: d.checkInRate,
        }))}
      />
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary

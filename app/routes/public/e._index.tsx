// Public listing of the events of every organisation, filtered by region, kind and dates with a
// GET form (works without JavaScript; the address can be shared).
import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import {
  EVENT_KINDS,
  listPublicEvents,
  parseDayEnd,
  parseDayStart,
  publicCacheHeaders,
  toEventCardView,
} from '#app/modules/events/public.server.ts'
import { REGIONS } from '#app/shared/territories.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { CheckboxField, SelectField, TextField } from '#app/ui/forms.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { EventCard, kindKey } from '#app/route-support/public-events.tsx'
import { localeFromRequest, translate, type MessageKey } from '#app/utils/i18n.ts'

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: 'fr' | 'en' } | undefined
  const locale = root?.locale ?? 'fr'
  return [{ title: `${translate(locale, 'public.list.title')} — Essor` }, { name: 'description', content: translate(locale, 'public.list.intro') }]
}

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = localeFromRequest(request)
  const q = new URL(request.url).searchParams
  const region = q.get('region')?.trim() || ''
  const kind = q.get('kind')?.trim() || ''
  const fromText = q.get('from')?.trim() || ''
  const toText = q.get('to')?.trim() || ''
  const past = q.get('past') === 'on'
  const page = Math.min(1000, Math.max(1, Number.parseInt(q.get('page') ?? '1', 10) || 1))
  const from = parseDayStart(fromText)
  const to = parseDayEnd(toText)
  const errors: { from?: MessageKey[]; to?: MessageKey[] } = {}
  if (fromText && !from) errors.from = ['public.filter.invalidDate']
  if (toText && !to) errors.to = ['public.filter.invalidDate']
  const list = await listPublicEvents({ region: region || null, kind: kind || null, from, to, includePast: past, page })
  return data(
    {
      filters: { region, kind, from: fromText, to: toText, past },
      errors,
      regions: REGIONS.map((r) => ({ value: r.code, label: r.name })),
      kinds: [...EVENT_KINDS],
      events: list.events.map((e) => toEventCardView(e, locale)),
      page: list.page,
      hasMore: list.hasMore,
    },
    { headers: publicCacheHeaders(request) },
  )
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders

function pageHref(filters: { region: string; kind: string; from: string; to: string; past: boolean }, page: number) {
  const q = new URLSearchParams()
  if (filters.region) q.set('region', filters.region)
  if (filters.kind) q.set('kind', filters.kind)
  if (filters.from) q.set('from', filters.from)
  if (filters.to) q.set('to', filters.to)
  if (filters.past) q.set('past', 'on')
  if (page > 1) q.set('page', String(page))
  const s = q.toString()
  return s ? `/e?${s}` : '/e'
}

/** Tailwind's `lg`, where the filters stand beside the list. */
const WIDE_SCREEN = '(min-width: 64rem)'

export default function PublicEvents() {
  const t = useT()
  const { filters, errors, regions, kinds, events, page, hasMore } = useLoaderData<typeof loader>()
  const active = [filters.region, filters.kind, filters.from, filters.to, filters.past].filter(Boolean).length
  const invalid = Boolean(errors.from || errors.to)
  // Closed on a phone unless a date is wrong; opened once the page knows the screen is wide. After
  // each search it is set again, so on a phone the new results show first.
  const filtersPanel = useRef<HTMLDetailsElement>(null)
  useEffect(() => {
    if (filtersPanel.current) filtersPanel.current.open = invalid || window.matchMedia(WIDE_SCREEN).matches
  }, [invalid, filters.region, filters.kind, filters.from, filters.to, filters.past])
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">{t('public.list.title')}</h1>
        <p className="mt-3 max-w-3xl text-lg text-stone-700">{t('public.list.intro')}</p>
      </header>

      {/* On a phone the events come first and the filters wait behind one disclosure (native, so it
          works without JavaScript and announces its state); on a wide screen they open beside the list. */}
      <div className="space-y-6 lg:grid lg:grid-cols-[16rem_minmax(0,1fr)] lg:items-start lg:gap-8 lg:space-y-0">
        <section aria-labelledby="filters-title" className="card">
          <details ref={filtersPanel} open={invalid}>
            <summary id="filters-title" className="cursor-pointer py-1 text-lg font-semibold">
              {t('public.filters.toggle')}
              {active > 0 && <span className="ml-2 text-sm font-normal text-stone-700">({t('public.filters.active', { count: active })})</span>}
            </summary>
            <Form method="get" action="/e" aria-label={t('public.list.filters')} className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-1">
              <SelectField
                id="filter-region"
                name="region"
                label={t('public.filter.region')}
                defaultValue={filters.region}
                placeholder={t('public.filter.allRegions')}
                options={regions}
              />
              <SelectField
                id="filter-kind"
                name="kind"
                label={t('public.filter.kind')}
                defaultValue={filters.kind}
                placeholder={t('public.filter.allKinds')}
                options={kinds.map((k) => ({ value: k, label: t(kindKey(k)) }))}
              />
              <TextField
                id="filter-from"
                name="from"
                type="date"
                label={t('public.filter.from')}
                help={t('public.filter.dateHelp')}
                defaultValue={filters.from}
                errors={errors.from?.map((e) => t(e))}
              />
              <TextField
                id="filter-to"
                name="to"
                type="date"
                label={t('public.filter.to')}
                help={t('public.filter.dateHelp')}
                defaultValue={filters.to}
                errors={errors.to?.map((e) => t(e))}
              />
              <CheckboxField id="filter-past" name="past" label={t('public.filter.past')} defaultChecked={filters.past} className="sm:col-span-2 lg:col-span-1" />
              <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-1">
                <button type="submit" className="btn-primary">
                  {t('public.filter.submit')}
                </button>
                <Link to="/e" className="link">
                  {t('public.filter.reset')}
                </Link>
              </div>
            </Form>
          </details>
        </section>

      <section aria-labelledby="results-title">
        <h2 id="results-title" className="sr-only">
          {t('public.list.results')}
        </h2>
        {events.length === 0 ? (
          <p className="text-stone-700" role="status">
            {t('public.list.empty')}
          </p>
        ) : (
          <>
            <p className="mb-3 text-sm text-stone-700" role="status">
              {t('public.list.count', { count: events.length })}
            </p>
            <ul className="grid gap-4 sm:grid-cols-2">
              {events.map((e) => (
                <li key={e.slug}>
                  <EventCard event={e} />
                </li>
              ))}
            </ul>
          </>
        )}
        {(page > 1 || hasMore) && (
          <nav aria-label={t('public.list.pagination')} className="mt-6 flex justify-between gap-4">
            {page > 1 ? (
              <Link to={pageHref(filters, page - 1)} className="btn-secondary" rel="prev">
                {t('public.list.previous')}
              </Link>
            ) : (
              <span />
            )}
            {hasMore && (
              <Link to={pageHref(filters, page + 1)} className="btn-secondary" rel="next">
                {t('public.list.next')}
              </Link>
            )}
          </nav>
        )}
      </section>
      </div>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary

// Organisers' list of an edition's nominations: search, status and category filters (a GET form
// that works without JavaScript), counts per status, and the CSV / XLSX exports of what is shown.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { nominationStatusLabelKey, NOMINATION_STATUSES } from '#app/modules/nominations/statuses.ts'
import { filtersFromSearchParams, listNominations } from '#app/modules/nominations/review.server.ts'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { loadOrganiserEdition } from '#app/route-support/prizes.server.ts'
import { EditionPageHeader, editionPath } from '#app/modules/prizes/ui.tsx'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { SelectField, TextField } from '#app/ui/forms.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { formatDateTime } from '#app/shared/time.ts'
import { localeFromRequest, translate, type Locale } from '#app/utils/i18n.ts'

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  const title = translate(root?.locale ?? 'fr', 'prizeReview.list.title')
  return [{ title: d ? `${title} — ${d.edition.title} — Essor` : `${title} — Essor` }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'nomination.review')
  const locale = localeFromRequest(request)
  const edition = await loadOrganiserEdition(organisation.id, params.editionId)
  const url = new URL(request.url)
  const filters = filtersFromSearchParams(url.searchParams)
  const list = await listNominations(organisation.id, edition.id, filters)
  const query = new URLSearchParams()
  if (filters.status) query.set('status', filters.status)
  if (filters.categoryId) query.set('category', filters.categoryId)
  if (filters.q) query.set('q', filters.q)
  return {
    org: organisation.slug,
    edition: { id: edition.id, title: edition.title, status: edition.status, editable: edition.editable },
    categories: edition.categories.map((c) => ({ id: c.id, name: c.name })),
    filters: { status: filters.status ?? '', category: filters.categoryId ?? '', q: filters.q ?? '' },
    exportQuery: query.toString(),
    counts: list.counts,
    rows: list.nominations.map((n) => ({
      id: n.id,
      structureName: n.structureName,
      projectTitle: n.projectTitle,
      category: n.category?.name ?? null,
      contact: `${n.contactFirstName} ${n.contactLastName}`.trim(),
      contactEmail: n.contactEmail,
      status: n.status,
      submittedAt: n.submittedAt ? formatDateTime(locale, n.submittedAt) : null,
    })),
  }
}

const STATUS_BADGE: Record<string, string> = {
  draft: 'border-stone-400 bg-stone-100 text-stone-800',
  submitted: 'border-sky-700 bg-sky-50 text-sky-900',
  eligible: 'border-brand-700 bg-brand-50 text-brand-800',
  ineligible: 'border-red-700 bg-red-50 text-red-900',
  withdrawn: 'border-stone-500 bg-white text-stone-700',
  shortlisted: 'border-amber-700 bg-amber-50 text-amber-900',
}

function NominationStatusBadge({ status }: { status: string }) {
  const t = useT()
  return (
    <span className={`inline-block rounded-full border px-2.5 py-0.5 text-xs font-semibold ${STATUS_BADGE[status] ?? STATUS_BADGE.draft}`}>
      {t(nominationStatusLabelKey(status))}
    </span>
  )
}

export default function NominationsPage() {
  const { org, edition, categories, filters, exportQuery, counts, rows } = useLoaderData<typeof loader>()
  const t = useT()
  const base = editionPath(org, edition.id, 'nominations')
  const suffix = exportQuery ? `?${exportQuery}` : ''
  return (
    <div>
      <EditionPageHeader orgSlug={org} edition={edition} heading={t('prizeReview.list.title')}>
        <p className="flex flex-wrap gap-4 text-sm">
          <Link to={editionPath(org, edition.id, 'call')} className="link">
            {t('prizeReview.nav.call')}
          </Link>
        </p>
      </EditionPageHeader>

      <section aria-labelledby="counts-heading" className="mb-6">
        <h2 id="counts-heading" className="sr-only">
          {t('prizeReview.list.counts')}
        </h2>
        <ul className="flex flex-wrap gap-2">
          <li>
            <Link
              to={filters.category ? `${base}?category=${encodeURIComponent(filters.category)}` : base}
              className="link text-sm"
              aria-current={filters.status === '' ? 'page' : undefined}
            >
              {t('prizeReview.list.all')} ({Object.values(counts).reduce((a, b) => a + b, 0)})
            </Link>
          </li>
          {NOMINATION_STATUSES.map((s) => {
            const q = new URLSearchParams({ status: s })
            if (filters.category) q.set('category', filters.category)
            return (
              <li key={s}>
                <Link to={`${base}?${q.toString()}`} className="link text-sm" aria-current={filters.status === s ? 'page' : undefined}>
                  {t(nominationStatusLabelKey(s))} ({counts[s]})
                </Link>
              </li>
            )
          })}
        </ul>
      </section>

      <Form method="get" className="card mb-6 grid gap-4 p-4 sm:grid-cols-4 sm:items-end" aria-label={t('prizeReview.list.filters')}>
        <TextField
          label={t('prizeReview.list.search')}
          help={t('prizeReview.list.searchHelp')}
          name="q"
          type="search"
          defaultValue={filters.q}
        />
        <SelectField
          label={t('prizeReview.list.status')}
          name="status"
          defaultValue={filters.status}
          placeholder={t('prizeReview.list.all')}
          options={NOMINATION_STATUSES.map((s) => ({ value: s, label: t(nominationStatusLabelKey(s)) }))}
        />
        <SelectField
          label={t('prizeReview.list.category')}
          name="category"
          defaultValue={filters.category}
          placeholder={t('prizeReview.list.allCategories')}
          options={categories.map((c) => ({ value: c.id, label: c.name }))}
        />
        <div className="flex flex-wrap gap-3">
          <button type="submit" className="btn-primary">
            {t('prizeReview.list.apply')}
          </button>
          <Link to={base} className="btn-secondary">
            {t('prizeReview.list.reset')}
          </Link>
        </div>
      </Form>

      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <p role="status">{t('prizeReview.list.result', { count: rows.length })}</p>
        <p className="flex flex-wrap items-center gap-3 text-sm">
          <span>{t('prizeReview.list.export')} :</span>
          <a href={`${base}.csv${suffix}`} className="link" download>
            {t('prizeReview.list.exportCsv')}
          </a>
          <a href={`${base}.xlsx${suffix}`} className="link" download>
            {t('prizeReview.list.exportXlsx')}
          </a>
        </p>
      </div>

      {rows.length === 0 ? (
        <p className="card p-4">{t('prizeReview.list.empty')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="py-2 pr-4">
                  {t('prizeReview.col.structure')}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t('prizeReview.col.project')}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t('prizeReview.col.category')}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t('prizeReview.col.contact')}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t('prizeReview.col.status')}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t('prizeReview.col.submittedAt')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-b border-stone-200 align-top">
                  <th scope="row" className="py-2 pr-4 font-normal">
                    <Link to={`${base}/${r.id}`} className="link font-semibold">
                      {r.structureName || t('prizeReview.unnamed')}
                    </Link>
                  </th>
                  <td className="py-2 pr-4">{r.projectTitle}</td>
                  <td className="py-2 pr-4">{r.category ?? t('prizeReview.noCategory')}</td>
                  <td className="py-2 pr-4">
                    {r.contact}
                    <br />
                    <span className="text-stone-600">{r.contactEmail}</span>
                  </td>
                  <td className="py-2 pr-4">
                    <NominationStatusBadge status={r.status} />
                  </td>
                  <td className="py-2 pr-4">{r.submittedAt ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary

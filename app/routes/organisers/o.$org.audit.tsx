// The audit log (administrators only): who did what, when, on which object. A GET form for the
// filters (works without JavaScript, stays in the URL), keyset pages of 50, and the CSV export
// of the filtered set (?format=csv, streamed in batches).
import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { auditFiltersFrom } from '#app/modules/audit/rules.ts'
import { auditFilterChoices, listAuditEntries } from '#app/modules/audit/viewer.server.ts'
import { userDisplayNames } from '#app/modules/auth/user-names.server.ts'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { actionLabel, auditCsv, auditViewRows, typeLabel } from '#app/route-support/audit.server.ts'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { localeFromRequest, translate, type Locale } from '#app/utils/i18n.ts'

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'audit.title')} — Essor` }]
}

const FILTER_KEYS = ['actor', 'action', 'type', 'from', 'to'] as const

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'audit.view')
  const url = new URL(request.url)
  const locale = localeFromRequest(request)
  const filters = auditFiltersFrom(url.searchParams)
  if (url.searchParams.get('format') === 'csv') {
    const day = new Date().toISOString().slice(0, 10)
    return new Response(auditCsv(organisation.id, filters, locale), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${organisation.slug}-${translate(locale, 'audit.csv.filePrefix')}-${day}.csv"`,
        'Cache-Control': 'private, no-store',
      },
    })
  }
  const [page, choices] = await Promise.all([
    listAuditEntries(organisation.id, filters, url.searchParams.get('after')),
    auditFilterChoices(organisation.id),
  ])
  const names = await userDisplayNames(choices.actorIds)
  const query = new URLSearchParams()
  for (const key of FILTER_KEYS) {
    const value = url.searchParams.get(key)
    if (value) query.set(key, value)
  }
  return {
    org: organisation.slug,
    query: query.toString(),
    values: Object.fromEntries(FILTER_KEYS.map((k) => [k, url.searchParams.get(k) ?? ''])) as Record<(typeof FILTER_KEYS)[number], string>,
    paged: Boolean(url.searchParams.get('after')),
    next: page.next,
    rows: await auditViewRows(page.entries, organisation.slug, locale),
    actors: choices.actorIds.map((id) => ({ id, name: names.get(id) ?? id })).sort((a, b) => a.name.localeCompare(b.name)),
    actions: choices.actions.map((code) => ({ code, label: actionLabel(locale, code) })),
    types: choices.entityTypes.map((code) => ({ code, label: typeLabel(locale, code) })),
  }
}

type PageData = Awaited<ReturnType<typeof loader>>

export default function AuditPage() {
  const t = useT()
  // The loader also answers the export with a raw Response: the page itself gets this.
  const d = useLoaderData<typeof loader>() as unknown as Exclude<PageData, Response>
  const withQuery = (extra: string) => `/o/${d.org}/audit?${[d.query, extra].filter(Boolean).join('&')}`
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t('audit.title')}</h1>
      <p className="text-stone-700">{t('audit.intro')}</p>
      <Form method="get" className="flex flex-wrap items-end gap-4" aria-label={t('audit.filters')}>
        <label className="flex flex-col">
          {t('audit.filter.actor')}
          <select name="actor" defaultValue={d.values.actor} className="input">
            <option value="">{t('audit.filter.any')}</option>
            {d.actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          {t('audit.filter.action')}
          <select name="action" defaultValue={d.values.action} className="input">
            <option value="">{t('audit.filter.any')}</option>
            {d.actions.map((a) => (
              <option key={a.code} value={a.code}>
                {a.label}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          {t('audit.filter.type')}
          <select name="type" defaultValue={d.values.type} className="input">
            <option value="">{t('audit.filter.any')}</option>
            {d.types.map((a) => (
              <option key={a.code} value={a.code}>
                {a.label}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          {t('audit.filter.from')}
          <input type="date" name="from" defaultValue={d.values.from} className="input" />
        </label>
        <label className="flex flex-col">
          {t('audit.filter.to')}
          <input type="date" name="to" defaultValue={d.values.to} className="input" />
        </label>
        <button type="submit" className="btn">
          {t('audit.filter.apply')}
        </button>
        <Link to={`/o/${d.org}/audit`} className="link">
          {t('audit.filter.reset')}
        </Link>
      </Form>
      <p>
        <a className="btn" href={withQuery('format=csv')} download>
          {t('audit.export')}
        </a>
      </p>
      {d.rows.length === 0 ? (
        <p>{t('audit.empty')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left" data-testid="audit-table">
            <thead>
              <tr>
                <th scope="col">{t('audit.col.date')}</th>
                <th scope="col">{t('audit.col.actor')}</th>
                <th scope="col">{t('audit.col.action')}</th>
                <th scope="col">{t('audit.col.object')}</th>
                <th scope="col">{t('audit.col.details')}</th>
              </tr>
            </thead>
            <tbody>
              {d.rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <time dateTime={r.isoDate}>{r.date}</time>
                  </td>
                  <td>{r.actor}</td>
                  <td title={r.actionCode}>{r.action}</td>
                  <td>
                    {r.type}
                    {r.entityId &&
                      (r.href ? (
                        <>
                          {' '}
                          <Link to={r.href} className="link">
                            {r.entityId}
                          </Link>
                        </>
                      ) : (
                        <> {r.entityId}</>
                      ))}
                  </td>
                  <td className="font-mono text-sm break-all">{r.details}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="flex gap-4" aria-label={t('audit.title')}>
        {d.paged && (
          <Link to={withQuery('')} className="link">
            {t('audit.first')}
          </Link>
        )}
        {d.next && (
          <Link to={withQuery(`after=${encodeURIComponent(d.next)}`)} className="link" rel="next">
            {t('audit.next')}
          </Link>
        )}
      </nav>
    </div>
  )
}

export const ErrorBoundary = GeneralErrorBoundary

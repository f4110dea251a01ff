// The jury's report (procès-verbal), printable: members and chairs, declared conflicts of
// interest, per category the ranking with mean, SD and decisions, and who validated them.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { juryReport } from '#app/modules/jury/deliberation.server.ts'
import { MethodNote, RankedTable } from '#app/modules/jury/ui.tsx'
import { requirePermission } from '#app/modules/auth/session.server.ts'
import { loadOrganiserEdition } from '#app/route-support/prizes.server.ts'
import { EditionPageHeader } from '#app/modules/prizes/ui.tsx'
import { GeneralErrorBoundary } from '#app/ui/error-boundary.tsx'
import { useT } from '#app/ui/i18n.tsx'
import { formatDateTime } from '#app/shared/time.ts'
import { localeFromRequest, translate, type Locale, type MessageKey } from '#app/utils/i18n.ts'

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: Locale } | undefined
  return [{ title: `${translate(root?.locale ?? 'fr', 'juryAdmin.report.title')}${d ? ` : ${d.edition.title}` : ''} — Essor` }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requirePermission(request, params.org, 'prize.results')
  const edition = await loadOrganiserEdition(organisation.id, params.editionId)
  const locale = localeFromRequest(request)
  const report = await juryReport(edition.id)
  const categoryName = new Map(report.results.categories.map((c) => [c.id, c.name]))
  const conflicts = report.results.categories.flatMap((c) =>
    c.rows.flatMap((r) =>
      r.conflicts.map((x) => ({
        key: `${x.jurorId}-${r.nominationId}`,
        juror: x.jurorName,
        nomination: r.structureName,
        kind: x.kind,
        note: x.note,
        declaredBy: x.declaredBy,
      })),
    ),
  )
  return {
    organisation: { slug: organisation.slug, name: organisation.name },
    edition: { id: edition.id, title: edition.title, status: edition.status, editable: edition.editable },
    generatedAt: formatDateTime(locale, new Date()),
    normalise: report.results.normaliseScores,
    tieBreak: report.results.tieBreak,
    showVotes: report.results.publicVoteEnabled,
    members: report.jurors.map((j) => ({
      id: j.id,
      name: j.name,
      organisationName: j.organisationName,
      removed: !!j.removedAt,
      categories: j.memberships.map(
        (m) => `${categoryName.get(m.categoryId) ?? ''}${m.isChair ? ` (${translate(locale, 'juryAdmin.scoring.chair')})` : ''}`,
      ),
    })),
    conflicts,
    categories: report.results.categories.map((c) => ({
      id: c.id,
      name: c.name,
      validated: c.decisionsLockedAt ? { date: formatDateTime(locale, c.decisionsLockedAt), name: report.validatedBy[c.id] ?? '' } : null,
      rows: c.rows.map(({ contactEmail: _e, locale: _l, ...r }) => r),
    })),
  }
}

export default function JuryReportPage() {
  const t = useT()
  const d = useLoaderData<typeof loader>()
  return (
    <div className="jury-report">
      <style>{`@media print { header nav, nav[aria-label], .no-print, footer { display: none !important; } details > summary { display: none; } details { display: block; } .jury-report table { font-size: 10pt; } .jury-report section { break-inside: avoid-page; } a { color: inherit; text-decoration: none; } }`}</style>
      <div className="no-print">
        <EditionPageHeader orgSlug={d.organisation.slug} edition={d.edition} heading={t('juryAdmin.report.title')} />
      </div>
      <div className="space-y-8">
        <header className="space-y-1">
          <h2 className="text-2xl font-bold">
            {t('juryAdmin.report.title')} — {d.edition.title}
          </h2>
          <p>{d.organisation.name}</p>
          <p className="text-sm text-stone-700">{t('juryAdmin.report.generated', { date: d.generatedAt })}</p>
          <button type="button" className="btn-secondary no-print" onClick={() => window.print()}>
            {t('juryAdmin.report.print')}
          </button>
        </header>
        <section aria-labelledby="members-title" className="space-y-2">
          <h2 id="members-title" className="text-xl font-semibold">
            {t('juryAdmin.report.members')}
          </h2>
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="py-1 pr-3">
                  {t('juryAdmin.report.member')}
                </th>
                <th scope="col" className="py-1 pr-3">
                  {t('juryAdmin.report.structure')}
                </th>
                <th scope="col" className="py-1">
                  {t('juryAdmin.report.categories')}
                </th>
              </tr>
            </thead>
            <tbody>
              {d.members.map((m) => (
                <tr key={m.id} className="border-b border-stone-200">
                  <th scope="row" className="py-1 pr-3 font-normal">
                    {m.name}
                    {m.removed && ` (${t('juryAdmin.report.removed')})`}
                  </th>
                  <td className="py-1 pr-3">{m.organisationName ?? ''}</td>
                  <td className="py-1">{m.categories.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section aria-labelledby="conflicts-title" className="space-y-2">
          <h2 id="conflicts-title" className="text-xl font-semibold">
            {t('juryAdmin.report.conflicts')}
          </h2>
          {d.conflicts.length === 0 ? (
            <p>{t('juryAdmin.report.noConflicts')}</p>
          ) : (
            <ul className="list-disc pl-6">
              {d.conflicts.map((c) => (
                <li key={c.key}>
                  {c.juror} — {c.nomination} (
                  {t(`juryAdmin.report.declaredBy.${c.declaredBy === 'juror' ? 'juror' : 'organiser'}` as MessageKey)})
                  {c.note ? ` : ${c.note}` : ''}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="rankings-title" className="space-y-4">
          <h2 id="rankings-title" className="text-xl font-semibold">
            {t('juryAdmin.report.rankings')}
          </h2>
          <MethodNote id="method" normalise={d.normalise} tieBreak={d.tieBreak} />
          {d.categories.map((c) => (
            <section key={c.id} aria-labelledby={`report-${c.id}`} className="space-y-2">
              <h3 id={`report-${c.id}`} className="text-lg font-semibold">
                {c.name}
              </h3>
              <RankedTable rows={c.rows} normalise={d.normalise} showVotes={d.showVotes} showDetails={false} />
              {c.validated && <p className="font-semibold">{t('juryAdmin.report.validatedBy', c.validated)}</p>}
            </section>
          ))}
        </section>
      </div>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}

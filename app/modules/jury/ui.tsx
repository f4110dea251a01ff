// The ranked table of a category, shared by the organisers' results page, the chair's
// deliberation page and the printable report: scores, SD and disagreement flags, jurors' scores
// and comments, conflicts, decisions (with a form on the organisers' page while not validated).
import { useT } from '#app/ui/i18n.tsx'
import type { MessageKey } from '#app/utils/i18n.ts'
import type { ReactNode } from 'react'

export type ResultRowView = {
  nominationId: string
  structureName: string
  projectTitle: string
  scores: { jurorId: string; jurorName: string; total: number; comment: string; isChair: boolean }[]
  count: number
  mean: number | null
  sd: number | null
  disagreement: boolean
  normalised: number | null
  rank: number | null
  votes: number
  conflicts: { jurorName: string; kind: string; declaredBy: string }[]
  decision: { decision: string; rationale: string; rank: number | null } | null
  hidden: boolean
}

export const fmt = (v: number | null, digits = 2) => (v === null ? '—' : v.toFixed(digits))

export function decisionLabelKey(decision: string | null | undefined): MessageKey {
  return decision === 'laureate' || decision === 'mention' || decision === 'not_selected'
    ? `juryAdmin.results.decision.${decision}`
    : 'juryAdmin.results.decision.none'
}

export function RankedTable({
  rows,
  normalise,
  showVotes,
  showDetails = true,
  decisionForm,
}: {
  rows: ResultRowView[]
  normalise: boolean
  showVotes: boolean
  showDetails?: boolean
  /** The decision form of a row (organisers, before the category is validated), none otherwise. */
  decisionForm?: (row: ResultRowView) => ReactNode
}) {
  const t = useT()
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead>
          <tr className="border-b border-stone-300">
            <th scope="col" className="py-2 pr-3">
              {t('juryAdmin.results.rank')}
            </th>
            <th scope="col" className="py-2 pr-3">
              {t('juryAdmin.results.nomination')}
            </th>
            <th scope="col" className="py-2 pr-3 text-right">
              {t('juryAdmin.results.mean')}
            </th>
            <th scope="col" className="py-2 pr-3 text-right">
              {t('juryAdmin.results.sd')}
            </th>
            {normalise && (
              <th scope="col" className="py-2 pr-3 text-right">
                {t('juryAdmin.results.normalised')}
              </th>
            )}
            <th scope="col" className="py-2 pr-3 text-right">
              {t('juryAdmin.results.count')}
            </th>
            {showVotes && (
              <th scope="col" className="py-2 pr-3 text-right">
                {t('juryAdmin.results.votes')}
              </th>
            )}
            <th scope="col" className="py-2">
              {t('juryAdmin.results.decision')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            return (
              <tr key={r.nominationId} className="border-b border-stone-200 align-top" data-testid={`result-${r.nominationId}`}>
                <td className="py-2 pr-3 text-lg font-semibold">{r.rank ?? '—'}</td>
                <th scope="row" className="py-2 pr-3 font-normal">
                  <span className="font-semibold">{r.structureName}</span>
                  {r.projectTitle && <span className="block text-stone-700">{r.projectTitle}</span>}
                  {r.conflicts.length > 0 && (
                    <span className="block text-amber-900">
                      {t('juryAdmin.results.conflicts', { list: r.conflicts.map((c) => c.jurorName).join(', ') })}
                    </span>
                  )}
                  {r.hidden && <span className="block text-stone-700">{t('juryAdmin.results.hidden')}</span>}
                  {showDetails && !r.hidden && (
                    <details className="mt-1">
                      <summary className="link cursor-pointer">{t('juryAdmin.results.scores')}</summary>
                      {r.scores.length === 0 ? (
                        <p>{t('juryAdmin.results.noScores')}</p>
                      ) : (
                        <ul className="mt-1 space-y-1">
                          {r.scores.map((s) => (
                            <li key={s.jurorId}>
                              <span className="font-semibold">
                                {s.jurorName}
                                {s.isChair ? ` (${t('juryAdmin.scoring.chair')})` : ''}
                              </span>{' '}
                              : {fmt(s.total)}
                              {s.comment && <span className="block whitespace-pre-line text-stone-700">{s.comment}</span>}
                            </li>
                          ))}
                        </ul>
                      )}
                    </details>
                  )}
                </th>
                <td className="py-2 pr-3 text-right font-semibold">{fmt(r.mean)}</td>
                <td className="py-2 pr-3 text-right">
                  {fmt(r.sd)}
                  {r.disagreement && (
                    <span className="ml-1 rounded bg-amber-100 px-1 text-amber-900">{t('juryAdmin.results.disagreement')}</span>
                  )}
                </td>
                {normalise && <td className="py-2 pr-3 text-right font-semibold">{fmt(r.normalised)}</td>}
                <td className="py-2 pr-3 text-right">{r.count}</td>
                {showVotes && <td className="py-2 pr-3 text-right">{r.votes}</td>}
                <td className="py-2">
                  {decisionForm ? (
                    decisionForm(r)
                  ) : (
                    <>
                      <span className="font-semibold">{t(decisionLabelKey(r.decision?.decision))}</span>
                      {r.decision?.rank ? (
                        <span className="block">
                          {t('juryAdmin.results.finalRank')}
                          {t('attendees.details.separator')}
                          {r.decision.rank}
                        </span>
                      ) : null}
                      {r.decision?.rationale && <span className="block whitespace-pre-line text-stone-700">{r.decision.rationale}</span>}
                    </>
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

/** The method in words (mean, population SD, disagreement, normalisation, tie-break). */
export function MethodNote({ id, normalise, tieBreak }: { id: string; normalise: boolean; tieBreak: string }) {
  const t = useT()
  const rule = t(`juryAdmin.settings.tieBreak.${tieBreak === 'top_scores' || tieBreak === 'public_vote' ? tieBreak : 'chair'}`)
  return (
    <div id={id} className="space-y-1 text-sm text-stone-700">
      <p>{t('juryAdmin.results.methodMean')}</p>
      {normalise && <p>{t('juryAdmin.results.methodNormalised')}</p>}
      <p>{t('juryAdmin.results.tieBreak', { rule })}</p>
    </div>
  )
}

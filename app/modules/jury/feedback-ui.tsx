// The jury's feedback as the nominee sees it on their link page: the snapshot that was emailed.
import { formatScore } from '#app/shared/score-format.ts'
import { useLocale, useT } from '#app/ui/i18n.tsx'

export type NomineeFeedbackView = {
  sentAt: string
  criteria: { criterionId: string; name: string; mean: number | null; min: number | null; max: number | null }[]
  comments: string[]
}

export function NomineeFeedbackSection({ feedback }: { feedback: NomineeFeedbackView }) {
  const t = useT()
  const locale = useLocale()
  return (
    <section aria-labelledby="jury-feedback-title" className="card space-y-3" data-testid="jury-feedback">
      <h2 id="jury-feedback-title" className="text-xl font-semibold">
        {t('juryFeedback.link.title')}
      </h2>
      <p className="text-sm text-stone-700">{t('juryFeedback.link.intro', { date: feedback.sentAt })}</p>
      <table className="w-full text-left">
        <thead>
          <tr>
            <th scope="col">{t('juryFeedback.criterion')}</th>
            <th scope="col">{t('juryFeedback.mean')}</th>
            <th scope="col">{t('juryFeedback.range')}</th>
          </tr>
        </thead>
        <tbody>
          {feedback.criteria.map((c) => (
            <tr key={c.criterionId}>
              <th scope="row">{c.name}</th>
              <td>{formatScore(locale, c.mean)}</td>
              <td>{t('juryFeedback.rangeValue', { min: formatScore(locale, c.min), max: formatScore(locale, c.max) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="font-semibold">{t('juryFeedback.comments')}</h3>
      {feedback.comments.length === 0 ? (
        <p>{t('email.juryFeedback.noComments')}</p>
      ) : (
        <ul className="space-y-2">
          {feedback.comments.map((c, i) => (
            <li key={i} className="whitespace-pre-line italic">
              {`«\u202f${c}\u202f»`}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

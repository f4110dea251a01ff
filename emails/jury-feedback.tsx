// The jury's feedback to a nominee after the results: mean per criterion, the category's range,
// the comments the organiser shared (never a juror's name).
import { Heading, Text } from '@react-email/components'
import { formatScore } from '#app/shared/score-format.ts'
import { translate, type Locale } from '#app/utils/i18n.ts'
import { EmailLayout, heading, paragraph } from './layout.tsx'

export type JuryFeedbackProps = {
  editionTitle: string
  organisationName: string
  structureName: string
  categoryName: string
  criteria: { name: string; mean: number | null; min: number | null; max: number | null }[]
  comments: string[]
}

export const juryFeedbackSubject = (locale: Locale, p: JuryFeedbackProps) =>
  translate(locale, 'email.juryFeedback.subject', { title: p.editionTitle })

export function JuryFeedback(p: JuryFeedbackProps & { locale: Locale }) {
  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate(p.locale, key, params)
  return (
    <EmailLayout locale={p.locale} preview={t('email.juryFeedback.subject', { title: p.editionTitle })}>
      <Heading as="h1" style={heading}>
        {t('email.juryFeedback.subject', { title: p.editionTitle })}
      </Heading>
      <Text style={paragraph}>{t('email.juryFeedback.intro', { structure: p.structureName, category: p.categoryName })}</Text>
      {p.criteria.map((c) => (
        <Text key={c.name} style={paragraph}>
          {t('email.juryFeedback.criterion', {
            name: c.name,
            mean: formatScore(p.locale, c.mean),
            min: formatScore(p.locale, c.min),
            max: formatScore(p.locale, c.max),
          })}
        </Text>
      ))}
      <Text style={paragraph}>{p.comments.length > 0 ? t('email.juryFeedback.comments') : t('email.juryFeedback.noComments')}</Text>
      {p.comments.map((c, i) => (
        <Text key={i} style={{ ...paragraph, fontStyle: 'italic' }}>
          {`«\u202f${c}\u202f»`}
        </Text>
      ))}
      <Text style={paragraph}>{t('email.juryFeedback.thanks', { organisation: p.organisationName })}</Text>
    </EmailLayout>
  )
}

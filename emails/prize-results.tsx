// The jury's decision, sent to every nominee the jury examined when the results are published.
import { Heading, Link, Text } from '@react-email/components'
import { translate, type Locale } from '#app/utils/i18n.ts'
import { colors, EmailLayout, heading, paragraph } from './layout.tsx'

export type PrizeResultsProps = {
  editionTitle: string
  organisationName: string
  structureName: string
  categoryName: string
  /** laureate | mention | not_selected */
  decision: string
  resultsUrl: string
}

type DecisionKey = 'laureate' | 'mention' | 'not_selected'
const decisionOf = (d: string): DecisionKey => (d === 'laureate' || d === 'mention' ? d : 'not_selected')

export const prizeResultsSubject = (locale: Locale, p: PrizeResultsProps) =>
  translate(locale, `email.prizeResults.subject.${decisionOf(p.decision)}`, { title: p.editionTitle })

export function PrizeResults(p: PrizeResultsProps & { locale: Locale }) {
  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate(p.locale, key, params)
  const d = decisionOf(p.decision)
  return (
    <EmailLayout locale={p.locale} preview={t(`email.prizeResults.subject.${d}`, { title: p.editionTitle })}>
      <Heading as="h1" style={heading}>
        {t(`email.prizeResults.subject.${d}`, { title: p.editionTitle })}
      </Heading>
      <Text style={paragraph}>
        {t(`email.prizeResults.body.${d}`, { structure: p.structureName, category: p.categoryName, title: p.editionTitle })}
      </Text>
      <Text style={paragraph}>{t('email.prizeResults.thanks', { organisation: p.organisationName })}</Text>
      <Text style={{ ...paragraph, fontSize: '14px', color: colors.muted }}>
        {t('email.prizeResults.page')}{' '}
        <Link href={p.resultsUrl} style={{ color: colors.brand, wordBreak: 'break-all' }}>
          {p.resultsUrl}
        </Link>
      </Text>
    </EmailLayout>
  )
}

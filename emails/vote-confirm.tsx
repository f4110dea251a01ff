// The link that confirms a public vote: the vote counts only once it is followed (and confirmed).
import { Heading, Link, Text } from '@react-email/components'
import { formatDateTime } from '#app/shared/time.ts'
import { translate, type Locale } from '#app/utils/i18n.ts'
import { ActionButton } from './event-parts.tsx'
import { colors, EmailLayout, heading, paragraph } from './layout.tsx'

export type VoteConfirmProps = { editionTitle: string; nominationName: string; confirmUrl: string; closesAt: string }

export const voteConfirmSubject = (locale: Locale, p: VoteConfirmProps) =>
  translate(locale, 'email.vote.subject', { title: p.editionTitle })

export function VoteConfirm(p: VoteConfirmProps & { locale: Locale }) {
  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate(p.locale, key, params)
  return (
    <EmailLayout locale={p.locale} preview={t('email.vote.heading')}>
      <Heading as="h1" style={heading}>
        {t('email.vote.heading')}
      </Heading>
      <Text style={paragraph}>{t('email.vote.body', { name: p.nominationName, title: p.editionTitle })}</Text>
      <Text style={paragraph}>{t('email.vote.deadline', { deadline: formatDateTime(p.locale, p.closesAt) })}</Text>
      <ActionButton href={p.confirmUrl}>{t('email.vote.button')}</ActionButton>
      <Text style={{ ...paragraph, fontSize: '14px', color: colors.muted }}>
        {t('email.vote.copy')}
        <br />
        <Link href={p.confirmUrl} style={{ color: colors.brand, wordBreak: 'break-all' }}>
          {p.confirmUrl}
        </Link>
      </Text>
      <Text style={{ ...paragraph, fontSize: '14px', color: colors.muted }}>{t('email.vote.ignore')}</Text>
    </EmailLayout>
  )
}

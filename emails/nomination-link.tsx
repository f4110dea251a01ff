// The private link to a prize nomination: how the nominee comes back to the form (no account).
import { Heading, Link, Text } from '@react-email/components'
import { formatDateTime } from '#app/shared/time.ts'
import { translate, type Locale } from '#app/utils/i18n.ts'
import { ActionButton } from './event-parts.tsx'
import { colors, EmailLayout, heading, paragraph } from './layout.tsx'

export type NominationLinkProps = { editionTitle: string; editUrl: string; closesAt: string; resumed: boolean }

export const nominationLinkSubject = (locale: Locale, p: NominationLinkProps) =>
  translate(locale, 'email.nomination.link.subject', { title: p.editionTitle })

export function NominationLink(p: NominationLinkProps & { locale: Locale }) {
  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate(p.locale, key, params)
  return (
    <EmailLayout locale={p.locale} preview={t('email.nomination.link.heading', { title: p.editionTitle })}>
      <Heading as="h1" style={heading}>
        {t('email.nomination.link.heading', { title: p.editionTitle })}
      </Heading>
      <Text style={paragraph}>{p.resumed ? t('email.nomination.link.resumed') : t('email.nomination.link.body')}</Text>
      <Text style={paragraph}>{t('email.nomination.link.deadline', { deadline: formatDateTime(p.locale, p.closesAt) })}</Text>
      <ActionButton href={p.editUrl}>{t('email.nomination.link.button')}</ActionButton>
      <Text style={{ ...paragraph, fontSize: '14px', color: colors.muted }}>
        {t('email.nomination.link.copy')}
        <br />
        <Link href={p.editUrl} style={{ color: colors.brand, wordBreak: 'break-all' }}>
          {p.editUrl}
        </Link>
      </Text>
      <Text style={{ ...paragraph, fontSize: '14px', color: colors.muted }}>{t('email.nomination.link.private')}</Text>
    </EmailLayout>
  )
}

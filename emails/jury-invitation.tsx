// The invitation to sit on a prize jury: the edition, the categories (and which ones the juror
// chairs), the jury period and the personal link that signs them in.
import { Heading, Link, Section, Text } from '@react-email/components'
import { formatDateTime } from '#app/shared/time.ts'
import { translate, type Locale } from '#app/utils/i18n.ts'
import { ActionButton } from './event-parts.tsx'
import { colors, EmailLayout, heading, paragraph } from './layout.tsx'

export type JuryInvitationProps = {
  jurorName: string
  editionTitle: string
  categories: string[]
  chairOf: string[]
  juryStartsAt: string | null
  juryEndsAt: string | null
  joinUrl: string
  /** Sent as part of the edition's invitation campaign: its subject and its message (Markdown rendered, merge fields replaced and escaped). */
  subject?: string | null
  messageHtml?: string | null
  /** The join page's "I won't be able to sit" button. */
  declineUrl?: string | null
}

export const juryInvitationSubject = (locale: Locale, p: JuryInvitationProps) =>
  p.subject || translate(locale, 'email.jury.subject', { title: p.editionTitle })

export function JuryInvitation(p: JuryInvitationProps & { locale: Locale }) {
  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate(p.locale, key, params)
  return (
    <EmailLayout locale={p.locale} preview={t('email.jury.heading', { title: p.editionTitle })}>
      <Heading as="h1" style={heading}>
        {t('email.jury.heading', { title: p.editionTitle })}
      </Heading>
      {p.messageHtml ? (
        <Section style={{ fontSize: '16px', lineHeight: '24px' }}>
          <div dangerouslySetInnerHTML={{ __html: p.messageHtml }} />
        </Section>
      ) : (
        <Text style={paragraph}>{t('email.jury.greeting', { name: p.jurorName })}</Text>
      )}
      <Text style={paragraph}>{t('email.jury.body', { title: p.editionTitle, categories: p.categories.join(', ') })}</Text>
      {p.chairOf.length > 0 && <Text style={paragraph}>{t('email.jury.chair', { categories: p.chairOf.join(', ') })}</Text>}
      {p.juryStartsAt && p.juryEndsAt ? (
        <Text style={paragraph}>
          {t('email.jury.period', { starts: formatDateTime(p.locale, p.juryStartsAt), ends: formatDateTime(p.locale, p.juryEndsAt) })}
        </Text>
      ) : p.juryEndsAt ? (
        <Text style={paragraph}>{t('email.jury.deadline', { ends: formatDateTime(p.locale, p.juryEndsAt) })}</Text>
      ) : null}
      <ActionButton href={p.joinUrl}>{t('email.jury.button')}</ActionButton>
      <Text style={{ ...paragraph, fontSize: '14px', color: colors.muted }}>
        {t('email.jury.copy')}
        <br />
        <Link href={p.joinUrl} style={{ color: colors.brand, wordBreak: 'break-all' }}>
          {p.joinUrl}
        </Link>
      </Text>
      {p.declineUrl && (
        <Text style={paragraph}>
          <Link href={p.declineUrl} style={{ color: colors.brand }}>
            {t('email.jury.decline')}
          </Link>
        </Text>
      )}
      <Text style={{ ...paragraph, fontSize: '14px', color: colors.muted }}>{t('email.jury.private')}</Text>
    </EmailLayout>
  )
}

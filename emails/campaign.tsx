// A campaign email: the organiser's subject and body (Markdown already rendered and merged, its
// values escaped), the personal link as a button, the decline link, and an unsubscribe link in the
// footer. The open-tracking image is there only when the organiser turned it on.
import { Img, Link, Section, Text } from '@react-email/components'
import { translate, type Locale } from '#app/utils/i18n.ts'
import { ActionButton } from './event-parts.tsx'
import { colors, EmailLayout, paragraph } from './layout.tsx'

export type CampaignProps = {
  subject: string
  /** The organiser's Markdown, rendered (safe renderer) with the merge fields replaced (escaped). */
  bodyHtml: string
  organisationName: string
  kind: 'event_invitation' | 'nomination_call' | 'jury_invitation' | 'announcement'
  targetTitle: string
  linkUrl: string | null
  declineUrl: string | null
  unsubscribeUrl: string | null
  openPixelUrl: string | null
}

export const campaignSubject = (_locale: Locale, p: CampaignProps) => p.subject

const small = { ...paragraph, fontSize: '13px', lineHeight: '20px', color: colors.muted }

function buttonLabel(kind: CampaignProps['kind']) {
  if (kind === 'event_invitation' || kind === 'jury_invitation') return 'email.campaign.register' as const
  if (kind === 'nomination_call') return 'email.campaign.nominate' as const
  return 'email.campaign.open' as const
}

export function Campaign(p: CampaignProps & { locale: Locale }) {
  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate(p.locale, key, params)
  return (
    <EmailLayout locale={p.locale} preview={p.subject}>
      <Section style={{ fontSize: '16px', lineHeight: '24px' }}>
        <div dangerouslySetInnerHTML={{ __html: p.bodyHtml }} />
      </Section>
      {p.linkUrl && p.kind !== 'announcement' && <ActionButton href={p.linkUrl}>{t(buttonLabel(p.kind))}</ActionButton>}
      {p.declineUrl && (
        <Text style={paragraph}>
          <Link href={p.declineUrl} style={{ color: colors.brand }}>
            {t('email.campaign.decline')}
          </Link>
        </Text>
      )}
      <Text style={small}>{t('email.campaign.sentBy', { organisation: p.organisationName })}</Text>
      {p.unsubscribeUrl && (
        <Text style={small}>
          {t('email.campaign.unsubscribeIntro', { organisation: p.organisationName })}{' '}
          <Link href={p.unsubscribeUrl} style={{ color: colors.muted }}>
            {t('email.campaign.unsubscribe')}
          </Link>
        </Text>
      )}
      {p.openPixelUrl && <Img src={p.openPixelUrl} width="1" height="1" alt="" />}
    </EmailLayout>
  )
}

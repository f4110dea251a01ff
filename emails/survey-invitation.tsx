// A satisfaction survey sent to someone who attended (or its reminder), with their personal link.
import { Heading, Text } from '@react-email/components'
import { formatDateTime } from '#app/shared/time.ts'
import { translate, type Locale } from '#app/utils/i18n.ts'
import { ActionButton } from './event-parts.tsx'
import { EmailLayout, heading, paragraph } from './layout.tsx'

export type SurveyInvitationProps = {
  firstName: string
  eventTitle: string
  kind: 'hot' | 'cold'
  anonymous: boolean
  closesAt: string
  url: string
  reminder: boolean
}

export const surveyInvitationSubject = (locale: Locale, p: SurveyInvitationProps) =>
  translate(locale, p.reminder ? 'email.surveyInvitation.reminderSubject' : 'email.surveyInvitation.subject', { title: p.eventTitle })

export function SurveyInvitation(p: SurveyInvitationProps & { locale: Locale }) {
  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate(p.locale, key, params)
  return (
    <EmailLayout locale={p.locale} preview={t('email.surveyInvitation.heading', { title: p.eventTitle })}>
      <Heading as="h1" style={heading}>
        {t('email.surveyInvitation.heading', { title: p.eventTitle })}
      </Heading>
      <Text style={paragraph}>{t('email.surveyInvitation.greeting', { name: p.firstName })}</Text>
      <Text style={paragraph}>{t(p.kind === 'cold' ? 'email.surveyInvitation.bodyCold' : 'email.surveyInvitation.bodyHot')}</Text>
      <Text style={paragraph}>{t(p.anonymous ? 'email.surveyInvitation.anonymous' : 'email.surveyInvitation.named')}</Text>
      <Text style={paragraph}>{t('email.surveyInvitation.deadline', { deadline: formatDateTime(p.locale, p.closesAt) })}</Text>
      <ActionButton href={p.url}>{t('email.surveyInvitation.button')}</ActionButton>
    </EmailLayout>
  )
}

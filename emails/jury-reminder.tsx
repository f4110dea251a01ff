// A reminder to a juror who has not finished scoring, with the link to their jury page.
import { Heading, Text } from '@react-email/components'
import { formatDateTime } from '#app/shared/time.ts'
import { translate, type Locale } from '#app/utils/i18n.ts'
import { ActionButton } from './event-parts.tsx'
import { EmailLayout, heading, paragraph } from './layout.tsx'

export type JuryReminderProps = {
  jurorName: string
  editionTitle: string
  endsAt: string | null
  assigned: number
  scored: number
  url: string
}

export const juryReminderSubject = (locale: Locale, p: JuryReminderProps) =>
  translate(locale, 'email.juryReminder.subject', { title: p.editionTitle })

export function JuryReminder(p: JuryReminderProps & { locale: Locale }) {
  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate(p.locale, key, params)
  return (
    <EmailLayout locale={p.locale} preview={t('email.juryReminder.heading')}>
      <Heading as="h1" style={heading}>
        {t('email.juryReminder.heading')}
      </Heading>
      <Text style={paragraph}>{t('email.juryReminder.greeting', { name: p.jurorName })}</Text>
      <Text style={paragraph}>{t('email.juryReminder.progress', { scored: p.scored, assigned: p.assigned, title: p.editionTitle })}</Text>
      {p.endsAt && <Text style={paragraph}>{t('email.juryReminder.deadline', { deadline: formatDateTime(p.locale, p.endsAt) })}</Text>}
      <ActionButton href={p.url}>{t('email.juryReminder.button')}</ActionButton>
    </EmailLayout>
  )
}

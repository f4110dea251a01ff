// The organisers declared a nomination ineligible: the contact learns it, with the reason they wrote.
import { Heading, Text } from '@react-email/components'
import { translate, type Locale } from '#app/utils/i18n.ts'
import { EmailLayout, heading, paragraph } from './layout.tsx'

export type NominationIneligibleProps = { editionTitle: string; structureName: string; firstName: string; reason: string }

export const nominationIneligibleSubject = (locale: Locale, p: NominationIneligibleProps) =>
  translate(locale, 'email.nomination.ineligible.subject', { title: p.editionTitle })

export function NominationIneligible(p: NominationIneligibleProps & { locale: Locale }) {
  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate(p.locale, key, params)
  return (
    <EmailLayout locale={p.locale} preview={t('email.nomination.ineligible.subject', { title: p.editionTitle })}>
      <Heading as="h1" style={heading}>
        {t('email.nomination.ineligible.heading', { title: p.editionTitle })}
      </Heading>
      <Text style={paragraph}>
        {p.firstName
          ? t('email.nomination.ineligible.greeting', { name: p.firstName })
          : t('email.nomination.ineligible.greetingAnonymous')}
      </Text>
      <Text style={paragraph}>{t('email.nomination.ineligible.body', { structure: p.structureName || '—', title: p.editionTitle })}</Text>
      <Text style={{ ...paragraph, whiteSpace: 'pre-line', borderLeft: '3px solid #ccc', paddingLeft: '12px' }}>{p.reason}</Text>
      <Text style={paragraph}>{t('email.nomination.ineligible.closing')}</Text>
    </EmailLayout>
  )
}

// The organisers' personal message, quoted in a decision email (plain text, line breaks kept).
import { Section, Text } from '@react-email/components'
import { translate, type Locale } from '#app/utils/i18n.ts'
import { colors, paragraph } from './layout.tsx'

export function PersonalMessage({ locale, message }: { locale: Locale; message?: string | null }) {
  if (!message) return null
  return (
    <Section style={{ borderLeft: `4px solid ${colors.brand}`, padding: '4px 16px', margin: '16px 0' }}>
      <Text style={{ ...paragraph, margin: '4px 0', fontWeight: 700 }}>{translate(locale, 'admission.email.message')}</Text>
      <Text style={{ ...paragraph, margin: '4px 0', whiteSpace: 'pre-line' }}>{message}</Text>
    </Section>
  )
}

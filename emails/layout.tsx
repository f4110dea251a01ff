// The frame every Essor email shares: a header with the name, the content, a footer.
// Styles are inline: many email clients ignore <style> blocks and external CSS.
import { Body, Container, Head, Hr, Html, Preview, Section, Text } from '@react-email/components'
import type { CSSProperties, ReactNode } from 'react'
import { translate, type Locale } from '#app/utils/i18n.ts'

export const colors = { brand: '#185a36', text: '#1c1917', muted: '#57534e', border: '#e7e5e4', page: '#f5f5f4' }

const body: CSSProperties = {
  backgroundColor: colors.page,
  color: colors.text,
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  margin: 0,
  padding: '24px 0',
}
const container: CSSProperties = {
  backgroundColor: '#ffffff',
  border: `1px solid ${colors.border}`,
  borderRadius: '8px',
  maxWidth: '560px',
  margin: '0 auto',
  padding: '0 32px',
}
const brand: CSSProperties = { color: colors.brand, fontSize: '22px', fontWeight: 700, margin: '24px 0 8px' }
const footer: CSSProperties = { color: colors.muted, fontSize: '12px', lineHeight: '18px', margin: '8px 0' }

export const paragraph: CSSProperties = { fontSize: '16px', lineHeight: '24px', margin: '16px 0' }
export const heading: CSSProperties = { fontSize: '20px', lineHeight: '28px', fontWeight: 700, margin: '16px 0' }

export function EmailLayout({ locale, preview, children }: { locale: Locale; preview: string; children: ReactNode }) {
  return (
    <Html lang={locale}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={body}>
        <Container style={container}>
          <Section>
            <Text style={brand}>{translate(locale, 'app.name')}</Text>
          </Section>
          <Hr style={{ borderColor: colors.border }} />
          <Section>{children}</Section>
          <Hr style={{ borderColor: colors.border }} />
          <Section style={{ paddingBottom: '16px' }}>
            <Text style={footer}>{translate(locale, 'email.footer')}</Text>
            <Text style={footer}>{translate(locale, 'email.footer.automatic')}</Text>
          </Section>
        </Container>
      </Body>
    </Html>
  )
}

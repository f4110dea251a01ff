// The magic link a person asked for on the sign-in page.
import { Button, Heading, Link, Section, Text } from '@react-email/components'
import { translate, type Locale } from '#app/utils/i18n.ts'
import { colors, EmailLayout, heading, paragraph } from './layout.tsx'

export type SignInLinkProps = { url: string; expiresInMinutes: number }

export function signInLinkSubject(locale: Locale) {
  return translate(locale, 'email.signInLink.subject')
}

export function SignInLink({ url, expiresInMinutes, locale }: SignInLinkProps & { locale: Locale }) {
  return (
    <EmailLayout locale={locale} preview={translate(locale, 'email.signInLink.preview')}>
      <Heading as="h1" style={heading}>
        {translate(locale, 'email.signInLink.heading')}
      </Heading>
      <Text style={paragraph}>{translate(locale, 'email.signInLink.intro')}</Text>
      <Section style={{ margin: '24px 0' }}>
        <Button
          href={url}
          style={{
            backgroundColor: colors.brand,
            borderRadius: '6px',
            color: '#ffffff',
            fontSize: '16px',
            fontWeight: 600,
            padding: '12px 20px',
            textDecoration: 'none',
          }}
        >
          {translate(locale, 'email.signInLink.button')}
        </Button>
      </Section>
      <Text style={paragraph}>{translate(locale, 'email.signInLink.validity', { minutes: expiresInMinutes })}</Text>
      <Text style={{ ...paragraph, fontSize: '14px', color: colors.muted }}>
        {translate(locale, 'email.signInLink.copyLink')}
        <br />
        <Link href={url} style={{ color: colors.brand, wordBreak: 'break-all' }}>
          {url}
        </Link>
      </Text>
      <Text style={{ ...paragraph, fontSize: '14px', color: colors.muted }}>{translate(locale, 'email.signInLink.ignore')}</Text>
    </EmailLayout>
  )
}

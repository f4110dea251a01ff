// Placeholder markup until the email layout lands; the props are the contract.
import type { Locale } from '#app/utils/i18n.ts'

export type SignInLinkProps = { url: string; expiresInMinutes: number }

export function signInLinkSubject(locale: Locale) {
  return locale === 'en' ? 'Your sign-in link for Essor' : 'Votre lien de connexion à Essor'
}

export function SignInLink({ url }: SignInLinkProps & { locale: Locale }) {
  return <a href={url}>{url}</a>
}

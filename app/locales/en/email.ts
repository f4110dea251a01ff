import type { email as fr } from '../fr/email.ts'

export const email: Record<keyof typeof fr, string> = {
  'email.footer': 'Message sent by Essor.',
  'email.footer.automatic': 'This message was sent automatically; please do not reply to it.',
  'email.signInLink.subject': 'Your sign-in link for Essor',
  'email.signInLink.preview': 'Sign in to Essor in one click.',
  'email.signInLink.heading': 'Sign in to Essor',
  'email.signInLink.intro': 'To sign in, click the button below.',
  'email.signInLink.button': 'Sign in',
  'email.signInLink.copyLink': 'If the button does not work, copy this link into your browser:',
  'email.signInLink.validity': 'This link is valid for {minutes} minutes.',
  'email.signInLink.ignore': 'If you did not ask to sign in, ignore this message: nobody can sign in without this link.',
}

import { defineMessages } from './define.ts'

export const email = defineMessages(
  {
    'email.footer': 'Message envoyé par Essor.',
    'email.footer.automatic': 'Ce message est envoyé automatiquement, merci de ne pas y répondre.',
    'email.signInLink.subject': 'Votre lien de connexion à Essor',
    'email.signInLink.preview': 'Connectez-vous à Essor en un clic.',
    'email.signInLink.heading': 'Connexion à Essor',
    'email.signInLink.intro': 'Pour vous connecter, cliquez sur le bouton ci-dessous.',
    'email.signInLink.button': 'Se connecter',
    'email.signInLink.copyLink': 'Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :',
    'email.signInLink.validity': 'Ce lien est valable {minutes} minutes.',
    'email.signInLink.ignore':
      "Si vous n'avez pas demandé à vous connecter, ignorez ce message : personne ne peut se connecter sans ce lien.",
  },
  {
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
  },
)

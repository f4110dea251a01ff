export const email = {
  'email.footer': 'Message envoyé par Essor.',
  'email.footer.automatic': 'Ce message est envoyé automatiquement, merci de ne pas y répondre.',
  'email.signInLink.subject': 'Votre lien de connexion à Essor',
  'email.signInLink.preview': 'Connectez-vous à Essor en un clic.',
  'email.signInLink.heading': 'Connexion à Essor',
  'email.signInLink.intro': 'Pour vous connecter, cliquez sur le bouton ci-dessous.',
  'email.signInLink.button': 'Se connecter',
  'email.signInLink.copyLink': 'Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :',
  'email.signInLink.validity': 'Ce lien est valable {minutes} minutes.',
  'email.signInLink.ignore':
    'Si vous n’avez pas demandé à vous connecter, ignorez ce message : personne ne peut se connecter sans ce lien.',
}

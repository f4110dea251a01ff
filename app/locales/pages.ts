import { defineMessages } from './define.ts'

export const pages = defineMessages(
  {
    'home.title': "Les événements et les prix de l'ESS en région",
    'home.intro':
      "Essor est la plateforme ouverte sur laquelle les chambres régionales de l'économie sociale et solidaire (CRESS), les Régions et leurs partenaires organisent leurs conférences, les sessions de la YESS Académie et les Prix de l'ESS.",
    'home.organisations': 'Organisations présentes',
    'home.yourOrganisations': 'Vos espaces organisateur',
    'home.role.admin': 'administration',
    'home.role.organiser': 'organisation',
    'home.role.checkin': 'accueil et émargement',
    'home.empty': "Aucune organisation n'est encore inscrite.",
    'legal.title': 'Mentions légales',
    'legal.body':
      "Cette instance d'Essor est éditée par l'organisation qui l'héberge. Essor est un logiciel libre ; chaque organisation publie sur ses pages ses coordonnées, son numéro SIRET et le nom du directeur ou de la directrice de la publication.",
    'privacy.title': 'Données personnelles',
    'privacy.intro':
      "Nous collectons uniquement les données nécessaires à l'inscription aux événements, aux candidatures et au fonctionnement des jurys. Chaque formulaire indique pourquoi une donnée est demandée.",
    'privacy.rights':
      "Vous pouvez consulter, corriger et supprimer vos données depuis le lien personnel reçu par e-mail, ou en écrivant à l'organisateur de l'événement. Les comptes inactifs et les inscriptions passées sont supprimés selon la durée indiquée par chaque organisateur.",
    'privacy.cookies':
      "Essor n'utilise que des cookies nécessaires : la session de connexion (30 jours), la langue choisie et un message de confirmation affiché une seule fois. Aucun traceur publicitaire ni mesure d'audience tierce.",
    'accessibility.title': 'Accessibilité',
    'accessibility.body':
      "Essor vise la conformité au Référentiel général d'amélioration de l'accessibilité (RGAA 4.1, équivalent des WCAG 2.1 niveau AA). Les pages publiques sont testées automatiquement à chaque modification. Si vous rencontrez un obstacle, écrivez à l'organisateur : il vous répondra et vous proposera une alternative.",
  },
  {
    'home.title': 'Events and prizes of the social and solidarity economy in the regions',
    'home.intro':
      'Essor is the open platform on which the regional chambers of the social and solidarity economy (CRESS), the Régions and their partners run their conferences, YESS Académie sessions and the Prix de l’ESS.',
    'home.organisations': 'Organisations on Essor',
    'home.yourOrganisations': 'Your organiser spaces',
    'home.role.admin': 'administration',
    'home.role.organiser': 'organiser',
    'home.role.checkin': 'welcome desk and check-in',
    'home.empty': 'No organisation has joined yet.',
    'legal.title': 'Legal notice',
    'legal.body':
      'This Essor installation is published by the organisation that hosts it. Essor is open-source software; each organisation publishes its contact details, SIRET number and the name of its publication director on its pages.',
    'privacy.title': 'Personal data',
    'privacy.intro':
      'We collect only the data needed for event registration, applications and the work of juries. Each form says why a piece of data is asked for.',
    'privacy.rights':
      'You can see, correct and delete your data through the personal link you received by email, or by writing to the event organiser. Inactive accounts and past registrations are deleted after the period each organiser states.',
    'privacy.cookies':
      'Essor only uses necessary cookies: the sign-in session (30 days), the chosen language and a confirmation message shown once. No advertising trackers, no third-party analytics.',
    'accessibility.title': 'Accessibility',
    'accessibility.body':
      'Essor aims to comply with the RGAA 4.1 (the French equivalent of WCAG 2.1 level AA). Public pages are tested automatically on every change. If you meet an obstacle, write to the organiser: they will answer and offer an alternative.',
  },
)

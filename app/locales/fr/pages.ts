export const pages = {
  'home.title': 'Les événements et les prix de l’ESS en région',
  'home.intro':
    'Essor est la plateforme ouverte sur laquelle les chambres régionales de l’économie sociale et solidaire (CRESS), les Régions et leurs partenaires organisent leurs conférences, les sessions de la YESS Académie et les Prix de l’ESS.',
  'home.organisations': 'Organisations présentes',
  'home.yourOrganisations': 'Vos espaces organisateur',
  'home.role.admin': 'administration',
  'home.role.organiser': 'organisation',
  'home.role.checkin': 'accueil et émargement',
  'home.empty': 'Aucune organisation n’est encore inscrite.',
  'legal.title': 'Mentions légales',
  'legal.body':
    'Cette instance d’Essor est éditée par l’organisation qui l’héberge. Essor est un logiciel libre ; chaque organisation publie sur ses pages ses coordonnées, son numéro SIRET et le nom du directeur ou de la directrice de la publication.',
  'privacy.title': 'Données personnelles',
  'privacy.intro':
    'Nous collectons uniquement les données nécessaires à l’inscription aux événements, aux candidatures et au fonctionnement des jurys. Chaque formulaire indique pourquoi une donnée est demandée.',
  'privacy.rights':
    'Vous pouvez consulter, corriger et supprimer vos données depuis le lien personnel reçu par e-mail, ou en écrivant à l’organisateur de l’événement. Les comptes inactifs et les inscriptions passées sont supprimés selon la durée indiquée par chaque organisateur.',
  'privacy.cookies':
    'Essor n’utilise que des cookies nécessaires : la session de connexion (30 jours), la langue choisie et un message de confirmation affiché une seule fois. Aucun traceur publicitaire ni mesure d’audience tierce.',
  'accessibility.title': 'Accessibilité',
  'accessibility.body':
    'Essor vise la conformité au Référentiel général d’amélioration de l’accessibilité (RGAA 4.1, équivalent des WCAG 2.1 niveau AA). Les pages publiques sont testées automatiquement à chaque modification. Si vous rencontrez un obstacle, écrivez à l’organisateur : il vous répondra et vous proposera une alternative.',
}

import type { pages as fr } from '../fr/pages.ts'

export const pages: Record<keyof typeof fr, string> = {
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
}

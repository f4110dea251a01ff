import type { home as fr } from '../fr/home.ts'

export const home: Record<keyof typeof fr, string> = {
  'nav.prizes': 'Prizes',
  'home.upcoming.title': 'Upcoming events',
  'home.upcoming.empty': 'No upcoming events yet.',
  'home.upcoming.all': 'All events',
  'home.prizes.title': 'Prizes open for nominations',
  'home.prizes.empty': 'No prize is open for nominations at the moment.',
  'home.prizes.all': 'All prizes',
  'home.prizes.open': 'Nominations until {closes}',
  'home.prizes.soon': 'Nominations from {opens}',
  'chooser.title': 'Choose an organisation',
  'chooser.intro': 'You belong to several organisations: which one do you want to open?',
  'public.filters.toggle': 'Filters',
  'public.filters.active': '{count, plural, one {# active filter} other {# active filters}}',
}

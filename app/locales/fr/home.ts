// The first pages a visitor sees: the home page's events and prizes, the header's prizes link,
// the organisation chooser after sign-in and the phone filters of the events list.
export const home = {
  'nav.prizes': 'Prix',
  'home.upcoming.title': 'Prochains événements',
  'home.upcoming.empty': 'Aucun événement à venir pour l’instant.',
  'home.upcoming.all': 'Tous les événements',
  'home.prizes.title': 'Prix ouverts aux candidatures',
  'home.prizes.empty': 'Aucun prix n’est ouvert aux candidatures en ce moment.',
  'home.prizes.all': 'Tous les prix',
  'home.prizes.open': 'Candidatures jusqu’au {closes}',
  'home.prizes.soon': 'Candidatures à partir du {opens}',
  'chooser.title': 'Choisir une organisation',
  'chooser.intro': 'Vous faites partie de plusieurs organisations : laquelle voulez-vous ouvrir ?',
  'public.filters.toggle': 'Filtres',
  'public.filters.active': '{count, plural, one {# filtre actif} other {# filtres actifs}}',
}

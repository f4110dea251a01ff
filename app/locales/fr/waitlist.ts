// The organisers' waiting list: the queue, offering a seat now, moving someone up, capacity changes.
export const waitlist = {
  'waitlist.error.notWaiting': 'Cette personne n’est plus sur la liste d’attente.',
  'waitlist.error.raiseUnconfirmed':
    'L’événement est complet : confirmez que la capacité passe à {capacity} pour proposer une place maintenant.',

  'waitlist.nav': 'Liste d’attente',
  'waitlist.nav.count': 'Liste d’attente ({count})',
  'waitlist.title': 'Liste d’attente',
  'waitlist.intro':
    'Les places libérées sont proposées dans cet ordre, en commençant par la position 1. Chaque proposition est valable {hours} h.',
  'waitlist.off':
    'La liste d’attente de cet événement est désactivée : les nouvelles inscriptions sont refusées une fois l’événement complet.',
  'waitlist.seats': '{taken} places occupées sur {capacity}.',
  'waitlist.seatsUnlimited': '{taken} places occupées, sans limite de capacité.',
  'waitlist.empty': 'Personne n’attend pour cet événement.',
  'waitlist.list': 'Personnes en attente, dans l’ordre où les places leur seront proposées',
  'waitlist.position': 'Position {position}',
  'waitlist.joined': 'En attente depuis le {date}',
  'waitlist.workshops': 'Ateliers : {list}',
  'waitlist.inOrder': 'Voir la liste d’attente dans son ordre, avec la position de chacun et chacune',
  'waitlist.registrations': 'Voir toutes les inscriptions',

  'waitlist.offer': 'Proposer une place maintenant',
  'waitlist.offer.label': 'Proposer une place maintenant à {name}',
  'waitlist.offer.full':
    'L’événement est complet : proposer une place à {name} fait passer la capacité de {from} à {to}. {name} reçoit un e-mail pour confirmer sa place.',
  'waitlist.offer.confirm': 'Confirmer : capacité à {to} et place proposée',
  'waitlist.offer.confirmLabel': 'Confirmer : passer la capacité à {to} et proposer une place à {name}',
  'waitlist.up': 'Monter d’un rang',
  'waitlist.up.label': 'Faire monter {name} d’un rang',
  'waitlist.top': 'Mettre en tête',
  'waitlist.top.label': 'Mettre {name} en tête de la liste d’attente',

  'waitlist.toast.offered': 'Une place a été proposée à {name} ; un e-mail lui a été envoyé.',
  'waitlist.toast.offeredRaised':
    'Une place a été proposée à {name} ; un e-mail lui a été envoyé. La capacité de l’événement passe à {capacity}.',
  'waitlist.toast.moved': '{name} est maintenant en position {position}.',
  'waitlist.toast.alreadyFirst': '{name} est déjà en tête de la liste d’attente.',

  'waitlist.capacity.waiting':
    '{count, plural, one {# personne attend} other {# personnes attendent}} sur la liste d’attente : en augmentant la capacité, les places nouvelles leur sont proposées dans l’ordre de la liste.',
  'waitlist.capacity.offers':
    'Avec cette capacité, {count, plural, one {# personne de la liste d’attente recevra} other {# personnes de la liste d’attente recevront}} une proposition.',
  'waitlist.capacity.noOffers': 'Avec cette capacité, personne de la liste d’attente ne recevra de proposition.',
  'waitlist.capacity.askTitle': 'Rien n’est encore enregistré.',
  'waitlist.capacity.askBody':
    'Avec la nouvelle capacité, {count, plural, one {# personne de la liste d’attente recevra} other {# personnes de la liste d’attente recevront}} une proposition par e-mail, dans l’ordre de la liste.',
  'waitlist.capacity.save': 'Enregistrer et envoyer les propositions',
  'waitlist.toast.updatedOffers':
    'Modifications enregistrées. {count, plural, one {# personne de la liste d’attente a reçu} other {# personnes de la liste d’attente ont reçu}} une proposition.',
  'waitlist.toast.updatedNotifiedOffers':
    'Modifications enregistrées. {notified, plural, one {# personne prévenue} other {# personnes prévenues}} par e-mail ; {count, plural, one {# personne de la liste d’attente a reçu} other {# personnes de la liste d’attente ont reçu}} une proposition.',
}

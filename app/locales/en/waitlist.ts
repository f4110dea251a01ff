import type { waitlist as fr } from '../fr/waitlist.ts'

// The organisers' waiting list: the queue, offering a seat now, moving someone up, capacity changes.
export const waitlist: Record<keyof typeof fr, string> = {
  'waitlist.error.notWaiting': 'This person is no longer on the waiting list.',
  'waitlist.error.raiseUnconfirmed': 'The event is full: confirm that the capacity goes up to {capacity} to offer a seat now.',

  'waitlist.nav': 'Waiting list',
  'waitlist.nav.count': 'Waiting list ({count})',
  'waitlist.title': 'Waiting list',
  'waitlist.intro': 'Freed seats are offered in this order, starting with position 1. Each offer lasts {hours} h.',
  'waitlist.off': 'This event’s waiting list is turned off: new registrations are refused once the event is full.',
  'waitlist.seats': '{taken} of {capacity} seats taken.',
  'waitlist.seatsUnlimited': '{taken} seats taken, no capacity limit.',
  'waitlist.empty': 'Nobody is waiting for this event.',
  'waitlist.list': 'People waiting, in the order seats will be offered to them',
  'waitlist.position': 'Position {position}',
  'waitlist.joined': 'Waiting since {date}',
  'waitlist.workshops': 'Workshops: {list}',
  'waitlist.inOrder': 'See the waiting list in its order, with each person’s position',
  'waitlist.registrations': 'See all registrations',

  'waitlist.offer': 'Offer a seat now',
  'waitlist.offer.label': 'Offer a seat now to {name}',
  'waitlist.offer.full':
    'The event is full: offering a seat to {name} raises the capacity from {from} to {to}. {name} gets an email to confirm the seat.',
  'waitlist.offer.confirm': 'Confirm: capacity {to} and seat offered',
  'waitlist.offer.confirmLabel': 'Confirm: raise the capacity to {to} and offer a seat to {name}',
  'waitlist.up': 'Move up one place',
  'waitlist.up.label': 'Move {name} up one place',
  'waitlist.top': 'Move to the top',
  'waitlist.top.label': 'Move {name} to the top of the waiting list',

  'waitlist.toast.offered': 'A seat was offered to {name}; they have been emailed.',
  'waitlist.toast.offeredRaised': 'A seat was offered to {name}; they have been emailed. The event’s capacity is now {capacity}.',
  'waitlist.toast.moved': '{name} is now in position {position}.',
  'waitlist.toast.alreadyFirst': '{name} is already at the top of the waiting list.',

  'waitlist.capacity.waiting':
    '{count, plural, one {# person is} other {# people are}} on the waiting list: raising the capacity offers the new seats to them in the list’s order.',
  'waitlist.capacity.offers':
    'With this capacity, {count, plural, one {# person on the waiting list will} other {# people on the waiting list will}} receive an offer.',
  'waitlist.capacity.noOffers': 'With this capacity, nobody on the waiting list will receive an offer.',
  'waitlist.capacity.askTitle': 'Nothing is saved yet.',
  'waitlist.capacity.askBody':
    'With the new capacity, {count, plural, one {# person on the waiting list} other {# people on the waiting list}} will be emailed an offer, in the list’s order.',
  'waitlist.capacity.save': 'Save and send the offers',
  'waitlist.toast.updatedOffers':
    'Changes saved. {count, plural, one {# person on the waiting list has} other {# people on the waiting list have}} received an offer.',
  'waitlist.toast.updatedNotifiedOffers':
    'Changes saved. {notified, plural, one {# person} other {# people}} notified by email; {count, plural, one {# person on the waiting list has} other {# people on the waiting list have}} received an offer.',
}

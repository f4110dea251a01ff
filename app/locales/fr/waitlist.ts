// The organisers' waiting list: the queue, offering a seat now, moving someone up, capacity changes.
export const waitlist = {
  'waitlist.error.notWaiting': 'Cette personne n’est plus sur la liste d’attente.',
}

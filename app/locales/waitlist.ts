import { defineMessages } from './define.ts'

// The organisers' waiting list: the queue, offering a seat now, moving someone up, capacity changes.
export const waitlist = defineMessages(
  {
    'waitlist.error.notWaiting': 'Cette personne n’est plus sur la liste d’attente.',
  },
  {
    'waitlist.error.notWaiting': 'This person is no longer on the waiting list.',
  },
)

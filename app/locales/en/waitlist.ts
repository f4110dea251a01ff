import type { waitlist as fr } from '../fr/waitlist.ts'

// The organisers' waiting list: the queue, offering a seat now, moving someone up, capacity changes.
export const waitlist: Record<keyof typeof fr, string> = {
  'waitlist.error.notWaiting': 'This person is no longer on the waiting list.',
}

// Every domain's messages, merged. Add a domain file to the list when you create one.
import { auth } from './auth.ts'
import { common } from './common.ts'
import { email } from './email.ts'
import { mailbox } from './mailbox.ts'
import { pages } from './pages.ts'
import { registration } from './registration.ts'
import { events } from './events.ts'
import { attendees } from './attendees.ts'
import { checkin } from './checkin.ts'
import { api } from './api.ts'
import { nominations } from './nominations.ts'
import { prizes } from './prizes.ts'
import { votes } from './votes.ts'
import { prizeReview } from './prize-review.ts'
import { jury } from './jury.ts'
import { juryAdmin } from './juryAdmin.ts'
import { contacts } from './contacts.ts'
import { campaigns } from './campaigns.ts'
import { paymentsCard } from './paymentsCard.ts'
import { payments } from './payments.ts'
import { paymentsAdmin } from './paymentsAdmin.ts'

const domains = [
  common,
  auth,
  email,
  mailbox,
  pages,
  registration,
  events,
  attendees,
  checkin,
  api,
  prizes,
  nominations,
  prizeReview,
  votes,
  jury,
  juryAdmin,
  contacts,
  campaigns,
  admission,
  payments,
  paymentsAdmin,
  paymentsCard,
  waitlist,
] as const
import { admission } from './admission.ts'
import { waitlist } from './waitlist.ts'

type Merge<T extends readonly { fr: object }[]> = T extends readonly [infer H extends { fr: object }, ...infer R extends { fr: object }[]]
  ? H['fr'] & Merge<R>
  : unknown
type Messages = Merge<typeof domains>

export const messages = {
  fr: Object.assign({}, ...domains.map((d) => d.fr)) as Messages,
  en: Object.assign({}, ...domains.map((d) => d.en)) as Messages,
}

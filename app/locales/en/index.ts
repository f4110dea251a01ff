// The English catalogue: the same keys as the French one (checked by the type).
import type { messages as fr } from '../fr/index.ts'
import { admission } from './admission.ts'
import { api } from './api.ts'
import { attendance } from './attendance.ts'
import { attendees } from './attendees.ts'
import { auth } from './auth.ts'
import { campaigns } from './campaigns.ts'
import { certificates } from './certificates.ts'
import { checkin } from './checkin.ts'
import { common } from './common.ts'
import { contacts } from './contacts.ts'
import { email } from './email.ts'
import { events } from './events.ts'
import { home } from './home.ts'
import { invoices } from './invoices.ts'
import { jury } from './jury.ts'
import { juryAdmin } from './juryAdmin.ts'
import { juryRounds } from './juryRounds.ts'
import { juryFeedback } from './juryFeedback.ts'
import { juryPanel } from './jury-panel.ts'
import { links } from './links.ts'
import { mailbox } from './mailbox.ts'
import { nominations } from './nominations.ts'
import { pages } from './pages.ts'
import { payments } from './payments.ts'
import { paymentsAdmin } from './paymentsAdmin.ts'
import { paymentsCard } from './paymentsCard.ts'
import { prizeReview } from './prize-review.ts'
import { prizes } from './prizes.ts'
import { registration } from './registration.ts'
import { votes } from './votes.ts'
import { surveys } from './surveys.ts'
import { waitlist } from './waitlist.ts'
import { prices } from './prices.ts'
import { badges } from './badges.ts'
import { audit } from './audit.ts'
import { accessCodes } from './accessCodes.ts'

export const messages: Record<keyof typeof fr, string> = {
  ...admission,
  ...attendance,
  ...api,
  ...attendees,
  ...auth,
  ...campaigns,
  ...certificates,
  ...checkin,
  ...common,
  ...contacts,
  ...email,
  ...events,
  ...home,
  ...invoices,
  ...jury,
  ...juryAdmin,
  ...juryPanel,
  ...links,
  ...mailbox,
  ...nominations,
  ...pages,
  ...payments,
  ...paymentsAdmin,
  ...paymentsCard,
  ...prizeReview,
  ...prizes,
  ...registration,
  ...votes,
  ...surveys,
  ...waitlist,
  ...juryRounds,
  ...prices,
  ...badges,
  ...audit,
  ...juryFeedback,
  ...accessCodes,
}

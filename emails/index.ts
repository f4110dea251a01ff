// Registry of email templates: name → component and subject. The worker renders a message
// from its template name, props and the recipient's locale.
import type { ComponentType } from 'react'
import type { Locale } from '#app/utils/i18n.ts'
import { EventCancelled, eventCancelledSubject, type EventCancelledProps } from './event-cancelled.tsx'
import { EventReminder, eventReminderAttachments, eventReminderSubject } from './event-reminder.tsx'
import { EventUpdated, eventUpdatedSubject, type EventUpdatedProps } from './event-updated.tsx'
import { NominationIneligible, nominationIneligibleSubject, type NominationIneligibleProps } from './nomination-ineligible.tsx'
import { NominationLink, nominationLinkSubject, type NominationLinkProps } from './nomination-link.tsx'
import { NominationSubmitted, nominationSubmittedSubject, type NominationSubmittedProps } from './nomination-submitted.tsx'
import { OfferExpired, offerExpiredSubject } from './offer-expired.tsx'
import { RegistrationCancelled, registrationCancelledSubject, type CancellationProps } from './registration-cancelled.tsx'
import {
  RegistrationConfirmed,
  registrationConfirmedAttachments,
  registrationConfirmedSubject,
  type TicketProps,
} from './registration-confirmed.tsx'
import { RegistrationLink, registrationLinkSubject, type RegistrationLinkProps } from './registration-link.tsx'
import { RegistrationWaitlisted, registrationWaitlistedSubject } from './registration-waitlisted.tsx'
import { VoteConfirm, voteConfirmSubject, type VoteConfirmProps } from './vote-confirm.tsx'
import { SignInLink, signInLinkSubject, type SignInLinkProps } from './sign-in-link.tsx'
import type { EmailAttachment } from './ticket-attachments.ts'
import { JuryReminder, juryReminderSubject, type JuryReminderProps } from './jury-reminder.tsx'
import { PrizeResults, prizeResultsSubject, type PrizeResultsProps } from './prize-results.tsx'
import { JuryFeedback, juryFeedbackSubject, type JuryFeedbackProps } from './jury-feedback.tsx'
import { ApplicationReceived, applicationReceivedSubject, type ApplicationProps } from './application-received.tsx'
import { ApplicationRefused, applicationRefusedSubject } from './application-refused.tsx'
import { ApplicationWaitlisted, applicationWaitlistedSubject } from './application-waitlisted.tsx'
import { WaitlistOffer, waitlistOfferSubject, type WaitlistOfferProps } from './waitlist-offer.tsx'
import { JuryInvitation, juryInvitationSubject, type JuryInvitationProps } from './jury-invitation.tsx'
import { Campaign, campaignSubject, type CampaignProps } from './campaign.tsx'
import { RefundResult, refundResultSubject, type RefundResultProps } from './refund-result.tsx'
import {
  PaymentInstructions,
  paymentInstructionsAttachments,
  paymentInstructionsSubject,
  type PaymentInstructionsProps,
} from './payment-instructions.tsx'
import { PaymentReleased, paymentReleasedSubject, type PaymentReleasedProps } from './payment-released.tsx'
import { Certificate, certificateAttachments, certificateSubject, type CertificateProps } from './certificate.tsx'
import { SurveyInvitation, surveyInvitationSubject, type SurveyInvitationProps } from './survey-invitation.tsx'

export type Template<P> = {
  component: ComponentType<P & { locale: Locale }>
  subject: (locale: Locale, props: P) => string
  /** Files sent with the message (calendar file, QR code shown inline through its cid). */
  attachments?: (props: P) => Promise<EmailAttachment[]>
}
export type { EmailAttachment }

export const templates = {
  'sign-in-link': { component: SignInLink, subject: signInLinkSubject } as Template<SignInLinkProps>,
  'registration-confirmed': {
    component: RegistrationConfirmed,
    subject: registrationConfirmedSubject,
    attachments: registrationConfirmedAttachments,
  } as Template<TicketProps>,
  'registration-waitlisted': { component: RegistrationWaitlisted, subject: registrationWaitlistedSubject } as Template<TicketProps>,
  'registration-link': { component: RegistrationLink, subject: registrationLinkSubject } as Template<RegistrationLinkProps>,
  'waitlist-offer': { component: WaitlistOffer, subject: waitlistOfferSubject } as Template<WaitlistOfferProps>,
  'offer-expired': { component: OfferExpired, subject: offerExpiredSubject } as Template<CancellationProps>,
  'registration-cancelled': { component: RegistrationCancelled, subject: registrationCancelledSubject } as Template<CancellationProps>,
  'event-cancelled': { component: EventCancelled, subject: eventCancelledSubject } as Template<EventCancelledProps>,
  'event-updated': { component: EventUpdated, subject: eventUpdatedSubject } as Template<EventUpdatedProps>,
  'event-reminder': {
    component: EventReminder,
    subject: eventReminderSubject,
    attachments: eventReminderAttachments,
  } as Template<TicketProps>,
  'nomination-link': { component: NominationLink, subject: nominationLinkSubject } as Template<NominationLinkProps>,
  'nomination-submitted': { component: NominationSubmitted, subject: nominationSubmittedSubject } as Template<NominationSubmittedProps>,
  'vote-confirm': { component: VoteConfirm, subject: voteConfirmSubject } as Template<VoteConfirmProps>,
  'nomination-ineligible': { component: NominationIneligible, subject: nominationIneligibleSubject } as Template<NominationIneligibleProps>,
  'jury-reminder': { component: JuryReminder, subject: juryReminderSubject } as Template<JuryReminderProps>,
  'prize-results': { component: PrizeResults, subject: prizeResultsSubject } as Template<PrizeResultsProps>,
  'jury-invitation': { component: JuryInvitation, subject: juryInvitationSubject } as Template<JuryInvitationProps>,
  campaign: { component: Campaign, subject: campaignSubject } as Template<CampaignProps>,
  'application-received': { component: ApplicationReceived, subject: applicationReceivedSubject } as Template<ApplicationProps>,
  'application-refused': { component: ApplicationRefused, subject: applicationRefusedSubject } as Template<ApplicationProps>,
  'application-waitlisted': { component: ApplicationWaitlisted, subject: applicationWaitlistedSubject } as Template<ApplicationProps>,
  'refund-result': { component: RefundResult, subject: refundResultSubject } as Template<RefundResultProps>,
  'payment-instructions': {
    component: PaymentInstructions,
    subject: paymentInstructionsSubject,
    attachments: paymentInstructionsAttachments,
  } as Template<PaymentInstructionsProps>,
  'payment-released': { component: PaymentReleased, subject: paymentReleasedSubject } as Template<PaymentReleasedProps>,
  certificate: { component: Certificate, subject: certificateSubject, attachments: certificateAttachments } as Template<CertificateProps>,
  'survey-invitation': { component: SurveyInvitation, subject: surveyInvitationSubject } as Template<SurveyInvitationProps>,
  'jury-feedback': { component: JuryFeedback, subject: juryFeedbackSubject } as Template<JuryFeedbackProps>,
}

export type TemplateName = keyof typeof templates
export type TemplateProps<T extends TemplateName> = (typeof templates)[T] extends Template<infer P> ? P : never

export function isTemplateName(name: string): name is TemplateName {
  return Object.hasOwn(templates, name)
}

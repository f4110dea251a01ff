// Registration with its features: the one place that plugs payments, admission and invitations
// into the registrations module's pipeline (app/modules/registrations/pipeline.ts). Routes, the
// API, the CLI, the scheduler, the seed and tests register, cancel and accept offers through
// these functions; the modules themselves never import one another for it.
import { admissionPolicy, type AdmissionInput } from '#app/modules/admission/registration-policy.server.ts'
import { accessCodePolicy, priceWithAccessCode, type AccessCodeInput } from '#app/modules/access-codes/registration-policy.server.ts'
import { invitationPolicy, type InvitationOptions } from '#app/modules/campaigns/registration-policy.server.ts'
import {
  paymentsPolicyWith,
  type PaymentAcceptOptions,
  type PaymentInput,
  type PaymentOptions,
  type PaymentSummary,
} from '#app/modules/payments/registration-policy.server.ts'
import { paymentExportColumns } from '#app/modules/payments/export-columns.ts'
import { exportCsv, exportXlsx } from '#app/modules/registrations/export.server.ts'
import { requireRegistrationOf } from '#app/modules/registrations/admin.server.ts'
import type { AcceptOptions } from '#app/modules/registrations/pipeline.ts'
import { anonymiseRegistration } from '#app/modules/registrations/self-service.server.ts'
import {
  createRegistrations,
  type CancelOptions,
  type CancelResult,
  type RegisterOptions as BaseRegisterOptions,
  type RegisterResult as BaseRegisterResult,
  type RegistrationInput as BaseRegistrationInput,
} from '#app/modules/registrations/service.server.ts'

export type RegistrationInput = BaseRegistrationInput & PaymentInput & AdmissionInput & AccessCodeInput
export type RegisterOptions = BaseRegisterOptions & PaymentOptions & InvitationOptions
export type RegisterResult = BaseRegisterResult & { payment?: PaymentSummary }
export type AcceptOfferOptions = AcceptOptions & PaymentAcceptOptions
export type { CancelOptions, CancelResult }

// Order matters: an invitation is checked first; an application takes no seat, so no ticket;
// an access code is checked (and a use taken) before payments asks the ticket's price of it.
const registrations = createRegistrations<RegistrationInput, RegisterOptions, AcceptOfferOptions>([
  invitationPolicy,
  admissionPolicy,
  accessCodePolicy,
  paymentsPolicyWith(priceWithAccessCode),
])

export function register(eventId: string, input: RegistrationInput, opts: RegisterOptions = {}): Promise<RegisterResult> {
  return registrations.register(eventId, input, opts)
}

/** The one cancel path (attendee, organisers, API, offer expiry, erasure); it refunds a paid ticket. */
export function cancelRegistration(registrationId: string, opts: CancelOptions): Promise<CancelResult & { refundPaymentId?: string }> {
  return registrations.cancelRegistration(registrationId, opts)
}

export async function acceptOffer(registrationId: string, workshopIds: string[], opts: AcceptOfferOptions) {
  const accepted = await registrations.acceptOffer(registrationId, workshopIds, opts)
  return accepted as typeof accepted & { payment?: PaymentSummary }
}

export const { expireOffers, cancelAllForEvent } = registrations

export type AddByHandOptions = { actorUserId: string; request?: Request; ignoreCapacity?: boolean; now?: Date }

/**
 * An organiser registers someone: outside the registration window too (not on a cancelled
 * event), and beyond the capacity when they say so. Seats follow the usual rules.
 */
export function addByHand(eventId: string, input: RegistrationInput, opts: AddByHandOptions) {
  return register(eventId, input, {
    source: 'manual',
    ignoreWindow: true,
    ignoreCapacity: opts.ignoreCapacity ?? false,
    actorUserId: opts.actorUserId,
    request: opts.request,
    now: opts.now,
  })
}

/** Cancels on the organiser's behalf (a paid ticket is refunded in full); the freed seat goes to the waiting list. */
export async function cancelByOrganiser(
  eventId: string,
  registrationId: string,
  opts: { actorUserId: string; request?: Request; now?: Date },
) {
  await requireRegistrationOf(eventId, registrationId)
  return cancelRegistration(registrationId, { reason: 'organiser', actorUserId: opts.actorUserId, request: opts.request, now: opts.now })
}

/** The attendee cancels through their personal link (refused once locked; refunded per the event's terms). */
export function cancelByAttendee(registrationId: string, opts: { request?: Request; now?: Date } = {}) {
  return cancelRegistration(registrationId, { reason: 'attendee', viaManageLink: true, request: opts.request, now: opts.now })
}

/**
 * GDPR erasure by the attendee: cancelled as by themselves (seat offered to the waiting list,
 * refund per the event's terms), without an email, then anonymised.
 */
export async function eraseRegistration(registrationId: string, opts: { request?: Request; now?: Date } = {}) {
  const now = opts.now ?? new Date()
  await cancelRegistration(registrationId, { reason: 'attendee', request: opts.request, now, notify: false })
  await anonymiseRegistration(registrationId, now)
}

/** A registrations export with the payment columns, as organisers download it. */
export function exportRegistrationsCsv(...[event, registrations, locale]: Parameters<typeof exportCsv>) {
  return exportCsv(event, registrations, locale, paymentExportColumns)
}
export function exportRegistrationsXlsx(...[event, registrations, locale]: Parameters<typeof exportXlsx>) {
  return exportXlsx(event, registrations, locale, paymentExportColumns)
}

// Attendee self-service through the personal manage link (no account): what the manage page
// shows, and the edit of contact fields and answers. Seats, offers, workshops and cancelling
// go through service.server.ts, which owns those rules.
import { prisma } from '#app/db.server.ts'
import { audit } from '#app/modules/audit/service.server.ts'
import { forgetRecipient } from '#app/modules/email/outbox.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { parseAnswers } from '#app/shared/questions.ts'
import { formContextOf, parseEditValues, type FormContext } from './form.ts'
import { isLocked, searchTextOf } from './rules.ts'
import { findRegistrationByManageToken, waitlistPosition } from './service.server.ts'

export { isLocked }

export type ManageWorkshop = {
  id: string
  title: string
  room: string | null
  capacity: number | null
  seatsLeft: number | null
  chosen: boolean
}
export type ManageSlot = { id: string; label: string; startsAt: Date; endsAt: Date; workshops: ManageWorkshop[] }

/** Everything the manage page shows, or null for an unknown token. */
export async function getManageView(token: string, now = new Date()) {
  const registration = await findRegistrationByManageToken(token)
  if (!registration) return null
  const { event } = registration
  const organisation = await prisma.organisation.findUnique({ where: { id: event.organisationId }, select: { slug: true, name: true } })
  const chosen = new Set(registration.workshops.map((w) => w.workshopId))
  const slots: ManageSlot[] = event.slots.map((s) => ({
    id: s.id,
    label: s.label,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    workshops: event.workshops
      .filter((w) => w.slotId === s.id)
      .map((w) => ({
        id: w.id,
        title: w.title,
        room: w.room,
        capacity: w.capacity,
        seatsLeft: w.capacity === null ? null : Math.max(0, w.capacity - w.seatsTaken),
        chosen: chosen.has(w.id),
      })),
  }))
  const formContext: FormContext = formContextOf(event)
  return {
    registration: {
      id: registration.id,
      status: registration.status,
      firstName: registration.firstName,
      lastName: registration.lastName,
      email: registration.email,
      organisationName: registration.organisationName,
      organisationType: registration.organisationType,
      departement: registration.departement,
      phone: registration.phone,
      accessibilityNeeds: registration.accessibilityNeeds,
      dietaryNeeds: registration.dietaryNeeds,
      answers: parseAnswers(registration.answers),
      ticketCode: registration.ticketCode,
      offerExpiresAt: registration.offerExpiresAt,
      cancelledAt: registration.cancelledAt,
      checkedInAt: registration.checkedInAt,
      // Admission: the project of an application.
      projectName: registration.projectName,
      projectStage: registration.projectStage,
      projectTerritory: registration.projectTerritory,
    },
    event: {
      id: event.id,
      slug: event.slug,
      title: event.title,
      status: event.status,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      timeZone: event.timeZone,
      venueName: event.venueName,
      address: event.address,
      town: event.town,
      onlineUrl: event.onlineUrl,
      offerHours: event.offerHours,
      contactEmail: event.contactEmail,
      organisation: organisation ?? { slug: '', name: '' },
    },
    slots,
    formContext,
    position: await waitlistPosition(registration),
    locked: isLocked(registration, now),
    offerOpen: registration.status === 'offered' && registration.offerExpiresAt !== null && registration.offerExpiresAt > now,
  }
}

export type ManageView = NonNullable<Awaited<ReturnType<typeof getManageView>>>

/**
 * The attendee corrects their contact fields and answers (never the email, which identifies the
 * registration). `values` is the raw submission in the form schema's shape; it is validated here
 * against the event's current questions, and invalid input throws a 422 with per-field errors.
 */
export async function updateAttendeeDetails(registrationId: string, values: unknown, opts: { now?: Date } = {}) {
  const now = opts.now ?? new Date()
  return prisma.$transaction(async (tx) => {
    const registration = await tx.registration.findUnique({
      where: { id: registrationId },
      include: { event: { include: { questions: true, slots: true, workshops: true } } },
    })
    if (!registration) throw new AppError({ status: 404, code: 'not_found', messageKey: 'error.404.title' })
    if (isLocked(registration, now)) throw new AppError({ status: 409, code: 'registration_locked', messageKey: 'manage.error.locked' })
    const parsed = parseEditValues(values, formContextOf(registration.event))
    if (!parsed.success) {
      throw new AppError({
        status: 422,
        code: 'invalid_input',
        messageKey: 'register.error.type',
        fields: parsed.formErrors.length ? { ...parsed.fieldErrors, '': parsed.formErrors } : parsed.fieldErrors,
      })
    }
    const v = parsed.value
    const data = {
      firstName: v.firstName,
      lastName: v.lastName,
      organisationName: v.organisation,
      organisationType: v.organisationType,
      departement: v.departement,
      phone: v.phone,
      accessibilityNeeds: v.accessibilityNeeds,
      dietaryNeeds: v.dietaryNeeds,
      answers: JSON.stringify(v.answers),
    }
    const changed = (Object.keys(data) as (keyof typeof data)[]).filter((k) => data[k] !== registration[k])
    if (changed.length === 0) return { changed }
    await tx.registration.update({
      where: { id: registrationId },
      data: { ...data, searchText: searchTextOf({ ...data, email: registration.email }) },
    })
    // Personal data changed: recorded without the values themselves.
    await audit(tx, {
      organisationId: registration.event.organisationId,
      actorUserId: null,
      action: 'registration.selfUpdate',
      entityType: 'Registration',
      entityId: registrationId,
      details: { fields: changed, via: 'manage_link' },
    })
    return { changed }
  })
}

/**
 * GDPR erasure by the attendee, once the registration is cancelled (the composition's
 * eraseRegistration cancels it first, through the one cancel path): every personal field is
 * overwritten. The row stays, anonymous, so attendance counts and the audit trail keep their
 * meaning; the manage link stops working.
 */
export async function anonymiseRegistration(registrationId: string, now = new Date()) {
  const existing = await prisma.registration.findUnique({ where: { id: registrationId }, include: { event: true } })
  if (!existing) throw new AppError({ status: 404, code: 'not_found', messageKey: 'error.404.title' })
  await prisma.$transaction(async (tx) => {
    await tx.registration.update({
      where: { id: registrationId },
      data: {
        firstName: '—',
        lastName: '—',
        email: `erased-${registrationId}@invalid`,
        organisationName: '—',
        phone: null,
        accessibilityNeeds: null,
        dietaryNeeds: null,
        answers: '{}',
        searchText: '',
        // A fresh random hash: the old manage link no longer opens anything.
        manageTokenHash: `erased:${registrationId}:${now.getTime()}`,
      },
    })
    await tx.registrationLink.deleteMany({ where: { registrationId } })
    await forgetRecipient(tx, existing.email, `event:${existing.eventId}`, `erased-${registrationId}@invalid`)
    await audit(tx, {
      organisationId: existing.event.organisationId,
      action: 'registration.erase',
      entityType: 'Registration',
      entityId: registrationId,
    })
  })
}

// The organisers' hand on the waiting list: the queue in its order with each person's place, a
// seat offered to one person now (ahead of the queue, the capacity raised by one when the event is
// full), someone moved up, and what a capacity change will do before it is saved.
import { prisma, type Tx } from '#app/db.server.ts'
import { audit } from '#app/modules/audit/service.server.ts'
import { AppError, notFoundError } from '#app/utils/errors.ts'
import { offersToMake, WAITING_ORDER } from './rules.ts'
import { offerSeat } from './service.server.ts'

const TX = { maxWait: 30_000, timeout: 30_000 }

export type Actor = { userId: string }

/** The waiting list in the order seats are offered, each person with their place (1 = next). */
export async function waitingQueue(eventId: string) {
  const rows = await prisma.registration.findMany({
    where: { eventId, status: 'waitlisted' },
    orderBy: WAITING_ORDER,
    select: {
      id: true,
      firstName: true,
      lastName: true,
      email: true,
      organisationName: true,
      waitlistedAt: true,
      createdAt: true,
      workshops: { select: { workshop: { select: { title: true, position: true } } } },
    },
  })
  return rows.map(({ workshops, ...row }, index) => ({
    ...row,
    position: index + 1,
    workshops: workshops
      .map((w) => w.workshop)
      .sort((a, b) => a.position - b.position)
      .map((w) => w.title),
  }))
}

async function waitingPerson(tx: Tx, eventId: string, registrationId: string) {
  const person = await tx.registration.findFirst({ where: { id: registrationId, eventId } })
  if (!person) throw notFoundError()
  if (person.status !== 'waitlisted') {
    throw new AppError({ status: 409, code: 'not_waitlisted', messageKey: 'waitlist.error.notWaiting' })
  }
  return person
}

/**
 * Offers a seat to this person now, whatever their place. When no seat is free the capacity grows
 * by one for them, only when the organiser agreed to it (`raiseCapacity`, audited), and the answer
 * says so; without that agreement a full event refuses.
 */
export async function offerSeatNow(
  eventId: string,
  registrationId: string,
  actor: Actor,
  { raiseCapacity = false, now = new Date() }: { raiseCapacity?: boolean; now?: Date } = {},
) {
  return prisma.$transaction(async (tx) => {
    const person = await waitingPerson(tx, eventId, registrationId)
    let event = await tx.event.findUniqueOrThrow({ where: { id: eventId } })
    let capacityRaisedTo: number | null = null
    if (event.capacity !== null && event.seatsTaken >= event.capacity) {
      if (!raiseCapacity) {
        throw new AppError({
          status: 409,
          code: 'capacity_raise_unconfirmed',
          messageKey: 'waitlist.error.raiseUnconfirmed',
          params: { capacity: event.capacity + 1 },
        })
      }
      event = await tx.event.update({ where: { id: eventId }, data: { capacity: { increment: 1 } } })
      capacityRaisedTo = event.capacity
    }
    const outcome = await offerSeat(tx, event, person, now)
    if (outcome !== 'offered') throw new AppError({ status: 409, code: 'not_waitlisted', messageKey: 'waitlist.error.notWaiting' })
    await audit(tx, {
      organisationId: event.organisationId,
      actorUserId: actor.userId,
      action: 'registration.offerNow',
      entityType: 'Registration',
      entityId: registrationId,
      details: capacityRaisedTo === null ? {} : { capacity: capacityRaisedTo },
    })
    return { name: `${person.firstName} ${person.lastName}`, capacityRaisedTo }
  }, TX)
}

/** Moves a waiting person one place up, or to the top; answers their name and new place. */
export async function moveInWaitingList(eventId: string, registrationId: string, to: 'up' | 'top', actor: Actor) {
  return prisma.$transaction(async (tx) => {
    const person = await waitingPerson(tx, eventId, registrationId)
    const queue = await tx.registration.findMany({
      where: { eventId, status: 'waitlisted' },
      orderBy: WAITING_ORDER,
      select: { id: true, waitlistedAt: true },
    })
    const name = `${person.firstName} ${person.lastName}`
    const index = queue.findIndex((r) => r.id === person.id)
    if (index <= 0) return { name, position: 1, moved: false }
    const position = to === 'top' ? 1 : index
    const order = queue.filter((r) => r.id !== person.id)
    order.splice(position - 1, 0, queue[index]!)
    // The queue keeps its times, handed out in the new order; people who registered in the same
    // millisecond get one millisecond apart, so the order no longer rests on ids.
    const times = queue.map((r) => (r.waitlistedAt ?? person.createdAt).getTime())
    let previous = Number.NEGATIVE_INFINITY
    for (const [k, row] of order.entries()) {
      const time = Math.max(times[k]!, previous + 1)
      previous = time
      if (row.waitlistedAt?.getTime() !== time)
        await tx.registration.update({ where: { id: row.id }, data: { waitlistedAt: new Date(time) } })
    }
    const event = await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { organisationId: true } })
    await audit(tx, {
      organisationId: event.organisationId,
      actorUserId: actor.userId,
      action: 'registration.waitlistMove',
      entityType: 'Registration',
      entityId: registrationId,
      details: { from: index + 1, to: position },
    })
    return { name, position, moved: true }
  }, TX)
}

/**
 * What a capacity change can do to the waiting list, for the edit form to say it beforehand:
 * seats go to waiting people only on a published event whose list is on (as fillFreedSeats).
 */
export async function waitingListState(eventId: string) {
  const event = await prisma.event.findUniqueOrThrow({ where: { id: eventId } })
  const waiting = await prisma.registration.count({ where: { eventId, status: 'waitlisted' } })
  return {
    capacity: event.capacity,
    seatsTaken: event.seatsTaken,
    waiting,
    offersOnRaise: event.status === 'published' && event.waitlistEnabled,
  }
}

/** What saving this capacity will do: how many waiting people get an offer (in their order). */
export async function capacityChangePreview(eventId: string, capacity: number | null) {
  const state = await waitingListState(eventId)
  return { offers: state.offersOnRaise ? offersToMake(capacity, state.seatsTaken, state.waiting) : 0 }
}

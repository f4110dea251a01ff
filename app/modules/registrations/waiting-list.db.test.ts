// The organisers' waiting list: the queue in order with places, a seat offered to one person now
// (the capacity raised by one when full), moving up, and the offers a capacity change will make.
import { describe, expect, test } from 'vitest'
import { register } from '#app/composition/registrations.server.ts'
import { prisma } from '#app/db.server.ts'
import { makeEvent, makeOrganisation, makeUser, person } from '#tests/support/factories.ts'
import { setEventCapacity } from './service.server.ts'
import { capacityChangePreview, moveInWaitingList, offerSeatNow, waitingQueue } from './waiting-list.server.ts'

async function fullEventWithQueue(waiting: number) {
  const org = await makeOrganisation()
  const event = await makeEvent(org.id, { capacity: 1 })
  await prisma.event.update({ where: { id: event.id }, data: { waitlistEnabled: true } })
  await register(event.id, person())
  const queue: string[] = []
  for (let i = 0; i < waiting; i++) {
    const r = await register(event.id, { ...person(), lastName: `Attente ${String.fromCharCode(90 - i)}` })
    expect(r.outcome).toBe('waitlisted')
    queue.push(r.registration.id)
  }
  return { event, queue, actor: { userId: (await makeUser()).id } }
}

describe('the waiting list', () => {
  test('is listed in the order seats are offered, with each place, not by name', async () => {
    const { event, queue } = await fullEventWithQueue(3)
    const listed = await waitingQueue(event.id)
    expect(listed.map((r) => r.id)).toEqual(queue)
    expect(listed.map((r) => r.position)).toEqual([1, 2, 3])
  })

  test('the third person in the queue is offered a seat now; the capacity grows by one and says so', async () => {
    const { event, queue, actor } = await fullEventWithQueue(3)
    await expect(offerSeatNow(event.id, queue[2]!, actor)).rejects.toMatchObject({ status: 409, code: 'capacity_raise_unconfirmed' })
    expect(await prisma.registration.count({ where: { eventId: event.id, status: 'offered' } })).toBe(0)
    const result = await offerSeatNow(event.id, queue[2]!, actor, { raiseCapacity: true })
    expect(result.capacityRaisedTo).toBe(2)
    const third = await prisma.registration.findUniqueOrThrow({ where: { id: queue[2]! } })
    expect(third.status).toBe('offered')
    expect(await prisma.emailMessage.count({ where: { template: 'waitlist-offer', toAddress: third.email } })).toBe(1)
    const after = await prisma.event.findUniqueOrThrow({ where: { id: event.id } })
    expect({ capacity: after.capacity, seatsTaken: after.seatsTaken }).toEqual({ capacity: 2, seatsTaken: 2 })
    expect((await waitingQueue(event.id)).map((r) => r.id)).toEqual(queue.slice(0, 2))
    await expect(offerSeatNow(event.id, queue[2]!, actor, { raiseCapacity: true })).rejects.toMatchObject({
      status: 409,
      code: 'not_waitlisted',
    })
    expect(await prisma.auditLog.count({ where: { action: 'registration.offerNow', entityId: queue[2]! } })).toBe(1)
  })

  test('moving up swaps places; to the top puts them first; the next free seat follows the new order', async () => {
    const { event, queue, actor } = await fullEventWithQueue(4)
    expect(await moveInWaitingList(event.id, queue[2]!, 'up', actor)).toMatchObject({ position: 2, moved: true })
    expect((await waitingQueue(event.id)).map((r) => r.id)).toEqual([queue[0], queue[2], queue[1], queue[3]])
    expect(await moveInWaitingList(event.id, queue[3]!, 'top', actor)).toMatchObject({ position: 1, moved: true })
    const order = [queue[3], queue[0], queue[2], queue[1]]
    expect((await waitingQueue(event.id)).map((r) => r.id)).toEqual(order)
    expect(await moveInWaitingList(event.id, queue[3]!, 'up', actor)).toMatchObject({ position: 1, moved: false })

    expect(await capacityChangePreview(event.id, 3)).toEqual({ offers: 2 })
    expect(await setEventCapacity(event.id, 3)).toBe(2)
    const offered = await prisma.registration.findMany({ where: { eventId: event.id, status: 'offered' }, select: { id: true } })
    expect(offered.map((r) => r.id).sort()).toEqual([order[0], order[1]].sort())
    expect(await capacityChangePreview(event.id, 10)).toEqual({ offers: 2 })
    expect(await capacityChangePreview(event.id, null)).toEqual({ offers: 2 })
  })
})

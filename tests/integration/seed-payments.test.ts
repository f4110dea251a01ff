// The demo paid conference: tickets, counters in step with the registrations, receipts numbered
// without gaps, payments in each state, and a transfer registration that can be confirmed.
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/db.server.ts'
import { confirmPayment } from '#app/modules/payments/service.server.ts'
import { seedDemoData } from '../../prisma/seed.ts'
import { seedDemoPayments } from '../../prisma/seed/payments.ts'

describe('demo paid conference', () => {
  test('tickets, payments in each state, consistent counters and gapless receipts', async () => {
    await seedDemoData(prisma)
    expect(await seedDemoPayments(prisma)).toEqual({ seeded: false })
    const org = await prisma.organisation.findUniqueOrThrow({ where: { slug: 'cress-occitanie' } })
    expect(org.iban).toBeTruthy()
    const event = await prisma.event.findUniqueOrThrow({
      where: { slug: 'rencontres-ess-occitanie-toulouse' },
      include: { ticketTypes: { orderBy: { position: 'asc' } } },
    })
    expect(event.ticketTypes.map((t) => [t.name, t.priceCents, t.quota])).toEqual([
      ['Plein tarif', 4500, null],
      ['Tarif réduit', 2000, 40],
      ['Gratuit pour les bénévoles', 0, 20],
    ])
    const holding = await prisma.registration.count({ where: { eventId: event.id, status: { in: ['confirmed', 'pending_payment'] } } })
    expect(event.seatsTaken).toBe(holding)
    for (const t of event.ticketTypes) {
      expect(t.sold).toBe(
        await prisma.registration.count({ where: { ticketTypeId: t.id, status: { in: ['confirmed', 'pending_payment'] } } }),
      )
    }
    const payments = await prisma.payment.findMany({ where: { registration: { eventId: event.id } } })
    expect(new Set(payments.map((p) => p.status))).toEqual(new Set(['paid', 'pending']))
    expect(new Set(payments.map((p) => p.method))).toEqual(new Set(['transfer', 'purchase_order']))
    const receipts = payments.flatMap((p) => (p.receiptNumber ? [p.receiptNumber] : [])).sort((a, b) => a - b)
    expect(receipts).toEqual(Array.from({ length: receipts.length }, (_, i) => i + 1))
    expect(org.lastReceiptNumber).toBe(receipts.length)

    // An organiser confirming a pending transfer gets the next receipt number.
    const pending = payments.find((p) => p.status === 'pending' && p.method === 'transfer')!
    expect(await prisma.$transaction((tx) => confirmPayment(tx, pending.id, { now: new Date() }))).toEqual({ outcome: 'confirmed' })
    expect((await prisma.payment.findUniqueOrThrow({ where: { id: pending.id } })).receiptNumber).toBe(receipts.length + 1)
  })
})

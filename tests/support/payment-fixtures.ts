// Paid-ticket test data: ticket types and payment settings on an event (integration tests only).
import { prisma } from '#app/db.server.ts'

export async function makeTicketType(
  eventId: string,
  overrides: Partial<{
    name: string
    kind: string
    priceCents: number
    quota: number | null
    salesStartAt: Date | null
    salesEndAt: Date | null
    archivedAt: Date | null
    position: number
  }> = {},
) {
  const priceCents = overrides.priceCents ?? 4500
  return prisma.ticketType.create({
    data: {
      eventId,
      name: overrides.name ?? (priceCents > 0 ? 'Plein tarif' : 'Gratuit'),
      kind: overrides.kind ?? (priceCents > 0 ? 'paid' : 'free'),
      priceCents,
      quota: overrides.quota ?? null,
      salesStartAt: overrides.salesStartAt ?? null,
      salesEndAt: overrides.salesEndAt ?? null,
      archivedAt: overrides.archivedAt ?? null,
      position: overrides.position ?? 0,
    },
  })
}

export async function setPaymentSettings(
  eventId: string,
  data: Partial<{
    acceptsCard: boolean
    acceptsTransfer: boolean
    acceptsPurchaseOrder: boolean
    paymentHoldMinutes: number
    refundDeadline: Date | null
    refundFeeCents: number
  }>,
) {
  return prisma.event.update({ where: { id: eventId }, data })
}

export async function setBankDetails(organisationId: string) {
  return prisma.organisation.update({
    where: { id: organisationId },
    data: {
      legalName: 'CRESS Occitanie',
      address: '1 rue de la République, 31000 Toulouse',
      siret: '12345678901234',
      iban: 'FR7630006000011234567890189',
      bic: 'AGRIFRPPXXX',
      bankAccountHolder: 'CRESS Occitanie',
    },
  })
}

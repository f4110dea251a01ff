// A published paid conference of its own for each payment test, in one test organisation whose
// legal and bank details are complete (receipts print them; transfer instructions give the IBAN).
// The organisation is created once with the same details whichever test file gets there first.
import { randomBytes } from 'node:crypto'
import { e2eDb } from './fixtures.ts'

const DAY = 24 * 3600_000

export async function createPaidEvent(methods: { acceptsCard: boolean; acceptsTransfer: boolean; acceptsPurchaseOrder: boolean }) {
  const prisma = await e2eDb()
  const upsert = () =>
    prisma.organisation.upsert({
      where: { slug: 'e2e-paiements' },
      update: {},
      create: {
        slug: 'e2e-paiements',
        name: 'CRESS Paiements',
        region: 'Occitanie',
        legalName: 'Chambre régionale de l’ESS de test',
        address: '1 rue de la Paix, 31000 Toulouse',
        siret: '12345678901234',
        iban: 'FR7630006000011234567890189',
        bic: 'AGRIFRPPXXX',
        bankAccountHolder: 'CRESS Paiements',
      },
    })
  // Two files creating it at once: the loser of the unique slug reads the winner's row.
  const org = await upsert().catch(upsert)
  const id = randomBytes(4).toString('hex')
  const startsAt = new Date(Date.now() + 30 * DAY)
  const event = await prisma.event.create({
    data: {
      organisationId: org.id,
      slug: `e2e-payant-${id}`,
      kind: 'conference',
      title: `Rencontres payantes de l’ESS ${id}`,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 8 * 3600_000),
      capacity: 50,
      status: 'published',
      visibility: 'public',
      venueName: 'Halle aux grains',
      town: 'Toulouse',
      departement: '31',
      ...methods,
      refundDeadline: new Date(startsAt.getTime() - 7 * DAY),
      refundFeeCents: 500,
    },
  })
  await prisma.ticketType.createMany({
    data: [
      { eventId: event.id, kind: 'paid', name: 'Plein tarif', priceCents: 4500, position: 0 },
      { eventId: event.id, kind: 'reduced', name: 'Tarif réduit', priceCents: 2000, quota: 1, sold: 1, position: 1 },
      { eventId: event.id, kind: 'free', name: 'Gratuit pour les bénévoles', priceCents: 0, quota: 20, position: 2 },
    ],
  })
  return event
}

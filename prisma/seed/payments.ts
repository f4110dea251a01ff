// Demo paid conference: ticket types (full price, reduced, free for volunteers), bank transfer and
// purchase orders accepted (card only appears once Stripe keys are configured), registrations in
// each payment state — paid with a receipt, awaiting a transfer or a purchase order, free — and
// the CRESS Occitanie's legal and bank details printed on receipts. Dates are relative to now so
// the conference is always upcoming.
import { createHash, randomBytes } from 'node:crypto'
import type { Tx } from '#app/db.server.ts'

const DAY = 24 * 60 * 60 * 1000
const SLUG = 'rencontres-ess-occitanie-toulouse'

function newId() {
  return 'c' + [...randomBytes(24)].map((b) => (b % 36).toString(36)).join('')
}
function ticketCode() {
  const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  return [...randomBytes(10)].map((b) => BASE32[b & 31]).join('')
}
function unusableManageTokenHash() {
  return createHash('sha256').update(randomBytes(32)).digest('hex')
}
function searchText(...parts: string[]) {
  return parts
    .join(' ')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
}

type Demo = {
  firstName: string
  lastName: string
  organisationName: string
  organisationType: string
  departement: string
  ticket: 'full' | 'reduced' | 'free'
  state: 'paid' | 'pending' | 'free' | 'cancelled_refund'
  method?: 'card' | 'transfer' | 'purchase_order'
  purchaseOrderNumber?: string
}

const PEOPLE: Demo[] = [
  {
    firstName: 'Aurélie',
    lastName: 'Cazals',
    organisationName: 'SCOP Les Ateliers du Sud',
    organisationType: 'cooperative',
    departement: '31',
    ticket: 'full',
    state: 'paid',
    method: 'transfer',
  },
  {
    firstName: 'Bruno',
    lastName: 'Esquerré',
    organisationName: 'Mairie de Castelnaudary',
    organisationType: 'collectivite',
    departement: '11',
    ticket: 'full',
    state: 'paid',
    method: 'purchase_order',
    purchaseOrderNumber: 'BC-2026-0412',
  },
  {
    firstName: 'Salomé',
    lastName: 'Vidal',
    organisationName: 'Association Vélo Cité',
    organisationType: 'association',
    departement: '34',
    ticket: 'reduced',
    state: 'paid',
    method: 'transfer',
  },
  {
    firstName: 'Nicolas',
    lastName: 'Fourcade',
    organisationName: 'Mutuelle Solidaire du Tarn',
    organisationType: 'mutuelle',
    departement: '81',
    ticket: 'full',
    state: 'pending',
    method: 'transfer',
  },
  {
    firstName: 'Fatima',
    lastName: 'Ouali',
    organisationName: 'Université Toulouse Capitole',
    organisationType: 'etudiant',
    departement: '31',
    ticket: 'reduced',
    state: 'pending',
    method: 'transfer',
  },
  {
    firstName: 'Gérard',
    lastName: 'Pujol',
    organisationName: 'Communauté de communes du Lauragais',
    organisationType: 'collectivite',
    departement: '11',
    ticket: 'full',
    state: 'pending',
    method: 'purchase_order',
    purchaseOrderNumber: 'CCL-2026-118',
  },
  {
    firstName: 'Manon',
    lastName: 'Lacoste',
    organisationName: 'Bénévole — CRESS Occitanie',
    organisationType: 'association',
    departement: '31',
    ticket: 'free',
    state: 'free',
  },
  {
    firstName: 'Hugo',
    lastName: 'Barthe',
    organisationName: 'Bénévole — Recyclerie du Lauragais',
    organisationType: 'association',
    departement: '11',
    ticket: 'free',
    state: 'free',
  },
  {
    firstName: 'Claire',
    lastName: 'Roques',
    organisationName: 'SCIC Énergie Citoyenne',
    organisationType: 'cooperative',
    departement: '66',
    ticket: 'full',
    state: 'cancelled_refund',
    method: 'transfer',
  },
]

export async function seedDemoPayments(tx: Tx, opts: { now?: Date } = {}) {
  const now = opts.now ?? new Date()
  const org = await tx.organisation.findUnique({ where: { slug: 'cress-occitanie' }, select: { id: true } })
  if (!org || (await tx.event.findUnique({ where: { slug: SLUG } }))) return { seeded: false }
  const startsAt = new Date(now.getTime() + 45 * DAY)
  startsAt.setUTCHours(7, 30, 0, 0)
  const endsAt = new Date(startsAt.getTime() + 9 * 60 * 60 * 1000)
  const eventId = newId()
  const ids = { full: newId(), reduced: newId(), free: newId() }
  const price = { full: 4500, reduced: 2000, free: 0 }

  // Paid first: receipts numbered 1, 2, 3 in payment order.
  let receipt = 0
  const registrations = []
  const payments = []
  const sold = { full: 0, reduced: 0, free: 0 }
  let seats = 0
  for (const [i, p] of PEOPLE.entries()) {
    const id = newId()
    const createdAt = new Date(now.getTime() - (20 - i) * DAY)
    const email =
      `${p.firstName}.${p.lastName}`
        .normalize('NFD')
        .replace(/\p{Diacritic}/gu, '')
        .toLowerCase()
        .replace(/[^a-z.]/g, '') + '@demo-paiement.example'
    const status = p.state === 'pending' ? 'pending_payment' : p.state === 'cancelled_refund' ? 'cancelled' : 'confirmed'
    if (status !== 'cancelled') {
      seats++
      sold[p.ticket]++
    }
    registrations.push({
      id,
      eventId,
      firstName: p.firstName,
      lastName: p.lastName,
      email,
      organisationName: p.organisationName,
      organisationType: p.organisationType,
      departement: p.departement,
      locale: 'fr',
      consentAt: createdAt,
      status,
      manageTokenHash: unusableManageTokenHash(),
      ticketCode: ticketCode(),
      source: 'form',
      searchText: searchText(p.firstName, p.lastName, email, p.organisationName),
      ticketTypeId: ids[p.ticket],
      cancelledAt: status === 'cancelled' ? new Date(createdAt.getTime() + 5 * DAY) : null,
      cancelReason: status === 'cancelled' ? 'attendee' : null,
      createdAt,
    })
    if (p.ticket === 'free' || !p.method) continue
    const paid = p.state === 'paid' || p.state === 'cancelled_refund'
    payments.push({
      id: newId(),
      organisationId: org.id,
      registrationId: id,
      method: p.method,
      status: paid ? 'paid' : 'pending',
      amountCents: price[p.ticket],
      reference: `ESS-DEMO${String(i + 1).padStart(4, '0')}`,
      purchaseOrderNumber: p.purchaseOrderNumber ?? null,
      paidAt: paid ? new Date(createdAt.getTime() + 3 * DAY) : null,
      receiptNumber: paid ? ++receipt : null,
      // A transfer-paid ticket cancelled before the deadline: the organisers refund it by transfer.
      refundStatus: p.state === 'cancelled_refund' ? 'pending' : 'none',
      refundCents: p.state === 'cancelled_refund' ? price[p.ticket] - 500 : null,
      refundFeeCents: p.state === 'cancelled_refund' ? 500 : null,
      createdAt,
    })
  }

  await tx.organisation.update({
    where: { id: org.id },
    data: {
      address: '6 place du Capitole, 31000 Toulouse',
      siret: '42332109800047',
      vatMention: 'TVA non applicable, art. 293 B du CGI',
      iban: 'FR7630006000011234567890189',
      bic: 'AGRIFRPPXXX',
      bankAccountHolder: 'CRESS Occitanie',
      lastReceiptNumber: receipt,
    },
  })
  await tx.event.create({
    data: {
      id: eventId,
      organisationId: org.id,
      slug: SLUG,
      kind: 'conference',
      title: 'Rencontres régionales de l’ESS en Occitanie',
      description:
        'Une journée pour les acteurs de l’économie sociale et solidaire de la région : plénière d’ouverture, tables rondes sur les achats publics responsables et la transition écologique, temps d’échange entre réseaux.\n\nL’inscription est payante (tarif réduit pour les étudiants, les demandeurs d’emploi et les petites associations ; gratuite pour les bénévoles). Paiement par virement ou par mandat administratif.',
      startsAt,
      endsAt,
      timeZone: 'Europe/Paris',
      venueName: 'Hôtel de Région',
      address: '22 boulevard du Maréchal Juin',
      town: 'Toulouse',
      departement: '31',
      capacity: 150,
      seatsTaken: seats,
      status: 'published',
      visibility: 'public',
      contactEmail: 'rencontres@cress-occitanie.example',
      acceptsCard: true,
      acceptsTransfer: true,
      acceptsPurchaseOrder: true,
      paymentHoldMinutes: 30,
      refundDeadline: new Date(startsAt.getTime() - 14 * DAY),
      refundFeeCents: 500,
      createdAt: new Date(now.getTime() - 30 * DAY),
    },
  })
  await tx.ticketType.createMany({
    data: [
      {
        id: ids.full,
        eventId,
        kind: 'paid',
        name: 'Plein tarif',
        nameEn: 'Full price',
        priceCents: price.full,
        quota: null,
        sold: sold.full,
        position: 0,
      },
      {
        id: ids.reduced,
        eventId,
        kind: 'reduced',
        name: 'Tarif réduit',
        nameEn: 'Reduced price',
        description: 'Étudiants, demandeurs d’emploi, petites associations (moins de 2 salariés).',
        priceCents: price.reduced,
        quota: 40,
        sold: sold.reduced,
        position: 1,
      },
      {
        id: ids.free,
        eventId,
        kind: 'free',
        name: 'Gratuit pour les bénévoles',
        nameEn: 'Free for volunteers',
        priceCents: 0,
        quota: 20,
        sold: sold.free,
        position: 2,
      },
    ],
  })
  await tx.registration.createMany({ data: registrations })
  await tx.payment.createMany({ data: payments })
  return { seeded: true }
}

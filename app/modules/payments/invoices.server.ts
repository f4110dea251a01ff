// Invoices (factures) and credit notes (avoirs) of paid tickets paid by transfer or purchase
// order: issued with the pending payment (the buyer's accounting office pays against it), marked
// acquittée when the payment arrives, credited on cancellation or refund; never deleted nor
// renumbered. Numbers come from InvoiceCounter, moved by one upsert inside the issuing
// transaction: the row lock (PostgreSQL) or the single writer (SQLite) serialises concurrent
// orders, and a rolled-back order gives its number back with the rollback, so there is no gap.
import { prisma, type Tx } from '#app/db.server.ts'
import { invoiceDueDate, invoiceTotals, needsInvoice, vatMentionFor, type InvoiceKind } from './invoice-rules.ts'

export type Buyer = {
  legalName?: string | null
  address?: string | null
  siret?: string | null
  serviceCode?: string | null
}

export type SellerSnapshot = {
  name: string
  address: string | null
  siret: string | null
  vatMention: string | null
  iban: string | null
  bic: string | null
  holder: string | null
}

/** The next number of `kind` for the organisation, in the caller's transaction. */
export async function nextInvoiceNumber(tx: Tx, organisationId: string, kind: InvoiceKind): Promise<number> {
  const rows = await tx.$queryRaw<{ last: number | bigint }[]>`
    INSERT INTO "InvoiceCounter" ("organisationId", "kind", "last") VALUES (${organisationId}, ${kind}, 1)
    ON CONFLICT ("organisationId", "kind") DO UPDATE SET "last" = "InvoiceCounter"."last" + 1
    RETURNING "last"`
  return Number(rows[0]!.last)
}

async function sellerOf(tx: Tx, organisationId: string): Promise<SellerSnapshot> {
  const org = await tx.organisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: { name: true, legalName: true, address: true, siret: true, vatMention: true, iban: true, bic: true, bankAccountHolder: true },
  })
  return {
    name: org.legalName || org.name,
    address: org.address,
    siret: org.siret,
    vatMention: org.vatMention,
    iban: org.iban,
    bic: org.bic,
    holder: org.bankAccountHolder || org.legalName || org.name,
  }
}

const clean = (v: string | null | undefined) => v?.trim() || null

/**
 * Issues the invoice of a pending transfer or purchase-order payment (nothing for a card, nor
 * when the payment already has one). Prices are TTC; no VAT is charged (the organisation's
 * exemption mention, art. 293 B by default).
 */
export async function issueInvoiceForPayment(tx: Tx, paymentId: string, now: Date, buyer: Buyer = {}) {
  const payment = await tx.payment.findUniqueOrThrow({
    where: { id: paymentId },
    include: {
      registration: {
        select: {
          id: true,
          firstName: true,
          lastName: true,
          email: true,
          organisationName: true,
          ticketType: { select: { name: true } },
          event: { select: { title: true } },
        },
      },
    },
  })
  if (!needsInvoice(payment.method) || payment.amountCents <= 0) return null
  const existing = await tx.invoice.findFirst({ where: { paymentId, kind: 'invoice' } })
  if (existing) return existing
  const seller = await sellerOf(tx, payment.organisationId)
  const r = payment.registration
  const vatRateBp = 0
  const lines = [
    {
      position: 1,
      label: `${r.event.title} — ${r.ticketType?.name ?? ''} — ${r.firstName} ${r.lastName}`.replace(/ — {2}/, ' — '),
      quantity: 1,
      unitPriceCents: payment.amountCents,
      totalCents: payment.amountCents,
    },
  ]
  const totals = invoiceTotals(lines, vatRateBp)
  const number = await nextInvoiceNumber(tx, payment.organisationId, 'invoice')
  return tx.invoice.create({
    data: {
      organisationId: payment.organisationId,
      kind: 'invoice',
      number,
      paymentId,
      registrationId: r.id,
      issuedAt: now,
      dueAt: invoiceDueDate(now),
      seller: JSON.stringify(seller),
      buyerName: clean(buyer.legalName) || clean(r.organisationName) || `${r.firstName} ${r.lastName}`,
      buyerAddress: clean(buyer.address),
      buyerSiret: clean(buyer.siret)?.replace(/\D/g, '') || null,
      buyerEmail: r.email,
      serviceCode: clean(buyer.serviceCode),
      engagementNumber: payment.purchaseOrderNumber,
      paymentMethod: payment.method,
      paymentReference: payment.reference,
      ...totals,
      vatRateBp,
      vatMention: vatMentionFor(vatRateBp, seller.vatMention),
      lines: { create: lines },
    },
  })
}

/** The payment arrived: its invoice is acquittée (paidAt recorded once). */
export async function markInvoicePaid(tx: Tx, paymentId: string, paidAt: Date) {
  await tx.invoice.updateMany({ where: { paymentId, kind: 'invoice', paidAt: null }, data: { paidAt } })
}

/**
 * Credits the invoice of a payment: the whole amount when the order is cancelled before payment,
 * the refund when a paid one is refunded. Once per invoice (a second call returns the first note).
 */
export async function issueCreditNoteForPayment(tx: Tx, paymentId: string, now: Date, amountCents?: number) {
  const invoice = await tx.invoice.findFirst({ where: { paymentId, kind: 'invoice' }, include: { lines: true } })
  if (!invoice) return null
  const already = await tx.invoice.findFirst({ where: { creditedInvoiceId: invoice.id, kind: 'credit_note' } })
  if (already) return already
  const cents = Math.min(amountCents ?? invoice.totalInclTaxCents, invoice.totalInclTaxCents)
  if (cents <= 0) return null
  const label = invoice.lines[0]?.label ?? ''
  const lines = [{ position: 1, label, quantity: 1, unitPriceCents: cents, totalCents: cents }]
  const totals = invoiceTotals(lines, invoice.vatRateBp)
  const number = await nextInvoiceNumber(tx, invoice.organisationId, 'credit_note')
  return tx.invoice.create({
    data: {
      organisationId: invoice.organisationId,
      kind: 'credit_note',
      number,
      paymentId,
      registrationId: invoice.registrationId,
      creditedInvoiceId: invoice.id,
      issuedAt: now,
      seller: invoice.seller,
      buyerName: invoice.buyerName,
      buyerAddress: invoice.buyerAddress,
      buyerSiret: invoice.buyerSiret,
      buyerEmail: invoice.buyerEmail,
      serviceCode: invoice.serviceCode,
      engagementNumber: invoice.engagementNumber,
      paymentMethod: invoice.paymentMethod,
      paymentReference: invoice.paymentReference,
      ...totals,
      vatRateBp: invoice.vatRateBp,
      vatMention: invoice.vatMention,
      lines: { create: lines },
    },
  })
}

export type InvoiceDocument = NonNullable<Awaited<ReturnType<typeof getInvoice>>>

const WITH_LINES = { lines: { orderBy: { position: 'asc' as const } } }

/** One invoice or credit note of the organisation, with its lines and the invoice it credits. */
export async function getInvoice(organisationId: string, invoiceId: string, db: Tx = prisma) {
  const invoice = await db.invoice.findFirst({ where: { id: invoiceId, organisationId }, include: WITH_LINES })
  if (!invoice) return null
  const credited = invoice.creditedInvoiceId
    ? await db.invoice.findUnique({ where: { id: invoice.creditedInvoiceId }, select: { number: true, issuedAt: true } })
    : null
  return { ...invoice, sellerDetails: JSON.parse(invoice.seller) as SellerSnapshot, credited }
}

/** The invoices of a registration (for its manage link), oldest first. */
export async function invoicesOfRegistration(registrationId: string) {
  return prisma.invoice.findMany({
    where: { registrationId },
    orderBy: [{ issuedAt: 'asc' }, { number: 'asc' }],
    select: { id: true, organisationId: true, kind: true, number: true, issuedAt: true, paidAt: true, totalInclTaxCents: true },
  })
}

/** The invoices and credit notes issued in [from, to), by kind then number. */
export async function invoicesOfPeriod(organisationId: string, from: Date, to: Date) {
  const rows = await prisma.invoice.findMany({
    where: { organisationId, issuedAt: { gte: from, lt: to } },
    include: WITH_LINES,
    orderBy: [{ kind: 'asc' }, { number: 'asc' }],
  })
  const numbers = new Map(rows.map((r) => [r.id, r.number]))
  const missing = rows.filter((r) => r.creditedInvoiceId && !numbers.has(r.creditedInvoiceId)).map((r) => r.creditedInvoiceId!)
  if (missing.length > 0) {
    for (const r of await prisma.invoice.findMany({ where: { id: { in: missing } }, select: { id: true, number: true, issuedAt: true } }))
      numbers.set(r.id, r.number)
  }
  const issued = new Map(rows.map((r) => [r.id, r.issuedAt]))
  return rows.map((r) => ({
    ...r,
    sellerDetails: JSON.parse(r.seller) as SellerSnapshot,
    credited: r.creditedInvoiceId
      ? { number: numbers.get(r.creditedInvoiceId)!, issuedAt: issued.get(r.creditedInvoiceId) ?? r.issuedAt }
      : null,
  }))
}

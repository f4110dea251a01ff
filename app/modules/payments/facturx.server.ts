// The invoice as a person reads it (pdfkit, DejaVu Sans) and as an accounting system reads it:
// Factur-X EN 16931, i.e. the same PDF turned PDF/A-3 with the CII XML embedded, by
// @e-invoice-eu/core from the invoice's data.
import { InvoiceService, type Invoice as EInvoice } from '@e-invoice-eu/core'
import { createPdf, MM, pdfBuffer } from '#app/shared/pdf.server.ts'
import { formatIban } from '#app/modules/organisations/legal.ts'
import { formatDate } from '#app/shared/time.ts'
import { decimalAmount, formatInvoiceNumber, formatSiret, splitAddress, type InvoiceKind } from './invoice-rules.ts'
import type { InvoiceDocument } from './invoices.server.ts'
import { formatEuros } from './rules.ts'

const TZ = 'Europe/Paris'
const quiet = { log() {}, warn() {}, error() {} }

const numberOf = (inv: Pick<InvoiceDocument, 'kind' | 'number'>) => formatInvoiceNumber(inv.kind as InvoiceKind, inv.number)
const isoDate = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(d)

/** The visible invoice (French: the document of a French seller). */
export async function renderInvoicePdf(inv: InvoiceDocument): Promise<Buffer> {
  const credit = inv.kind === 'credit_note'
  const number = numberOf(inv)
  const title = `${credit ? 'Avoir' : 'Facture'} n° ${number}`
  const doc = createPdf({ title, lang: 'fr', author: inv.sellerDetails.name })
  const s = inv.sellerDetails
  const left = doc.page.margins.left
  const width = doc.page.width - left - doc.page.margins.right
  doc.font('bold').fontSize(14).text(s.name)
  doc.font('body').fontSize(10)
  if (s.address) doc.text(s.address)
  if (s.siret) doc.text(`SIRET : ${formatSiret(s.siret)}`)
  doc.moveDown()
  doc.font('bold').fontSize(18).text(title)
  doc.font('body').fontSize(10)
  doc.text(`Date : ${formatDate('fr', inv.issuedAt, TZ)}`)
  if (inv.credited)
    doc.text(
      `Avoir sur la facture n° ${formatInvoiceNumber('invoice', inv.credited.number)} du ${formatDate('fr', inv.credited.issuedAt, TZ)}`,
    )
  if (inv.dueAt && !credit) doc.text(`Échéance : ${formatDate('fr', inv.dueAt, TZ)} (30 jours)`)
  doc.moveDown()
  doc.font('bold').text('Facturé à')
  doc.font('body').text(inv.buyerName)
  if (inv.buyerAddress) doc.text(inv.buyerAddress)
  if (inv.buyerSiret) doc.text(`SIRET : ${formatSiret(inv.buyerSiret)}`)
  if (inv.serviceCode) doc.text(`Code service Chorus Pro : ${inv.serviceCode}`)
  if (inv.engagementNumber) doc.text(`N° d’engagement (bon de commande) : ${inv.engagementNumber}`)
  doc.moveDown()
  doc.font('bold').text('Désignation', left, doc.y, { continued: false })
  for (const l of inv.lines) {
    doc.font('body').text(`${l.quantity} × ${l.label}`, left, doc.y, { width: width - 40 * MM })
    doc.text(formatEuros(l.totalCents), left, doc.y - doc.currentLineHeight(), { width, align: 'right' })
  }
  doc.moveDown()
  const total = (label: string, cents: number) => doc.text(`${label} : ${formatEuros(cents)}`, left, doc.y, { width, align: 'right' })
  total('Total HT', inv.totalExclTaxCents)
  total('TVA', inv.vatCents)
  doc.font('bold')
  total(credit ? 'Total TTC à créditer' : 'Total TTC', inv.totalInclTaxCents)
  doc.font('body')
  if (inv.vatMention) doc.text(inv.vatMention, left, doc.y)
  doc.moveDown()
  if (!credit) {
    if (inv.paidAt) {
      doc
        .font('bold')
        .fontSize(14)
        .text(`ACQUITTÉE le ${formatDate('fr', inv.paidAt, TZ)}`, left, doc.y)
      doc.font('body').fontSize(10)
    } else {
      doc.font('bold').text('Règlement', left, doc.y)
      doc.font('body')
      doc.text(inv.paymentMethod === 'purchase_order' ? 'Par mandat administratif, sur cette facture.' : 'Par virement bancaire.')
      if (s.iban) doc.text(`IBAN : ${formatIban(s.iban)}`)
      if (s.bic) doc.text(`BIC : ${s.bic}`)
      if (s.holder) doc.text(`Titulaire : ${s.holder}`)
      doc.text(`Référence à rappeler : ${number}${inv.paymentReference ? ` (${inv.paymentReference})` : ''}`)
      doc.text('Pénalités de retard : trois fois le taux d’intérêt légal ; indemnité forfaitaire pour frais de recouvrement : 40 €.')
    }
  }
  return pdfBuffer(doc)
}

function party(name: string, address: string | null, siret: string | null) {
  const a = splitAddress(address)
  return {
    'cac:PostalAddress': {
      ...(a.lines[0] ? { 'cbc:StreetName': a.lines[0] } : {}),
      ...(a.lines[1] ? { 'cbc:AdditionalStreetName': a.lines[1] } : {}),
      ...(a.city ? { 'cbc:CityName': a.city } : {}),
      ...(a.postcode ? { 'cbc:PostalZone': a.postcode } : {}),
      'cac:Country': { 'cbc:IdentificationCode': 'FR' },
    },
    'cac:PartyLegalEntity': {
      'cbc:RegistrationName': name,
      ...(siret ? { 'cbc:CompanyID': siret, 'cbc:CompanyID@schemeID': '0009' } : {}),
    },
  }
}

/** The invoice in the library's internal format (UBL-shaped JSON), EN 16931. */
export function eInvoiceData(inv: InvoiceDocument): EInvoice {
  const s = inv.sellerDetails
  const credit = inv.kind === 'credit_note'
  const eur = (cents: number) => decimalAmount(cents)
  const exempt = inv.vatRateBp === 0
  const category = exempt ? 'E' : 'S'
  const percent = String(inv.vatRateBp / 100)
  const data = {
    'ubl:Invoice': {
      'cbc:CustomizationID': 'urn:cen.eu:en16931:2017',
      'cbc:ID': numberOf(inv),
      'cbc:IssueDate': isoDate(inv.issuedAt),
      ...(inv.dueAt && !credit ? { 'cbc:DueDate': isoDate(inv.dueAt) } : {}),
      'cbc:InvoiceTypeCode': credit ? '381' : '380',
      ...(inv.vatMention ? { 'cbc:Note': inv.vatMention } : {}),
      'cbc:DocumentCurrencyCode': 'EUR',
      ...(inv.serviceCode ? { 'cbc:BuyerReference': inv.serviceCode } : {}),
      ...(inv.engagementNumber ? { 'cac:OrderReference': { 'cbc:ID': inv.engagementNumber } } : {}),
      ...(inv.credited
        ? {
            'cac:BillingReference': [
              {
                'cac:InvoiceDocumentReference': {
                  'cbc:ID': formatInvoiceNumber('invoice', inv.credited.number),
                  'cbc:IssueDate': isoDate(inv.credited.issuedAt),
                },
              },
            ],
          }
        : {}),
      'cac:AccountingSupplierParty': { 'cac:Party': party(s.name, s.address, s.siret) },
      'cac:AccountingCustomerParty': { 'cac:Party': party(inv.buyerName, inv.buyerAddress, inv.buyerSiret) },
      // The service is the registration: delivered when ordered (CII requires the delivery block).
      'cac:Delivery': { 'cbc:ActualDeliveryDate': isoDate(inv.issuedAt) },
      ...(s.iban
        ? {
            'cac:PaymentMeans': [
              {
                'cbc:PaymentMeansCode': inv.paymentMethod === 'purchase_order' ? '31' : '30',
                'cbc:PaymentID': numberOf(inv),
                'cac:PayeeFinancialAccount': {
                  'cbc:ID': s.iban,
                  ...(s.holder ? { 'cbc:Name': s.holder } : {}),
                  ...(s.bic ? { 'cac:FinancialInstitutionBranch': { 'cbc:ID': s.bic } } : {}),
                },
              },
            ],
          }
        : {}),
      ...(!credit ? { 'cac:PaymentTerms': { 'cbc:Note': 'Paiement à 30 jours' } } : {}),
      'cac:TaxTotal': [
        {
          'cbc:TaxAmount': eur(inv.vatCents),
          'cbc:TaxAmount@currencyID': 'EUR',
          'cac:TaxSubtotal': [
            {
              'cbc:TaxableAmount': eur(inv.totalExclTaxCents),
              'cbc:TaxableAmount@currencyID': 'EUR',
              'cbc:TaxAmount': eur(inv.vatCents),
              'cbc:TaxAmount@currencyID': 'EUR',
              'cac:TaxCategory': {
                'cbc:ID': category,
                'cbc:Percent': percent,
                ...(exempt && inv.vatMention ? { 'cbc:TaxExemptionReason': inv.vatMention } : {}),
                'cac:TaxScheme': { 'cbc:ID': 'VAT' },
              },
            },
          ],
        },
      ],
      'cac:LegalMonetaryTotal': {
        'cbc:LineExtensionAmount': eur(inv.totalExclTaxCents),
        'cbc:LineExtensionAmount@currencyID': 'EUR',
        'cbc:TaxExclusiveAmount': eur(inv.totalExclTaxCents),
        'cbc:TaxExclusiveAmount@currencyID': 'EUR',
        'cbc:TaxInclusiveAmount': eur(inv.totalInclTaxCents),
        'cbc:TaxInclusiveAmount@currencyID': 'EUR',
        ...(inv.paidAt && !credit ? { 'cbc:PrepaidAmount': eur(inv.totalInclTaxCents), 'cbc:PrepaidAmount@currencyID': 'EUR' } : {}),
        'cbc:PayableAmount': eur(inv.paidAt && !credit ? 0 : inv.totalInclTaxCents),
        'cbc:PayableAmount@currencyID': 'EUR',
      },
      'cac:InvoiceLine': inv.lines.map((l) => {
        // HT per line: with VAT, the line's share of the invoice's HT total.
        const lineExcl = exempt ? l.totalCents : Math.round((l.totalCents * 10_000) / (10_000 + inv.vatRateBp))
        return {
          'cbc:ID': String(l.position),
          'cbc:InvoicedQuantity': String(l.quantity),
          'cbc:InvoicedQuantity@unitCode': 'C62',
          'cbc:LineExtensionAmount': eur(lineExcl),
          'cbc:LineExtensionAmount@currencyID': 'EUR',
          'cac:Item': {
            'cbc:Name': l.label,
            'cac:ClassifiedTaxCategory': { 'cbc:ID': category, 'cbc:Percent': percent, 'cac:TaxScheme': { 'cbc:ID': 'VAT' } },
          },
          'cac:Price': { 'cbc:PriceAmount': eur(Math.round(lineExcl / l.quantity)), 'cbc:PriceAmount@currencyID': 'EUR' },
        }
      }),
    },
  }
  return data as unknown as EInvoice
}

/** The CII XML alone (the zip export carries it beside the PDF). */
export async function invoiceXml(inv: InvoiceDocument): Promise<string> {
  return (await new InvoiceService(quiet).generate(eInvoiceData(inv), { format: 'CII', lang: 'fr-fr', noWarnings: true })) as string
}

/** The Factur-X PDF: the rendered invoice, PDF/A-3, with factur-x.xml embedded. */
export async function facturXPdf(inv: InvoiceDocument): Promise<Buffer> {
  const pdf = await renderInvoicePdf(inv)
  const out = await new InvoiceService(quiet).generate(eInvoiceData(inv), {
    format: 'Factur-X-EN16931',
    lang: 'fr-fr',
    noWarnings: true,
    pdf: { buffer: pdf, filename: `${numberOf(inv)}.pdf`, mimetype: 'application/pdf' },
  })
  return Buffer.from(out as Uint8Array)
}

export function invoiceFilename(inv: Pick<InvoiceDocument, 'kind' | 'number'>) {
  return `${inv.kind === 'credit_note' ? 'avoir' : 'facture'}-${numberOf(inv)}`
}

// The invoices of a period for the accountant and for Chorus Pro: a zip with each document's
// Factur-X PDF and its CII XML, and a CSV journal (also inside the zip).
import { strToU8, zipSync } from 'fflate'
import { BOM, csvField } from '#app/shared/csv.ts'
import { facturXPdf, invoiceFilename, invoiceXml } from './facturx.server.ts'
import { formatInvoiceNumber, formatSiret, type InvoiceKind } from './invoice-rules.ts'
import { invoicesOfPeriod } from './invoices.server.ts'

const JOURNAL_HEADER = ['Numéro', 'Type', 'Date', 'Acheteur', 'SIRET', 'HT', 'TVA', 'TTC', 'Statut', 'Payée le']

const day = (d: Date) => new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris' }).format(d)
const amount = (cents: number) => (cents / 100).toFixed(2).replace('.', ',')

type Row = Awaited<ReturnType<typeof invoicesOfPeriod>>[number]

function status(r: Row) {
  if (r.kind === 'credit_note') return `Avoir sur ${formatInvoiceNumber('invoice', r.credited?.number ?? 0)}`
  return r.paidAt ? 'Acquittée' : 'À payer'
}

export function invoiceJournal(rows: Row[]): string {
  const lines = [JOURNAL_HEADER.join(';')]
  for (const r of rows) {
    lines.push(
      [
        formatInvoiceNumber(r.kind as InvoiceKind, r.number),
        r.kind === 'credit_note' ? 'Avoir' : 'Facture',
        day(r.issuedAt),
        r.buyerName,
        r.buyerSiret ? formatSiret(r.buyerSiret) : '',
        amount(r.totalExclTaxCents),
        amount(r.vatCents),
        amount(r.totalInclTaxCents),
        status(r),
        r.paidAt ? day(r.paidAt) : '',
      ]
        .map((v) => csvField(v))
        .join(';'),
    )
  }
  return BOM + lines.join('\r\n') + '\r\n'
}

/** The documents issued in [from, to): the zip (PDF + XML each, journal.csv) and the journal alone. */
export async function invoiceExport(organisationId: string, from: Date, to: Date) {
  const rows = await invoicesOfPeriod(organisationId, from, to)
  const files: Record<string, Uint8Array> = {}
  for (const r of rows) {
    const name = invoiceFilename(r)
    files[`${name}.pdf`] = new Uint8Array(await facturXPdf(r))
    files[`${name}.xml`] = strToU8(await invoiceXml(r))
  }
  const csv = invoiceJournal(rows)
  files['journal.csv'] = strToU8(csv)
  return { zip: zipSync(files, { level: 6 }), csv, count: rows.length, rows }
}

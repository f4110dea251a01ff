import type { invoices as fr } from '../fr/invoices.ts'

// Invoices and credit notes on the organisers' side: the list of a period and its exports.
export const invoices: Record<keyof typeof fr, string> = {
  'invoices.title': 'Invoices and credit notes',
  'invoices.intro':
    'Invoices are issued with the order for payments by transfer or purchase order, and credit notes on cancellation or refund. None is ever deleted or renumbered.',
  'invoices.period': 'Period',
  'invoices.from': 'From',
  'invoices.to': 'To (inclusive)',
  'invoices.show': 'Show',
  'invoices.exportZip': 'Export (Factur-X PDF + XML, zip)',
  'invoices.exportCsv': 'CSV journal',
  'invoices.count': '{count, plural, =0 {No document in the period} one {# document in the period} other {# documents in the period}}',
  'invoices.col.number': 'Number',
  'invoices.col.date': 'Date',
  'invoices.col.buyer': 'Buyer',
  'invoices.col.total': 'Total incl. tax',
  'invoices.col.status': 'Status',
  'invoices.col.pdf': 'PDF',
  'invoices.kind.invoice': 'Invoice',
  'invoices.kind.credit_note': 'Credit note',
  'invoices.status.paid': 'Paid on {date}',
  'invoices.status.due': 'Due by {date}',
  'invoices.status.credit': 'Credit note on {number}',
  'invoices.download': 'Download {number}',
  'invoices.error.period': 'Give a valid period (one year at most).',
}

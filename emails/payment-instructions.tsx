// Sent when a paid registration waits for a bank transfer or a public-sector order: the amount,
// the reference to quote, and the bank details or purchase-order instructions.
import { translate, type Locale, type MessageKey, type MessageParams } from '#app/utils/i18n.ts'
import { facturXPdf, invoiceFilename } from '#app/modules/payments/facturx.server.ts'
import { getInvoice } from '#app/modules/payments/invoices.server.ts'
import { EventEmail, type EventSummary } from './event-parts.tsx'
import type { EmailAttachment } from './ticket-attachments.ts'

export type PaymentInstructionsProps = {
  event: EventSummary
  firstName: string
  manageUrl: string
  /** Formatted amount, e.g. "45,00 €". */
  amount: string
  ticket: string
  reference: string
  method: 'transfer' | 'purchase_order'
  purchaseOrderNumber?: string | null
  bank?: { holder: string; iban: string; bic: string } | null
  /** The invoice issued with the order, attached as its Factur-X PDF: the document to pay against. */
  invoice?: { id: string; organisationId: string; number: string } | null
}

export const paymentInstructionsSubject = (locale: Locale, p: PaymentInstructionsProps) =>
  translate(locale, 'payments.email.instructions.subject', { title: p.event.title })

export function PaymentInstructions(p: PaymentInstructionsProps & { locale: Locale }) {
  const paragraphs: { key: MessageKey; params?: MessageParams }[] = [
    { key: 'payments.email.instructions.body', params: { amount: p.amount, ticket: p.ticket, reference: p.reference } },
  ]
  if (p.invoice) {
    paragraphs.push({
      key:
        p.method === 'purchase_order' ? 'payments.email.instructions.invoicePurchaseOrder' : 'payments.email.instructions.invoiceTransfer',
      params: { number: p.invoice.number },
    })
  }
  if (p.method === 'purchase_order') {
    paragraphs.push({
      key: 'payments.email.instructions.purchaseOrder',
      params: { number: p.purchaseOrderNumber ?? '', reference: p.reference },
    })
  }
  if (p.bank) paragraphs.push({ key: 'payments.email.instructions.transfer', params: { ...p.bank, reference: p.reference } })
  else paragraphs.push({ key: 'payments.email.instructions.transferMissing', params: { reference: p.reference } })
  paragraphs.push({ key: 'payments.email.instructions.confirmLater' })
  return (
    <EventEmail
      locale={p.locale}
      firstName={p.firstName}
      event={p.event}
      heading="payments.email.instructions.heading"
      paragraphs={paragraphs}
      button={{ href: p.manageUrl, label: 'payments.email.instructions.button' }}
    />
  )
}

/** The invoice's Factur-X PDF, computed when the message is rendered (so it shows its current state). */
export async function paymentInstructionsAttachments(p: PaymentInstructionsProps): Promise<EmailAttachment[]> {
  if (!p.invoice) return []
  const invoice = await getInvoice(p.invoice.organisationId, p.invoice.id)
  if (!invoice) return []
  return [{ filename: `${invoiceFilename(invoice)}.pdf`, content: await facturXPdf(invoice), contentType: 'application/pdf' }]
}

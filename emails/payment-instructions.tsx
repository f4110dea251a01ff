// Sent when a paid registration waits for a bank transfer or a public-sector order: the amount,
// the reference to quote, and the bank details or purchase-order instructions.
import { translate, type Locale, type MessageKey, type MessageParams } from '#app/utils/i18n.ts'
import { EventEmail, type EventSummary } from './event-parts.tsx'

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
}

export const paymentInstructionsSubject = (locale: Locale, p: PaymentInstructionsProps) =>
  translate(locale, 'payments.email.instructions.subject', { title: p.event.title })

export function PaymentInstructions(p: PaymentInstructionsProps & { locale: Locale }) {
  const paragraphs: { key: MessageKey; params?: MessageParams }[] = [
    { key: 'payments.email.instructions.body', params: { amount: p.amount, ticket: p.ticket, reference: p.reference } },
  ]
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

// The payment columns of a registrations export: Billet, Montant (euros), Paiement (method —
// state), Référence, N° de reçu; empty for a free registration. Registrations' export takes them
// as extra columns (wired in app/composition/registrations.server.ts).
import type { Cell, ExtraColumns } from '#app/modules/registrations/export-format.ts'
import { translate, type MessageKey } from '#app/utils/i18n.ts'
import { currentPayment, methodLabel, paymentStateLabel, receiptNumberText, type PaymentLike } from './admin-view.ts'

const PAYMENT_COLUMNS = [
  'paymentsAdmin.export.ticket',
  'paymentsAdmin.export.amount',
  'paymentsAdmin.export.payment',
  'paymentsAdmin.export.reference',
  'paymentsAdmin.export.receipt',
] as const satisfies readonly MessageKey[]

export const paymentExportColumns: ExtraColumns = {
  applies: (event, registrations) => (event.ticketTypes?.length ?? 0) > 0 || registrations.some((r) => r.ticketType),
  headers: (locale) => PAYMENT_COLUMNS.map((key) => translate(locale, key)),
  cells(r, locale): Cell[] {
    const payment = currentPayment((r.payments ?? []) as PaymentLike[])
    if (!payment) return [r.ticketType?.name ?? '', null, '', '', '']
    return [
      r.ticketType?.name ?? '',
      payment.amountCents / 100,
      `${methodLabel(locale, payment.method)} — ${paymentStateLabel(locale, payment)}`,
      payment.reference,
      payment.receiptNumber === null ? '' : receiptNumberText(payment.receiptNumber),
    ]
  },
  moneyColumns: [1],
}

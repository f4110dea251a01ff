// Schemas of the organiser's ticket types and of an event's payment settings.
// - `ticketInputSchema` / `paymentSettingsInputSchema`: the service's input (cents, Dates, booleans).
// - `ticketFormSchema(timeZone)` / `paymentSettingsFormSchema(timeZone)`: the same rules for a
//   submitted form: prices in euros as people type them ("45", "45,50", "1 200,00 €"),
//   datetime-local values read in the event's time zone, empty fields meaning "none".
// Error messages are i18n keys (`paymentsAdmin.error.*`), translated where they are shown.
import { z } from 'zod'
import { isValidTimeZone, parseLocalDateTime } from '#app/shared/time.ts'

export const TICKET_KINDS = ['free', 'paid', 'reduced'] as const
export type TicketKind = (typeof TICKET_KINDS)[number]

export const TICKET_LIMITS = {
  name: 120,
  description: 500,
  /** 10 000 € — far above any ESS event ticket; a typo guard, not a business rule. */
  priceCents: 1_000_000,
  quota: 100_000,
  holdMinutesMin: 30,
  holdMinutesMax: 1440,
  refundFeeCents: 100_000,
} as const

/**
 * Euros as typed in a form → integer cents, or null when it is not an amount.
 * Accepts "45", "45,5", "45,50", "45.50", "1 200,00", "1 200 €" (French thin/normal spaces);
 * refuses negative numbers, more than two decimals and anything else.
 */
export function parseEuros(text: string): number | null {
  const cleaned = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/€$/, '')
    .replace(',', '.')
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(cleaned)
  if (!m) return null
  const euros = Number(m[1])
  const cents = Number((m[2] ?? '').padEnd(2, '0'))
  return euros * 100 + cents
}

/** Cents → the value of a euro input ("45,00"; "" for null). */
export function centsToEuroInput(cents: number | null | undefined): string {
  if (cents == null) return ''
  return `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`
}

const optionalDate = z.union([z.date(), z.null()]).optional()

export const ticketInputSchema = z
  .object({
    kind: z.enum(TICKET_KINDS, { error: 'paymentsAdmin.error.kindInvalid' }),
    name: z
      .string({ error: 'paymentsAdmin.error.nameRequired' })
      .trim()
      .min(2, { error: 'paymentsAdmin.error.nameRequired' })
      .max(TICKET_LIMITS.name, { error: 'paymentsAdmin.error.tooLong' }),
    nameEn: z
      .string({ error: 'paymentsAdmin.error.tooLong' })
      .trim()
      .max(TICKET_LIMITS.name, { error: 'paymentsAdmin.error.tooLong' })
      .nullish()
      .transform((v) => v || null),
    description: z
      .string({ error: 'paymentsAdmin.error.tooLong' })
      .trim()
      .max(TICKET_LIMITS.description, { error: 'paymentsAdmin.error.tooLong' })
      .nullish()
      .transform((v) => v || null),
    priceCents: z
      .number({ error: 'paymentsAdmin.error.priceInvalid' })
      .int({ error: 'paymentsAdmin.error.priceInvalid' })
      .min(0, { error: 'paymentsAdmin.error.priceInvalid' })
      .max(TICKET_LIMITS.priceCents, { error: 'paymentsAdmin.error.priceTooHigh' }),
    quota: z
      .number({ error: 'paymentsAdmin.error.quotaInvalid' })
      .int({ error: 'paymentsAdmin.error.quotaInvalid' })
      .min(1, { error: 'paymentsAdmin.error.quotaInvalid' })
      .max(TICKET_LIMITS.quota, { error: 'paymentsAdmin.error.quotaInvalid' })
      .nullish()
      .transform((v) => v ?? null),
    salesStartAt: optionalDate.transform((v) => v ?? null),
    salesEndAt: optionalDate.transform((v) => v ?? null),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'free' && v.priceCents !== 0)
      ctx.addIssue({ code: 'custom', path: ['priceCents'], message: 'paymentsAdmin.error.freeHasPrice' })
    if (v.kind !== 'free' && v.priceCents === 0)
      ctx.addIssue({ code: 'custom', path: ['priceCents'], message: 'paymentsAdmin.error.paidNeedsPrice' })
    if (v.salesStartAt && v.salesEndAt && v.salesEndAt.getTime() <= v.salesStartAt.getTime()) {
      ctx.addIssue({ code: 'custom', path: ['salesEndAt'], message: 'paymentsAdmin.error.salesEndBeforeStart' })
    }
  })
export type TicketInput = z.input<typeof ticketInputSchema>
export type TicketValues = z.output<typeof ticketInputSchema>

type FormRecord = Record<string, unknown>
const formString = (r: FormRecord, k: string) => (typeof r[k] === 'string' ? (r[k] as string).trim() : '')

/** "12" → 12; "" → null; anything else stays text and fails the number check with the field's message. */
function formInteger(r: FormRecord, k: string): unknown {
  const v = formString(r, k)
  if (!v) return null
  return /^\d+$/.test(v) ? Number(v) : v
}

/** A euro field → cents; "" → `empty`; unreadable text stays text and fails with the field's message. */
function formEuros(r: FormRecord, k: string, empty: number | null): unknown {
  const v = formString(r, k)
  if (!v) return empty
  return parseEuros(v) ?? v
}

function formDate(r: FormRecord, k: string, timeZone: string): unknown {
  const v = formString(r, k)
  if (!v) return null
  return (isValidTimeZone(timeZone) && parseLocalDateTime(v, timeZone)) || v
}

/** The ticket form: price in euros ("Gratuit" tickets ignore the price field), sale window in the event's zone. */
export type TicketFormFields = {
  kind?: string
  name?: string
  nameEn?: string
  description?: string
  price?: string
  quota?: string
  salesStartAt?: string
  salesEndAt?: string
}
export function ticketFormSchema(timeZone: string) {
  return z.preprocess((raw: TicketFormFields) => {
    if (!raw || typeof raw !== 'object') return raw
    const r = raw as FormRecord
    const kind = formString(r, 'kind')
    return {
      kind,
      name: formString(r, 'name'),
      nameEn: formString(r, 'nameEn'),
      description: formString(r, 'description'),
      priceCents: kind === 'free' ? 0 : formEuros(r, 'price', 0),
      quota: formInteger(r, 'quota'),
      salesStartAt: formDate(r, 'salesStartAt', timeZone),
      salesEndAt: formDate(r, 'salesEndAt', timeZone),
    }
  }, ticketInputSchema)
}

// ---- The event's payment settings ------------------------------------------------------------

export const paymentSettingsInputSchema = z
  .object({
    acceptsCard: z.boolean({ error: 'paymentsAdmin.error.booleanInvalid' }),
    acceptsTransfer: z.boolean({ error: 'paymentsAdmin.error.booleanInvalid' }),
    acceptsPurchaseOrder: z.boolean({ error: 'paymentsAdmin.error.booleanInvalid' }),
    paymentHoldMinutes: z
      .number({ error: 'paymentsAdmin.error.holdInvalid' })
      .int({ error: 'paymentsAdmin.error.holdInvalid' })
      .min(TICKET_LIMITS.holdMinutesMin, { error: 'paymentsAdmin.error.holdInvalid' })
      .max(TICKET_LIMITS.holdMinutesMax, { error: 'paymentsAdmin.error.holdInvalid' }),
    refundDeadline: optionalDate.transform((v) => v ?? null),
    refundFeeCents: z
      .number({ error: 'paymentsAdmin.error.feeInvalid' })
      .int({ error: 'paymentsAdmin.error.feeInvalid' })
      .min(0, { error: 'paymentsAdmin.error.feeInvalid' })
      .max(TICKET_LIMITS.refundFeeCents, { error: 'paymentsAdmin.error.feeInvalid' }),
  })
  .superRefine((v, ctx) => {
    if (!v.acceptsCard && !v.acceptsTransfer && !v.acceptsPurchaseOrder) {
      ctx.addIssue({ code: 'custom', path: ['methods'], message: 'paymentsAdmin.error.noMethod' })
    }
  })
export type PaymentSettingsInput = z.input<typeof paymentSettingsInputSchema>
export type PaymentSettingsValues = z.output<typeof paymentSettingsInputSchema>

const checked = (r: FormRecord, k: string) => ['on', 'true', '1', 'yes'].includes(formString(r, k))

export type PaymentSettingsFormFields = {
  methods?: string | string[]
  paymentHoldMinutes?: string
  refundDeadline?: string
  refundFee?: string
}
/** The settings form: the accepted methods are the ticked `methods` boxes (card, transfer, purchase_order). */
export function paymentSettingsFormSchema(timeZone: string) {
  return z.preprocess((raw: PaymentSettingsFormFields) => {
    if (!raw || typeof raw !== 'object') return raw
    const r = raw as FormRecord
    const methods = Array.isArray(r.methods) ? r.methods : typeof r.methods === 'string' ? [r.methods] : []
    const accepts = (method: string, field: string) => methods.includes(method) || checked(r, field)
    return {
      acceptsCard: accepts('card', 'acceptsCard'),
      acceptsTransfer: accepts('transfer', 'acceptsTransfer'),
      acceptsPurchaseOrder: accepts('purchase_order', 'acceptsPurchaseOrder'),
      paymentHoldMinutes: formInteger(r, 'paymentHoldMinutes') ?? 30,
      refundDeadline: formDate(r, 'refundDeadline', timeZone),
      refundFeeCents: formEuros(r, 'refundFee', 0),
    }
  }, paymentSettingsInputSchema)
}

export { fieldErrorsOf } from '#app/utils/validation.ts'

/** The tickets page's one-button forms: delete, archive, restore and move a ticket type. */
export const ticketButtonSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.enum(['ticket.delete', 'ticket.archive', 'ticket.restore']),
    ticketId: z.string({ error: 'paymentsAdmin.error.unknownAction' }),
  }),
  z.object({
    intent: z.literal('ticket.move'),
    ticketId: z.string({ error: 'paymentsAdmin.error.unknownAction' }),
    direction: z.enum(['up', 'down'], { error: 'paymentsAdmin.error.unknownAction' }),
  }),
])

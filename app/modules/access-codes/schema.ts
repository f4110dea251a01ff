// The organisers' form for a new code: what is typed (amount in percent or euros, dates in the
// event's time zone) turned into the service's input. Error messages are i18n keys.
import { z } from 'zod'
import { parseEuros } from '#app/modules/payments/ticket-schema.ts'
import { parseLocalDateTime } from '#app/shared/time.ts'
import { CODE_KINDS } from './rules.ts'
import type { CodeInput } from './service.server.ts'

const optionalText = z.string().trim().max(40).optional()

export function codeFormSchema(timeZone: string) {
  const date = (path: string) =>
    z
      .string()
      .trim()
      .optional()
      .transform((v, ctx) => {
        if (!v) return null
        const d = parseLocalDateTime(v, timeZone)
        if (!d) ctx.addIssue({ code: 'custom', path: [], message: 'accessCodes.error.date', params: { path } })
        return d
      })
  return z
    .object({
      code: optionalText,
      kind: z.enum(CODE_KINDS, { message: 'accessCodes.error.kind' }),
      amount: optionalText,
      ticketTypeId: z.string({ message: 'accessCodes.error.ticket' }).min(1, 'accessCodes.error.ticket'),
      maxUses: z
        .string()
        .trim()
        .optional()
        .refine((v) => !v || /^[1-9]\d{0,5}$/.test(v), 'accessCodes.error.maxUses'),
      validFrom: date('validFrom'),
      validUntil: date('validUntil'),
    })
    .transform((v, ctx): CodeInput => {
      let amount = 0
      if (v.kind === 'percent') {
        amount = Number(v.amount)
        if (!/^\d{1,3}$/.test(v.amount ?? '') || amount < 1 || amount > 100)
          ctx.addIssue({ code: 'custom', path: ['amount'], message: 'accessCodes.error.amount' })
      } else if (v.kind === 'fixed') {
        amount = parseEuros(v.amount ?? '') ?? 0
        if (amount <= 0) ctx.addIssue({ code: 'custom', path: ['amount'], message: 'accessCodes.error.amount' })
      }
      return {
        code: v.code || null,
        kind: v.kind,
        amount,
        ticketTypeId: v.ticketTypeId,
        maxUses: v.maxUses ? Number(v.maxUses) : null,
        validFrom: v.validFrom,
        validUntil: v.validUntil,
      }
    })
}

// The scoring page's abstention forms: abstain with a reason, or withdraw the abstention.
import { z } from 'zod'
import { ABSTENTION_REASON_MAX } from './abstention-rules.ts'

export const AbstainSchema = z.object({
  intent: z.literal('abstain', { error: 'jury.error.unknownIntent' }),
  reason: z
    .string({ error: 'juryPanel.error.reasonRequired' })
    .trim()
    .min(1, { error: 'juryPanel.error.reasonRequired' })
    .max(ABSTENTION_REASON_MAX, { error: 'juryPanel.error.reasonTooLong' }),
})

export const WithdrawAbstentionSchema = z.object({
  intent: z.literal('withdraw-abstention', { error: 'jury.error.unknownIntent' }),
})

// The forms of the rounds page: a new round, a juror's round, a promotion rule (previewed by GET,
// confirmed by POST) and a tie recorded as final.
import { z } from 'zod'
import type { PromotionRule } from './round-rules.ts'

const optionalDate = z.preprocess(
  (v) => (v === '' || v === undefined ? null : v),
  z.coerce.date({ error: 'juryRounds.error.date' }).nullable(),
)

export const newRoundFormSchema = z.object({
  intent: z.literal('create'),
  name: z
    .string({ error: 'juryRounds.error.name' })
    .trim()
    .min(1, { error: 'juryRounds.error.name' })
    .max(120, { error: 'juryRounds.error.name' }),
  opensAt: optionalDate.optional().default(null),
  closesAt: optionalDate.optional().default(null),
  assignmentMode: z.enum(['all', 'balanced']).optional().nullable().default(null),
})

export const seatRoundFormSchema = z.object({ intent: z.literal('seat'), jurorId: z.string(), roundId: z.string() })

export const tieFinalFormSchema = z.object({
  intent: z.literal('tie'),
  roundId: z.string(),
  categoryId: z.string(),
  place: z.coerce.number().int().min(1),
})

export const promotionFormSchema = z.object({
  intent: z.literal('promote'),
  to: z.string(),
  kind: z.enum(['top', 'threshold', 'manual'], { error: 'juryRounds.error.kind' }),
  perCategory: z.coerce.number({ error: 'juryRounds.error.perCategory' }).int().min(1).max(1000).optional(),
  minScore: z.coerce.number({ error: 'juryRounds.error.minScore' }).optional(),
  nominationIds: z.array(z.string()).optional().default([]),
})

/** The rule a promotion form (or the preview's query string) names, or null when it is incomplete. */
export function promotionRule(value: {
  kind: string
  perCategory?: number
  minScore?: number
  nominationIds?: string[]
}): PromotionRule | null {
  if (value.kind === 'top') return value.perCategory ? { kind: 'top', perCategory: value.perCategory } : null
  if (value.kind === 'threshold')
    return value.minScore !== undefined && Number.isFinite(value.minScore) ? { kind: 'threshold', minScore: value.minScore } : null
  if (value.kind === 'manual') return { kind: 'manual', nominationIds: value.nominationIds ?? [] }
  return null
}

/** Reads the preview's rule from the page's query string (?to=…&kind=…). */
export function promotionRuleFromSearch(params: URLSearchParams): { to: string; rule: PromotionRule } | null {
  const to = params.get('to')
  const kind = params.get('kind')
  if (!to || !kind) return null
  const num = (name: string) => (params.get(name) === null || params.get(name) === '' ? undefined : Number(params.get(name)))
  const rule = promotionRule({
    kind,
    perCategory: num('perCategory'),
    minScore: num('minScore'),
    nominationIds: params.getAll('nominationIds'),
  })
  return rule ? { to, rule } : null
}

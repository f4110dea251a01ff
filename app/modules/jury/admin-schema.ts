// The organisers' jury page's forms (invite, seats, conflict, and the resend/remove buttons), parsed
// with Zod by Conform; the service checks the same rules against the edition (its categories).
// Messages are i18n keys (`jury.error.*`).
import { z } from 'zod'
import { CONFLICT_KINDS, MAX_CONFLICT_NOTE_LENGTH } from './conflict-rules.ts'
import { JUROR_LIMITS } from './juror-rules.ts'
import { DECISIONS, RATIONALE_MAX, TIE_BREAKS } from './rules.ts'

const categoryIds = z.array(z.string(), { error: 'jury.error.categories' }).min(1, { error: 'jury.error.categories' })
const chairCategoryIds = z
  .array(z.string())
  .optional()
  .transform((v) => v ?? [])
const jurorId = z.string({ error: 'jury.error.jurorRequired' })

export const inviteJurorFormSchema = z.object({
  intent: z.literal('invite'),
  name: z.string({ error: 'jury.error.nameRequired' }).trim().max(JUROR_LIMITS.name, { error: 'jury.error.nameTooLong' }),
  email: z.string({ error: 'jury.error.email' }).trim(),
  organisationName: z
    .string()
    .trim()
    .max(JUROR_LIMITS.organisationName, { error: 'jury.error.organisationTooLong' })
    .optional()
    .transform((v) => v ?? ''),
  locale: z
    .enum(['fr', 'en'])
    .optional()
    .transform((v) => v ?? 'fr'),
  categoryIds,
  chairCategoryIds,
})

export const jurorSeatsFormSchema = z.object({ intent: z.literal('seats'), jurorId, categoryIds, chairCategoryIds })

export const recordConflictFormSchema = z.object({
  intent: z.literal('conflict'),
  jurorId,
  nominationId: z.string({ error: 'jury.error.nominationRequired' }),
  kind: z.enum(CONFLICT_KINDS, { error: 'jury.error.conflictKind' }),
  note: z
    .string()
    .max(MAX_CONFLICT_NOTE_LENGTH, { error: 'jury.error.noteTooLong' })
    .optional()
    .transform((v) => v ?? ''),
})

/** The one-button forms of a juror's row: resend the invitation, remove from the jury. */
export const jurorButtonSchema = z.discriminatedUnion(
  'intent',
  [z.object({ intent: z.literal('resend'), jurorId }), z.object({ intent: z.literal('remove'), jurorId })],
  { error: 'jury.error.unknownIntent' },
)

/** The scoring dashboard's jury settings: normalised results, tie-break, reminder days (empty is 0). */
export const jurySettingsFormSchema = z.object({
  intent: z.literal('settings'),
  normaliseScores: z.boolean().default(false),
  tieBreak: z.enum(TIE_BREAKS, { error: 'juryAdmin.error.tieBreak' }),
  juryReminderDaysBefore: z
    .number({ error: 'juryAdmin.error.reminderDays' })
    .int({ error: 'juryAdmin.error.reminderDays' })
    .min(0, { error: 'juryAdmin.error.reminderDays' })
    .max(30, { error: 'juryAdmin.error.reminderDays' })
    .optional()
    .transform((v) => v ?? 0),
})

/** The scoring dashboard's one-button forms: remind a juror (named in the toast), lock or unlock scoring. */
export const scoringButtonSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({ intent: z.literal('remind'), jurorId, name: z.string().optional() }),
    z.object({ intent: z.literal('lock') }),
    z.object({ intent: z.literal('unlock') }),
  ],
  { error: 'jury.error.unknownIntent' },
)

/** The organisers' decision on one nomination of the results page (rank empty: none). */
export const decisionFormSchema = z.object({
  intent: z.literal('decision'),
  nominationId: z.string({ error: 'jury.error.nominationRequired' }),
  decision: z.enum(DECISIONS, { error: 'juryAdmin.error.decision' }),
  rank: z
    .number({ error: 'juryAdmin.error.rank' })
    .int({ error: 'juryAdmin.error.rank' })
    .min(1, { error: 'juryAdmin.error.rank' })
    .optional()
    .transform((v) => v ?? null),
  rationale: z
    .string()
    .trim()
    .max(RATIONALE_MAX, { error: 'juryAdmin.error.rationaleLong' })
    .optional()
    .transform((v) => v ?? ''),
})

/** The results page's one-button form: publish the results. */
export const resultsButtonSchema = z.discriminatedUnion('intent', [z.object({ intent: z.literal('publish') })], {
  error: 'jury.error.unknownIntent',
})

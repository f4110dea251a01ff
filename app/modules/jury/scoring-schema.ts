// The forms of a juror's pages, shared by the browser (Conform's client validation) and the server:
// the scoring page (scores, comment, and declaring a conflict), its autosave, the juror's home
// (submit or reopen a category) and the chair's deliberation page. Messages are message keys.
// The scores' range and the grid's criteria are checked by saveScore, which knows the category.
import { z } from 'zod'
import { CONFLICT_KINDS, MAX_CONFLICT_NOTE_LENGTH } from './conflict-rules.ts'
import { MAX_COMMENT_LENGTH } from './scoring-rules.ts'

/** A criterion's score is posted as `c_<criterionId>` (one radio group per criterion). */
export const CRITERION_FIELD_PREFIX = 'c_'

const comment = z.string().trim().max(MAX_COMMENT_LENGTH, { error: 'jury.error.commentTooLong' }).default('')

/**
 * The scores of one nomination: the comment, the page's revision (autosave only), and any number of
 * `c_<criterionId>` fields kept as they were sent.
 */
export const ScoreFormSchema = z.looseObject({
  comment,
  revision: z.coerce.number().int().positive().optional().catch(undefined),
})

/** The Save button of the page without JavaScript. */
export const SaveScoreSchema = ScoreFormSchema.extend({ intent: z.literal('save', { error: 'jury.error.unknownIntent' }) })

export const DeclareConflictSchema = z.object({
  intent: z.literal('conflict', { error: 'jury.error.unknownIntent' }),
  kind: z.enum(CONFLICT_KINDS, { error: 'jury.error.conflictKind' }),
  note: z.string().trim().max(MAX_CONFLICT_NOTE_LENGTH, { error: 'jury.error.noteTooLong' }).default(''),
})

/** The raw score of each criterion of a parsed score form, by criterion id. */
export function scoreValuesOf(value: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {}
  for (const [key, raw] of Object.entries(value)) {
    if (key.startsWith(CRITERION_FIELD_PREFIX) && typeof raw === 'string') values[key.slice(CRITERION_FIELD_PREFIX.length)] = raw
  }
  return values
}

/** The juror's home: submitting (or reopening) the evaluations of one category. */
export const JuryCategorySchema = z.object({
  intent: z.enum(['submit', 'reopen'], { error: 'jury.error.unknownIntent' }),
  editionId: z.string({ error: 'jury.error.categoryRequired' }).min(1, { error: 'jury.error.categoryRequired' }),
  categoryId: z.string({ error: 'jury.error.categoryRequired' }).min(1, { error: 'jury.error.categoryRequired' }),
})

/** The chair's deliberation page: one button that validates the category's decisions. */
export const ValidateDecisionsSchema = z.object({})

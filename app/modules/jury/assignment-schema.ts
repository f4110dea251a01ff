// The assignments page's forms, parsed with Zod by Conform: a category's settings (whose second
// button runs the assignment with the saved settings) and the add/remove buttons of a nomination.
// updateAssignmentSettings checks the same rules; messages are i18n keys (`juryAdmin.error.*`).
import { z } from 'zod'

export const ASSIGNMENT_MODES = ['all', 'balanced'] as const

const count = (error: string) =>
  z
    .number({ error })
    .int({ error })
    .optional()
    .transform((v) => v ?? null)

export const assignmentSettingsFormSchema = z.object({
  intent: z.enum(['settings', 'run'], { error: 'juryAdmin.error.form' }),
  categoryId: z.string({ error: 'juryAdmin.error.form' }),
  mode: z.enum(ASSIGNMENT_MODES, { error: 'juryAdmin.error.mode' }).optional(),
  jurorsPerNomination: count('juryAdmin.error.k'),
  maxPerJuror: count('juryAdmin.error.max'),
})

/** One juror added to, or removed from, one nomination. */
export const assignmentButtonSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({ intent: z.literal('add'), nominationId: z.string(), jurorId: z.string({ error: 'juryAdmin.error.form' }) }),
    z.object({ intent: z.literal('remove'), nominationId: z.string(), assignmentId: z.string({ error: 'juryAdmin.error.form' }) }),
  ],
  { error: 'juryAdmin.error.form' },
)

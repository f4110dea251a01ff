// The public vote's forms, parsed with Zod like every form.
import { z } from 'zod'

/** The vote: one of the shortlisted nominations and the voter's email address (the service checks
 * that the nomination is shortlisted and that the address is not disposable). */
export const voteFormSchema = z.object({
  nominationId: z.string({ error: 'votes.error.nomination' }).max(100, { error: 'votes.error.nomination' }),
  email: z
    .string({ error: 'votes.error.email' })
    .trim()
    .max(254, { error: 'votes.error.email' })
    .pipe(z.email({ error: 'votes.error.email' })),
})

/** The confirmation page (/vote/<token>): one button. */
export const ConfirmVoteSchema = z.object({})

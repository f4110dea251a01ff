// The public vote's forms, parsed with Zod like every form.
import { z } from 'zod'
import { VOID_REASON_MAX } from './rules.ts'

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

/** The organisers' voiding of one vote: a reason is required (the service checks it again). */
export const voidVoteFormSchema = z.object({
  voteId: z.string({ error: 'votes.error.notFound' }),
  reason: z
    .string({ error: 'votes.error.reason' })
    .trim()
    .min(1, { error: 'votes.error.reason' })
    .max(VOID_REASON_MAX, { error: 'votes.error.reasonLong' }),
})

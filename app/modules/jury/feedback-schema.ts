// The feedback page's forms: share (or stop sharing) one juror's comment, send the feedback.
import { z } from 'zod'

export const feedbackFormSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({ intent: z.literal('share'), scoreId: z.string().min(1), shared: z.enum(['true', 'false']) }),
    z.object({ intent: z.literal('send') }),
  ],
  { error: 'jury.error.unknownIntent' },
)

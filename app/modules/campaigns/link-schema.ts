// The forms of a campaign recipient's personal links (/u/<token>, /i/<token>/decline): buttons only,
// parsed with Zod like every form so a tampered request is refused the same way.
import { z } from 'zod'

/**
 * One-click unsubscribe: the page's button sends nothing; a mail provider sends RFC 8058's
 * "List-Unsubscribe=One-Click". Any value is taken: refusing an unsubscribe helps nobody.
 */
export const UnsubscribeSchema = z.object({ 'List-Unsubscribe': z.string().optional() })

/** "Je ne pourrai pas venir" (the default) and taking it back. */
export const DeclineAnswerSchema = z.object({
  intent: z.enum(['decline', 'undo'], { error: 'campaigns.error.declineIntent' }).default('decline'),
})

// The join page's buttons (/jury/join/<token>): "Rejoindre le jury" sends nothing, "Je ne pourrai pas
// siéger" sends intent=decline. Parsed with Zod like every form.
import { z } from 'zod'

export const JoinAnswerSchema = z.object({
  intent: z.enum(['join', 'decline'], { error: 'jury.error.joinIntent' }).default('join'),
})

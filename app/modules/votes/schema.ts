// The public vote's confirmation form (/vote/<token>): one button, parsed with Zod like every form.
import { z } from 'zod'

export const ConfirmVoteSchema = z.object({})

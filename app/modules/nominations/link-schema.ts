// The forms of a nominee's application page (/n/<token>), one schema per button: save a step (and
// its autosave), add or remove an attachment, submit, withdraw. A step's fields depend on the
// edition (its questions): saveDraft checks them with the edition's schema and keeps what parses,
// so here they pass through as they were sent.
import { z } from 'zod'

/** The fields of one step, as the page (and its autosave) sends them. */
export const NominationStepSchema = z.looseObject({ step: z.string().optional() })

/** A file chosen in the attachment field (an empty file input is no file). */
const chosenFile = z.custom<File>((v) => typeof File !== 'undefined' && v instanceof File && v.size > 0, {
  error: 'nomination.attachment.error.missing',
})

export const NominationFormSchema = z.discriminatedUnion(
  'intent',
  [
    NominationStepSchema.extend({ intent: z.literal('save'), go: z.string().optional() }),
    z.object({ intent: z.literal('upload'), file: chosenFile }),
    z.object({
      intent: z.literal('removeAttachment'),
      attachmentId: z.string({ error: 'nomination.attachment.error.notFound' }).min(1, { error: 'nomination.attachment.error.notFound' }),
    }),
    z.object({ intent: z.literal('submit') }),
    z.object({ intent: z.literal('withdraw') }),
  ],
  { error: 'nomination.error.type' },
)

export const NOMINATION_INTENTS = ['save', 'upload', 'removeAttachment', 'submit', 'withdraw'] as const
export type NominationIntent = (typeof NOMINATION_INTENTS)[number]

/** The upload form alone, for its client validation. */
export const UploadAttachmentSchema = z.object({ intent: z.literal('upload'), file: chosenFile })

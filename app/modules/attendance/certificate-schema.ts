// The forms of the certificates page: the wording of the event's certificate (merge fields are
// checked by the service, which names the unknown ones), and the send button.
import { z } from 'zod'

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: 'certificates.error.tooLong' })
    .optional()
    .transform((v) => v || null)

export const CERTIFICATE_LIMITS = { title: 200, body: 4000, signatory: 140 } as const

export const certificateTemplateSchema = z.object({
  intent: z.literal('template'),
  title: text(CERTIFICATE_LIMITS.title),
  body: text(CERTIFICATE_LIMITS.body),
  titleEn: text(CERTIFICATE_LIMITS.title),
  bodyEn: text(CERTIFICATE_LIMITS.body),
  signatoryName: text(CERTIFICATE_LIMITS.signatory),
  signatoryRole: text(CERTIFICATE_LIMITS.signatory),
})

export const sendCertificatesSchema = z.object({
  intent: z.literal('send'),
  /** "yes": everyone who attended again, not only those not yet sent. */
  resendAll: z.literal('yes').optional(),
})
